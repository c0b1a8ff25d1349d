import type { CapitalByYear } from './capital';

// Capital by fiscal year as stacked bars: one bar per fiscal year, one segment per series (an organization, or the
// paid and unpaid parts of one organization's capital). Pure arithmetic; the component only draws it.

export interface ChartSeries {
  /** An organization id, or `paid` / `unpaid`. */
  key: string;
  /** Yen for each year of the chart, in the order of `years`. */
  values: number[];
}

export interface ChartData {
  years: number[];
  series: ChartSeries[];
}

const yearsOf = (items: readonly CapitalByYear[]): number[] => [...new Set(items.map((item) => item.fiscalYear))].sort((a, b) => a - b);

/**
 * Each organization's capital by fiscal year (the federation's view), organizations in the order given; an
 * organization without capital in any of the years is left out.
 */
export function capitalByOrganization(items: readonly CapitalByYear[], organizationIds: readonly string[]): ChartData {
  const years = yearsOf(items);
  const series = organizationIds
    .map((key) => ({
      key,
      values: years.map((year) => items.find((item) => item.organizationId === key && item.fiscalYear === year)?.capital ?? 0),
    }))
    .filter((s) => s.values.some((value) => value !== 0));
  return { years, series };
}

/** One organization's capital by fiscal year, split into what was paid in and what is still unpaid. */
export function paidAndUnpaid(items: readonly CapitalByYear[], organizationId: string): ChartData {
  const own = items.filter((item) => item.organizationId === organizationId);
  const years = yearsOf(own);
  const value = (year: number, figure: 'paid' | 'unpaid') => own.find((item) => item.fiscalYear === year)?.[figure] ?? 0;
  return {
    years,
    series: [
      { key: 'paid', values: years.map((year) => value(year, 'paid')) },
      { key: 'unpaid', values: years.map((year) => value(year, 'unpaid')) },
    ],
  };
}

/** The total of each year's bar. */
export const yearTotals = (data: ChartData): number[] => data.years.map((_, i) => data.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0));

export interface Segment {
  key: string;
  year: number;
  value: number;
  /** Where the segment starts and ends, in yen from the axis. */
  from: number;
  to: number;
}

/** The segments of each year's bar, bottom up in the order of the series; empty (or negative) values take no room. */
export function stackSegments(data: ChartData): Segment[][] {
  return data.years.map((year, i) => {
    let base = 0;
    const segments: Segment[] = [];
    for (const s of data.series) {
      const value = s.values[i] ?? 0;
      if (value <= 0) continue;
      segments.push({ key: s.key, year, value, from: base, to: base + value });
      base += value;
    }
    return segments;
  });
}

export interface Scale {
  /** The top of the axis, a multiple of `step`, at least the largest value. */
  max: number;
  step: number;
  ticks: number[];
}

/**
 * A value axis from 0 in round steps (1, 2 or 5 times a power of ten) with about `count` steps up to the largest
 * value: 0, 50万, 100万, 150万 rather than 0, 43万, 86万.
 */
export function niceScale(largest: number, count = 4): Scale {
  if (!(largest > 0)) return { max: 1, step: 1, ticks: [0, 1] };
  const rough = largest / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  // The finest round step that needs at most one step more than asked for.
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => Math.ceil(largest / candidate) <= count + 1) ?? 10 * power;
  const max = Math.ceil(largest / step) * step;
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  return { max, step, ticks };
}
