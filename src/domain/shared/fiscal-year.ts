import { fiscalYearEnd } from '../members/lifecycle.js';

/**
 * A fiscal year named by the calendar year it starts in (2026年度 is April 2026 – March 2027 for an April start;
 * the whole of 2026 for a January start). Any start month works (domain.md §2.14).
 */
export function fiscalYearPeriod(fiscalYear: number, startMonth: number): { from: string; until: string } {
  const from = `${String(fiscalYear).padStart(4, '0')}-${String(startMonth).padStart(2, '0')}-01`;
  return { from, until: fiscalYearEnd(from, startMonth) };
}

/** The calendar months (YYYY-MM) from one date's month to another's, both included. */
export function monthsBetween(from: string, until: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = until.slice(0, 7);
  for (;;) {
    const current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    if (current > last) return months;
    months.push(current);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
}
