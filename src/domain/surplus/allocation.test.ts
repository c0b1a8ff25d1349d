import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fraction } from '../governance/resolutions.js';
import { DomainError, type FieldError } from '../shared/errors.js';
import {
  actMinimumRates,
  allocationMinimums,
  ceilShare,
  checkAllocation,
  checkSurplusFacts,
  proposeAllocation,
  type AllocationParts,
  type SurplusFacts,
} from './allocation.js';

const f = (numerator: number, denominator: number): Fraction => ({ numerator, denominator });

/** A co-op with 10,000,000 yen of capital, a reserve target of half of it, 2,000,000 reserved so far, the Act's rates. */
const buildFacts = (overrides: Partial<SurplusFacts> = {}): SurplusFacts => ({
  surplus: 1_000_000,
  lossesCarriedForward: 0,
  legalReserveBalance: 2_000_000,
  legalReserveTarget: 5_000_000,
  totalCapital: 10_000_000,
  rates: actMinimumRates,
  ...overrides,
});

const partsOf = (proposal: AllocationParts): AllocationParts => ({
  lossCovered: proposal.lossCovered,
  legalReserve: proposal.legalReserve,
  jobCreationFund: proposal.jobCreationFund,
  educationCarryForward: proposal.educationCarryForward,
  dividends: proposal.dividends,
  retained: proposal.retained,
  lossCarriedForward: proposal.lossCarriedForward,
});

/** The DomainError a call throws (code and field errors), or null when it returns. */
const refusalOf = (call: () => unknown): { kind: string; code: string; errors: Pick<FieldError, 'field' | 'code'>[] } | null => {
  try {
    call();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, code: error.code, errors: error.errors.map(({ field, code }) => ({ field, code })) };
    throw error;
  }
};

describe('ceilShare', () => {
  it('rounds a share up to whole yen, exactly even past 2^53', () => {
    expect(ceilShare(1_234_567, f(1, 10))).toBe(123_457);
    expect(ceilShare(1_234_560, f(1, 10))).toBe(123_456);
    expect(ceilShare(0, f(1, 20))).toBe(0);
    // 9,007,199,254,740,991 × 3/4 = 6,755,399,441,055,743.25 → …744; in floating point the product would round.
    expect(ceilShare(Number.MAX_SAFE_INTEGER, f(3, 4))).toBe(6_755_399_441_055_744);
  });
});

describe('proposeAllocation: worked examples', () => {
  it('3,000,000 surplus, 500,000 losses: covers 500,000; base 2,500,000 → reserve 250,000, job 125,000, education 125,000, dividends 2,000,000', () => {
    const proposal = proposeAllocation(buildFacts({ surplus: 3_000_000, lossesCarriedForward: 500_000 }));
    expect(partsOf(proposal)).toEqual({
      lossCovered: 500_000, legalReserve: 250_000, jobCreationFund: 125_000, educationCarryForward: 125_000, dividends: 2_000_000, retained: 0, lossCarriedForward: 0,
    });
    expect(proposal.minimums.base).toBe(2_500_000);
    expect(proposal.minimums.legalReserve.basis).toBe('rate');
    expect(proposal.lossYear).toBe(false);
  });

  it('1,234,567 surplus rounds every reserve up: 123,456.7 → 123,457; 61,728.35 → 61,729 twice; dividends 987,652', () => {
    // 1,234,567 − 123,457 − 61,729 − 61,729 = 987,652.
    expect(partsOf(proposeAllocation(buildFacts({ surplus: 1_234_567 })))).toMatchObject({ legalReserve: 123_457, jobCreationFund: 61_729, educationCarryForward: 61_729, dividends: 987_652 });
  });

  it('takes the bylaws’ higher rates: 1,000,001 at 15/100, 1/10, 3/50 → 150,001, 100,001, 60,001, dividends 689,998; the law alone would ask 100,001, 50,001, 50,001', () => {
    const proposal = proposeAllocation(buildFacts({ surplus: 1_000_001, rates: { legalReserve: f(15, 100), jobCreationFund: f(1, 10), educationCarryForward: f(3, 50) } }));
    expect(partsOf(proposal)).toMatchObject({ legalReserve: 150_001, jobCreationFund: 100_001, educationCarryForward: 60_001, dividends: 689_998 });
    expect(proposal.minimums.legalReserve.legalMinimum).toBe(100_001);
    expect(proposal.minimums.jobCreationFund.legalMinimum).toBe(50_001);
    expect(proposal.minimums.educationCarryForward.legalMinimum).toBe(50_001);
  });

  it('retains part of the rest by choice: 1,000,000 − 100,000 − 50,000 − 50,000 = 800,000; 300,000 retained → dividends 500,000', () => {
    expect(partsOf(proposeAllocation(buildFacts(), { retained: 300_000 }))).toMatchObject({ legalReserve: 100_000, dividends: 500_000, retained: 300_000 });
    expect(refusalOf(() => proposeAllocation(buildFacts(), { retained: 800_001 }))?.code).toBe('retained_out_of_range');
  });
});

describe('proposeAllocation: edge cases', () => {
  it('a zero surplus allocates nothing', () => {
    const proposal = proposeAllocation(buildFacts({ surplus: 0 }));
    expect(partsOf(proposal)).toEqual({ lossCovered: 0, legalReserve: 0, jobCreationFund: 0, educationCarryForward: 0, dividends: 0, retained: 0, lossCarriedForward: 0 });
    expect(proposal.minimums.legalReserve.basis).toBe('no_surplus');
    expect(proposal.lossYear).toBe(true);
  });

  it('a surplus of 300,000 against 500,000 of losses covers 300,000 and carries 200,000 forward, with no reserve and no dividend', () => {
    const proposal = proposeAllocation(buildFacts({ surplus: 300_000, lossesCarriedForward: 500_000 }));
    expect(partsOf(proposal)).toEqual({ lossCovered: 300_000, legalReserve: 0, jobCreationFund: 0, educationCarryForward: 0, dividends: 0, retained: 0, lossCarriedForward: 200_000 });
    expect(proposal.lossYear).toBe(true);
  });

  it('a surplus exactly equal to the losses covers them and leaves nothing', () => {
    expect(partsOf(proposeAllocation(buildFacts({ surplus: 500_000, lossesCarriedForward: 500_000 })))).toMatchObject({ lossCovered: 500_000, legalReserve: 0, dividends: 0, lossCarriedForward: 0 });
  });

  it('a loss of 400,000 on top of 100,000 carried forward pays nothing and carries 500,000 forward', () => {
    const proposal = proposeAllocation(buildFacts({ surplus: -400_000, lossesCarriedForward: 100_000 }));
    expect(partsOf(proposal)).toEqual({ lossCovered: 0, legalReserve: 0, jobCreationFund: 0, educationCarryForward: 0, dividends: 0, retained: 0, lossCarriedForward: 500_000 });
  });

  it('a reserve already at its target takes nothing; the funds still take 50,000 each from 1,000,000', () => {
    const proposal = proposeAllocation(buildFacts({ legalReserveBalance: 5_000_000 }));
    expect(partsOf(proposal)).toMatchObject({ legalReserve: 0, jobCreationFund: 50_000, educationCarryForward: 50_000, dividends: 900_000 });
    expect(proposal.minimums.legalReserve.basis).toBe('target_reached');
  });

  it('a reserve one yen short of its target takes one yen, not 100,000', () => {
    const proposal = proposeAllocation(buildFacts({ legalReserveBalance: 4_999_999 }));
    expect(partsOf(proposal)).toMatchObject({ legalReserve: 1, jobCreationFund: 50_000, educationCarryForward: 50_000, dividends: 899_999 });
    expect(proposal.minimums.legalReserve).toMatchObject({ minimum: 1, legalMinimum: 1, basis: 'capped_at_target' });
  });

  it('a reserve above its target (the target was lowered) takes nothing', () => {
    expect(proposeAllocation(buildFacts({ legalReserveBalance: 6_000_000 })).legalReserve).toBe(0);
  });

  it('surpluses of 1 to 4 yen: the rounded-up minimums are met in the legal order until the yen run out', () => {
    // base 1: 1/10 → 1; the funds get what is left, 0.  base 2: 1, 1, 0.  base 3: 1, 1, 1.  base 4: 1, 1, 1 and 1 of dividend.
    const at = (surplus: number) => partsOf(proposeAllocation(buildFacts({ surplus })));
    expect(at(1)).toMatchObject({ legalReserve: 1, jobCreationFund: 0, educationCarryForward: 0, dividends: 0 });
    expect(proposeAllocation(buildFacts({ surplus: 1 })).minimums.jobCreationFund.basis).toBe('surplus_exhausted');
    expect(at(2)).toMatchObject({ legalReserve: 1, jobCreationFund: 1, educationCarryForward: 0, dividends: 0 });
    expect(at(3)).toMatchObject({ legalReserve: 1, jobCreationFund: 1, educationCarryForward: 1, dividends: 0 });
    expect(at(4)).toMatchObject({ legalReserve: 1, jobCreationFund: 1, educationCarryForward: 1, dividends: 1 });
  });
});

describe('checkSurplusFacts', () => {
  it('refuses a reserve target below half of total capital: 10,000,001 of capital needs at least 5,000,001', () => {
    expect(refusalOf(() => checkSurplusFacts(buildFacts({ totalCapital: 10_000_001 })))).toEqual({
      kind: 'invalid', code: 'invalid_surplus_facts', errors: [{ field: 'legalReserveTarget', code: 'reserve_target_below_half_of_capital' }],
    });
    expect(refusalOf(() => checkSurplusFacts(buildFacts({ totalCapital: 10_000_001, legalReserveTarget: 5_000_001 })))).toBeNull();
  });

  it('refuses rates below the law, rates that are not fractions, and rates adding up to more than the whole', () => {
    const rates = { legalReserve: f(1, 11), jobCreationFund: f(1, 0), educationCarryForward: f(1, 21) };
    expect(refusalOf(() => checkSurplusFacts(buildFacts({ rates })))?.errors).toEqual([
      { field: 'rates.legalReserve', code: 'below_legal_minimum' },
      { field: 'rates.jobCreationFund', code: 'not_a_fraction' },
      { field: 'rates.educationCarryForward', code: 'below_legal_minimum' },
    ]);
    const tooMuch = { legalReserve: f(1, 2), jobCreationFund: f(9, 20), educationCarryForward: f(2, 20) };
    expect(refusalOf(() => checkSurplusFacts(buildFacts({ rates: tooMuch })))?.errors).toEqual([{ field: 'rates', code: 'rates_exceed_surplus' }]);
    // Exactly the whole is allowed: 1/2 + 9/20 + 1/20.
    expect(refusalOf(() => checkSurplusFacts(buildFacts({ rates: { ...tooMuch, educationCarryForward: f(1, 20) } })))).toBeNull();
  });

  it('refuses amounts that are not whole yen', () => {
    expect(refusalOf(() => checkSurplusFacts(buildFacts({ surplus: 10.5, lossesCarriedForward: -1 })))?.errors).toEqual([
      { field: 'surplus', code: 'not_whole_yen' },
      { field: 'lossesCarriedForward', code: 'not_whole_yen' },
    ]);
  });
});

describe('checkAllocation', () => {
  const facts = buildFacts({ surplus: 1_000_001, rates: { legalReserve: f(15, 100), jobCreationFund: f(1, 10), educationCarryForward: f(3, 50) } });
  const proposal = partsOf(proposeAllocation(facts));

  it('accepts the proposal, and more than a minimum', () => {
    expect(refusalOf(() => checkAllocation(facts, proposal))).toBeNull();
    expect(refusalOf(() => checkAllocation(facts, { ...proposal, legalReserve: proposal.legalReserve + 9_998, dividends: proposal.dividends - 9_998 }))).toBeNull();
    // Beyond the reserve target too: the law sets a floor, not a ceiling.
    const atTarget = buildFacts({ legalReserveBalance: 5_000_000 });
    expect(refusalOf(() => checkAllocation(atTarget, { ...partsOf(proposeAllocation(atTarget)), legalReserve: 100_000, dividends: 800_000 }))).toBeNull();
  });

  it('tells a reserve below the law from one below the bylaws only: 120,000 is below 150,001; 100,000 is below 100,001', () => {
    expect(refusalOf(() => checkAllocation(facts, { ...proposal, legalReserve: 120_000, dividends: proposal.dividends + 30_001 }))).toEqual({
      kind: 'rule_violation', code: 'allocation_outside_law', errors: [{ field: 'legalReserve', code: 'below_bylaw_minimum' }],
    });
    expect(refusalOf(() => checkAllocation(facts, { ...proposal, legalReserve: 100_000, jobCreationFund: 50_000, educationCarryForward: 50_000, dividends: 800_001 }))?.errors).toEqual([
      { field: 'legalReserve', code: 'below_legal_minimum' },
      { field: 'jobCreationFund', code: 'below_legal_minimum' },
      { field: 'educationCarryForward', code: 'below_legal_minimum' },
    ]);
  });

  it('refuses parts that do not add up to the surplus', () => {
    expect(refusalOf(() => checkAllocation(facts, { ...proposal, dividends: proposal.dividends + 1 }))?.errors).toEqual([{ field: 'total', code: 'parts_do_not_add_up' }]);
  });

  it('refuses leaving losses uncovered to pay a dividend', () => {
    // 300,000 against 500,000 of losses: all 300,000 must cover them.
    const lossy = buildFacts({ surplus: 300_000, lossesCarriedForward: 500_000 });
    const edited = { ...partsOf(proposeAllocation(lossy)), lossCovered: 100_000, dividends: 200_000 };
    expect(refusalOf(() => checkAllocation(lossy, edited))?.errors).toEqual([
      { field: 'lossCovered', code: 'losses_not_covered' },
      { field: 'dividends', code: 'dividend_without_surplus' },
    ]);
    expect(refusalOf(() => checkAllocation(lossy, { ...edited, lossCovered: 300_000, dividends: 0, lossCarriedForward: 0 }))?.errors).toEqual([
      { field: 'lossCarriedForward', code: 'loss_carried_forward_mismatch' },
    ]);
  });

  it('refuses a dividend in a loss year', () => {
    const loss = buildFacts({ surplus: -1 });
    expect(refusalOf(() => checkAllocation(loss, { ...partsOf(proposeAllocation(loss)), dividends: 1 }))?.errors).toEqual([
      { field: 'dividends', code: 'dividend_without_surplus' },
      { field: 'total', code: 'parts_do_not_add_up' },
    ]);
  });

  it('refuses negative or fractional parts as invalid input', () => {
    expect(refusalOf(() => checkAllocation(facts, { ...proposal, retained: -1, dividends: 0.5 }))).toEqual({
      kind: 'invalid', code: 'validation_failed', errors: [{ field: 'dividends', code: 'not_whole_yen' }, { field: 'retained', code: 'not_whole_yen' }],
    });
  });
});

/** Bylaw rates at or above the Act's whose sum never exceeds the whole: ≤ 40%, 30%, 30% of any denominator. */
const bylawRates = fc.integer({ min: 20, max: 1_000 }).chain((d) =>
  fc.record({
    legalReserve: fc.integer({ min: Math.ceil(d / 10), max: Math.floor((d * 4) / 10) }).map((n) => f(n, d)),
    jobCreationFund: fc.integer({ min: Math.ceil(d / 20), max: Math.floor((d * 3) / 10) }).map((n) => f(n, d)),
    educationCarryForward: fc.integer({ min: Math.ceil(d / 20), max: Math.floor((d * 3) / 10) }).map((n) => f(n, d)),
  }),
);

const surplusFacts = fc
  .record({
    surplus: fc.oneof(fc.integer({ min: -1_000_000, max: 100 }), fc.integer({ min: -1_000_000_000, max: 10_000_000_000 })),
    lossesCarriedForward: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000_000 })),
    legalReserveBalance: fc.integer({ min: 0, max: 6_000_000_000 }),
    totalCapital: fc.integer({ min: 0, max: 10_000_000_000 }),
    extraTarget: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000_000 })),
    rates: fc.oneof(fc.constant(actMinimumRates), bylawRates),
  })
  .map(({ extraTarget, ...facts }): SurplusFacts => ({ ...facts, legalReserveTarget: Math.ceil(facts.totalCapital / 2) + extraTarget }));

describe('allocation properties', () => {
  it('every reserve is at or above the law’s minimum, unless the reserve reached its target or the earlier items took the whole base', () => {
    fc.assert(fc.property(surplusFacts, (facts) => {
      const p = proposeAllocation(facts);
      const base = Math.max(0, facts.surplus - facts.lossesCarriedForward);
      const gap = Math.max(0, facts.legalReserveTarget - facts.legalReserveBalance);
      // Exact comparisons against 1/10 and 1/20 of the base, without rounding.
      expect(p.legalReserve * 10 >= base || p.legalReserve >= gap).toBe(true);
      expect(p.jobCreationFund * 20 >= base || p.legalReserve + p.jobCreationFund === base).toBe(true);
      expect(p.educationCarryForward * 20 >= base || p.legalReserve + p.jobCreationFund + p.educationCarryForward === base).toBe(true);
      // And at or above the bylaws' rates under the same exceptions.
      const atRate = (amount: number, rate: Fraction) => BigInt(amount) * BigInt(rate.denominator) >= BigInt(base) * BigInt(rate.numerator);
      expect(atRate(p.legalReserve, facts.rates.legalReserve) || p.legalReserve === gap).toBe(true);
      expect(atRate(p.jobCreationFund, facts.rates.jobCreationFund) || p.legalReserve + p.jobCreationFund === base).toBe(true);
      expect(atRate(p.educationCarryForward, facts.rates.educationCarryForward) || p.legalReserve + p.jobCreationFund + p.educationCarryForward === base).toBe(true);
      // The proposal takes no more than the bylaws' share rounded up: the rest belongs to the members.
      expect(p.legalReserve).toBeLessThanOrEqual(ceilShare(base, facts.rates.legalReserve));
    }), { numRuns: 500 });
  });

  it('the parts add up to the surplus, none is negative, and the proposal passes its own check', () => {
    fc.assert(fc.property(surplusFacts, (facts) => {
      const p = proposeAllocation(facts);
      for (const value of Object.values(partsOf(p))) expect(value).toBeGreaterThanOrEqual(0);
      expect(p.lossCovered + p.legalReserve + p.jobCreationFund + p.educationCarryForward + p.dividends + p.retained).toBe(Math.max(0, facts.surplus));
      expect(p.lossCarriedForward).toBe(facts.lossesCarriedForward - p.lossCovered + Math.max(0, -facts.surplus));
      checkAllocation(facts, partsOf(p));
    }), { numRuns: 500 });
  });

  it('a loss year (surplus at most the losses) pays no dividend and reserves nothing', () => {
    const lossYear = surplusFacts.map((facts) => ({ ...facts, lossesCarriedForward: facts.lossesCarriedForward + Math.max(0, facts.surplus) }));
    fc.assert(fc.property(lossYear, (facts) => {
      const p = proposeAllocation(facts);
      expect(p.lossYear).toBe(true);
      expect([p.dividends, p.retained, p.legalReserve, p.jobCreationFund, p.educationCarryForward]).toEqual([0, 0, 0, 0, 0]);
      expect(refusalOf(() => checkAllocation(facts, { ...partsOf(p), dividends: 1, lossCovered: p.lossCovered - 1 }))).not.toBeNull();
    }), { numRuns: 300 });
  });

  it('moving one yen of any reserve above zero into the dividend is refused', () => {
    fc.assert(fc.property(surplusFacts, fc.constantFrom('legalReserve' as const, 'jobCreationFund' as const, 'educationCarryForward' as const), (facts, field) => {
      const p = partsOf(proposeAllocation(facts));
      fc.pre(p[field] > 0);
      const refusal = refusalOf(() => checkAllocation(facts, { ...p, [field]: p[field] - 1, dividends: p.dividends + 1 }));
      expect(refusal?.errors.map((e) => e.field)).toEqual([field]);
      expect(allocationMinimums(facts)[field].minimum).toBe(p[field]);
    }), { numRuns: 300 });
  });
});
