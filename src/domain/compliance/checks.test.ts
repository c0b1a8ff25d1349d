import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { complianceCheckCodes, complianceRules, meetsFloor, statusOf } from './checks.js';

const rule = (numerator: number, denominator: number, strict = false) => ({ floor: { numerator, denominator }, strict });
const figure = (numerator: number, denominator: number) => ({ numerator, denominator });

describe('the Act\'s floors', () => {
  it('are the articles\' fractions and counts', () => {
    expect(complianceRules.engaged_members).toMatchObject({ floor: figure(4, 5), strict: false, article: 'Art. 8(1)', composition: true });
    expect(complianceRules.member_workers).toMatchObject({ floor: figure(3, 4), strict: false, article: 'Art. 8(2)', composition: true });
    expect(complianceRules.labour_contract_votes).toMatchObject({ floor: figure(1, 2), strict: true, article: 'Art. 3(2)(iv)', composition: true });
    expect(complianceRules.directors).toMatchObject({ floor: figure(3, 1), composition: false });
    expect(complianceRules.auditors).toMatchObject({ floor: figure(1, 1), composition: false });
    expect(complianceRules.legal_reserve_target).toMatchObject({ floor: figure(1, 2), strict: false, article: 'Art. 76(2)' });
    expect(Object.keys(complianceRules).sort()).toEqual([...complianceCheckCodes].sort());
  });

  it('are met exactly at the floor, except a strict one', () => {
    const { engaged_members: engaged, member_workers: workers, labour_contract_votes: votes } = complianceRules;
    expect(meetsFloor(figure(4, 5), engaged)).toBe(true);
    expect(meetsFloor(figure(799, 1000), engaged)).toBe(false);
    expect(meetsFloor(figure(3, 4), workers)).toBe(true);
    expect(meetsFloor(figure(2, 3), workers)).toBe(false);
    // 過半数: 5 of 10 is half, not more than half.
    expect(meetsFloor(figure(5, 10), votes)).toBe(false);
    expect(meetsFloor(figure(6, 11), votes)).toBe(true);
    expect(meetsFloor(figure(3, 1), complianceRules.directors)).toBe(true);
    expect(meetsFloor(figure(2, 1), complianceRules.directors)).toBe(false);
  });

  it('compare yen amounts exactly, beyond what a float quotient keeps', () => {
    // Half of 9,007,199,254,740,991 yen is 4,503,599,627,370,495.5: a target one yen short fails.
    expect(meetsFloor(figure(4_503_599_627_370_495, 9_007_199_254_740_991), complianceRules.legal_reserve_target)).toBe(false);
    expect(meetsFloor(figure(4_503_599_627_370_496, 9_007_199_254_740_991), complianceRules.legal_reserve_target)).toBe(true);
  });

  it('have nothing to judge without a denominator, and refuse a figure that is not whole numbers', () => {
    expect(meetsFloor(figure(0, 0), complianceRules.engaged_members)).toBeNull();
    expect(() => meetsFloor(figure(-1, 5), complianceRules.engaged_members)).toThrow(RangeError);
    expect(() => meetsFloor(figure(1.5, 5), complianceRules.engaged_members)).toThrow(RangeError);
  });

  it('agree with comparing the fractions as rationals', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.boolean(),
      (n, d, a, b, strict) => {
        const holds = meetsFloor(figure(n, d), rule(a, b, strict));
        expect(holds).toBe(strict ? n * b > a * d : n * b >= a * d);
        // Strict and not differ only when the figure equals the floor.
        if (n * b !== a * d) expect(meetsFloor(figure(n, d), rule(a, b, !strict))).toBe(holds);
      },
    ));
  });
});

describe('status', () => {
  it('is a breach when the figure fails, a warning when a breach is projected, no data without a figure', () => {
    expect(statusOf(false, null)).toBe('breach');
    expect(statusOf(false, '2027-01-01')).toBe('breach');
    expect(statusOf(true, '2027-01-01')).toBe('warning');
    expect(statusOf(true, null)).toBe('ok');
    expect(statusOf(null, null)).toBe('no_data');
  });
});
