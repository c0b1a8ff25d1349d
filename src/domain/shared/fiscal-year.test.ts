import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiscalYearEraName, fiscalYearOf, fiscalYearPeriod, monthsBetween, parseFiscalYear } from './fiscal-year.js';

describe('fiscal years', () => {
  it('2026年度 with an April start is 2026-04-01 to 2027-03-31; with a January start the calendar year', () => {
    expect(fiscalYearPeriod(2026, 4)).toEqual({ from: '2026-04-01', until: '2027-03-31' });
    expect(fiscalYearPeriod(2026, 1)).toEqual({ from: '2026-01-01', until: '2026-12-31' });
    expect(fiscalYearPeriod(2027, 3)).toEqual({ from: '2027-03-01', until: '2028-02-29' });
  });

  it('lists the twelve months of a fiscal year across the new year', () => {
    const months = monthsBetween('2026-04-01', '2027-03-31');
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-04');
    expect(months[8]).toBe('2026-12');
    expect(months[9]).toBe('2027-01');
    expect(months[11]).toBe('2027-03');
  });
});

const months = Array.from({ length: 12 }, (_, i) => i + 1);
const pad = (n: number): string => String(n).padStart(2, '0');

describe('fiscal-year arithmetic for every start month', () => {
  it.each(months)('a year starting in month %i covers twelve months, from its first day to the day before the next year', (start) => {
    const { from, until } = fiscalYearPeriod(2026, start);
    expect(from).toBe(`2026-${pad(start)}-01`);
    expect(monthsBetween(from, until)).toHaveLength(12);
    const next = fiscalYearPeriod(2027, start).from;
    expect(new Date(`${until}T00:00:00Z`).getTime() + 86_400_000).toBe(new Date(`${next}T00:00:00Z`).getTime());
    expect(fiscalYearOf(from, start)).toBe(2026);
    expect(fiscalYearOf(until, start)).toBe(2026);
    expect(fiscalYearOf(next, start)).toBe(2027);
  });

  it('every day belongs to exactly the fiscal year whose period contains it, for any start month', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 12 }), (day, start) => {
      const date = day.toISOString().slice(0, 10);
      const { from, until } = fiscalYearPeriod(fiscalYearOf(date, start), start);
      expect(from <= date && date <= until).toBe(true);
    }));
  });

  it('an April year ends in February of a leap year only when it starts in March', () => {
    expect(fiscalYearPeriod(2027, 3).until).toBe('2028-02-29');
    expect(fiscalYearPeriod(2026, 3).until).toBe('2027-02-28');
  });
});

describe('fiscal years in the Japanese era', () => {
  it('names 2026年度 「令和8年度」 and the years around the changes of era', () => {
    expect(fiscalYearEraName(2026)).toBe('令和8年度');
    expect(fiscalYearEraName(2018)).toBe('平成30年度');
    expect(fiscalYearEraName(2020)).toBe('令和2年度');
    expect(fiscalYearEraName(1989)).toBe('平成元年度');
    expect(fiscalYearEraName(1988)).toBe('昭和63年度');
  });

  it.each(months)('across Heisei → Reiwa (2019-05-01) with a year starting in month %i', (start) => {
    // The last day of Heisei and the first of Reiwa fall in fiscal 2019 from a May start on; before that the
    // boundary splits 2018年度 (ending in March or April 2019) from 2019年度.
    const lastHeisei = fiscalYearOf('2019-04-30', start);
    const firstReiwa = fiscalYearOf('2019-05-01', start);
    expect(lastHeisei).toBe(start <= 4 ? 2019 : 2018);
    expect(firstReiwa).toBe(start <= 5 ? 2019 : 2018);
    // 2019年度 is 令和元年度 whatever the month it started in, even a year that began under Heisei.
    expect(fiscalYearEraName(2019)).toBe('令和元年度');
    expect(fiscalYearEraName(fiscalYearOf('2019-03-31', start))).toBe(start <= 3 ? '令和元年度' : '平成30年度');
  });

  it('reads the ways a fiscal year is written', () => {
    expect(parseFiscalYear('2026')).toBe(2026);
    expect(parseFiscalYear('2026年度')).toBe(2026);
    expect(parseFiscalYear('２０２６年度')).toBe(2026);
    expect(parseFiscalYear('FY2026')).toBe(2026);
    expect(parseFiscalYear('fy 2026')).toBe(2026);
    expect(parseFiscalYear('令和8年度')).toBe(2026);
    expect(parseFiscalYear('令和元年度')).toBe(2019);
    expect(parseFiscalYear('平成31年度')).toBe(2019);
    expect(parseFiscalYear('H30')).toBe(2018);
    expect(parseFiscalYear('R8')).toBe(2026);
    for (const bad of ['', '26', '令和0年度', 'FY', '2026-04', 'next year']) expect(parseFiscalYear(bad)).toBeNull();
  });

  it('reads back every era name it writes', () => {
    fc.assert(fc.property(fc.integer({ min: 1926, max: 2200 }), (year) => {
      expect(parseFiscalYear(fiscalYearEraName(year))).toBe(year);
    }));
  });
});
