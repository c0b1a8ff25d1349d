import type { Fraction } from '../governance/resolutions.js';
import { addMonths, dateOfDay, dayNumber, isIsoDate, monthEnd } from './calendar.js';
import type { ComplianceRule } from './checks.js';

/**
 * A check's figure over time, and the date it would cross its floor if its recent trend went on. The projection is
 * a warning, not a forecast: a straight line fitted by least squares to the margin above the floor over the last
 * year, extended no further ahead than a year either, since a line says nothing about a time further from the data
 * than the data spans.
 */
export const trendRules = {
  /** Points of a trend: the month-ends of the 23 months before the date, and the date itself. */
  months: 24,
  /** The most recent points the line is fitted to: a whole year, so that a seasonal hiring peak does not pass for a trend. */
  fitPoints: 12,
  /** Points with data a fit needs at the least: two always make a line, three begin to make a trend. */
  minimumFitPoints: 3,
  /** How far past the date a projected breach is reported. */
  horizonMonths: 12,
} as const;

export type TrendRules = typeof trendRules;

/** The figure on one date; `holds` is null where there is nothing to judge (no figure, or a zero denominator). */
export interface TrendPoint {
  date: string;
  figure: Fraction | null;
  holds: boolean | null;
}

/** The dates of a trend ending on `date`: the last day of each of the `months - 1` months before it, then the date. */
export function trendDates(date: string, months: number = trendRules.months): string[] {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${date}"`);
  if (!Number.isInteger(months) || months < 1) throw new RangeError('a trend has at least one point');
  const first = `${date.slice(0, 8)}01`;
  const dates: string[] = [];
  for (let back = months - 1; back >= 1; back -= 1) dates.push(monthEnd(addMonths(first, -back)));
  dates.push(date);
  return dates;
}

/** A straight line y = intercept + slope·x. */
export interface Line {
  intercept: number;
  slope: number;
}

/** The least-squares line through the points; null when they do not span two distinct x. */
export function fitLine(points: readonly { x: number; y: number }[]): Line | null {
  const n = points.length;
  if (n < 2) return null;
  // Centred on the means, so that day numbers in the tens of thousands do not swamp the sums.
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.y - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { intercept: meanY - slope * meanX, slope };
}

/** How far a figure lies above its floor, as a number: for fitting a trend only, never for deciding a check. */
export const marginOf = (figure: Fraction, floor: Fraction): number => figure.numerator / figure.denominator - floor.numerator / floor.denominator;

/** The fitted margin on the wrong side of the floor: below it, or for a strict rule at or below it. */
const breaches = (margin: number, strict: boolean): boolean => (strict ? margin <= 0 : margin < 0);

/** The day numbers and margins a projection fits: the last `fitPoints` points with something to judge. */
export function fitData(points: readonly TrendPoint[], floor: Fraction, rules: Pick<TrendRules, 'fitPoints'> = trendRules): { x: number; y: number }[] {
  return points
    .filter((p): p is TrendPoint & { figure: Fraction } => p.holds !== null && p.figure !== null && p.figure.denominator > 0)
    .slice(-rules.fitPoints)
    .map((p) => ({ x: dayNumber(p.date), y: marginOf(p.figure, floor) }));
}

/**
 * The first date after the last point on which the line fitted to the recent margins is on the wrong side of the
 * floor, if the line is falling and that date is within the horizon; otherwise null. A line that is already on the
 * wrong side at the last point (the figure holds but has been falling fast) projects the next day. Points must be in
 * date order.
 */
export function projectBreach(points: readonly TrendPoint[], rule: Pick<ComplianceRule, 'floor' | 'strict'>, rules: TrendRules = trendRules): string | null {
  for (let i = 1; i < points.length; i += 1) {
    if (points[i]!.date <= points[i - 1]!.date) throw new RangeError('trend points must be in date order, one per date');
  }
  const last = points.at(-1);
  if (!last) return null;
  const data = fitData(points, rule.floor, rules);
  if (data.length < rules.minimumFitPoints) return null;
  const line = fitLine(data);
  if (!line || !(line.slope < 0)) return null;
  const lastDay = dayNumber(last.date);
  const wrongOn = (day: number) => breaches(line.intercept + line.slope * day, rule.strict);
  // The crossing solves intercept + slope·x = 0; the loops settle rounding so that the answer agrees with wrongOn.
  let day = Math.max(lastDay + 1, Math.floor(-line.intercept / line.slope));
  const horizonDay = dayNumber(addMonths(last.date, rules.horizonMonths));
  if (day > horizonDay) return null;
  while (day > lastDay + 1 && wrongOn(day - 1)) day -= 1;
  while (!wrongOn(day)) {
    day += 1;
    if (day > horizonDay) return null;
  }
  return dateOfDay(day);
}
