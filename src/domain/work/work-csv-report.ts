import type { CsvEncoding } from '../members/csv/decode.js';
import { encodeTable, excelText, type EncodedCsv } from '../members/csv/encode.js';
import type { CsvLocale } from '../members/csv/export.js';
import { unwrapExcelText } from '../members/csv/text.js';
import type { WorkCsvError } from './work-csv.js';
import { minutesPerDay, workTextLimits } from './work-record.js';

/**
 * The problems of a refused time-clock file as a CSV to fix it by: row, column, the reason in words, the value as
 * written and the code. A generated document, so its sentences are built here, in the locale asked for.
 */
type Sentence = (error: WorkCsvError) => string;

const limitOf = (error: WorkCsvError): number | null =>
  error.field === 'site' || error.field === 'role' || error.field === 'note' || error.field === 'businessLine' ? workTextLimits[error.field] : null;

const sentences: Record<CsvLocale, Record<string, Sentence>> = {
  ja: {
    required: () => '必須の項目が空です。',
    invalid_date: () => '日付として読めません。2026-04-01、2026/4/1、令和8年4月1日 のように入力してください。',
    future_date: () => 'まだ来ていない日です。就労は働いた後に記録します。',
    invalid_hours: () => '時間として読めません。7.5 や 7:30 のように入力してください。',
    invalid_minutes: () => '分として読めません。450 のように整数で入力してください。',
    out_of_range: () => `1分から${minutesPerDay}分（24時間）までで入力してください。`,
    too_long: (e) => `${limitOf(e) ?? ''}文字以内にしてください。`,
    unknown_business_line: () => 'この組織の事業ではありません。',
    unknown_member: () => 'この組合員番号の組合員はいません。',
    unknown_person: () => 'この個人IDの組合員・従事者はいません。',
    person_mismatch: () => '組合員番号と個人IDが別の人を指しています。',
    not_working_then: () => 'この日、この人は組合員でも従事者でもありません。',
    period_closed: () => 'この月の就労記録は締められています。',
    duplicate_in_file: (e) => `同じ人・日・現場・事業の行が${e.firstLine ?? '?'}行目にもあります。`,
    already_recorded: () => '同じ人・日・現場・事業の就労がすでに記録されています（置き換える場合は「置き換え」を選んでください）。',
    already_approved: () => '同じ人・日・現場・事業の就労はすでに承認されています。置き換えるには承認を取り消してください。',
    day_over_24_hours: (e) => `この人のこの日の就労時間が合計${e.value}分になり、24時間を超えます。`,
  },
  en: {
    required: () => 'This field is required.',
    invalid_date: () => 'Not a date: write it like 2026-04-01, 2026/4/1 or 令和8年4月1日.',
    future_date: () => 'This day has not come yet: work is recorded once it is done.',
    invalid_hours: () => 'Not a time: write hours like 7.5 or 7:30.',
    invalid_minutes: () => 'Not minutes: write a whole number like 450.',
    out_of_range: () => `Write from 1 to ${minutesPerDay} minutes (24 hours).`,
    too_long: (e) => `Use at most ${limitOf(e) ?? ''} characters.`,
    unknown_business_line: () => 'The organization has no such business line.',
    unknown_member: () => 'No member has this member number.',
    unknown_person: () => 'No member or worker has this person id.',
    person_mismatch: () => 'The member number and the person id name different people.',
    not_working_then: () => 'On this day the person was neither a member nor engaged in the work.',
    period_closed: () => 'The work of this month is closed.',
    duplicate_in_file: (e) => `Row ${e.firstLine ?? '?'} has the same person, day, site and business line.`,
    already_recorded: () => 'Work of the same person, day, site and business line is recorded already (choose "replace" to replace it).',
    already_approved: () => 'Work of the same person, day, site and business line is approved already: un-approve it to replace it.',
    day_over_24_hours: (e) => `The person's work on this day adds up to ${e.value} minutes, more than 24 hours.`,
  },
};

/** A short sentence saying what is wrong, in the locale; a code this module does not know is shown as is. */
export const describeWorkError = (error: WorkCsvError, locale: CsvLocale): string => sentences[locale][error.code]?.(error) ?? error.code;

const reportHeaders: Record<CsvLocale, string[]> = {
  ja: ['行', '列', '理由', '値', 'コード'],
  en: ['line', 'column', 'reason', 'value', 'code'],
};

/** Every problem as a CSV for Excel: row number, column header, the reason, the value as written, the code. */
export const workErrorReportCsv = (errors: readonly WorkCsvError[], options: { encoding: CsvEncoding; locale: CsvLocale }): EncodedCsv => {
  const rows = errors.map((e) => [String(e.line), e.column, describeWorkError(e, options.locale), excelText(unwrapExcelText(e.value), e.field === 'memberNumber'), e.code]);
  return encodeTable(reportHeaders[options.locale], rows, options.encoding);
};
