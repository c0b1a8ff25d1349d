import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../test/support/errors.js';
import { DomainError } from '../shared/errors.js';
import { businessLineNamed } from './business-line-names.js';
import { readWorkCsv, workColumnsOf } from './work-csv.js';

const lines = { businessLines: ['eldercare', 'childcare'], today: '2026-11-27' };
/** A line the federation added, known by its code and the names it gave. */
const bakery = { code: 'bakery', nameJa: 'パン工房', nameEn: 'Bakery' };

describe('reading a time-clock CSV', () => {
  it('maps Japanese and English headers, loosely', () => {
    expect(workColumnsOf(['会員番号', '日付', '時間', '分', '現場', '事業', '役割', '備考'])).toEqual({
      memberNumber: 0, date: 1, hours: 2, minutes: 3, site: 4, businessLine: 5, role: 6, note: 7,
    });
    expect(workColumnsOf(['Member_Number', 'Person ID', 'DATE', 'Minutes', 'Business Line', '労働時間（分）'])).toEqual({
      memberNumber: 0, personId: 1, date: 2, minutes: 3, businessLine: 4,
    });
  });

  it('needs a person, a date and a time column', () => {
    expect(codeOf(() => readWorkCsv(['氏名', '日付'], [['山田', '2026-11-02']], lines, []))).toBe('incomplete_mapping');
    const refusal = (() => {
      try {
        readWorkCsv(['氏名', '備考'], [['山田', '']], lines, []);
        return null;
      } catch (error) {
        return error instanceof DomainError ? error : null;
      }
    })();
    expect(refusal?.errors.map((e) => e.field)).toEqual(['memberNumber', 'date', 'hours']);
  });

  it('reads hours, minutes or both, era dates and full-width digits, and business lines by name', () => {
    const reading = readWorkCsv(['組合員番号', '個人ID', '日付', '時間', '分', '現場', '事業', '役割'], [
      ['０００１', '', '令和8年11月2日', '7.5', '', '池袋', '高齢者介護', 'コーディネーター'],
      ['0002', '', '2026/11/2', '7:30', '', '', 'childcare', ''],
      ['', 'p-1', '20261102', '7', '30', '', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['0003', '', '2026-11-02', '', '450', '', 'Eldercare', ''],
    ], lines, []);
    expect(reading.errors).toEqual([]);
    expect(reading.rows).toEqual([
      { line: 2, memberNumber: '0001', personId: '', date: '2026-11-02', minutes: 450, site: '池袋', businessLine: 'eldercare', role: 'コーディネーター', note: null },
      { line: 3, memberNumber: '0002', personId: '', date: '2026-11-02', minutes: 450, site: '', businessLine: 'childcare', role: '', note: null },
      { line: 4, memberNumber: '', personId: 'p-1', date: '2026-11-02', minutes: 450, site: '', businessLine: '', role: '', note: null },
      { line: 6, memberNumber: '0003', personId: '', date: '2026-11-02', minutes: 450, site: '', businessLine: 'eldercare', role: '', note: null },
    ]);
  });

  it('reports every problem of every row with its line and column, and keeps no bad row', () => {
    const reading = readWorkCsv(['member_number', 'date', 'hours', 'site', 'business_line'], [
      ['', '2026-02-30', 'seven', 'x'.repeat(101), '農林業'],
      ['0001', '2026-11-02', '25', '', ''],
      ['0001', '', '', '', ''],
      ['0001', '2026-11-28', '8', '', ''],
    ], lines, []);
    expect(reading.rows).toEqual([]);
    expect(reading.errors.map((e) => `${e.line}:${e.column}:${e.code}`)).toEqual([
      '2:member_number:required', '2:date:invalid_date', '2:hours:invalid_hours', '2:site:too_long', '2:business_line:unknown_business_line',
      '3:hours:out_of_range',
      '4:date:required', '4:hours:required',
      '5:date:future_date',
    ]);
    expect(reading.errors[1]).toMatchObject({ field: 'date', value: '2026-02-30' });
  });

  it('knows the business lines by code and by name', () => {
    expect(businessLineNamed('高齢者介護', [])).toBe('eldercare');
    expect(businessLineNamed('ＥＬＤＥＲＣＡＲＥ', [])).toBe('eldercare');
    expect(businessLineNamed('disability-support', [])).toBe('disability-support');
    expect(businessLineNamed('Disability support', [])).toBe('disability-support');
    expect(businessLineNamed('宇宙開発', [])).toBeNull();
  });

  it("knows a line the federation added by its code and its stored names, and only when it is given", () => {
    expect(businessLineNamed('パン工房', [bakery])).toBe('bakery');
    expect(businessLineNamed('ＢＡＫＥＲＹ', [bakery])).toBe('bakery');
    expect(businessLineNamed('パン工房', [])).toBeNull();
    const reading = readWorkCsv(['組合員番号', '日付', '時間', '事業'], [['0001', '2026-11-02', '8', 'パン工房']], { ...lines, businessLines: ['eldercare', 'bakery'] }, [bakery]);
    expect(reading.errors).toEqual([]);
    expect(reading.rows.map((r) => r.businessLine)).toEqual(['bakery']);
  });
});
