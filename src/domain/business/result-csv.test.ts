import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { parseYen, readResultCsv } from './result-csv.js';

describe('the results CSV (事業所別決算)', () => {
  it('reads yen as Excel shows it and years in any of their names', () => {
    expect(parseYen('1,234,000')).toBe(1_234_000);
    expect(parseYen('1234000円')).toBe(1_234_000);
    expect(parseYen('¥1,234,000')).toBe(1_234_000);
    expect(parseYen('-500')).toBe(-500);
    expect(parseYen('12.5')).toBeNull();
    const { rows, errors } = readResultCsv(['事業所', '年度', '事業高', '経費', '利用者数'], [
      ['あじさい', '令和7年度', '12,000,000', '11,500,000', '40'],
      ['Aguriin', 'FY2025', '８０００００', '900000', ''],
    ]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, site: 'あじさい', fiscalYear: 2025, turnover: 12_000_000, expenses: 11_500_000, peopleServed: 40, workersMembers: null, workersNonMembers: null },
      { line: 3, site: 'Aguriin', fiscalYear: 2025, turnover: 800_000, expenses: 900_000, peopleServed: null, workersMembers: null, workersNonMembers: null },
    ]);
  });

  it('reports each bad cell with its row and column, a surplus that does not add up, and a site twice in a year', () => {
    const { rows, errors } = readResultCsv(['site', 'fiscal year', 'turnover', 'expenses', 'surplus'], [
      ['あじさい', '2025', '100', '40', '60'],
      ['', 'next year', '1.5', '', ''],
      ['はまなす', '2025', '100', '40', '50'],
      ['あじさい', '2025年度', '1', '1', ''],
    ]);
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(errors.map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual([
      '3:site:required', '3:fiscal year:invalid_fiscal_year', '3:turnover:not_whole_yen', '3:expenses:required',
      '4:surplus:surplus_mismatch', '5:site:duplicate_in_file',
    ]);
    expect(errors.at(-1)?.firstLine).toBe(2);
  });

  it('refuses a file without the columns it needs, naming them', () => {
    expect(() => readResultCsv(['事業所', '事業高'], [])).toThrow(DomainError);
    try {
      readResultCsv(['事業所', '事業高'], []);
    } catch (error) {
      expect((error as DomainError).errors.map((e) => e.field)).toEqual(['fiscalYear', 'expenses']);
    }
  });
});
