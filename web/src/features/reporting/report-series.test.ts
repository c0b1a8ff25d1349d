import { describe, expect, it } from 'vitest';
import {
  businessLineSlices,
  formatChange,
  headlineValues,
  memberSeries,
  organizationsIn,
  prefectureValues,
  turnoverSeries,
  usableCurrency,
  yearChange,
} from './report-series';
import type { BusinessLineFigures, OrganizationFigures, YearFigures } from './reporting';

const year = (fiscalYear: number, changes: Partial<YearFigures> = {}): YearFigures => ({
  fiscalYear,
  organizations: 10,
  workerMembers: 100,
  userMembers: 50,
  otherMembers: 0,
  sites: 20,
  turnover: 1_000_000_000,
  expenses: 900_000_000,
  surplus: 100_000_000,
  peopleServed: 3000,
  workers: 400,
  sitesReporting: 20,
  ...changes,
});

const rates = [
  { fiscalYear: 2016, yenPerUsd: 100, source: null },
  { fiscalYear: 2017, yenPerUsd: 125, source: null },
];

describe('yearChange', () => {
  it('gives the difference and its share of the year before', () => {
    expect(yearChange(110, 100)).toEqual({ delta: 10, share: 0.1 });
    expect(yearChange(90, 100)).toEqual({ delta: -10, share: -0.1 });
  });
  it('has no share from zero, and no change without a year before', () => {
    expect(yearChange(5, 0)).toEqual({ delta: 5, share: null });
    expect(yearChange(5, null)).toBeNull();
    expect(yearChange(null, 5)).toBeNull();
  });
});

describe('headlineValues', () => {
  const dashboard = { headline: year(2017, { turnover: 1_250_000_000, workerMembers: 120 }), previous: year(2016), fxRates: rates };

  it('compares each figure with the year before', () => {
    const values = headlineValues(dashboard, 'JPY');
    expect(values.find((v) => v.figure === 'workerMembers')).toEqual({ figure: 'workerMembers', value: 120, change: { delta: 20, share: 0.2 } });
    expect(values.find((v) => v.figure === 'turnover')?.change).toEqual({ delta: 250_000_000, share: 0.25 });
  });
  it('converts each year’s money at its own rate', () => {
    const turnover = headlineValues(dashboard, 'USD').find((v) => v.figure === 'turnover');
    expect(turnover?.value).toBe(10_000_000);
    expect(turnover?.change).toEqual({ delta: 0, share: 0 });
  });
  it('has no change in dollars when the year before has no rate', () => {
    const turnover = headlineValues({ ...dashboard, fxRates: [rates[1]!] }, 'USD').find((v) => v.figure === 'turnover');
    expect(turnover?.value).toBe(10_000_000);
    expect(turnover?.change).toBeNull();
  });
  it('has no change for the first year', () => {
    expect(headlineValues({ ...dashboard, previous: null }, 'JPY').every((v) => v.change === null)).toBe(true);
  });
});

describe('series', () => {
  const trend = [year(2015), year(2016, { otherMembers: 0 }), year(2017, { turnover: 500_000_000 })];

  it('gives the turnover year by year, with gaps for years without a rate in dollars', () => {
    expect(turnoverSeries(trend, 'JPY', rates)).toEqual([1_000_000_000, 1_000_000_000, 500_000_000]);
    expect(turnoverSeries(trend, 'USD', rates)).toEqual([null, 10_000_000, 4_000_000]);
  });
  it('draws other members only when there are some', () => {
    expect(memberSeries(trend).map((s) => s.kind)).toEqual(['workerMembers', 'userMembers']);
    expect(memberSeries([...trend, year(2018, { otherMembers: 3 })]).map((s) => s.kind)).toEqual(['workerMembers', 'userMembers', 'otherMembers']);
    expect(memberSeries(trend)[0]?.values).toEqual([100, 100, 100]);
  });
});

describe('businessLineSlices', () => {
  const line = (code: string, turnover: number): BusinessLineFigures => ({ code, nameJa: code, nameEn: code, builtIn: true, sites: 1, turnover, surplus: 0, peopleServed: 0, workers: 0 });
  const lines = [line('care', 100), line('childcare', 300), line('cleaning', 0), line('food', 300)];

  it('sorts lines by turnover and leaves out those without any', () => {
    expect(businessLineSlices(lines, 'JPY', undefined, (l) => l.nameEn).map((s) => s.code)).toEqual(['childcare', 'food', 'care']);
  });
  it('is empty in dollars without a rate', () => {
    expect(businessLineSlices(lines, 'USD', undefined, (l) => l.nameEn)).toEqual([]);
    expect(businessLineSlices(lines, 'USD', rates[0], (l) => l.nameEn)[0]?.value).toBe(3);
  });
});

describe('prefectureValues', () => {
  const prefectures = [
    { prefectureCode: '13', organizations: 2, sites: 5, turnover: 2000, peopleServed: 0 },
    { prefectureCode: '27', organizations: 1, sites: 0, turnover: 0, peopleServed: 0 },
  ];
  it('maps turnover or sites, leaving out prefectures with none', () => {
    expect(prefectureValues(prefectures, 'sites', 'JPY', undefined)).toEqual([{ prefectureCode: '13', value: 5 }]);
    expect(prefectureValues(prefectures, 'turnover', 'USD', rates[0])).toEqual([{ prefectureCode: '13', value: 20 }]);
    expect(prefectureValues(prefectures, 'turnover', 'USD', undefined)).toEqual([]);
  });
});

describe('organizationsIn', () => {
  const organization = (code: string, prefectureCode: string | null, turnover: number): OrganizationFigures => ({
    id: code, code, nameJa: code, nameEn: null, prefectureCode, workerMembers: 0, userMembers: 0, otherMembers: 0, sites: 0, turnover, surplus: 0,
  });
  const organizations = [organization('b', '13', 10), organization('a', '13', 10), organization('c', '27', 50), organization('d', null, 1)];

  it('keeps every organization without a prefecture chosen, the biggest first', () => {
    expect(organizationsIn(organizations, null).map((o) => o.code)).toEqual(['c', 'a', 'b', 'd']);
  });
  it('keeps those of the prefecture chosen', () => {
    expect(organizationsIn(organizations, '13').map((o) => o.code)).toEqual(['a', 'b']);
  });
});

describe('usableCurrency', () => {
  it('shows dollars only for a year with a rate', () => {
    expect(usableCurrency('USD', rates, 2016)).toBe('USD');
    expect(usableCurrency('USD', rates, 2018)).toBe('JPY');
    expect(usableCurrency('JPY', rates, 2016)).toBe('JPY');
  });
});

describe('formatChange', () => {
  const plain = (value: number) => String(value);
  it('shows the sign and the share', () => {
    expect(formatChange({ delta: 3, share: 0.052 }, plain, 'en')).toBe('+3 (+5.2%)');
    expect(formatChange({ delta: -3, share: -0.1 }, plain, 'ja')).toBe('-3 (-10%)');
    expect(formatChange({ delta: 0, share: 0 }, plain, 'en')).toBe('±0 (0%)');
    expect(formatChange({ delta: 2, share: null }, plain, 'en')).toBe('+2');
  });
});
