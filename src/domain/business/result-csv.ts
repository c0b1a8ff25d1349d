import { cleanCell, headerKey } from '../members/csv/text.js';
import { DomainError } from '../shared/errors.js';
import { parseFiscalYear } from '../shared/fiscal-year.js';
import { checkSiteResult, maxYen, surplusOf, type SiteResultFigures } from './result.js';

/**
 * Sites' fiscal-year results as CSV (事業所別決算): one row per site and year. The site is named as in the registry
 * (its Japanese or English name); the year as 2026, 2026年度, FY2026 or 令和8年度. A 剰余 column may be given as a
 * check: it must equal 事業高 − 経費.
 */
export const resultCsvFields = ['site', 'fiscalYear', 'turnover', 'expenses', 'surplus', 'peopleServed', 'workersMembers', 'workersNonMembers'] as const;
export type ResultCsvField = (typeof resultCsvFields)[number];

export const resultCsvHeaders: Record<ResultCsvField, readonly string[]> = {
  site: ['事業所', '事業所名', '現場', 'site'],
  fiscalYear: ['年度', '事業年度', 'fiscal_year', 'fiscal year', 'fy'],
  turnover: ['事業高', '売上高', '事業収入', 'turnover'],
  expenses: ['経費', '事業費', '費用', 'expenses'],
  surplus: ['剰余', '剰余金', '事業剰余', 'surplus'],
  peopleServed: ['利用者数', '利用者', 'people_served', 'people served'],
  workersMembers: ['組合員従事者数', '組合員の従事者', 'workers_members', 'member workers'],
  workersNonMembers: ['組合員外従事者数', '組合員でない従事者', 'workers_non_members', 'non-member workers'],
};

const fieldByKey = new Map<string, ResultCsvField>(resultCsvFields.flatMap((field) => resultCsvHeaders[field].map((h) => [headerKey(h), field] as const)));

export interface ResultCsvRow extends SiteResultFigures {
  /** The row number Excel shows (the header is row 1). */
  line: number;
  site: string;
  fiscalYear: number;
}

/** Why a cell or row was refused; the web app translates the code. */
export interface ResultCsvError {
  line: number;
  /** The column's header as written; '' for the whole row. */
  column: string;
  field: ResultCsvField | null;
  code: string;
  value: string;
  /** duplicate_in_file: the earlier row for the same site and year. */
  firstLine?: number;
}

/** Yen as people type it in Excel: 1,234,000 / 1234000円 / ¥1,234,000 / full-width digits; whole yen only. */
export function parseYen(text: string): number | null {
  const plain = text.replace(/[,円¥\\\s]/g, '');
  if (!/^-?\d+$/.test(plain)) return null;
  const value = Number(plain);
  return Number.isSafeInteger(value) && Math.abs(value) <= maxYen ? value : null;
}

const parseCount = (text: string): number | null => (/^\d+$/.test(text.replace(/[,人名\s]/g, '')) ? Number(text.replace(/[,人名\s]/g, '')) : null);

/**
 * Reads every row and every problem the file alone shows (row, column, reason); whether the sites exist is the
 * import's check, with the organization's registry.
 */
/** Column index → the field it fills, by its header; the first column naming a field wins. */
export function resultColumnsOf(headers: readonly string[]): Partial<Record<ResultCsvField, number>> {
  const columns: Partial<Record<ResultCsvField, number>> = {};
  headers.forEach((header, index) => {
    const field = fieldByKey.get(headerKey(header));
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

export function readResultCsv(headers: readonly string[], records: readonly (readonly string[])[]): { rows: ResultCsvRow[]; errors: ResultCsvError[] } {
  const columns = resultColumnsOf(headers);
  const missing = (['site', 'fiscalYear', 'turnover', 'expenses'] as const).filter((f) => columns[f] === undefined);
  if (missing.length > 0) {
    throw new DomainError('invalid', 'incomplete_mapping', `the file needs columns for ${missing.join(', ')}`,
      missing.map((field) => ({ field, code: 'required', message: `a column headed ${resultCsvHeaders[field][0]} or ${resultCsvHeaders[field].at(-1)}` })));
  }
  const rows: ResultCsvRow[] = [];
  const errors: ResultCsvError[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    const line = i + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    const raw = (field: ResultCsvField): string => (columns[field] === undefined ? '' : (record[columns[field]] ?? ''));
    const before = errors.length;
    const fail = (field: ResultCsvField, code: string, firstLine?: number) =>
      errors.push({ line, column: headers[columns[field]!] ?? '', field, code, value: raw(field), ...(firstLine === undefined ? {} : { firstLine }) });
    const required = <T>(field: ResultCsvField, parse: (text: string) => T | null, code: string): T | null => {
      const text = cleanCell(raw(field));
      if (text === '') fail(field, 'required');
      const value = text === '' ? null : parse(text);
      if (text !== '' && value === null) fail(field, code);
      return value;
    };
    const optional = (field: ResultCsvField): number | null => {
      const text = cleanCell(raw(field));
      if (text === '') return null;
      const value = parseCount(text);
      if (value === null) fail(field, 'not_whole');
      return value;
    };
    const site = required('site', (t) => t, 'required');
    const fiscalYear = required('fiscalYear', parseFiscalYear, 'invalid_fiscal_year');
    const turnover = required('turnover', parseYen, 'not_whole_yen');
    const expenses = required('expenses', parseYen, 'not_whole_yen');
    const figures = { peopleServed: optional('peopleServed'), workersMembers: optional('workersMembers'), workersNonMembers: optional('workersNonMembers') };
    const surplusText = cleanCell(raw('surplus'));
    if (surplusText !== '' && turnover !== null && expenses !== null) {
      const surplus = parseYen(surplusText);
      if (surplus === null) fail('surplus', 'not_whole_yen');
      else if (surplus !== surplusOf({ turnover, expenses })) fail('surplus', 'surplus_mismatch');
    }
    if (errors.length > before || site === null || fiscalYear === null || turnover === null || expenses === null) return;
    const row = { line, site, fiscalYear, turnover, expenses, ...figures };
    try {
      checkSiteResult(row);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const e of error.errors) fail(e.field as ResultCsvField, e.code);
      return;
    }
    const key = `${site}\u0000${fiscalYear}`;
    const first = seen.get(key);
    if (first !== undefined) {
      fail('site', 'duplicate_in_file', first);
      return;
    }
    seen.set(key, line);
    rows.push(row);
  });
  return { rows, errors };
}
