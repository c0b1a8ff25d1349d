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

const eraYearFormat = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'UTC' });

const numberFormats: Record<Locale, Intl.NumberFormat> = {
  ja: new Intl.NumberFormat('ja-JP'),
  en: new Intl.NumberFormat('en-GB'),
};

// en-CA writes dates as YYYY-MM-DD, the form date inputs and the API use.
const isoDateInTokyo = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TOKYO });

const monthFormats: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }),
};

/** `2026-11-26` → 令和8年11月26日 (ja) or 26 November 2026 (en); unparseable text is returned as is. */
export function formatDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormats[locale].format(date);
}

/**
 * A date with both calendars, as Japanese records give it: 令和8年（2026年）11月26日 in Japanese; in English the
 * Gregorian date alone, as formatDate gives it.
 */
export function formatDateWithEra(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (locale !== 'ja' || !match) return formatDate(isoDate, locale);
  const [, year, month, day] = match;
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return `${eraYearFormat.format(date)}（${Number(year)}年）${Number(month)}月${Number(day)}日`;
}

/** Today's date in Japan as YYYY-MM-DD, whatever the browser's zone: the default of effective-date fields. */
export function todayInJapan(now: Date = new Date()): string {
  return isoDateInTokyo.format(now);
}

/** 65000 → 65,000. */
export function formatNumber(value: number, locale: Locale): string {
  return numberFormats[locale].format(value);
}

const percentFormats: Record<Locale, Intl.NumberFormat> = {
  ja: new Intl.NumberFormat('ja-JP', { style: 'percent', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 }),
};

/** A share 0–1 → 75% or 83.3%: for display only, never for a rule's check. */
export function formatPercent(share: number, locale: Locale): string {
  return percentFormats[locale].format(share);
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

const compactFormats: Record<Locale, Intl.NumberFormat> = {
  ja: new Intl.NumberFormat('ja-JP', { notation: 'compact', maximumFractionDigits: 1 }),
  // en-US writes 1.2M; en-GB would write 1.2m.
  en: new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 }),
};

/**
 * Integer yen as people write an amount: 12,000円 in Japanese, ¥12,000 in English; a negative amount keeps its sign
 * in front (-12,000円, -¥12,000).
 */
export function formatYen(amount: number, locale: Locale): string {
  const digits = numberFormats[locale].format(Math.abs(amount));
  const sign = amount < 0 ? '-' : '';
  return locale === 'ja' ? `${sign}${digits}円` : `${sign}¥${digits}`;
}

/** A change in yen with its sign always shown: +12,000円, -3,000円 (0 without a sign). */
export function formatYenChange(amount: number, locale: Locale): string {
  return amount > 0 ? `+${formatYen(amount, locale)}` : formatYen(amount, locale);
}

/** Yen on a chart's axis, short: 120万円 / 1.5億円 in Japanese, ¥1.2M in English. */
export function formatYenCompact(amount: number, locale: Locale): string {
  const digits = compactFormats[locale].format(Math.abs(amount));
  const sign = amount < 0 ? '-' : '';
  return locale === 'ja' ? `${sign}${digits}円` : `${sign}¥${digits}`;
}

/** A fiscal year (事業年度) named by the year it starts in: 2025年度 in Japanese, FY2025 in English. */
export function formatFiscalYear(year: number, locale: Locale): string {
  return locale === 'ja' ? `${year}年度` : `FY${year}`;
}
