import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import {
  applyLines,
  assertBalanced,
  capitalAccounts,
  emptyPosition,
  paymentLines,
  paymentMethods,
  refundLines,
  reversalLines,
  subscriptionLines,
  transferLines,
  withdrawalLines,
  writeDownLines,
  type CapitalPosition,
  type JournalLine,
  type PaymentMethod,
} from './ledger.js';
import {
  checkCapitalRules,
  checkFoundingPayment,
  checkMinimumShares,
  checkPaymentWithinUnpaid,
  checkShareCap,
  defaultCapitalRules,
  rulesOn,
  type CapitalRules,
} from './share-rules.js';
import { codeOf } from '../../../test/support/errors.js';
import { appropriationLines, openingBalanceLines } from '../surplus/appropriation.js';

const members = ['m1', 'm2', 'm3', 'm4'] as const;

const buildPosition = (overrides: Partial<CapitalPosition> = {}): CapitalPosition => {
  const position = { ...emptyPosition, shares: 3, capital: 30_000, unpaid: 10_000, refundPayable: 0, ...overrides };
  return { ...position, paid: position.capital - position.unpaid };
};

const buildRules = (overrides: Partial<CapitalRules> = {}): CapitalRules => ({
  effectiveFrom: '2024-04-01',
  sharePrice: 10_000,
  ...defaultCapitalRules(25, 90),
  ...overrides,
});

const positionOf = (lines: readonly JournalLine[], membershipId: string): CapitalPosition => applyLines(emptyPosition, lines, membershipId);

/** Per account and member: the sum of amounts and of shares. */
function sumsByAccount(lines: readonly JournalLine[]): Map<string, { amount: number; shares: number }> {
  const sums = new Map<string, { amount: number; shares: number }>();
  for (const line of lines) {
    const key = `${line.account}/${line.membershipId ?? '-'}`;
    const sum = sums.get(key) ?? { amount: 0, shares: 0 };
    sums.set(key, { amount: sum.amount + line.amount, shares: sum.shares + line.shares });
  }
  return sums;
}

// ---- a random valid history: operations applied only where the rules allow them ----

/** Each operation picks, with `pick`, one of the members it can apply to; with none it is skipped. */
type Operation =
  | { kind: 'subscribe'; pick: number; shares: number }
  | { kind: 'pay'; pick: number; percent: number; method: PaymentMethod }
  | { kind: 'transfer'; pick: number; to: number; shares: number }
  | { kind: 'withdraw'; pick: number; shares: number }
  | { kind: 'refund'; pick: number; percent: number }
  | { kind: 'write-down'; pick: number; percent: number }
  | { kind: 'reverse'; pick: number };

// Often all of it: members pay up and are refunded in full as often as in part.
const percentArb = fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 100 }));
const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('subscribe' as const), pick: fc.nat(), shares: fc.integer({ min: 1, max: 6 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('pay' as const), pick: fc.nat(), percent: percentArb, method: fc.constantFrom(...paymentMethods) }), weight: 3 },
  fc.record({ kind: fc.constant('transfer' as const), pick: fc.nat(), to: fc.nat(), shares: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat(), shares: fc.integer({ min: 1, max: 6 }) }),
  { arbitrary: fc.record({ kind: fc.constant('refund' as const), pick: fc.nat(), percent: percentArb }), weight: 2 },
  fc.record({ kind: fc.constant('write-down' as const), pick: fc.nat(), percent: percentArb }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
);
const historyArb = fc.record({
  sharePrice: fc.constantFrom(1, 500, 1_000, 3_333, 10_000, 50_000),
  operations: fc.array(operationArb, { maxLength: 40, size: 'max' }),
});

interface Entry {
  type: Operation['kind'] | 'reversal';
  lines: JournalLine[];
  before: Record<string, CapitalPosition>;
  reversed: boolean;
}

const validPosition = (p: CapitalPosition): boolean => p.shares >= 0 && p.unpaid >= 0 && p.paid >= 0 && p.refundPayable >= 0;
const choose = <T>(items: readonly T[], pick: number): T | undefined => items[pick % Math.max(1, items.length)];

/** Book value of one share (lower than the share price after a write-down). */
const valuePerShare = (p: CapitalPosition): number => (p.shares > 0 ? Math.floor(p.capital / p.shares) : 0);

/** Replays operations where the ledger allows them: pay what is unpaid, transfer paid shares, refund what is owed. */
function replay(sharePrice: number, operations: readonly Operation[]): Entry[] {
  const entries: Entry[] = [];
  const all = (): JournalLine[] => entries.flatMap((entry) => entry.lines);
  const positions = (lines: readonly JournalLine[]) => Object.fromEntries(members.map((m) => [m, positionOf(lines, m)]));
  const portion = (whole: number, percent: number) => Math.max(1, Math.floor((whole * percent) / 100));
  for (const op of operations) {
    const before = positions(all());
    const where = (test: (p: CapitalPosition) => boolean) => members.filter((m) => test(before[m]!));
    let type: Entry['type'] = op.kind;
    let lines: JournalLine[] | null = null;
    if (op.kind === 'subscribe') lines = subscriptionLines(choose(members, op.pick)!, op.shares, sharePrice);
    else if (op.kind === 'pay') {
      const member = choose(where((p) => p.unpaid > 0), op.pick);
      if (member) lines = paymentLines(member, portion(before[member]!.unpaid, op.percent), op.method);
    } else if (op.kind === 'transfer') {
      // Fully paid shares at their book value: never more than the member's paid-in capital covers.
      const paidShares = (p: CapitalPosition) => (valuePerShare(p) > 0 ? Math.min(p.shares, Math.floor(p.paid / valuePerShare(p))) : 0);
      const from = choose(where((p) => paidShares(p) > 0), op.pick);
      const to = from && choose(members.filter((m) => m !== from), op.to);
      if (from && to) lines = transferLines(from, to, Math.min(op.shares, paidShares(before[from]!)), valuePerShare(before[from]!));
    } else if (op.kind === 'withdraw') {
      const member = choose(where((p) => p.shares > 0), op.pick);
      const withdrawal = member && withdrawalLines(member, before[member]!, Math.min(op.shares, before[member]!.shares));
      // Not shares whose book value was written down to nothing: a one-line entry, see the known defects below.
      if (withdrawal && withdrawal.length > 1) lines = withdrawal;
    } else if (op.kind === 'refund') {
      const member = choose(where((p) => p.refundPayable > 0), op.pick);
      if (member) lines = refundLines(member, before[member]!, portion(before[member]!.refundPayable, op.percent));
    } else if (op.kind === 'write-down') {
      const member = choose(where((p) => p.paid > 0), op.pick);
      if (member) lines = writeDownLines(member, before[member]!, portion(before[member]!.paid, op.percent));
    } else {
      const target = choose(entries.filter((entry) => entry.type !== 'reversal' && !entry.reversed), op.pick);
      const reversal = target && reversalLines(target.lines);
      // Only reversals that leave every member in a possible state (not a payment already refunded, say).
      if (target && reversal && Object.values(positions([...all(), ...reversal])).every(validPosition)) {
        target.reversed = true;
        type = 'reversal';
        lines = reversal;
      }
    }
    if (lines) entries.push({ type, lines, before, reversed: false });
  }
  return entries;
}

describe('capital ledger entries', () => {
  it('subscribing owes the value of the shares and credits capital with them', () => {
    expect(subscriptionLines('m1', 3, 10_000)).toEqual([
      { account: 'capital-unpaid', membershipId: 'm1', amount: 30_000, shares: 0 },
      { account: 'capital', membershipId: 'm1', amount: -30_000, shares: 3 },
    ]);
  });

  it('a payment debits the bank for cash and transfers, wages for payroll and assets for payments in kind', () => {
    expect(paymentLines('m1', 5_000, 'cash')[0]).toEqual({ account: 'bank', membershipId: null, amount: 5_000, shares: 0 });
    expect(paymentLines('m1', 5_000, 'bank')[0]).toEqual({ account: 'bank', membershipId: null, amount: 5_000, shares: 0 });
    expect(paymentLines('m1', 5_000, 'payroll')[0]).toEqual({ account: 'wages-payable', membershipId: 'm1', amount: 5_000, shares: 0 });
    expect(paymentLines('m1', 5_000, 'in-kind')[0]).toEqual({ account: 'in-kind-assets', membershipId: 'm1', amount: 5_000, shares: 0 });
    for (const method of paymentMethods) expect(paymentLines('m1', 5_000, method)[1]).toEqual({ account: 'capital-unpaid', membershipId: 'm1', amount: -5_000, shares: 0 });
  });

  it('a transfer moves shares and their value from one member to another', () => {
    expect(transferLines('m1', 'm2', 2, 10_000)).toEqual([
      { account: 'capital', membershipId: 'm1', amount: 20_000, shares: -2 },
      { account: 'capital', membershipId: 'm2', amount: -20_000, shares: 2 },
    ]);
    expect(codeOf(() => transferLines('m1', 'm1', 1, 10_000))).toBe('transfer_to_self');
  });

  it('a full withdrawal cancels what is unpaid and owes what was paid', () => {
    expect(withdrawalLines('m1', buildPosition(), 3)).toEqual([
      { account: 'capital', membershipId: 'm1', amount: 30_000, shares: -3 },
      { account: 'capital-unpaid', membershipId: 'm1', amount: -10_000, shares: 0 },
      { account: 'refund-payable', membershipId: 'm1', amount: -20_000, shares: 0 },
    ]);
  });

  it('a partial withdrawal takes its share of capital and of what is unpaid, rounding down', () => {
    // 1 of 3 shares of 10,001 yen capital, 1,000 unpaid: 3,333 capital, 333 unpaid, 3,000 refund.
    expect(withdrawalLines('m1', buildPosition({ capital: 10_001, unpaid: 1_000 }), 1)).toEqual([
      { account: 'capital', membershipId: 'm1', amount: 3_333, shares: -1 },
      { account: 'capital-unpaid', membershipId: 'm1', amount: -333, shares: 0 },
      { account: 'refund-payable', membershipId: 'm1', amount: -3_000, shares: 0 },
    ]);
  });

  it('a withdrawal of shares with nothing paid on them owes nothing', () => {
    expect(withdrawalLines('m1', buildPosition({ capital: 30_000, unpaid: 30_000 }), 3)).toEqual([
      { account: 'capital', membershipId: 'm1', amount: 30_000, shares: -3 },
      { account: 'capital-unpaid', membershipId: 'm1', amount: -30_000, shares: 0 },
    ]);
  });

  it('refuses to withdraw more shares than held, to refund more than owed and to write down more than paid', () => {
    expect(codeOf(() => withdrawalLines('m1', buildPosition(), 4))).toBe('more_shares_than_held');
    expect(codeOf(() => refundLines('m1', buildPosition({ refundPayable: 5_000 }), 5_001))).toBe('refund_exceeds_owed');
    expect(codeOf(() => refundLines('m1', buildPosition({ refundPayable: 5_000 }), 5_000))).toBeNull();
    expect(codeOf(() => writeDownLines('m1', buildPosition(), 20_001))).toBe('write_down_exceeds_paid');
    expect(codeOf(() => writeDownLines('m1', buildPosition(), 20_000))).toBeNull();
  });

  it('refuses amounts, shares and prices that are not positive whole numbers', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(codeOf(() => subscriptionLines('m1', bad, 1_000))).toBe('not_positive_integer');
      expect(codeOf(() => subscriptionLines('m1', 1, bad))).toBe('not_positive_integer');
      expect(codeOf(() => paymentLines('m1', bad, 'bank'))).toBe('not_positive_integer');
      expect(codeOf(() => transferLines('m1', 'm2', bad, 1_000))).toBe('not_positive_integer');
      expect(codeOf(() => withdrawalLines('m1', buildPosition(), bad))).toBe('not_positive_integer');
      expect(codeOf(() => refundLines('m1', buildPosition({ refundPayable: 10 }), bad))).toBe('not_positive_integer');
      expect(codeOf(() => writeDownLines('m1', buildPosition(), bad))).toBe('not_positive_integer');
    }
  });

  it('assertBalanced refuses entries that do not balance, have one line, fractions, or shares off the capital account', () => {
    const line = (account: JournalLine['account'], amount: number, shares = 0): JournalLine => ({ account, membershipId: 'm1', amount, shares });
    expect(codeOf(() => assertBalanced([line('bank', 0)]))).toBe('unbalanced_entry');
    expect(codeOf(() => assertBalanced([line('bank', 100), line('capital-unpaid', -99)]))).toBe('unbalanced_entry');
    expect(codeOf(() => assertBalanced([line('bank', 0.5), line('capital-unpaid', -0.5)]))).toBe('unbalanced_entry');
    expect(codeOf(() => assertBalanced([line('bank', 100, 1), line('capital-unpaid', -100)]))).toBe('unbalanced_entry');
    expect(codeOf(() => assertBalanced([line('capital', 100, -1), line('capital', -100, 1)]))).toBeNull();
  });

  it('every entry of every builder balances', () => {
    fc.assert(fc.property(historyArb, ({ sharePrice, operations }) => {
      for (const entry of replay(sharePrice, operations)) expect(codeOf(() => assertBalanced(entry.lines))).toBeNull();
    }));
  });

  it('an entry and its reversal sum to zero on every account, for every member, in yen and in shares', () => {
    fc.assert(fc.property(historyArb, ({ sharePrice, operations }) => {
      for (const { lines } of replay(sharePrice, operations)) {
        const reversal = reversalLines(lines);
        expect(codeOf(() => assertBalanced(reversal))).toBeNull();
        for (const sum of sumsByAccount([...lines, ...reversal]).values()) expect(sum).toEqual({ amount: 0, shares: 0 });
        // Negating twice gives the entry back (`+ 0` reads the −0 that negating a zero gives as 0).
        const plain = (entry: JournalLine[]) => entry.map((line) => ({ ...line, amount: line.amount + 0, shares: line.shares + 0 }));
        expect(plain(reversalLines(reversal))).toEqual(plain(lines));
      }
    }));
  });

  it('applying entries one after another is applying them all at once, and is a plain sum of their lines', () => {
    fc.assert(fc.property(historyArb, ({ sharePrice, operations }) => {
      const entries = replay(sharePrice, operations);
      const lines = entries.flatMap((entry) => entry.lines);
      for (const member of members) {
        const stepwise = entries.reduce((position, entry) => applyLines(position, entry.lines, member), emptyPosition);
        expect(stepwise).toEqual(positionOf(lines, member));
        const sum = (account: JournalLine['account'], of: 'amount' | 'shares' = 'amount') =>
          lines.filter((line) => line.account === account && line.membershipId === member).reduce((total, line) => total + line[of], 0);
        expect(stepwise.shares).toBe(sum('capital', 'shares'));
        expect(stepwise.capital).toBe(0 - sum('capital'));
        expect(stepwise.unpaid).toBe(sum('capital-unpaid'));
        expect(stepwise.refundPayable).toBe(0 - sum('refund-payable'));
        expect(stepwise.paid).toBe(stepwise.capital - stepwise.unpaid);
      }
    }));
  });

  it('withdrawals never owe more than was paid, refunds never pay more than is owed, and no member goes below zero', () => {
    fc.assert(fc.property(historyArb, ({ sharePrice, operations }) => {
      for (const entry of replay(sharePrice, operations)) {
        const member = entry.lines.find((line) => line.membershipId !== null)?.membershipId;
        if (!member) continue;
        const before = entry.before[member]!;
        const after = applyLines(before, entry.lines, member);
        if (entry.type === 'withdraw') {
          const owed = 0 - (entry.lines.find((line) => line.account === 'refund-payable')?.amount ?? 0);
          expect(owed).toBeGreaterThanOrEqual(0);
          expect(owed).toBeLessThanOrEqual(before.paid);
          // Leaving entirely: everything paid is owed back, nothing stays unpaid or on the capital account.
          if (after.shares === 0) expect([owed, after.capital, after.unpaid]).toEqual([before.paid, 0, 0]);
        }
        if (entry.type === 'refund') expect(after.refundPayable).toBeGreaterThanOrEqual(0);
        for (const m of members) expect(validPosition(applyLines(entry.before[m]!, entry.lines, m))).toBe(true);
      }
    }));
  });

  it('withdrawing all shares in any number of steps owes back exactly what was paid', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 100_000 }), fc.nat(100), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 20 }),
      (shares, sharePrice, paidPercent, steps) => {
        const subscribed = subscriptionLines('m1', shares, sharePrice);
        const paid = Math.floor((shares * sharePrice * paidPercent) / 100);
        const lines = [...subscribed, ...(paid > 0 ? paymentLines('m1', paid, 'bank') : [])];
        for (const step of [...steps, shares]) {
          const position = positionOf(lines, 'm1');
          if (position.shares === 0) break;
          lines.push(...withdrawalLines('m1', position, Math.min(step, position.shares)));
        }
        expect(positionOf(lines, 'm1')).toEqual({ shares: 0, capital: 0, unpaid: 0, paid: 0, refundPayable: paid });
      },
    ));
  });

  it('every account of the ledger is reachable by some builder', () => {
    const position = buildPosition({ refundPayable: 1_000 });
    const reached = new Set([
      ...subscriptionLines('m1', 1, 1_000),
      ...paymentMethods.flatMap((method) => paymentLines('m1', 1, method)),
      ...withdrawalLines('m1', position, 1),
      ...refundLines('m1', position, 1_000),
      ...writeDownLines('m1', position, 1),
      ...appropriationLines(10, { lossCovered: 1, legalReserve: 1, jobCreationFund: 1, educationCarryForward: 1, dividends: 5, retained: 1, lossCarriedForward: 0 }, [{ membershipId: 'm1', payment: 4, withheld: 1 }]),
      ...openingBalanceLines({ legalReserve: 1, lossesCarriedForward: 2 }),
    ].map((line) => line.account));
    expect([...reached].sort()).toEqual([...capitalAccounts].sort());
  });
});

describe('capital rules of the bylaws', () => {
  it('by default caps one member at 25%, at 35% when taking over with approval, and not at all with three members or fewer', () => {
    const rules = buildRules();
    expect(rules).toMatchObject({ capPercent: 25, takeoverCapPercent: 35, capExemptUpTo: 3, minimumShares: 1 });
    expect(codeOf(() => checkShareCap(25, 100, 4, rules))).toBeNull();
    expect(codeOf(() => checkShareCap(26, 100, 4, rules))).toBe('share_cap_exceeded');
    expect(codeOf(() => checkShareCap(35, 100, 4, rules, { approvedTakeover: true }))).toBeNull();
    expect(codeOf(() => checkShareCap(36, 100, 4, rules, { approvedTakeover: true }))).toBe('share_cap_exceeded');
    expect(codeOf(() => checkShareCap(99, 100, 3, rules))).toBeNull();
    expect(codeOf(() => checkShareCap(1, 0, 5, rules))).toBeNull();
    expect(codeOf(() => checkShareCap(100, 100, 5, buildRules(defaultCapitalRules(null, 90))))).toBeNull();
  });

  it('compares whole numbers: exactly 25% is allowed, one share more is not, whatever the total', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 4, max: 1_000 }), fc.boolean(), (total, membersHolding, takeover) => {
      const rules = buildRules();
      const percent = takeover ? 35 : 25;
      const allowed = Math.floor((total * percent) / 100);
      expect(codeOf(() => checkShareCap(allowed, total, membersHolding, rules, { approvedTakeover: takeover }))).toBeNull();
      expect(codeOf(() => checkShareCap(allowed + 1, total, membersHolding, rules, { approvedTakeover: takeover }))).toBe('share_cap_exceeded');
    }));
  });

  it('refuses a holding exactly when there are more than three members and it is over the cap', () => {
    fc.assert(fc.property(fc.nat(1_000), fc.nat(1_000), fc.integer({ min: 1, max: 10 }), fc.constantFrom(10, 25, 35, 100), (held, others, membersHolding, capPercent) => {
      const total = held + others;
      const refused = membersHolding > 3 && total > 0 && held * 100 > total * capPercent;
      expect(codeOf(() => checkShareCap(held, total, membersHolding, buildRules({ capPercent })))).toBe(refused ? 'share_cap_exceeded' : null);
    }));
  });

  it('every member holds at least the minimum, unless they hold nothing', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: -3, max: 20 }), (minimumShares, shares) => {
      const refused = shares !== 0 && shares < minimumShares;
      expect(codeOf(() => checkMinimumShares(shares, { minimumShares }))).toBe(refused ? 'below_minimum_shares' : null);
    }));
  });

  it('at founding at least a quarter of each share is paid, in whole yen per share', () => {
    expect(codeOf(() => checkFoundingPayment(4, 10_000, 10_000))).toBeNull();
    expect(codeOf(() => checkFoundingPayment(4, 10_000, 9_999))).toBe('founding_payment_too_low');
    expect(codeOf(() => checkFoundingPayment(1, 1_001, 251))).toBeNull();
    expect(codeOf(() => checkFoundingPayment(1, 1_001, 250))).toBe('founding_payment_too_low');
    // A quarter of a 1,001-yen share is 251 yen (rounded up), for each of three shares: 753, not ⌈3,003 / 4⌉ = 751.
    expect(codeOf(() => checkFoundingPayment(3, 1_001, 752))).toBe('founding_payment_too_low');
    expect(codeOf(() => checkFoundingPayment(3, 1_001, 753))).toBeNull();
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 100_000 }), fc.nat(100_000_000), (shares, sharePrice, payment) => {
      expect(codeOf(() => checkFoundingPayment(shares, sharePrice, payment))).toBe(payment >= shares * Math.ceil(sharePrice / 4) ? null : 'founding_payment_too_low');
    }));
  });

  it('a payment is never more than the member still owes', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(1_000_000), (amount, unpaid) => {
      expect(codeOf(() => checkPaymentWithinUnpaid(amount, unpaid))).toBe(amount > unpaid ? 'payment_exceeds_unpaid' : null);
    }));
  });

  it('accepts the default rules and refuses what the Act would not allow', () => {
    expect(codeOf(() => checkCapitalRules(buildRules()))).toBeNull();
    expect(codeOf(() => checkCapitalRules(buildRules(defaultCapitalRules(null, 90))))).toBeNull();
    const fieldsOf = (rules: CapitalRules) => {
      try {
        checkCapitalRules(rules);
        return [];
      } catch (error) {
        return error instanceof DomainError ? error.errors.map((e) => e.field) : [];
      }
    };
    expect(fieldsOf(buildRules({ sharePrice: 0 }))).toEqual(['sharePrice']);
    expect(fieldsOf(buildRules({ sharePrice: 999.5 }))).toEqual(['sharePrice']);
    expect(fieldsOf(buildRules({ minimumShares: 0 }))).toEqual(['minimumShares']);
    expect(fieldsOf(buildRules({ capPercent: 0 }))).toEqual(['capPercent']);
    expect(fieldsOf(buildRules({ capPercent: 101, takeoverCapPercent: 101 }))).toEqual(['capPercent', 'takeoverCapPercent']);
    expect(fieldsOf(buildRules({ capPercent: 25, takeoverCapPercent: 20 }))).toEqual(['takeoverCapPercent']);
    expect(fieldsOf(buildRules({ sharePrice: -1, minimumShares: 0 }))).toEqual(['sharePrice', 'minimumShares']);
  });

  it('the rules on a date are the latest in force on or before it', () => {
    const history = [buildRules({ effectiveFrom: '2025-04-01', sharePrice: 5_000 }), buildRules({ effectiveFrom: '2024-04-01', sharePrice: 10_000 })];
    expect(rulesOn(history, '2024-03-31')).toBeNull();
    expect(rulesOn(history, '2024-04-01')?.sharePrice).toBe(10_000);
    expect(rulesOn(history, '2025-03-31')?.sharePrice).toBe(10_000);
    expect(rulesOn(history, '2025-04-01')?.sharePrice).toBe(5_000);
  });
});

/** Defects these tests found in ledger.ts and share-rules.ts, kept as tests of the fixed behaviour. */
describe('defects found and fixed', () => {
  it('a member whose capital was all written down can still withdraw their shares', () => {
    // 1 share of 1,000 paid in full, then written down in full to cover losses (欠損填補): 0 capital, 0 unpaid.
    const lines = [...subscriptionLines('m1', 1, 1_000), ...paymentLines('m1', 1_000, 'bank'), ...writeDownLines('m1', buildPosition({ shares: 1, capital: 1_000, unpaid: 0 }), 1_000)];
    const position = positionOf(lines, 'm1');
    expect(position).toEqual({ shares: 1, capital: 0, unpaid: 0, paid: 0, refundPayable: 0 });
    // withdrawalLines returns the single line { capital, amount 0, shares −1 }, which assertBalanced refuses.
    const withdrawal = withdrawalLines('m1', position, 1);
    expect(codeOf(() => assertBalanced(withdrawal))).toBeNull();
    expect(applyLines(position, withdrawal, 'm1').shares).toBe(0);
  });

  it('a partial withdrawal whose share of capital rounds down to nothing still moves the shares', () => {
    // 2 shares of 1 yen, 1 paid, then the paid yen written down: capital 1, unpaid 1. Withdrawing 1 share takes
    // ⌊1 × 1/2⌋ = 0 capital and 0 unpaid, and withdrawalLines returns the single line { capital, 0, shares −1 }.
    const position = buildPosition({ shares: 2, capital: 1, unpaid: 1 });
    expect(codeOf(() => assertBalanced(withdrawalLines('m1', position, 1)))).toBeNull();
  });

  it('withdrawalLines refuses, or balances, a position with more unpaid than capital', () => {
    // transferLines does not check that the shares are paid up: 2 unpaid shares of 1,000, one transferred away.
    const lines = [...subscriptionLines('m1', 2, 1_000), ...transferLines('m1', 'm2', 1, 1_000)];
    const position = positionOf(lines, 'm1');
    expect(position).toEqual({ shares: 1, capital: 1_000, unpaid: 2_000, paid: -1_000, refundPayable: 0 });
    // Returns capital +1,000 and capital-unpaid −2,000: 1,000 yen out of balance, and no error.
    expect(codeOf(() => assertBalanced(withdrawalLines('m1', position, 1)))).not.toBe('unbalanced_entry');
  });

  it('an approved takeover is capped at 35% even when the bylaws leave the takeover cap empty', () => {
    const rules = buildRules({ capPercent: 25, takeoverCapPercent: null });
    // Either the rules are refused, or the takeover is capped (at the ordinary cap, or at the Act's 35%).
    const refused = codeOf(() => checkCapitalRules(rules)) !== null || codeOf(() => checkShareCap(100, 100, 10, rules, { approvedTakeover: true })) !== null;
    expect(refused).toBe(true);
  });

  it('refuses capital rules whose caps are not numbers between 1 and 100', () => {
    expect(codeOf(() => checkCapitalRules(buildRules({ capPercent: Number.NaN, takeoverCapPercent: Number.NaN })))).toBe('invalid_capital_rules');
  });
});
