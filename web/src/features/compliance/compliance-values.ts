import type { Locale } from '../../i18n';
import type { ComplianceCheckCode, ComplianceStatus, TrendPoint } from './compliance';

// How the board's exact figures are shown: as shares (of members, of workers, of capital, of organizations) or as
// counts (directors, auditors). The server has already judged every figure by whole-number arithmetic; the numbers
// here are for reading and drawing only.

export type FigureKind = 'share' | 'count';

/** Directors and auditors are counted; every other figure is a share. */
export const figureKindOf = (code: ComplianceCheckCode, basis: 'sum' | 'organizations' | null = null): FigureKind =>
  basis === 'organizations' || (code !== 'directors' && code !== 'auditors') ? 'share' : 'count';

/** A fraction as a number; null when there is nothing to show (no figure, or nothing to divide by). */
export function fractionValue(figure: { numerator: number; denominator: number } | null): number | null {
  if (figure === null || figure.denominator === 0) return null;
  return figure.numerator / figure.denominator;
}

/** The values a trend chart draws, one per point (null where nothing was judged). */
export const trendValues = (trend: readonly TrendPoint[]): (number | null)[] => trend.map((p) => (p.holds === null ? null : fractionValue(p.figure)));

/** Badge colours dark enough for WCAG AA text on white; Mantine's darkest orange (4.3:1) is not, hence a darker one (5:1). */
export const statusColours: Record<ComplianceStatus, string> = {
  ok: 'teal.9',
  warning: '#bf4b0f',
  breach: 'red.9',
  no_data: 'gray.7',
  not_applicable: 'gray.7',
};

const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

/**
 * An article of the Act as Japanese statutes are cited: `Art. 3(2)(iv)` → 第3条第2項第4号, `Art. 32, Art. 54` →
 * 第32条、第54条; English keeps the server's form.
 */
export function formatArticle(article: string, locale: Locale): string {
  if (locale !== 'ja') return article;
  return article.split(/,\s*/).map((part) => {
    const match = /^Art\.\s*(\d+)((?:\(\w+\))*)$/.exec(part.trim());
    if (!match) return part;
    const [, number, rest] = match;
    const nested = [...rest!.matchAll(/\((\w+)\)/g)].map((m) => m[1]!);
    const [paragraph, item] = nested;
    return `第${number}条${paragraph ? `第${paragraph}項` : ''}${item ? `第${roman[item] ?? item}号` : ''}`;
  }).join('、');
}

const yearMonth: Record<Locale, Intl.DateTimeFormat> = {
  ja: new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'short', timeZone: 'UTC' }),
};

/** A trend point's month on an axis: 2026/11 in Japanese, Nov 2026 in English. */
export function formatYearMonth(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : yearMonth[locale].format(date);
}

/** Steps an axis may count in: shares by whole or round percentages, counts by whole numbers. */
const shareSteps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1];
const countSteps = [1, 2, 5, 10, 20, 50, 100];

/** Thousandths: enough for an axis, and free of the float noise of 0.1 + 0.2. */
const tidy = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * The range and step of a chart's value axis: the values and the floor with some room around them, so that a figure
 * a few points above its floor is not drawn flat against it, on round steps (about four) so that every tick is a
 * round figure. Axes start at 0 or above; a share may pass 100% (a reserve target above total capital).
 */
export function axisRange(values: readonly (number | null)[], floor: number, kind: FigureKind): { min: number; max: number; interval: number } {
  const known = values.filter((v): v is number => v !== null);
  const low = Math.min(floor, ...known);
  const high = Math.max(floor, ...known);
  const room = kind === 'count' ? 1 : Math.max((high - low) * 0.25, 0.05);
  const from = Math.max(0, kind === 'count' ? 0 : low - room);
  const to = high + room;
  const steps = kind === 'count' ? countSteps : shareSteps;
  const interval = steps.find((step) => (to - from) / step <= 5) ?? steps.at(-1)!;
  return { min: tidy(Math.floor(tidy(from / interval)) * interval), max: tidy(Math.ceil(tidy(to / interval)) * interval), interval };
}
