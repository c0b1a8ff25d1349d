import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { codeOf } from '../../../test/support/errors.js';
import { splitDividends, type MemberWork } from './dividends.js';

const buildWork = (memberId: string, work: number, overrides: Partial<MemberWork> = {}): MemberWork => ({ memberId, work, ...overrides });

const amounts = (total: number, members: MemberWork[]) => Object.fromEntries(splitDividends(total, members).members.map((m) => [m.memberId, m.amount]));

describe('splitDividends: worked examples', () => {
  // 100,001 yen over 1,000 + 700 + 300 = 2,000 hours:
  //   a 100,001 × 1,000 / 2,000 = 50,000.5  (remainder 1,000/2,000)
  //   b 100,001 ×   700 / 2,000 = 35,000.35 (remainder   700/2,000)
  //   c 100,001 ×   300 / 2,000 = 15,000.15 (remainder   300/2,000)
  // Whole yen 100,000; the 1 yen left goes to the largest remainder, a.
  const members = [buildWork('a', 1_000), buildWork('b', 700), buildWork('c', 300)];

  it('100,001 yen for 1,000, 700 and 300 hours → 50,001, 35,000, 15,000, with the explanation per member', () => {
    const split = splitDividends(100_001, members);
    expect(split.totalWork).toBe(2_000);
    expect(split.members).toEqual([
      { memberId: 'a', work: 1_000, shareOfWork: { numerator: 1_000, denominator: 2_000 }, exact: { yen: 50_000, remainder: 1_000, denominator: 2_000 }, amount: 50_001, roundedUp: true, remainderRank: 1, withheld: 0, payment: 50_001 },
      { memberId: 'b', work: 700, shareOfWork: { numerator: 700, denominator: 2_000 }, exact: { yen: 35_000, remainder: 700, denominator: 2_000 }, amount: 35_000, roundedUp: false, remainderRank: 2, withheld: 0, payment: 35_000 },
      { memberId: 'c', work: 300, shareOfWork: { numerator: 300, denominator: 2_000 }, exact: { yen: 15_000, remainder: 300, denominator: 2_000 }, amount: 15_000, roundedUp: false, remainderRank: 3, withheld: 0, payment: 15_000 },
    ]);
    expect(split).toMatchObject({ total: 100_001, withheld: 0, paid: 100_001 });
  });

  it('withholds against unpaid capital where the bylaws say so: a owes 20,000 → pays 30,001; b owes 50,000 → all 35,000 withheld, pays 0', () => {
    const owing = [buildWork('a', 1_000, { unpaidCapital: 20_000 }), buildWork('b', 700, { unpaidCapital: 50_000 }), buildWork('c', 300)];
    const split = splitDividends(100_001, owing, { withholdAgainstUnpaidCapital: true });
    expect(split.members.map((m) => [m.memberId, m.amount, m.withheld, m.payment])).toEqual([['a', 50_001, 20_000, 30_001], ['b', 35_000, 35_000, 0], ['c', 15_000, 0, 15_000]]);
    // 20,000 + 35,000 withheld; 30,001 + 15,000 paid; together 100,001.
    expect(split).toMatchObject({ withheld: 55_000, paid: 45_001 });
    // Without the bylaw provision nothing is withheld.
    expect(splitDividends(100_001, owing).withheld).toBe(0);
  });

  it('equal remainders go to more work first: 4 yen over 1, 3 and 4 days → 0.5, 1.5, 2 → 0, 2, 2', () => {
    // Remainders 4/8 for a and b; b worked more, so b gets the one yen left (4 − 0 − 1 − 2 = 1), although 'a' < 'b'.
    const split = splitDividends(4, [buildWork('a', 1), buildWork('b', 3), buildWork('c', 4)]);
    expect(split.members.map((m) => [m.memberId, m.amount, m.remainderRank])).toEqual([['a', 0, 2], ['b', 2, 1], ['c', 2, null]]);
  });

  it('all members with equal work: 10 yen over three → 3.33 each; the yen left goes to the smallest id → 4, 3, 3', () => {
    expect(amounts(10, [buildWork('m3', 8), buildWork('m1', 8), buildWork('m2', 8)])).toEqual({ m1: 4, m2: 3, m3: 3 });
    expect(amounts(9_000, [buildWork('m3', 8), buildWork('m1', 8), buildWork('m2', 8)])).toEqual({ m1: 3_000, m2: 3_000, m3: 3_000 });
  });

  it('a total smaller than the number of members: 2 yen over 10, 20, 30, 40, 0 hours → 0.2, 0.4, 0.6, 0.8, 0 → the two largest get 1', () => {
    const split = splitDividends(2, [buildWork('a', 10), buildWork('b', 20), buildWork('c', 30), buildWork('d', 40), buildWork('e', 0)]);
    expect(split.members.map((m) => [m.memberId, m.amount, m.remainderRank])).toEqual([['a', 0, 4], ['b', 0, 3], ['c', 1, 2], ['d', 1, 1], ['e', 0, null]]);
  });

  it('a single member gets everything', () => {
    expect(splitDividends(123_457, [buildWork('solo', 7)]).members[0]).toMatchObject({ amount: 123_457, shareOfWork: { numerator: 7, denominator: 7 }, exact: { yen: 123_457, remainder: 0 }, roundedUp: false });
  });

  it('members with no work get 0, even when yen are left over', () => {
    expect(amounts(1, [buildWork('idle', 0), buildWork('x', 1), buildWork('y', 1)])).toEqual({ idle: 0, x: 1, y: 0 });
  });

  it('a zero total gives everyone 0, with or without work', () => {
    expect(amounts(0, [buildWork('a', 5), buildWork('b', 0)])).toEqual({ a: 0, b: 0 });
    expect(splitDividends(0, [buildWork('a', 0)]).members[0]).toMatchObject({ amount: 0, shareOfWork: { numerator: 0, denominator: 1 } });
    expect(splitDividends(0, []).members).toEqual([]);
  });

  it('is exact where total × work passes 2^53: 9,000,000,000,000 yen over 3,000,001 and 1,000,000 hours', () => {
    // 9e12 × 3,000,001 = 27,000,009,000,000,000,000 (past 2^53 ≈ 9.007e15); ÷ 4,000,001 = 6,750,000,562,499 r 3,437,501.
    // 9e12 × 1,000,000 ÷ 4,000,001 = 2,249,999,437,500 r 562,500. Whole yen 8,999,999,999,999; the 1 left goes to a.
    const split = splitDividends(9_000_000_000_000, [buildWork('a', 3_000_001), buildWork('b', 1_000_000)]);
    expect(split.members.map((m) => [m.amount, m.exact.remainder])).toEqual([[6_750_000_562_500, 3_437_501], [2_249_999_437_500, 562_500]]);
  });
});

describe('splitDividends: refusals', () => {
  it('refuses a positive total when nobody worked', () => {
    expect(codeOf(() => splitDividends(1, [buildWork('a', 0)]))).toBe('no_work_recorded');
    expect(codeOf(() => splitDividends(1, []))).toBe('no_work_recorded');
  });

  it('refuses work that is not a whole number, negative totals and unpaid capital, and a member twice', () => {
    expect(codeOf(() => splitDividends(10, [buildWork('a', 1.5)]))).toBe('validation_failed');
    expect(codeOf(() => splitDividends(-1, [buildWork('a', 1)]))).toBe('validation_failed');
    expect(codeOf(() => splitDividends(10, [buildWork('a', 1, { unpaidCapital: -5 })]))).toBe('validation_failed');
    try {
      splitDividends(10, [buildWork('a', 1), buildWork('a', 2)]);
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).errors).toEqual([{ field: 'members.1.memberId', code: 'duplicate_member', message: 'a appears twice' }]);
    }
  });
});

const memberList = fc.uniqueArray(
  fc.record({
    memberId: fc.string({ minLength: 1, maxLength: 6 }),
    work: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2_500 }), fc.integer({ min: 0, max: 150_000 })),
    unpaidCapital: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })),
  }),
  { minLength: 1, maxLength: 40, selector: (m) => m.memberId },
);
const total = fc.oneof(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));

describe('dividend properties', () => {
  it('the dividends add up exactly to the distributable amount; nobody gets a negative amount; each is within one yen of its exact share', () => {
    fc.assert(fc.property(total, memberList, fc.boolean(), (amount, members, withhold) => {
      fc.pre(amount === 0 || members.some((m) => m.work > 0));
      const split = splitDividends(amount, members, { withholdAgainstUnpaidCapital: withhold });
      const totalWork = BigInt(members.reduce((sum, m) => sum + m.work, 0));
      expect(split.members.reduce((sum, m) => sum + BigInt(m.amount), 0n)).toBe(BigInt(amount));
      for (const m of split.members) {
        expect(m.amount).toBeGreaterThanOrEqual(0);
        expect(m.payment).toBeGreaterThanOrEqual(0);
        expect(m.withheld + m.payment).toBe(m.amount);
        expect(m.withheld).toBeLessThanOrEqual(withhold ? (members.find((x) => x.memberId === m.memberId)!.unpaidCapital ?? 0) : 0);
        if (totalWork > 0n) {
          // |amount − total × work / totalWork| < 1, compared as whole numbers.
          const difference = BigInt(m.amount) * totalWork - BigInt(amount) * BigInt(m.work);
          expect(difference < totalWork && difference > -totalWork).toBe(true);
        }
        if (m.work === 0) expect(m.amount).toBe(0);
      }
      expect(split.withheld + split.paid).toBe(amount);
    }), { numRuns: 500 });
  });

  it('more work never gets less, and the order of the input does not change anyone’s amount', () => {
    fc.assert(fc.property(total, memberList, (amount, members) => {
      fc.pre(members.some((m) => m.work > 0));
      const split = splitDividends(amount, members).members;
      const reversed = new Map(splitDividends(amount, [...members].reverse()).members.map((m) => [m.memberId, m.amount]));
      for (const a of split) {
        expect(reversed.get(a.memberId)).toBe(a.amount);
        for (const b of split) if (a.work > b.work) expect(a.amount).toBeGreaterThanOrEqual(b.amount);
      }
    }), { numRuns: 200 });
  });
});
