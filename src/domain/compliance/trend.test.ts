import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fraction } from '../governance/resolutions.js';
import { addDays, addMonths, dateOfDay, dayNumber } from './calendar.js';
import { meetsFloor } from './checks.js';
import { fitData, fitLine, projectBreach, trendDates, trendRules, type TrendPoint } from './trend.js';

const half: Fraction = { numerator: 1, denominator: 2 };
const fourFifths: Fraction = { numerator: 4, denominator: 5 };

/** Points on the trend dates ending `date`, with the figure each date's numerator gives over `denominator`. */
function series(date: string, numeratorOn: (date: string) => number, denominator: number, floor: Fraction, strict = false): TrendPoint[] {
  return trendDates(date).map((d) => {
    const figure = { numerator: numeratorOn(d), denominator };
    return { date: d, figure, holds: meetsFloor(figure, { floor, strict }) };
  });
}

const dateArb = fc.integer({ min: dayNumber('2000-01-01'), max: dayNumber('2090-12-31') }).map(dateOfDay);

describe('trend dates', () => {
  it('are the month-ends of the 23 months before the date, then the date', () => {
    const dates = trendDates('2026-11-27');
    expect(dates).toHaveLength(24);
    expect(dates.slice(0, 3)).toEqual(['2024-12-31', '2025-01-31', '2025-02-28']);
    expect(dates.slice(-3)).toEqual(['2026-09-30', '2026-10-31', '2026-11-27']);
    expect(trendDates('2024-03-31', 3)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
  });

  it('refuse a date that is not one', () => {
    expect(() => trendDates('2026-02-30')).toThrow(RangeError);
    expect(() => trendDates('27/11/2026')).toThrow(RangeError);
  });

  it('always rise, one a month, and end on the date', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (date, months) => {
      const dates = trendDates(date, months);
      expect(dates).toHaveLength(months);
      expect(dates.at(-1)).toBe(date);
      for (let i = 1; i < dates.length; i += 1) {
        expect(dates[i]! > dates[i - 1]!).toBe(true);
        expect(dayNumber(dates[i]!) - dayNumber(dates[i - 1]!)).toBeLessThanOrEqual(31);
      }
    }));
  });
});

describe('least-squares line', () => {
  it('recovers a line exactly from points on it', () => {
    fc.assert(fc.property(
      fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -50, max: 50 }), fc.uniqueArray(fc.integer({ min: 0, max: 800 }), { minLength: 2, maxLength: 24 }),
      (intercept, slope, xs) => {
        const line = fitLine(xs.map((x) => ({ x, y: intercept + slope * x })));
        expect(line!.slope).toBeCloseTo(slope, 6);
        expect(line!.intercept).toBeCloseTo(intercept, 4);
      },
    ));
  });

  it('has no line through one x', () => {
    expect(fitLine([{ x: 3, y: 1 }, { x: 3, y: 2 }])).toBeNull();
    expect(fitLine([{ x: 3, y: 1 }])).toBeNull();
  });
});

describe('projected breach', () => {
  it('projects the day a falling share of engaged members reaches 4/5', () => {
    // 1,000 members; 900 engaged at the date, 30 fewer every 100 days: 800 (the floor) in 333⅓ days, below it on day 334.
    const date = '2026-11-27';
    const points = series(date, (d) => 900 + Math.round((30 * (dayNumber(date) - dayNumber(d))) / 100), 1000, fourFifths);
    expect(points.at(-1)!.holds).toBe(true);
    const projected = projectBreach(points, { floor: fourFifths, strict: false });
    expect(dayNumber(projected!) - dayNumber(date)).toBeGreaterThanOrEqual(333);
    expect(dayNumber(projected!) - dayNumber(date)).toBeLessThanOrEqual(335);
  });

  it('fits the last year only: an old fall followed by a flat year projects nothing', () => {
    const date = '2026-11-27';
    const yearAgo = addMonths(date, -11);
    const points = series(date, (d) => (d >= yearAgo ? 850 : 850 + (dayNumber(yearAgo) - dayNumber(d))), 1000, fourFifths);
    expect(projectBreach(points, { floor: fourFifths, strict: false })).toBeNull();
  });

  it('needs three points with something to judge', () => {
    const points: TrendPoint[] = trendDates('2026-11-27').map((date, i, all) => (i < all.length - 2
      ? { date, figure: { numerator: 0, denominator: 0 }, holds: null }
      : { date, figure: { numerator: 90 - i, denominator: 100 }, holds: true }));
    expect(projectBreach(points, { floor: fourFifths, strict: false })).toBeNull();
  });

  it('refuses points out of date order', () => {
    const [a, b] = series('2026-11-27', () => 9, 10, fourFifths).slice(-2);
    expect(() => projectBreach([b!, a!], { floor: fourFifths, strict: false })).toThrow(RangeError);
  });

  it('never projects a breach for a series that stays at one level above the floor', () => {
    fc.assert(fc.property(
      dateArb, fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.boolean(),
      (date, denominator, extra, strict) => {
        const numerator = Math.ceil(denominator / 2) + (strict ? 1 : 0) + (extra % denominator);
        expect(projectBreach(series(date, () => numerator, denominator, half, strict), { floor: half, strict })).toBeNull();
      },
    ));
  });

  it('never projects a breach for a rising series', () => {
    fc.assert(fc.property(dateArb, fc.integer({ min: 1, max: 50 }), (date, perMonth) => {
      const points = series(date, (d) => 10_000 - perMonth * Math.round((dayNumber(date) - dayNumber(d)) / 30), 10_000, fourFifths);
      expect(projectBreach(points, { floor: fourFifths, strict: false })).toBeNull();
    }));
  });

  it('projects, for a falling series, the first day after the last point on which the fitted line is on the wrong side', () => {
    fc.assert(fc.property(
      dateArb,
      fc.integer({ min: 2, max: 1000 }), // the fall per day, in 1/1,000,000
      fc.integer({ min: 1, max: 400 }), // days from the date to the exact crossing
      fc.boolean(),
      (date, fall, daysToFloor, strict) => {
        const denominator = 1_000_000;
        // Exactly linear in days, crossing half at `date + daysToFloor`.
        const numeratorOn = (d: string) => denominator / 2 + fall * (daysToFloor + dayNumber(date) - dayNumber(d));
        const points = series(date, numeratorOn, denominator, half, strict);
        const projected = projectBreach(points, { floor: half, strict });
        const horizon = addMonths(date, trendRules.horizonMonths);
        // On the crossing day the figure equals the floor: a breach for a strict rule, the next day for the other.
        const exact = addDays(date, strict ? daysToFloor : daysToFloor + 1);
        // The projection is within a day of the exact crossing (the fit rounds), so one that falls on the horizon may
        // land a day past it and go unreported.
        if (dayNumber(exact) + 1 > dayNumber(horizon)) {
          expect(projected === null || Math.abs(dayNumber(projected) - dayNumber(horizon)) <= 1).toBe(true);
          return;
        }
        expect(projected).not.toBeNull();
        expect(Math.abs(dayNumber(projected!) - dayNumber(exact))).toBeLessThanOrEqual(1);
        // The contract, against the same fitted line: wrong side on the day, right side the day before (unless that is the date).
        const line = fitLine(fitData(points, half))!;
        const margin = (d: string) => line.intercept + line.slope * dayNumber(d);
        const wrong = (d: string) => (strict ? margin(d) <= 0 : margin(d) < 0);
        expect(projected! > date).toBe(true);
        expect(wrong(projected!)).toBe(true);
        const before = addDays(projected!, -1);
        expect(before === date || !wrong(before)).toBe(true);
      },
    ));
  });

  it('projects the day after the date when the fitted line is already on the wrong side', () => {
    // The figure holds today only just, after a steep fall: the line through the year is below the floor already.
    const date = '2026-11-27';
    const points = series(date, (d) => (d === date ? 801 : 1000 - Math.round((dayNumber(d) - dayNumber(addMonths(date, -24))) / 3)), 1000, fourFifths);
    expect(points.at(-1)!.holds).toBe(true);
    expect(projectBreach(points, { floor: fourFifths, strict: false })).toBe(addDays(date, 1));
  });
});
