import { describe, expect, it } from 'vitest';
import { readPayrollDeductions } from './payroll-csv.js';

describe('readPayrollDeductions', () => {
  it('reads Japanese headers and amounts as people write them', () => {
    const { rows, errors } = readPayrollDeductions(['組合員番号', '氏名', '控除額', '控除日'], [
      ['０００１', '山田 太郎', '¥12,000', ''],
      ['0002', '佐藤 花子', '５，０００円', '令和7年5月25日'],
      ['', '', '', ''],
    ]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { line: 2, memberNumber: '0001', amount: 12_000, date: null },
      { line: 3, memberNumber: '0002', amount: 5_000, date: '2025-05-25' },
    ]);
  });

  it('names the row, column and reason of every problem', () => {
    const { rows, errors } = readPayrollDeductions(['Member number', 'Amount', 'Date'], [['', '12.5', '2025-02-30'], ['0003', '-100', '']]);
    expect(rows).toEqual([]);
    expect(errors.map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual(['2:Member number:required', '2:Amount:invalid_amount', '2:Date:invalid_date', '3:Amount:invalid_amount']);
  });

  it('refuses a file without the member number or amount column', () => {
    expect(() => readPayrollDeductions(['氏名', '金額'], [])).toThrow(/memberNumber/);
  });
});
