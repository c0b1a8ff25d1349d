import type { Site, SiteResult } from '../business/business';
import { convert, rateFor, type Currency } from './report-format';
import { yearChange, type Change } from './report-series';
import type { FxRate } from './reporting';

// One site's own report, the last step down from the federation's: the site, its year's figures against the year
// before, and every year recorded. Pure, so it is tested without a browser.

/** A site and its results of every fiscal year recorded, oldest first, as GET /sites/:siteId/results answers. */
export interface SiteHistory {
  site: Site;
  items: SiteResult[];
}

export const siteReportPaths = {
  history: (siteId: string) => `/sites/${encodeURIComponent(siteId)}/results`,
};

/** The address of a site's report for a year (the latest recorded without one), in a currency. */
export function siteReportHref(siteId: string, fiscalYear: number | null, currency: Currency): string {
  const query = new URLSearchParams();
  if (fiscalYear !== null) query.set('fiscalYear', String(fiscalYear));
  if (currency === 'USD') query.set('currency', 'USD');
  const text = query.toString();
  return `/reports/sites/${encodeURIComponent(siteId)}${text ? `?${text}` : ''}`;
}

/** The businesses page of an organization, where its sites' results are entered. */
export function businessesHref(organizationId: string): string {
  return `/businesses?organization=${encodeURIComponent(organizationId)}`;
}

/** The years with a result, oldest first. */
export function recordedYears(items: readonly SiteResult[]): number[] {
  return [...new Set(items.map((item) => item.fiscalYear))].sort((a, b) => a - b);
}

export interface SiteYearView {
  /** The year shown: the one asked for, else the latest recorded; null when nothing is recorded and none asked. */
  fiscalYear: number | null;
  result: SiteResult | null;
  /** The result of the fiscal year just before, when there is one. */
  previous: SiteResult | null;
}

/** The year a site's report shows and its result, with the year before's for the change. */
export function siteYear(items: readonly SiteResult[], asked: number | null): SiteYearView {
  const years = recordedYears(items);
  const fiscalYear = asked ?? years[years.length - 1] ?? null;
  if (fiscalYear === null) return { fiscalYear: null, result: null, previous: null };
  const find = (year: number) => items.find((item) => item.fiscalYear === year) ?? null;
  return { fiscalYear, result: find(fiscalYear), previous: find(fiscalYear - 1) };
}

export const SITE_FIGURES = ['turnover', 'expenses', 'surplus', 'peopleServed', 'workersMembers', 'workersNonMembers'] as const;
export type SiteFigure = (typeof SITE_FIGURES)[number];
export const SITE_MONEY_FIGURES: ReadonlySet<SiteFigure> = new Set(['turnover', 'expenses', 'surplus']);

export interface SiteFigureValue {
  figure: SiteFigure;
  /** In the currency shown; null when not recorded, or for money in dollars in a year without a rate. */
  value: number | null;
  /** Null for money in dollars in a year without a rate (the value cannot be said, not unknown). */
  noRate: boolean;
  change: Change | null;
}

/** A figure of a year's result in the currency shown (money at that year's own rate). */
export function figureValue(result: SiteResult, figure: SiteFigure, currency: Currency, rates: readonly FxRate[]): number | null {
  const value = result[figure];
  if (value === null || !SITE_MONEY_FIGURES.has(figure)) return value;
  return convert(value, currency, rateFor(rates, result.fiscalYear));
}

/** The year's figures, each with its change from the year before (null without that year or that figure). */
export function siteFigureValues(view: SiteYearView, currency: Currency, rates: readonly FxRate[]): SiteFigureValue[] {
  const { result, previous } = view;
  if (!result) return [];
  return SITE_FIGURES.map((figure) => {
    const value = figureValue(result, figure, currency, rates);
    const noRate = value === null && result[figure] !== null;
    return { figure, value, noRate, change: previous ? yearChange(value, figureValue(previous, figure, currency, rates)) : null };
  });
}

export interface SiteSeries {
  years: number[];
  /** Null for a year without a rate, in dollars. */
  turnover: (number | null)[];
  surplus: (number | null)[];
}

/** Turnover and surplus year by year in the currency shown, for the chart. */
export function siteSeries(items: readonly SiteResult[], currency: Currency, rates: readonly FxRate[]): SiteSeries {
  const sorted = [...items].sort((a, b) => a.fiscalYear - b.fiscalYear);
  return {
    years: sorted.map((item) => item.fiscalYear),
    turnover: sorted.map((item) => figureValue(item, 'turnover', currency, rates)),
    surplus: sorted.map((item) => figureValue(item, 'surplus', currency, rates)),
  };
}
