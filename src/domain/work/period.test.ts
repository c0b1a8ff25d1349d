import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inClosedMonth, isIsoDate, isMonth, monthOf, monthRange } from './period.js';

describe('months of work', () => {
  it('knows real days from impossible ones', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-4-1')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
  });

  it('names months as YYYY-MM and gives their first and last day', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(monthRange('2026-02')).toEqual({ from: '2026-02-01', until: '2026-02-28' });
    expect(monthRange('2024-02')).toEqual({ from: '2024-02-01', until: '2024-02-29' });
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', until: '2026-12-31' });
  });

  it('every day of a month is in that month, and in it only if it is closed', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }), (instant) => {
      const date = instant.toISOString().slice(0, 10);
      const month = monthOf(date);
      const { from, until } = monthRange(month);
      expect(isIsoDate(date)).toBe(true);
      expect(from <= date && date <= until).toBe(true);
      expect(inClosedMonth(date, new Set([month]))).toBe(true);
      expect(inClosedMonth(date, new Set(['1989-12']))).toBe(false);
    }));
  });
});
