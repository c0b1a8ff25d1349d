/**
 * Calendar dates (YYYY-MM-DD) as the compliance board counts them: whole days, month-ends and months ahead. A date
 * has no time zone here; it is handled as the UTC midnight it names, so no day is lost or doubled to daylight
 * saving or to the server's zone.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A real calendar date written YYYY-MM-DD: 2026-02-29 is not one. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parts(date: string): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${date}"`);
  return date.split('-').map(Number) as [number, number, number];
}

/** Milliseconds of a UTC midnight; setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are. */
function utc(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime();
}

const daysInMonth = (year: number, month: number): number => new Date(utc(year, month, 0)).getUTCDate();

const format = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Days since 1970-01-01: the x of a trend line, so that points a month apart are as far apart as the days between them. */
export function dayNumber(date: string): number {
  const [year, month, day] = parts(date);
  return utc(year, month - 1, day) / DAY_MS;
}

export const dateOfDay = (dayNo: number): string => format(dayNo * DAY_MS);

export const addDays = (date: string, days: number): string => dateOfDay(dayNumber(date) + days);

/** The last day of the month `date` falls in. */
export function monthEnd(date: string): string {
  const [year, month] = parts(date);
  return format(utc(year, month - 1, daysInMonth(year, month)));
}

/** The same day `months` later (or earlier), on the month's last day where that month is shorter: 01-31 + 1 → 02-28. */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return format(utc(y, m - 1, Math.min(day, daysInMonth(y, m))));
}
