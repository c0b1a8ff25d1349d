import { DomainError, type FieldError } from '../shared/errors.js';

/** Where a year's result came from: typed in, or a CSV import. */
export const resultSources = ['entered', 'import'] as const;
export type ResultSource = (typeof resultSources)[number];

/**
 * A site's result for one fiscal year (事業年度), in integer yen. The surplus (剰余) is not entered: it is always
 * turnover (事業高) − expenses, so a site's figures can never disagree with themselves and the organization's
 * totals add up the same whichever column is summed. A loss is a negative surplus.
 */
export interface SiteResultFigures {
  turnover: number;
  expenses: number;
  /** People the site served in the year (利用者数), when counted. */
  peopleServed: number | null;
  /** Workers by kind as entered; the work records' own count is preferred where the site has work records. */
  workersMembers: number | null;
  workersNonMembers: number | null;
}

export const surplusOf = (figures: Pick<SiteResultFigures, 'turnover' | 'expenses'>): number => figures.turnover - figures.expenses;

/** The largest amount a result holds: far above any co-operative's turnover, and within exact integers of JSON. */
export const maxYen = 1_000_000_000_000_000;

/** Checks a year's figures: whole yen, not negative, within range; counts whole and not negative. */
export function checkSiteResult(figures: SiteResultFigures): void {
  const errors: FieldError[] = [];
  for (const field of ['turnover', 'expenses'] as const) {
    const value = figures[field];
    if (!Number.isSafeInteger(value)) errors.push({ field, code: 'not_whole_yen', message: 'whole yen' });
    else if (value < 0 || value > maxYen) errors.push({ field, code: 'out_of_range', message: `0 to ${maxYen} yen` });
  }
  for (const field of ['peopleServed', 'workersMembers', 'workersNonMembers'] as const) {
    const value = figures[field];
    if (value !== null && (!Number.isSafeInteger(value) || value < 0)) errors.push({ field, code: 'not_whole', message: 'a whole number, 0 or more' });
  }
  if (errors.length > 0) throw new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** An organization's year added up over its sites: what the federation's reports build on. */
export interface ResultTotals {
  sites: number;
  turnover: number;
  expenses: number;
  surplus: number;
  peopleServed: number;
}

export function totalOf(results: readonly Pick<SiteResultFigures, 'turnover' | 'expenses' | 'peopleServed'>[]): ResultTotals {
  return results.reduce<ResultTotals>((sum, r) => ({
    sites: sum.sites + 1,
    turnover: sum.turnover + r.turnover,
    expenses: sum.expenses + r.expenses,
    surplus: sum.surplus + surplusOf(r),
    peopleServed: sum.peopleServed + (r.peopleServed ?? 0),
  }), { sites: 0, turnover: 0, expenses: 0, surplus: 0, peopleServed: 0 });
}
