import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberNumberSortKey } from './member-number.js';

const byKey = (numbers: string[]) => [...numbers].sort((a, b) => {
  const [ka, kb] = [memberNumberSortKey(a), memberNumberSortKey(b)];
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
});

describe('memberNumberSortKey', () => {
  it('sorts numbers by value whatever their padding, and the letters before them as written', () => {
    expect(byKey(['000284', '0003', '10', '2', 'W10', 'W2', 'W0001', 'U9'])).toEqual(['2', '0003', '10', '000284', 'U9', 'W0001', 'W2', 'W10']);
  });

  it('reads full-width digits as digits', () => {
    expect(memberNumberSortKey('０１２')).toBe(memberNumberSortKey('12'));
  });

  it('orders any two numbers with the same prefix as their values', () => {
    fc.assert(fc.property(fc.constantFrom('', 'W', 'A-'), fc.nat(10_000_000), fc.nat(10_000_000), fc.nat(6), fc.nat(6), (prefix, a, b, padA, padB) => {
      const ka = memberNumberSortKey(`${prefix}${String(a).padStart(padA, '0')}`);
      const kb = memberNumberSortKey(`${prefix}${String(b).padStart(padB, '0')}`);
      expect(ka < kb ? -1 : ka > kb ? 1 : 0).toBe(Math.sign(a - b));
    }));
  });
});
