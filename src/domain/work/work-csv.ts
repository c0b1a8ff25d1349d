import { parseDate } from '../members/csv/dates.js';
import { cleanCell, headerKey } from '../members/csv/text.js';
import { DomainError } from '../shared/errors.js';
import { businessLineNamed, type NamedBusinessLine } from './business-line-names.js';
import { parseHours, parseMinutes } from './duration.js';
import { minutesPerDay, workTextLimits, type WorkRules } from './work-record.js';

/**
 * A time clock's export (タイムカード・勤怠データ) as CSV: one row per person per day per site and business line.
 * The person is named by member number or, for a worker who is not a member, by person id; the time as hours
 * (7.5, 7:30) or minutes, or both (a 時間 and a 分 column, added up). Japanese or English headers.
 */
export const workCsvFields = ['memberNumber', 'personId', 'date', 'hours', 'minutes', 'site', 'businessLine', 'role', 'note'] as const;
export type WorkCsvField = (typeof workCsvFields)[number];

/** Header names each field is recognised by (matched loosely: case, width, spaces and brackets aside). */
export const workCsvHeaders: Record<WorkCsvField, readonly string[]> = {
  memberNumber: ['組合員番号', '会員番号', 'member_number', 'member number', 'member no'],
  personId: ['個人ID', 'person_id', 'person id'],
  date: ['日付', '就労日', '勤務日', '作業日', 'date', 'work_date'],
  hours: ['時間', '労働時間', '就労時間', '勤務時間', '実働時間', 'hours'],
  minutes: ['分', '労働時間（分）', '就労時間（分）', '実働時間（分）', 'minutes'],
  site: ['現場', '事業所', '就労場所', '勤務地', 'site'],
  businessLine: ['事業', '事業部門', '事業区分', 'business_line', 'business line'],
  role: ['役割', '役職', '職務', 'role'],
  note: ['備考', 'メモ', 'note'],
};

const fieldByKey = new Map<string, WorkCsvField>();
for (const field of workCsvFields) {
  for (const header of workCsvHeaders[field]) {
    const key = headerKey(header);
    const taken = fieldByKey.get(key);
    if (taken && taken !== field) throw new Error(`header ${header} names both ${taken} and ${field}`);
    fieldByKey.set(key, field);
  }
}

/** Column index → the field it fills; a column whose header names no field (or a field taken already) is left out. */
export type WorkColumns = Partial<Record<WorkCsvField, number>>;

export function workColumnsOf(headers: readonly string[]): WorkColumns {
  const columns: WorkColumns = {};
  headers.forEach((header, index) => {
    const field = fieldByKey.get(headerKey(header));
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

/** One row as read: the person still named as in the file, everything else checked and normalised. */
export interface WorkCsvRow {
  /** The row number Excel shows (the header is row 1). */
  line: number;
  memberNumber: string;
  personId: string;
  date: string;
  minutes: number;
  site: string;
  businessLine: string;
  role: string;
  note: string | null;
}

/** Why a cell or row was refused; the web app and the report translate the code. */
export interface WorkCsvError {
  line: number;
  /** The column's header as written; '' for a problem with the whole row. */
  column: string;
  field: WorkCsvField | null;
  code: string;
  /** The cell as written (or, for a day over 24 hours, the day's minutes). */
  value: string;
  /** duplicate_in_file: the row with the same person, day, site and business line. */
  firstLine?: number;
}

export interface WorkCsvReading {
  rows: WorkCsvRow[];
  errors: WorkCsvError[];
  columns: WorkColumns;
}

/**
 * Reads the rows and every problem in them that the file alone shows (row + column + reason); the checks that
 * need the organization — who the people are, closed months, what is recorded already — come after (see
 * checkWorkImport). `lines` are the federation's business lines, which the 事業 column may name.
 */
export function readWorkCsv(
  headers: readonly string[], records: readonly (readonly string[])[], rules: WorkRules, lines: readonly NamedBusinessLine[],
): WorkCsvReading {
  const columns = workColumnsOf(headers);
  const missing: { field: string; message: string }[] = [];
  if (columns.memberNumber === undefined && columns.personId === undefined) missing.push({ field: 'memberNumber', message: 'a column for the member number (組合員番号) or person id (個人ID)' });
  if (columns.date === undefined) missing.push({ field: 'date', message: 'a column for the date (日付)' });
  if (columns.hours === undefined && columns.minutes === undefined) missing.push({ field: 'hours', message: 'a column for the hours (時間) or minutes (分)' });
  if (missing.length > 0) {
    throw new DomainError('invalid', 'incomplete_mapping', `the file needs ${missing.map((m) => m.message).join(', ')}`,
      missing.map(({ field, message }) => ({ field, code: 'required', message })));
  }
  const rows: WorkCsvRow[] = [];
  const errors: WorkCsvError[] = [];
  records.forEach((record, i) => {
    const line = i + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    const raw = (field: WorkCsvField): string => {
      const index = columns[field];
      return index === undefined ? '' : (record[index] ?? '');
    };
    const cell = (field: WorkCsvField): string => cleanCell(raw(field));
    const before = errors.length;
    const fail = (field: WorkCsvField, code: string) => errors.push({ line, column: headers[columns[field]!] ?? '', field, code, value: raw(field) });

    const memberNumber = cell('memberNumber');
    const personId = cell('personId');
    if (memberNumber === '' && personId === '') fail(columns.memberNumber !== undefined ? 'memberNumber' : 'personId', 'required');

    const dateText = cell('date');
    const date = dateText === '' ? null : parseDate(dateText);
    if (dateText === '') fail('date', 'required');
    else if (date === null) fail('date', 'invalid_date');
    else if (date > rules.today) fail('date', 'future_date');

    const minutes = timeOf(cell('hours'), cell('minutes'), columns.hours !== undefined ? 'hours' : 'minutes', fail);

    const text = (field: 'site' | 'role' | 'note'): string => {
      const value = cell(field);
      if (value.length > workTextLimits[field] && [...value].length > workTextLimits[field]) fail(field, 'too_long');
      return value;
    };
    const site = text('site');
    const role = text('role');
    const note = text('note');
    const businessLine = businessLineOf(cell('businessLine'), rules.businessLines, lines);
    if (typeof businessLine !== 'string') fail('businessLine', businessLine.refused);

    if (errors.length === before) {
      rows.push({ line, memberNumber, personId, date: date!, minutes: minutes!, site, businessLine: businessLine as string, role, note: note === '' ? null : note });
    }
  });
  return { rows, errors, columns };
}

/**
 * The row's minutes from its hours and/or minutes cells; null (with the problem reported) when they do not read.
 * `timeField` is the column a missing time is reported on: hours when the file has that column.
 */
function timeOf(hoursText: string, minutesText: string, timeField: 'hours' | 'minutes', fail: (field: WorkCsvField, code: string) => void): number | null {
  if (hoursText === '' && minutesText === '') {
    fail(timeField, 'required');
    return null;
  }
  const hours = hoursText === '' ? 0 : parseHours(hoursText);
  const minutes = minutesText === '' ? 0 : parseMinutes(minutesText);
  if (hours === null) fail('hours', 'invalid_hours');
  if (minutes === null) fail('minutes', 'invalid_minutes');
  if (hours === null || minutes === null) return null;
  const total = hours + minutes;
  if (total < 1 || total > minutesPerDay) {
    fail(hoursText === '' ? 'minutes' : 'hours', 'out_of_range');
    return null;
  }
  return total;
}

/**
 * The business line a cell names: '' for none; a line's code or name, which must be one of the organization's when
 * it declares any; free text (up to the limit) for an organization that declares none.
 */
function businessLineOf(text: string, declared: readonly string[], lines: readonly NamedBusinessLine[]): string | { refused: 'unknown_business_line' | 'too_long' } {
  if (text === '') return '';
  const named = businessLineNamed(text, lines);
  if (declared.length > 0) return named !== null && declared.includes(named) ? named : { refused: 'unknown_business_line' };
  if (named !== null) return named;
  return text.length > workTextLimits.businessLine && [...text].length > workTextLimits.businessLine ? { refused: 'too_long' } : text;
}
