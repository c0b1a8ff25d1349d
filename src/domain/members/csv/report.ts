import type { CsvEncoding } from './decode.js';
import { encodeTable, excelText, type EncodedCsv } from './encode.js';
import type { CsvLocale } from './export.js';
import type { ColumnMapping } from './mapping.js';
import { identifierFields, memberFieldByName } from './member-row.js';
import { unwrapExcelText } from './text.js';
import type { MemberCsvError } from './validate.js';

/**
 * The two files an import with bad rows hands back: a list of every error, and the bad rows themselves
 * with what to fix, to correct in Excel and import again. These are generated documents, so the sentences
 * are built here, in the locale asked for.
 */

export interface ReportOptions {
  encoding: CsvEncoding;
  locale: CsvLocale;
}

type Sentence = (error: MemberCsvError) => string;

const maxLength = (error: MemberCsvError): number | null => (error.field ? (memberFieldByName.get(error.field)?.maxLength ?? null) : null);

const sentences: Record<CsvLocale, Record<string, Sentence>> = {
  ja: {
    required: () => '必須の項目が空です。',
    too_long: (e) => (maxLength(e) ? `${maxLength(e)}文字以内にしてください。` : '長すぎます。'),
    invalid_kana: () => 'カタカナで入力してください（ひらがな・半角カナも可）。',
    invalid_date: () => '日付として読めません。2024-04-01、2024/4/1、令和6年4月1日 のように入力してください。',
    invalid_email: () => 'メールアドレスの形式ではありません。',
    invalid_phone: () => '電話番号は数字とハイフンで入力してください。',
    invalid_postal_code: () => '郵便番号は7桁の数字で入力してください（例: 123-4567）。Excel で先頭の0が消えていないか確認してください。',
    unknown_prefecture: () => '都道府県名として読めません（例: 東京都、東京、13）。',
    invalid_boolean: () => '「はい」か「いいえ」で入力してください。',
    contract_end_before_start: () => '労働契約終了日が開始日より前です。',
    duplicate_in_file: (e) => `この組合員番号は${e.firstLine ?? '?'}行目と重複しています。`,
    wrong_column_count: (e) =>
      `列の数が見出しと違います（見出し${e.expectedColumns ?? '?'}列、この行${e.value}列）。カンマを含む値は " で囲んでください。`,
    unknown_kind: () => 'この組織にない組合員の種類です。',
  },
  en: {
    required: () => 'This field is required.',
    too_long: (e) => (maxLength(e) ? `Use at most ${maxLength(e)} characters.` : 'Too long.'),
    invalid_kana: () => 'Write it in katakana (hiragana and half-width kana are accepted).',
    invalid_date: () => 'Not a date: write it like 2024-04-01, 2024/4/1 or 令和6年4月1日.',
    invalid_email: () => 'Not an email address.',
    invalid_phone: () => 'Write the phone number with digits and hyphens.',
    invalid_postal_code: () => 'A postal code has 7 digits (like 123-4567). Check that Excel did not drop a leading 0.',
    unknown_prefecture: () => 'Not a prefecture (write it like 東京都, 東京, Tokyo or 13).',
    invalid_boolean: () => 'Write yes or no.',
    contract_end_before_start: () => 'The labour contract ends before it starts.',
    duplicate_in_file: (e) => `This member number is already used on row ${e.firstLine ?? '?'}.`,
    wrong_column_count: (e) =>
      `This row has ${e.value} cells, the header ${e.expectedColumns ?? '?'}. Put values that contain commas in double quotes.`,
    unknown_kind: () => 'The organization has no such kind of member.',
  },
};

/** A short sentence saying what is wrong, in the locale; a code this module does not know is shown as is. */
export const describeError = (error: MemberCsvError, locale: CsvLocale): string => sentences[locale][error.code]?.(error) ?? error.code;

const reportHeaders: Record<CsvLocale, string[]> = {
  ja: ['行', '列', '理由', '値', 'コード'],
  en: ['line', 'column', 'reason', 'value', 'code'],
};

/** Every error as a CSV: row number, column header, the reason in words, the value as written, the code. */
export const errorReportCsv = (errors: readonly MemberCsvError[], options: ReportOptions): EncodedCsv => {
  const rows = errors.map((e) => {
    const value = excelText(unwrapExcelText(e.value), e.field !== null && identifierFields.has(e.field));
    return [String(e.line), e.column, describeError(e, options.locale), value, e.code];
  });
  return encodeTable(reportHeaders[options.locale], rows, options.encoding);
};

export interface RejectedRowsInput {
  /** The header as in the file. */
  headers: readonly string[];
  /** All the records of the file, as parsed; the rows with errors are picked out. */
  records: readonly (readonly string[])[];
  errors: readonly MemberCsvError[];
  /** The row number of records[0]; 2 unless the caller says otherwise. */
  firstDataRow?: number;
  /** The mapping used, so codes (member numbers, phones) are kept from Excel's date conversion too. */
  mapping?: ColumnMapping;
}

const errorsHeader: Record<CsvLocale, string> = { ja: 'エラー', en: 'errors' };
const separator: Record<CsvLocale, string> = { ja: ' ／ ', en: '; ' };

/**
 * The rows that were refused, as written, under the file's own header with a last column saying what to
 * fix: the user corrects them and imports this file again (the extra column maps to no field). Cells are
 * written so Excel keeps leading zeros. A row with more cells than the header keeps its extra cells after
 * the errors column.
 */
export const rejectedRowsCsv = (input: RejectedRowsInput, options: ReportOptions): EncodedCsv => {
  const { headers, records, errors, mapping = {} } = input;
  const identifierColumn = headers.map((_, i) => {
    const field = mapping[i];
    return field !== undefined && field !== null && identifierFields.has(field);
  });
  const firstDataRow = input.firstDataRow ?? 2;
  const { locale } = options;
  const byLine = new Map<number, string[]>();
  for (const error of errors) {
    const what = describeError(error, locale);
    const message = error.column ? `${error.column}: ${what}` : what;
    const list = byLine.get(error.line);
    if (list) list.push(message);
    else byLine.set(error.line, [message]);
  }
  const rows = [...byLine.keys()]
    .sort((a, b) => a - b)
    .map((line) => {
      const cells = (records[line - firstDataRow] ?? []).map((cell, i) => excelText(unwrapExcelText(cell), identifierColumn[i] ?? false));
      const own = Array.from({ length: headers.length }, (_, i) => cells[i] ?? '');
      return [...own, (byLine.get(line) ?? []).join(separator[locale]), ...cells.slice(headers.length)];
    });
  return encodeTable([...headers, errorsHeader[locale]], rows, options.encoding);
};
