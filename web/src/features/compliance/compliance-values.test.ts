import { describe, expect, it } from 'vitest';
import { complianceStateQuery, readComplianceState } from './compliance-query';
import { axisRange, figureKindOf, formatArticle, formatYearMonth, fractionValue, trendValues } from './compliance-values';

describe('compliance figures for reading', () => {
  it('are shares, except directors and auditors counted one by one (and organizations, always a share)', () => {
    expect(figureKindOf('engaged_members')).toBe('share');
    expect(figureKindOf('legal_reserve_target')).toBe('share');
    expect(figureKindOf('directors')).toBe('count');
    expect(figureKindOf('directors', 'organizations')).toBe('share');
  });

  it('divide only where there is something to divide by', () => {
    expect(fractionValue({ numerator: 9, denominator: 12 })).toBe(0.75);
    expect(fractionValue({ numerator: 0, denominator: 0 })).toBeNull();
    expect(fractionValue(null)).toBeNull();
    expect(trendValues([
      { date: '2026-10-31', figure: { numerator: 1, denominator: 2 }, holds: true },
      { date: '2026-11-27', figure: null, holds: null },
    ])).toEqual([0.5, null]);
  });

  it('cite the Act\'s articles as Japanese statutes do', () => {
    expect(formatArticle('Art. 8(1)', 'ja')).toBe('第8条第1項');
    expect(formatArticle('Art. 3(2)(iv)', 'ja')).toBe('第3条第2項第4号');
    expect(formatArticle('Art. 32, Art. 54', 'ja')).toBe('第32条、第54条');
    expect(formatArticle('Art. 76(2)', 'en')).toBe('Art. 76(2)');
  });

  it('name a trend\'s months', () => {
    expect(formatYearMonth('2026-11-27', 'ja')).toBe('2026/11');
    expect(formatYearMonth('2026-11-27', 'en')).toBe('Nov 2026');
  });

  it('keep the floor and every value on the chart\'s axis, with room around them, on round steps', () => {
    expect(axisRange([0.9, 0.92, null], 0.8, 'share')).toEqual({ min: 0.75, max: 1, interval: 0.05 });
    expect(axisRange([0.46, 1.2], 0.5, 'share')).toEqual({ min: 0.25, max: 1.5, interval: 0.25 });
    expect(axisRange([3, 3, 2], 3, 'count')).toEqual({ min: 0, max: 4, interval: 1 });
    expect(axisRange([0, 0], 1, 'share')).toEqual({ min: 0, max: 1.25, interval: 0.25 });
    for (const [values, floor] of [[[0.2, 0.95], 0.75], [[0.801, 0.805], 0.8], [[12, 40], 3]] as const) {
      const kind = floor > 1 ? 'count' : 'share';
      const { min, max, interval } = axisRange(values, floor, kind);
      expect(min).toBeLessThanOrEqual(Math.min(floor, ...values));
      expect(max).toBeGreaterThanOrEqual(Math.max(floor, ...values));
      expect((max - min) / interval).toBeLessThanOrEqual(6);
      expect(Math.abs(Math.round(min / interval) - min / interval)).toBeLessThan(1e-9);
    }
  });
});

describe('the compliance page\'s address', () => {
  it('keeps the organization and a date other than today', () => {
    const state = readComplianceState(new URLSearchParams('organization=o1&date=2026-03-31'), '2026-11-27');
    expect(state).toEqual({ organization: 'o1', date: '2026-03-31' });
    expect(complianceStateQuery(state, '2026-11-27')).toEqual({ organization: 'o1', date: '2026-03-31' });
    expect(complianceStateQuery({ organization: '', date: '2026-11-27' }, '2026-11-27')).toEqual({});
    expect(readComplianceState(new URLSearchParams('date=soon'), '2026-11-27').date).toBe('2026-11-27');
  });
});
