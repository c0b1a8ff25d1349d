import { describe, expect, it } from 'vitest';
import type { SiteResult } from '../business/business';
import { businessesHref, recordedYears, siteFigureValues, siteReportHref, siteReportPaths, siteSeries, siteYear } from './site-report';

const result = (fiscalYear: number, changes: Partial<SiteResult> = {}): SiteResult => ({
  siteId: 'site-1',
  fiscalYear,
  turnover: 10_000_000,
  expenses: 9_000_000,
  surplus: 1_000_000,
  peopleServed: 100,
  workersMembers: 10,
  workersNonMembers: 2,
  source: 'entered',
  version: 1,
  ...changes,
});

const rates = [
  { fiscalYear: 2016, yenPerUsd: 100, source: null },
  { fiscalYear: 2017, yenPerUsd: 125, source: null },
];

const items = [result(2015), result(2016, { turnover: 12_000_000, expenses: 12_500_000, surplus: -500_000, peopleServed: null }), result(2017)];

describe('site report addresses', () => {
  it('keeps the year and the currency, and leaves the defaults out', () => {
    expect(siteReportHref('s-1', 2016, 'USD')).toBe('/reports/sites/s-1?fiscalYear=2016&currency=USD');
    expect(siteReportHref('s-1', 2016, 'JPY')).toBe('/reports/sites/s-1?fiscalYear=2016');
    expect(siteReportHref('s-1', null, 'JPY')).toBe('/reports/sites/s-1');
  });

  it('reads the history and leads to the businesses page', () => {
    expect(siteReportPaths.history('a/b')).toBe('/sites/a%2Fb/results');
    expect(businessesHref('org-1')).toBe('/businesses?organization=org-1');
  });
});

describe('siteYear', () => {
  it('shows the latest recorded year by default, with the year before', () => {
    const view = siteYear(items, null);
    expect(view.fiscalYear).toBe(2017);
    expect(view.result?.fiscalYear).toBe(2017);
    expect(view.previous?.fiscalYear).toBe(2016);
  });

  it('shows the year asked for, and nothing to compare with in the first year', () => {
    expect(siteYear(items, 2015)).toMatchObject({ fiscalYear: 2015, previous: null });
    expect(siteYear(items, 2020)).toEqual({ fiscalYear: 2020, result: null, previous: null });
  });

  it('compares only with the fiscal year just before, not an older one', () => {
    expect(siteYear([result(2014), result(2016)], 2016).previous).toBeNull();
  });

  it('has no year when nothing is recorded', () => {
    expect(siteYear([], null)).toEqual({ fiscalYear: null, result: null, previous: null });
    expect(recordedYears([result(2017), result(2015)])).toEqual([2015, 2017]);
  });
});

describe('siteFigureValues', () => {
  it('gives each figure with its change from the year before', () => {
    const values = siteFigureValues(siteYear(items, 2016), 'JPY', rates);
    expect(values.map((v) => v.figure)).toEqual(['turnover', 'expenses', 'surplus', 'peopleServed', 'workersMembers', 'workersNonMembers']);
    expect(values[0]).toEqual({ figure: 'turnover', value: 12_000_000, noRate: false, change: { delta: 2_000_000, share: 0.2 } });
    // A loss: the surplus fell below zero.
    expect(values[2]).toMatchObject({ value: -500_000, change: { delta: -1_500_000, share: -1.5 } });
    // Not recorded: no value and no change.
    expect(values[3]).toEqual({ figure: 'peopleServed', value: null, noRate: false, change: null });
  });

  it('converts money at each year’s own rate, and says when a year has none', () => {
    const values = siteFigureValues(siteYear(items, 2017), 'USD', rates);
    expect(values[0]).toMatchObject({ value: 80_000, change: { delta: -40_000 } });
    expect(values[3]).toMatchObject({ value: 100, change: null });
    const first = siteFigureValues(siteYear(items, 2015), 'USD', rates);
    expect(first[0]).toEqual({ figure: 'turnover', value: null, noRate: true, change: null });
    expect(first[4]).toMatchObject({ value: 10, noRate: false });
  });

  it('is empty for a year without a result', () => {
    expect(siteFigureValues(siteYear(items, 2020), 'JPY', rates)).toEqual([]);
  });
});

describe('siteSeries', () => {
  it('gives turnover and surplus year by year, oldest first', () => {
    expect(siteSeries([items[2]!, items[0]!, items[1]!], 'JPY', rates)).toEqual({
      years: [2015, 2016, 2017],
      turnover: [10_000_000, 12_000_000, 10_000_000],
      surplus: [1_000_000, -500_000, 1_000_000],
    });
    expect(siteSeries(items, 'USD', rates).turnover).toEqual([null, 120_000, 80_000]);
  });
});
