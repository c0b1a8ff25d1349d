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

/** The fiscal year (named by the calendar year it starts in) that contains a date, for a year starting in `startMonth`. */
export function fiscalYearOf(date: string, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= startMonth ? year : year - 1;
}

// Made once (see localDate in app/shared/context.ts): UTC so that a date is its own calendar day everywhere.
const eraYearFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * A fiscal year's name in the Japanese era: 2026年度 is 「令和8年度」. The year takes the era its calendar year ends
 * in, whatever the start month — 2019年度 is 令和元年度 even when it began on 1 April 2019 under Heisei, and 1989年度
 * is 平成元年度 — as Japanese offices have named them since the changes of era (a year is counted as 令和元年 from
 * 1 January 2019 once Reiwa has begun). The start month does not change the name, only the months it covers.
 */
export function fiscalYearEraName(fiscalYear: number): string {
  return `${eraYearFormat.format(new Date(Date.UTC(fiscalYear, 11, 31)))}度`;
}

/** The eras a fiscal year may be written in, with the Gregorian year before each era's first year. */
const eraOffsets: Record<string, number> = { 令和: 2018, R: 2018, 平成: 1988, H: 1988, 昭和: 1925, S: 1925 };

/**
 * The fiscal year a person wrote: 2026, 2026年度, FY2026, 令和8年度, 令和元年度, R8 (full-width digits allowed);
 * null when it does not read as one.
 */
export function parseFiscalYear(text: string): number | null {
  const plain = text.normalize('NFKC').replace(/\s/g, '').toUpperCase();
  const gregorian = /^(?:FY)?(\d{4})(?:年度?)?$/.exec(plain);
  if (gregorian) return Number(gregorian[1]);
  const era = /^(令和|平成|昭和|R|H|S)(元|\d{1,3})(?:年度?)?$/.exec(plain);
  if (!era) return null;
  const year = era[2] === '元' ? 1 : Number(era[2]);
  return year >= 1 ? eraOffsets[era[1]!]! + year : null;
}
