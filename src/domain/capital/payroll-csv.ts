import { DomainError } from '../shared/errors.js';
import { parseDate } from '../members/csv/dates.js';
import { cleanCell, headerKey } from '../members/csv/text.js';

/**
 * A month's payroll deductions for capital (給与天引きによる出資金の払込み) as the payroll office exports them:
 * one row per member with the member number and the amount withheld, optionally the date. Japanese or English
 * headers; amounts as people write them (12,000 / ¥12,000 / 12,000円 / full-width digits).
 */
export interface PayrollDeductionRow {
  line: number;
  memberNumber: string;
  amount: number;
  /** The row's own date, or null for the batch date. */
  date: string | null;
}

export interface PayrollCsvError {
  line: number;
  column: string;
  field: 'memberNumber' | 'amount' | 'date' | null;
  code: string;
  value: string;
}

const columns = {
  memberNumber: ['組合員番号', '会員番号', 'membernumber', 'memberno', 'member'],
  amount: ['金額', '控除額', '出資金', '払込額', 'amount', 'deduction'],
  date: ['日付', '控除日', '払込日', 'date'],
} as const;
type Column = keyof typeof columns;

const amountPattern = /^[¥￥]?\s*(\d{1,3}(?:,\d{3})+|\d+)\s*円?$/;

/** Reads the rows and every problem in them (row + column + reason); nothing is refused half-way. */
export function readPayrollDeductions(headers: readonly string[], records: readonly (readonly string[])[]): {
  rows: PayrollDeductionRow[]; errors: PayrollCsvError[]; headerOf: Record<Column, string>;
} {
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(columns) as Column[]) {
    const keys: readonly string[] = columns[column].map(headerKey);
    index[column] = headers.findIndex((h) => keys.includes(headerKey(h)));
  }
  const missing = (['memberNumber', 'amount'] as const).filter((c) => index[c] < 0);
  if (missing.length > 0) {
    throw new DomainError('invalid', 'incomplete_mapping', `the file needs columns for ${missing.join(' and ')} (組合員番号, 金額)`,
      missing.map((field) => ({ field, code: 'required', message: `no column for ${field}` })));
  }
  const rows: PayrollDeductionRow[] = [];
  const errors: PayrollCsvError[] = [];
  records.forEach((record, i) => {
    const line = i + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    const cell = (column: Column) => (index[column] < 0 ? '' : (record[index[column]] ?? ''));
    const fail = (field: PayrollCsvError['field'], code: string) => errors.push({ line, column: field ? headers[index[field!]] ?? '' : '', field, code, value: field ? cell(field) : '' });
    const memberNumber = cleanCell(cell('memberNumber'));
    if (memberNumber === '') fail('memberNumber', 'required');
    const amountText = cleanCell(cell('amount'));
    const amountMatch = amountPattern.exec(amountText);
    const amount = amountMatch ? Number(amountMatch[1]!.replaceAll(',', '')) : NaN;
    if (amountText === '') fail('amount', 'required');
    else if (!Number.isSafeInteger(amount) || amount <= 0) fail('amount', 'invalid_amount');
    const dateText = cleanCell(cell('date'));
    const date = dateText === '' ? null : parseDate(dateText);
    if (dateText !== '' && date === null) fail('date', 'invalid_date');
    if (errors.at(-1)?.line !== line) rows.push({ line, memberNumber, amount, date });
  });
  const headerOf = Object.fromEntries((Object.keys(columns) as Column[]).map((c) => [c, headers[index[c]] ?? ''])) as Record<Column, string>;
  return { rows, errors, headerOf };
}
