import { describe, expect, it } from 'vitest';
import { fiscalYearPeriod, monthsBetween } from './fiscal-year.js';

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
