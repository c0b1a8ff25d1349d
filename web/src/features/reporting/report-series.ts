import type { Locale } from '../../i18n';
import { convert, rateFor, type Currency } from './report-format';
import type { BusinessLineFigures, Dashboard, FxRate, OrganizationFigures, PrefectureFigures, YearFigures } from './reporting';

// What the dashboards draw and compare, built from the server's figures: pure, so it is tested without a browser.

/** How a figure moved from the year before: by how much, and by what share of the year before (null from zero). */
export interface Change {
  delta: number;
  share: number | null;
}

/** The change from `previous` to `current`; null when there is no year before (or no figure for it). */
export function yearChange(current: number | null, previous: number | null | undefined): Change | null {
  if (current === null || previous === null || previous === undefined) return null;
  const delta = current - previous;
  return { delta, share: previous === 0 ? null : delta / Math.abs(previous) };
}

/** The figures the headline shows, each compared with the year before. */
export const HEADLINE_FIGURES = ['organizations', 'workerMembers', 'userMembers', 'turnover', 'sites', 'surplus', 'peopleServed'] as const;
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];
/** The headline figures that are money. */
export const MONEY_FIGURES: ReadonlySet<HeadlineFigure> = new Set(['turnover', 'surplus']);

export interface HeadlineValue {
  figure: HeadlineFigure;
  /** In the currency shown; null for money in dollars in a year without a rate. */
  value: number | null;
  change: Change | null;
}

/**
 * The headline of a dashboard in the currency shown. Money of each year is converted at that year's own rate, so a
 * change in dollars needs both years' rates.
 */
export function headlineValues(dashboard: Pick<Dashboard, 'headline' | 'previous' | 'fxRates'>, currency: Currency, figures: readonly HeadlineFigure[] = HEADLINE_FIGURES): HeadlineValue[] {
  const { headline, previous, fxRates } = dashboard;
  const valueOf = (year: YearFigures, figure: HeadlineFigure) =>
    MONEY_FIGURES.has(figure) ? convert(year[figure], currency, rateFor(fxRates, year.fiscalYear)) : year[figure];
  return figures.map((figure) => {
    const value = valueOf(headline, figure);
    return { figure, value, change: previous ? yearChange(value, valueOf(previous, figure)) : null };
  });
}

/** Turnover year by year in the currency shown (null for a year without a rate, in dollars). */
export function turnoverSeries(trend: readonly YearFigures[], currency: Currency, rates: readonly FxRate[]): (number | null)[] {
  return trend.map((year) => convert(year.turnover, currency, rateFor(rates, year.fiscalYear)));
}

export const MEMBER_KINDS = ['workerMembers', 'userMembers', 'otherMembers'] as const;
export type MemberKindFigure = (typeof MEMBER_KINDS)[number];

/**
 * Members year by year, a line per kind; the kind "other" only when some year has any (most organizations have
 * only worker and user members).
 */
export function memberSeries(trend: readonly YearFigures[]): { kind: MemberKindFigure; values: number[] }[] {
  return MEMBER_KINDS.filter((kind) => kind !== 'otherMembers' || trend.some((year) => year.otherMembers > 0)).map((kind) => ({
    kind,
    values: trend.map((year) => year[kind]),
  }));
}

export interface LineSlice {
  code: string;
  name: string;
  value: number;
}

/**
 * Turnover by business line, the biggest first, in the currency shown; lines without turnover are left out. Empty
 * in dollars when the year has no rate.
 */
export function businessLineSlices(
  lines: readonly BusinessLineFigures[],
  currency: Currency,
  rate: FxRate | undefined,
  name: (line: BusinessLineFigures) => string,
): LineSlice[] {
  const slices: LineSlice[] = [];
  for (const line of lines) {
    const value = convert(line.turnover, currency, rate);
    if (value !== null && line.turnover > 0) slices.push({ code: line.code, name: name(line), value });
  }
  return slices.sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
}

/** What the prefecture map shows. */
export type MapMeasure = 'turnover' | 'sites';

/** The values of the prefecture map: turnover in the currency shown, or sites; prefectures with nothing left out. */
export function prefectureValues(prefectures: readonly PrefectureFigures[], measure: MapMeasure, currency: Currency, rate: FxRate | undefined): { prefectureCode: string; value: number }[] {
  const values: { prefectureCode: string; value: number }[] = [];
  for (const prefecture of prefectures) {
    const value = measure === 'sites' ? prefecture.sites : convert(prefecture.turnover, currency, rate);
    if (value !== null && value > 0) values.push({ prefectureCode: prefecture.prefectureCode, value });
  }
  return values;
}

/** The member organizations in one prefecture (all of them without one), the biggest turnover first, then by code. */
export function organizationsIn(organizations: readonly OrganizationFigures[], prefectureCode: string | null): OrganizationFigures[] {
  return organizations
    .filter((organization) => prefectureCode === null || organization.prefectureCode === prefectureCode)
    .sort((a, b) => b.turnover - a.turnover || a.code.localeCompare(b.code));
}

/** The currency a page can show for a year: dollars only when the year has a rate. */
export function usableCurrency(asked: Currency, rates: readonly FxRate[], fiscalYear: number): Currency {
  return asked === 'USD' && rateFor(rates, fiscalYear) ? 'USD' : 'JPY';
}

/** A change as text with its sign (+3, -1.2億円) and, when there is one, its share (+5.2%). */
export function formatChange(change: Change, format: (value: number) => string, locale: Locale): string {
  const sign = change.delta > 0 ? '+' : change.delta < 0 ? '-' : '±';
  const amount = `${sign}${format(Math.abs(change.delta))}`;
  if (change.share === null) return amount;
  const percent = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(change.share);
  return `${amount} (${percent})`;
}
