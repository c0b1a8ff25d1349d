import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertBalanced, type JournalLine } from '../capital/ledger.js';
import { actMinimumRates, proposeAllocation, type SurplusFacts } from './allocation.js';
import { appropriationLines, openingBalanceLines, surplusBalancesOf } from './appropriation.js';
import { splitDividends } from './dividends.js';

const sumsOf = (lines: readonly JournalLine[]): Map<string, number> => {
  const sums = new Map<string, number>();
  for (const line of lines) sums.set(line.account, (sums.get(line.account) ?? 0) + line.amount);
  return sums;
};

describe('appropriationLines: worked examples', () => {
  it('1,000,000 yen with no losses: 100,000 + 50,000 + 50,000 reserved, 800,000 to two members (600,000 + 200,000, 30,000 of it set against unpaid capital)', () => {
    const facts: SurplusFacts = { surplus: 1_000_000, lossesCarriedForward: 0, legalReserveBalance: 0, legalReserveTarget: 5_000_000, totalCapital: 10_000_000, rates: actMinimumRates };
    const proposal = proposeAllocation(facts);
    const split = splitDividends(proposal.dividends, [{ memberId: 'a', work: 3 }, { memberId: 'b', work: 1, unpaidCapital: 30_000 }], { withholdAgainstUnpaidCapital: true });
    const lines = appropriationLines(1_000_000, proposal, split.members.map((m) => ({ membershipId: m.memberId, payment: m.payment, withheld: m.withheld })));
    expect(lines).toEqual([
      { account: 'unappropriated-surplus', membershipId: null, amount: 1_000_000, shares: 0 },
      { account: 'legal-reserve', membershipId: null, amount: -100_000, shares: 0 },
      { account: 'job-creation-fund', membershipId: null, amount: -50_000, shares: 0 },
      { account: 'education-carry-forward', membershipId: null, amount: -50_000, shares: 0 },
      { account: 'dividends-payable', membershipId: 'a', amount: -600_000, shares: 0 },
      { account: 'dividends-payable', membershipId: 'b', amount: -170_000, shares: 0 },
      { account: 'capital-unpaid', membershipId: 'b', amount: -30_000, shares: 0 },
    ]);
    assertBalanced(lines);
  });

  it('a loss of 250,000 yen is carried forward and pays nothing', () => {
    const lines = appropriationLines(-250_000, { lossCovered: 0, legalReserve: 0, jobCreationFund: 0, educationCarryForward: 0, dividends: 0, retained: 0, lossCarriedForward: 250_000 }, []);
    expect(lines).toEqual([
      { account: 'losses-carried-forward', membershipId: null, amount: 250_000, shares: 0 },
      { account: 'unappropriated-surplus', membershipId: null, amount: -250_000, shares: 0 },
    ]);
    expect(surplusBalancesOf(sumsOf(lines))).toEqual({ legalReserveBalance: 0, lossesCarriedForward: 250_000 });
  });

  it('opening balances of 400,000 reserved and 120,000 of losses balance against the opening account', () => {
    const lines = openingBalanceLines({ legalReserve: 400_000, lossesCarriedForward: 120_000 });
    assertBalanced(lines);
    expect(surplusBalancesOf(sumsOf(lines))).toEqual({ legalReserveBalance: 400_000, lossesCarriedForward: 120_000 });
  });
});

describe('appropriationLines: properties', () => {
  it('always balance, and the next year starts from the reserve plus this year\'s part and the losses left', () => {
    fc.assert(fc.property(
      fc.integer({ min: -50_000_000, max: 50_000_000 }),
      fc.integer({ min: 0, max: 20_000_000 }),
      fc.integer({ min: 0, max: 10_000_000 }),
      fc.array(fc.record({ work: fc.integer({ min: 0, max: 100_000 }), unpaid: fc.integer({ min: 0, max: 50_000 }) }), { minLength: 1, maxLength: 20 }),
      (surplus, losses, reserve, members) => {
        fc.pre(members.some((m) => m.work > 0));
        const facts: SurplusFacts = { surplus, lossesCarriedForward: losses, legalReserveBalance: reserve, legalReserveTarget: 30_000_000, totalCapital: 10_000_000, rates: actMinimumRates };
        const proposal = proposeAllocation(facts);
        const split = splitDividends(proposal.dividends, members.map((m, i) => ({ memberId: `m${i}`, work: m.work, unpaidCapital: m.unpaid })), { withholdAgainstUnpaidCapital: true });
        const opening = openingBalanceLines({ legalReserve: reserve, lossesCarriedForward: losses });
        const lines = appropriationLines(surplus, proposal, split.members.map((m) => ({ membershipId: m.memberId, payment: m.payment, withheld: m.withheld })));
        if (surplus === 0) expect(lines).toEqual([]);
        else assertBalanced(lines);
        const after = surplusBalancesOf(sumsOf([...opening, ...lines]));
        expect(after).toEqual({ legalReserveBalance: reserve + proposal.legalReserve, lossesCarriedForward: proposal.lossCarriedForward });
      },
    ));
  });
});
