/**
 * Work is approved and closed by calendar month (YYYY-MM), whatever the fiscal year: the fiscal-year close
 * (剰余金処分) then needs every month of the year closed, so the work it divides dividends by is final.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** YYYY-MM-DD naming a day that exists (no 2026-02-30). */
export function isIsoDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** YYYY-MM. */
export const isMonth = (text: string): boolean => monthPattern.test(text);

/** The month (YYYY-MM) a date (YYYY-MM-DD) is in. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The first and last day of a month. */
export function monthRange(month: string): { from: string; until: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { from: `${month}-01`, until: `${month}-${String(daysIn(year, m)).padStart(2, '0')}` };
}

/** Whether a date is in one of the closed months: its work changes no more. */
export const inClosedMonth = (date: string, closedMonths: ReadonlySet<string>): boolean => closedMonths.has(monthOf(date));
