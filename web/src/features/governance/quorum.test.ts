import { describe, expect, it } from 'vitest';
import { quorumNeeded } from './quorum';

describe('the quorum', () => {
  it('is half the members by default, rounded up, at least one', () => {
    expect(quorumNeeded(10, undefined)).toBe(5);
    expect(quorumNeeded(7, { numerator: 1, denominator: 2 })).toBe(4);
    expect(quorumNeeded(0, undefined)).toBe(1);
  });

  it('follows the share the bylaws set', () => {
    expect(quorumNeeded(10, { numerator: 2, denominator: 3 })).toBe(7);
  });
});
