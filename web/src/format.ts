import type { Locale } from './i18n';

// Dates are shown as people in Japan read them: with the Japanese era (令和) in Japanese,
// day-month-year in English. Times are Japan time whatever the browser's zone.

const TOKYO = 'Asia/Tokyo';

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  // A calendar date has no zone: it is formatted as the UTC midnight it was parsed to.
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }),
};

const dateTimeFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { dateStyle: 'long', timeStyle: 'short', timeZone: TOKYO }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: TOKYO }),
};

const monthFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }),
};

/** `2026-11-26` → 令和8年11月26日 (ja) or 26 November 2026 (en); unparseable text is returned as is. */
export function formatDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormats[locale].format(date);
}

/** A UTC timestamp shown in Japan time, e.g. 令和8年11月26日 9:05. */
export function formatDateTime(isoTimestamp: string, locale: Locale): string {
  const date = new Date(isoTimestamp);
  return Number.isNaN(date.getTime()) ? isoTimestamp : dateTimeFormats[locale].format(date);
}

/** Month 1–12 → 4月 (ja) or April (en). */
export function formatMonth(month: number, locale: Locale): string {
  return monthFormats[locale].format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** The last month of a fiscal year (事業年度) that starts in `startMonth`: April → March, January → December. */
export function fiscalYearEndMonth(startMonth: number): number {
  return ((startMonth + 10) % 12) + 1;
}

/** Months 1–12, for choosing the month a fiscal year starts. */
export const MONTHS: readonly number[] = Array.from({ length: 12 }, (_, i) => i + 1);

/** Seven digits → 123-4567; anything else is shown as stored. */
export function formatPostalCode(postalCode: string): string {
  return /^\d{7}$/.test(postalCode) ? `${postalCode.slice(0, 3)}-${postalCode.slice(3)}` : postalCode;
}
