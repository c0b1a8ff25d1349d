import type { Fraction } from '../governance/resolutions.js';
import { DomainError, type FieldError } from '../shared/errors.js';

/**
 * The appropriation of a fiscal year's surplus (剰余金処分), in the order the Worker Cooperatives Act sets
 * (domain.md §2.12):
 *
 * 1. cover losses carried forward (損失の填補, Art. 77(1));
 * 2. the legal reserve (準備金): at least 1/10 of the year's surplus each year until it reaches the amount the
 *    bylaws set, which is itself at least 1/2 of total capital (Art. 76(1), (2));
 * 3. the job-creation fund (就労創出等積立金): at least 1/20 of the year's surplus (Art. 76(4));
 * 4. the education carry-forward (教育繰越金): at least 1/20, carried to the next year (Art. 76(5));
 * 5. only then a dividend by amount of work (従事分量配当, Art. 77(1), (2)); never a dividend on capital. What
 *    is not paid out may be retained (carried forward) by the general meeting's choice.
 *
 * Decisions, so that every figure can be explained:
 * - Base. "The year's surplus" the fractions apply to is the surplus after covering the losses carried forward
 *   (繰越損失金を填補した後の剰余金), as co-operative bylaws usually word it: a co-op that is still repaying
 *   earlier losses has no surplus of its own yet. Within a year's surplus the losses take precedence (Art. 77(1)),
 *   so covering them is not optional: the cover is min(surplus, losses).
 * - Rates are exact fractions of whole numbers (`{ numerator, denominator }`, 1/10 rather than 1,000 basis points),
 *   so any rate the bylaws can state (1/3, 12/100) is represented exactly and compared by cross-multiplying.
 * - Rounding. Each reserve's minimum is the base times its rate rounded UP to whole yen, so no reserve is ever
 *   below the law's fraction by a part of a yen; the dividend takes what is left. Arithmetic on yen × rate is done
 *   in BigInt, so no product loses precision.
 * - The legal reserve's minimum is capped at what the reserve still needs to reach the bylaw amount: the duty
 *   lasts "until it reaches" that amount. Putting more in is allowed (the law sets a floor, not a ceiling).
 * - Whole yen cannot always honour every rounded-up minimum: with a surplus of 1 or 2 yen, 1/10, 1/20 and 1/20
 *   rounded up are 3 yen. The minimums are then met in the legal order until the base runs out, and the later
 *   ones are reduced to what remains (basis `surplus_exhausted`). Bylaw rates that add up to more than the whole
 *   surplus are refused.
 */

/** The three rates the bylaws choose, each at or above the law's (Art. 76). */
export interface SurplusRates {
  /** 準備金: share of the year's surplus put into the legal reserve until it reaches the bylaw amount. */
  legalReserve: Fraction;
  /** 就労創出等積立金. */
  jobCreationFund: Fraction;
  /** 教育繰越金. */
  educationCarryForward: Fraction;
}

/** The Worker Cooperatives Act's floors: 1/10, 1/20 and 1/20 (Art. 76(1), (4), (5)). */
export const actMinimumRates: SurplusRates = {
  legalReserve: { numerator: 1, denominator: 10 },
  jobCreationFund: { numerator: 1, denominator: 20 },
  educationCarryForward: { numerator: 1, denominator: 20 },
};

/** The legal reserve target is at least this share of total capital (出資総額の二分の一, Art. 76(2)). */
export const actReserveTargetShareOfCapital: Fraction = { numerator: 1, denominator: 2 };

/** What the year-end close knows before anything is allocated. All amounts integer yen. */
export interface SurplusFacts {
  /** 当期剰余金: the year's surplus; negative for a loss (当期損失). */
  surplus: number;
  /** 繰越損失金: losses of earlier years not yet covered, 0 or more. */
  lossesCarriedForward: number;
  /** The legal reserve's balance before this year's allocation. */
  legalReserveBalance: number;
  /** The amount the bylaws set for the legal reserve (定款で定める準備金の額). */
  legalReserveTarget: number;
  /** 出資総額: total capital subscribed, which the reserve target may not fall below half of. */
  totalCapital: number;
  /** The bylaws' rates. */
  rates: SurplusRates;
}

/**
 * An allocation, proposed or edited by the board. When the surplus is at least the losses, lossCovered plus every
 * other part except lossCarriedForward adds up to the surplus; otherwise everything but the loss lines is 0.
 */
export interface AllocationParts {
  /** Losses carried forward that this year's surplus covers. */
  lossCovered: number;
  legalReserve: number;
  jobCreationFund: number;
  educationCarryForward: number;
  /** Distributed as dividends by amount of work (従事分量配当). */
  dividends: number;
  /** Left undistributed by the general meeting's choice (次期繰越剰余金). */
  retained: number;
  /** Losses still uncovered after this year, carried to the next (次期繰越損失金). */
  lossCarriedForward: number;
}

/**
 * Why a reserve's minimum is what it is, for the explanation beside the figure:
 * `rate` — the base times the rate, rounded up; `capped_at_target` — less, because that is all the legal reserve
 * needs to reach the bylaw amount; `target_reached` — 0, the reserve is already at the bylaw amount;
 * `surplus_exhausted` — less, because the earlier items in the legal order took the whole base (1–2 yen bases);
 * `no_surplus` — 0, nothing is left after covering losses.
 */
export type MinimumBasis = 'rate' | 'capped_at_target' | 'target_reached' | 'surplus_exhausted' | 'no_surplus';

/** One reserve's floor. */
export interface ReserveMinimum {
  /** What the bylaws require, whole yen: the binding floor. */
  minimum: number;
  /** What the law alone requires (the Act's rate instead of the bylaws'), never above `minimum`. */
  legalMinimum: number;
  /** The bylaws' rate the minimum is taken at. */
  rate: Fraction;
  basis: MinimumBasis;
}

export interface AllocationMinimums {
  /** The surplus after covering losses: what the rates apply to. 0 in a year without one. */
  base: number;
  /** What must cover losses: min(surplus, losses), 0 in a loss year. */
  lossCovered: number;
  /** Losses left for the next year. */
  lossCarriedForward: number;
  legalReserve: ReserveMinimum;
  jobCreationFund: ReserveMinimum;
  educationCarryForward: ReserveMinimum;
  /** What the legal reserve still needs to reach the bylaw amount (0 when it has). */
  legalReserveGap: number;
}

export interface AllocationProposal extends AllocationParts {
  /** The floors the proposal meets exactly, with why each is what it is. */
  minimums: AllocationMinimums;
  /** True in a year whose surplus does not exceed the losses: no dividend, nothing reserved. */
  lossYear: boolean;
}

export const reserveFields = ['legalReserve', 'jobCreationFund', 'educationCarryForward'] as const;
export type ReserveField = (typeof reserveFields)[number];

const isWholeYen = (n: number): boolean => Number.isSafeInteger(n);
const isRate = (f: Fraction): boolean =>
  Number.isSafeInteger(f.numerator) && Number.isSafeInteger(f.denominator) && f.numerator > 0 && f.denominator > 0 && f.numerator <= f.denominator;
const atLeast = (a: Fraction, b: Fraction): boolean => BigInt(a.numerator) * BigInt(b.denominator) >= BigInt(b.numerator) * BigInt(a.denominator);

/** amount × rate rounded up to whole yen, exactly (amount ≥ 0). */
export function ceilShare(amount: number, rate: Fraction): number {
  const product = BigInt(amount) * BigInt(rate.numerator);
  const denominator = BigInt(rate.denominator);
  return Number((product + denominator - 1n) / denominator);
}

/**
 * Problems with the reserve rates the bylaws choose: each a fraction of whole numbers in (0, 1], at or above the law's
 * floor, and the three together at most the whole surplus. `fieldOf` names the field each problem is reported on
 * (the facts of a close, or the bylaws' settings); `'rates'` is the sum.
 */
export function surplusRateProblems(rates: SurplusRates, lawMinimums: SurplusRates, fieldOf: (field: ReserveField | 'rates') => string): FieldError[] {
  const errors: FieldError[] = [];
  const problem = (field: ReserveField | 'rates', code: string, message: string) => errors.push({ field: fieldOf(field), code, message });
  let allRates = true;
  for (const field of reserveFields) {
    const rate = rates[field];
    if (!isRate(rate)) {
      problem(field, 'not_a_fraction', 'a fraction of whole numbers, above 0 and at most 1');
      allRates = false;
    } else if (!atLeast(rate, lawMinimums[field])) {
      problem(field, 'below_legal_minimum', `the law's floor is ${lawMinimums[field].numerator}/${lawMinimums[field].denominator}`);
    }
  }
  if (allRates) {
    const [a, b, c] = reserveFields.map((field) => rates[field]) as [Fraction, Fraction, Fraction];
    const [an, ad, bn, bd, cn, cd] = [a.numerator, a.denominator, b.numerator, b.denominator, c.numerator, c.denominator].map(BigInt) as [bigint, bigint, bigint, bigint, bigint, bigint];
    if (an * bd * cd + bn * ad * cd + cn * ad * bd > ad * bd * cd) problem('rates', 'rates_exceed_surplus', 'the three rates add up to more than the whole surplus');
  }
  return errors;
}

/**
 * Refuses facts the allocation cannot be computed from, or bylaws the Act would not allow: amounts that are not
 * whole yen, a reserve target below half of total capital, a rate below the law's, rates adding up to more than
 * the whole surplus.
 */
export function checkSurplusFacts(facts: SurplusFacts, lawMinimums: SurplusRates = actMinimumRates): void {
  const errors: FieldError[] = [];
  const problem = (field: string, code: string, message: string) => errors.push({ field, code, message });
  if (!isWholeYen(facts.surplus)) problem('surplus', 'not_whole_yen', 'whole yen; negative for a loss');
  for (const field of ['lossesCarriedForward', 'legalReserveBalance', 'legalReserveTarget', 'totalCapital'] as const) {
    if (!isWholeYen(facts[field]) || facts[field] < 0) problem(field, 'not_whole_yen', 'whole yen, 0 or more');
  }
  if (isWholeYen(facts.legalReserveTarget) && isWholeYen(facts.totalCapital) && facts.totalCapital >= 0) {
    const half = actReserveTargetShareOfCapital;
    // target ≥ totalCapital × 1/2, compared without division.
    if (BigInt(facts.legalReserveTarget) * BigInt(half.denominator) < BigInt(facts.totalCapital) * BigInt(half.numerator)) {
      problem('legalReserveTarget', 'reserve_target_below_half_of_capital', `the bylaw amount of the legal reserve is at least half of total capital (${ceilShare(facts.totalCapital, half)} yen)`);
    }
  }
  errors.push(...surplusRateProblems(facts.rates, lawMinimums, (field) => (field === 'rates' ? 'rates' : `rates.${field}`)));
  if (errors.length > 0) throw new DomainError('invalid', 'invalid_surplus_facts', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/**
 * The floors of this year's allocation, with why each is what it is. Both the proposal and the check of an edited
 * allocation read them, so they cannot disagree. Checks the facts first.
 */
export function allocationMinimums(facts: SurplusFacts, lawMinimums: SurplusRates = actMinimumRates): AllocationMinimums {
  checkSurplusFacts(facts, lawMinimums);
  const { surplus, lossesCarriedForward: losses } = facts;
  const lossCovered = Math.max(0, Math.min(surplus, losses));
  const lossCarriedForward = losses - lossCovered + Math.max(0, -surplus);
  const base = Math.max(0, surplus - losses);
  const legalReserveGap = Math.max(0, facts.legalReserveTarget - facts.legalReserveBalance);

  let left = base;
  const minimumOf = (field: ReserveField): ReserveMinimum => {
    const rate = facts.rates[field];
    if (base === 0) return { minimum: 0, legalMinimum: 0, rate, basis: 'no_surplus' };
    let byRate = ceilShare(base, rate);
    let byLaw = ceilShare(base, lawMinimums[field]);
    let basis: MinimumBasis = 'rate';
    if (field === 'legalReserve' && byRate > legalReserveGap) {
      byRate = legalReserveGap;
      basis = legalReserveGap === 0 ? 'target_reached' : 'capped_at_target';
    }
    if (byRate > left) {
      byRate = left;
      basis = 'surplus_exhausted';
    }
    // The law's floor is the same computation at the Act's rate, and never above the bylaws' (their rate is higher).
    byLaw = Math.min(byLaw, byRate);
    left -= byRate;
    return { minimum: byRate, legalMinimum: byLaw, rate, basis };
  };
  // Called in the legal order: each later fund gets what the earlier ones left.
  const legalReserve = minimumOf('legalReserve');
  const jobCreationFund = minimumOf('jobCreationFund');
  const educationCarryForward = minimumOf('educationCarryForward');
  return { base, lossCovered, lossCarriedForward, legalReserve, jobCreationFund, educationCarryForward, legalReserveGap };
}

/**
 * Proposes the allocation in the legal order: each reserve at its minimum, the rest as dividends by amount of work.
 * `retained` moves part of that rest out of the dividend (the general meeting may keep it); it may not exceed it.
 * A year whose surplus does not exceed the losses pays no dividend and reserves nothing; what is left of the losses
 * is carried forward.
 */
export function proposeAllocation(facts: SurplusFacts, options: { retained?: number; lawMinimums?: SurplusRates } = {}): AllocationProposal {
  const minimums = allocationMinimums(facts, options.lawMinimums);
  const reserved = minimums.legalReserve.minimum + minimums.jobCreationFund.minimum + minimums.educationCarryForward.minimum;
  const rest = minimums.base - reserved;
  const retained = options.retained ?? 0;
  if (!isWholeYen(retained) || retained < 0 || retained > rest) {
    throw new DomainError('invalid', 'retained_out_of_range', `what is retained is whole yen from 0 to ${rest}`, [
      { field: 'retained', code: 'retained_out_of_range', message: `0 to ${rest}` },
    ]);
  }
  return {
    lossCovered: minimums.lossCovered,
    legalReserve: minimums.legalReserve.minimum,
    jobCreationFund: minimums.jobCreationFund.minimum,
    educationCarryForward: minimums.educationCarryForward.minimum,
    dividends: rest - retained,
    retained,
    lossCarriedForward: minimums.lossCarriedForward,
    minimums,
    lossYear: minimums.base === 0,
  };
}

const allocationFields = ['lossCovered', 'legalReserve', 'jobCreationFund', 'educationCarryForward', 'dividends', 'retained', 'lossCarriedForward'] as const;

/**
 * Refuses an allocation (the proposal, or one the board edited) the law or the bylaws would not allow, with every
 * problem on the field it concerns:
 * - `not_whole_yen` — a part that is not a whole number of yen, 0 or more (kind `invalid`);
 * - `lossCovered`: `losses_not_covered` / `more_than_losses` — the cover must be exactly min(surplus, losses);
 * - `lossCarriedForward`: `loss_carried_forward_mismatch` — must be the losses left uncovered;
 * - each reserve: `below_legal_minimum` (below the Act's fraction), or `below_bylaw_minimum` (at or above the
 *   Act's but below the bylaws' rate);
 * - `dividends`: `dividend_without_surplus` — a dividend in a year with nothing left after losses;
 * - `total`: `parts_do_not_add_up` — the parts (without the loss carried forward) differ from the surplus.
 * Rule problems are thrown together as one `rule_violation` with code `allocation_outside_law`.
 */
export function checkAllocation(facts: SurplusFacts, allocation: AllocationParts, lawMinimums: SurplusRates = actMinimumRates): void {
  const shape: FieldError[] = [];
  for (const field of allocationFields) {
    if (!isWholeYen(allocation[field]) || allocation[field] < 0) shape.push({ field, code: 'not_whole_yen', message: 'whole yen, 0 or more' });
  }
  if (shape.length > 0) throw new DomainError('invalid', 'validation_failed', shape.map((e) => `${e.field}: ${e.message}`).join('; '), shape);

  const minimums = allocationMinimums(facts, lawMinimums);
  const errors: FieldError[] = [];
  const problem = (field: string, code: string, message: string) => errors.push({ field, code, message });

  if (allocation.lossCovered < minimums.lossCovered) problem('lossCovered', 'losses_not_covered', `the surplus covers losses first: ${minimums.lossCovered} yen`);
  if (allocation.lossCovered > minimums.lossCovered) problem('lossCovered', 'more_than_losses', `only ${minimums.lossCovered} yen of losses can be covered`);
  if (allocation.lossCarriedForward !== minimums.lossCarriedForward) problem('lossCarriedForward', 'loss_carried_forward_mismatch', `${minimums.lossCarriedForward} yen of losses remain`);
  for (const field of reserveFields) {
    const { minimum, legalMinimum } = minimums[field];
    if (allocation[field] < legalMinimum) problem(field, 'below_legal_minimum', `at least ${legalMinimum} yen by law`);
    else if (allocation[field] < minimum) problem(field, 'below_bylaw_minimum', `at least ${minimum} yen by the bylaws`);
  }
  if (minimums.base === 0 && allocation.dividends > 0) problem('dividends', 'dividend_without_surplus', 'no dividend in a year with nothing left after covering losses');

  const parts = allocation.lossCovered + allocation.legalReserve + allocation.jobCreationFund + allocation.educationCarryForward + allocation.dividends + allocation.retained;
  const expected = Math.max(0, facts.surplus);
  if (parts !== expected) problem('total', 'parts_do_not_add_up', `the parts add up to ${parts} yen, the surplus is ${expected} yen`);

  if (errors.length > 0) throw new DomainError('rule_violation', 'allocation_outside_law', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}
