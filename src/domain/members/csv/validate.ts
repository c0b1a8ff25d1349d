import { DomainError } from '../../shared/errors.js';
import { parseDate } from './dates.js';
import { duplicateFields, missingRequired, type ColumnMapping } from './mapping.js';
import { fieldDefinition, type MemberField, type MemberImportRow } from './member-row.js';
import { prefectureCodeOf } from './prefecture-lookup.js';
import { cleanCell, hiraganaToKatakana, longerThan, normalizeDashes } from './text.js';

/** Why a cell or row was refused; the web app and the report translate these. */
export type MemberCsvErrorCode =
  | 'required'
  | 'too_long'
  | 'invalid_kana'
  | 'invalid_date'
  | 'invalid_email'
  | 'invalid_phone'
  | 'invalid_postal_code'
  | 'unknown_prefecture'
  | 'invalid_boolean'
  | 'contract_end_before_start'
  | 'duplicate_in_file'
  | 'wrong_column_count';

export interface MemberCsvError {
  /** The row number Excel shows for the record (the header is row 1). */
  line: number;
  /** The header of the column as written in the file; '' for an error about the whole row. */
  column: string;
  field: MemberField | null;
  /** A MemberCsvErrorCode, or a code the caller adds (such as an unknown kind) before reporting. */
  code: string;
  /** The cell as written in the file (for wrong_column_count: the number of cells in the row). */
  value: string;
  /** duplicate_in_file: the earlier row with the same member number. */
  firstLine?: number;
  /** wrong_column_count: the number of columns in the header. */
  expectedColumns?: number;
}

export interface ValidatedMemberRow {
  line: number;
  row: MemberImportRow;
}

export interface MemberCsvValidation {
  rows: ValidatedMemberRow[];
  errors: MemberCsvError[];
}

export interface ValidateOptions {
  /** The headers as in the file, for error reports. */
  headers: readonly string[];
  /** The row number Excel shows for records[0]: 2, the line after the header. */
  firstDataRow?: number;
  /** The kind for rows that give none (or for a file without a kind column). */
  defaultKind?: string | undefined;
}

/** A refusal of one cell; one instance per code, so checking a cell allocates nothing. */
class Refusal {
  constructor(readonly code: MemberCsvErrorCode) {}
}
const refusals = {
  required: new Refusal('required'),
  tooLong: new Refusal('too_long'),
  kana: new Refusal('invalid_kana'),
  date: new Refusal('invalid_date'),
  email: new Refusal('invalid_email'),
  phone: new Refusal('invalid_phone'),
  postalCode: new Refusal('invalid_postal_code'),
  prefecture: new Refusal('unknown_prefecture'),
  boolean: new Refusal('invalid_boolean'),
};

// Compiled once: these run on every cell.
const katakanaWords = /^[\u30a1-\u30ff]+(?: [\u30a1-\u30ff]+)*$/;
const spaceRuns = /\s+/g;
const email = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;
const phoneCharacters = /^\+?[\d\s()-]+$/;
const nonDigits = /\D/g;
const postalCode = /^〒?\s*(\d{3})[-\s]?(\d{4})$/;

const kinds: ReadonlyMap<string, string> = new Map([
  ['worker', 'worker'], ['workers', 'worker'], ['worker member', 'worker'], ['労働者組合員', 'worker'], ['労働者', 'worker'],
  ['user', 'user'], ['users', 'user'], ['user member', 'user'], ['利用者組合員', 'user'], ['利用者', 'user'],
]);

const booleans: ReadonlyMap<string, boolean> = new Map([
  ['はい', true], ['yes', true], ['y', true], ['true', true], ['1', true], ['○', true], ['〇', true], ['◯', true], ['有', true], ['あり', true], ['する', true],
  ['いいえ', false], ['no', false], ['n', false], ['false', false], ['0', false], ['×', false], ['x', false], ['無', false], ['なし', false], ['しない', false],
]);

type Checked<T> = T | Refusal;

const text = (maxLength: number) => (value: string): Checked<string> => (longerThan(value, maxLength) ? refusals.tooLong : value);

const kana = (value: string): Checked<string> => {
  const katakana = hiraganaToKatakana(value).replace(spaceRuns, ' ');
  if (!katakanaWords.test(katakana)) return refusals.kana;
  return longerThan(katakana, 50) ? refusals.tooLong : katakana;
};

const date = (value: string): Checked<string> => parseDate(value) ?? refusals.date;

const emailAddress = (value: string): Checked<string> =>
  value.length > 254 ? refusals.tooLong : email.test(value) ? value : refusals.email;

/** Digits with the separators people type; Japanese numbers have 10 or 11 digits, international ones up to 15. */
const phone = (value: string): Checked<string> => {
  const normalized = normalizeDashes(value);
  if (normalized.length > 30 || !phoneCharacters.test(normalized)) return refusals.phone;
  const digitCount = normalized.replace(nonDigits, '').length;
  return digitCount >= 9 && digitCount <= 15 ? normalized : refusals.phone;
};

const postal = (value: string): Checked<string> => {
  const match = postalCode.exec(normalizeDashes(value));
  return match ? `${match[1]}${match[2]}` : refusals.postalCode;
};

const prefecture = (value: string): Checked<string> => prefectureCodeOf(value) ?? refusals.prefecture;

const kind = (value: string): Checked<string> =>
  kinds.get(value.toLowerCase()) ?? (longerThan(value, 50) ? refusals.tooLong : value);

const yesNo = (value: string): Checked<boolean> => booleans.get(value.toLowerCase()) ?? refusals.boolean;

/**
 * How one column fills its field: clean the cell, refuse it or store the value. Built per field with the
 * field's own type, so each check returns exactly what its field holds.
 */
interface ColumnCheck {
  field: MemberField;
  header: string;
  /** Sets the field on the row, or returns why it cannot. */
  apply(row: MemberImportRow, raw: string): MemberCsvErrorCode | null;
}

type CheckFor<K extends MemberField> = (value: string) => Checked<NonNullable<MemberImportRow[K]>>;

const columnCheck = <K extends MemberField>(field: K, header: string, check: CheckFor<K>, required: boolean): ColumnCheck => ({
  field,
  header,
  apply(row, raw) {
    const value = cleanCell(raw);
    // An empty optional cell leaves the blank row's null (or the default kind) in place.
    if (value === '') return required ? 'required' : null;
    const result = check(value);
    if (result instanceof Refusal) return result.code;
    row[field] = result;
    return null;
  },
});

const checks: { [K in MemberField]: CheckFor<K> } = {
  memberNumber: text(50),
  familyName: text(50),
  givenName: text(50),
  familyKana: kana,
  givenKana: kana,
  kind,
  admittedOn: date,
  birthDate: date,
  email: emailAddress,
  phone,
  postalCode: postal,
  prefectureCode: prefecture,
  address: text(200),
  engagedInWork: yesNo,
  labourContractFrom: date,
  labourContractUntil: date,
};

const checkFor = <K extends MemberField>(field: K, header: string, defaultKind: string | undefined): ColumnCheck =>
  columnCheck(field, header, checks[field], fieldDefinition(field).required && !(field === 'kind' && defaultKind));

const blankRow = (kindValue: string): MemberImportRow => ({
  memberNumber: '',
  familyName: '',
  givenName: '',
  familyKana: '',
  givenKana: '',
  kind: kindValue,
  admittedOn: '',
  birthDate: null,
  email: null,
  phone: null,
  postalCode: null,
  prefectureCode: null,
  address: null,
  engagedInWork: null,
  labourContractFrom: null,
  labourContractUntil: null,
});

const isBlank = (record: readonly string[]): boolean => {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
};

/** The cells beyond the header's columns, when any of them holds something. */
const hasExtraCells = (record: readonly string[], columns: number): boolean => {
  for (let i = columns; i < record.length; i++) if ((record[i] ?? '').trim() !== '') return true;
  return false;
};

/**
 * Checks every record before anything is written and collects every error (row + column + reason), in one
 * pass: each cell goes through its column's check once; duplicate member numbers are found with a Map.
 * Rows with no errors come back normalised, with their row number. Blank rows (Excel writes ",,,," for
 * rows that once held formatting) are skipped without an error.
 *
 * Throws DomainError 'incomplete_mapping' when a required field has no column or a field has two: that is
 * a mistake in the preview step, not in the file.
 */
export const validateRows = (
  records: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options: ValidateOptions,
): MemberCsvValidation => {
  const steps = validateRowsInSteps(records, mapping, options);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
};

/**
 * `validateRows` a slice at a time: it pauses after every `step` records, giving how many it has checked, and returns
 * the same validation at the end. A server checks a large file this way, letting other requests run between slices.
 */
export function* validateRowsInSteps(
  records: readonly (readonly string[])[],
  mapping: ColumnMapping,
  options: ValidateOptions,
  step = 2_000,
): Generator<number, MemberCsvValidation, void> {
  const { headers, defaultKind } = options;
  const firstDataRow = options.firstDataRow ?? 2;
  const missing = missingRequired(mapping, { defaultKind });
  const twice = duplicateFields(mapping);
  if (missing.length > 0 || twice.length > 0) {
    const message = `columns needed for: ${missing.join(', ') || '-'}; fields mapped twice: ${twice.join(', ') || '-'}`;
    throw new DomainError('invalid', 'incomplete_mapping', message, [
      ...missing.map((field) => ({ field, code: 'required', message: `no column is mapped to ${field}` })),
      ...twice.map((field) => ({ field, code: 'mapped_twice', message: `more than one column is mapped to ${field}` })),
    ]);
  }

  const columns: { index: number; check: ColumnCheck }[] = [];
  for (const [key, field] of Object.entries(mapping)) {
    const index = Number(key);
    if (field) columns.push({ index, check: checkFor(field, headers[index] ?? '', defaultKind) });
  }
  columns.sort((a, b) => a.index - b.index);
  const indexOf = (field: MemberField): number => columns.find((c) => c.check.field === field)?.index ?? -1;
  const memberNumberIndex = indexOf('memberNumber');
  const untilIndex = indexOf('labourContractUntil');
  const headerCount = headers.length;

  const rows: ValidatedMemberRow[] = [];
  const errors: MemberCsvError[] = [];
  const lineOfNumber = new Map<string, number>();

  for (let r = 0; r < records.length; r++) {
    if (r > 0 && r % step === 0) yield r;
    const record = records[r] ?? [];
    const line = firstDataRow + r;
    if (isBlank(record)) continue;
    if (record.length < headerCount || hasExtraCells(record, headerCount)) {
      // Misaligned cells (often an address with an unquoted comma) would give misleading per-cell errors.
      errors.push({ line, column: '', field: null, code: 'wrong_column_count', value: String(record.length), expectedColumns: headerCount });
      continue;
    }

    const row = blankRow(defaultKind ?? '');
    const errorsBefore = errors.length;
    for (const { index, check } of columns) {
      const raw = record[index] ?? '';
      const code = check.apply(row, raw);
      if (code) errors.push({ line, column: check.header, field: check.field, code, value: raw });
    }

    if (row.labourContractFrom && row.labourContractUntil && row.labourContractUntil < row.labourContractFrom) {
      const value = record[untilIndex] ?? '';
      errors.push({ line, column: headers[untilIndex] ?? '', field: 'labourContractUntil', code: 'contract_end_before_start', value });
    }

    if (row.memberNumber !== '') {
      const firstLine = lineOfNumber.get(row.memberNumber);
      if (firstLine === undefined) {
        lineOfNumber.set(row.memberNumber, line);
      } else {
        const value = record[memberNumberIndex] ?? '';
        errors.push({ line, column: headers[memberNumberIndex] ?? '', field: 'memberNumber', code: 'duplicate_in_file', value, firstLine });
      }
    }

    if (errors.length === errorsBefore) rows.push({ line, row });
  }
  return { rows, errors };
}
