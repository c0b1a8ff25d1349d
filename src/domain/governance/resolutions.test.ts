import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actResolutionRules, decideResolution, threshold, type VoteCount } from './resolutions.js';

const votes = (v: Partial<VoteCount>): VoteCount => ({ for: 0, against: 0, abstain: 0, invalid: 0, ...v });

describe('threshold', () => {
  it('is the smallest whole count that reaches the fraction', () => {
    expect(threshold(100, { numerator: 1, denominator: 2 })).toBe(50);
    expect(threshold(101, { numerator: 1, denominator: 2 })).toBe(51);
    expect(threshold(100, { numerator: 1, denominator: 2 }, true)).toBe(51);
    expect(threshold(99, { numerator: 2, denominator: 3 })).toBe(66);
    expect(threshold(100, { numerator: 2, denominator: 3 })).toBe(67);
  });
});

describe('decideResolution under the Act', () => {
  it('needs half of all members present, counting written votes and proxies', () => {
    expect(decideResolution('ordinary', { eligible: 100, present: 49 }, votes({ for: 49 }))).toEqual({ outcome: 'no_quorum', rule: 'quorum_not_met', needed: 50, got: 49 });
    expect(decideResolution('ordinary', { eligible: 100, present: 50 }, votes({ for: 26, against: 24 })).outcome).toBe('adopted');
  });

  it('adopts an ordinary resolution with more than half of the votes present; abstentions and invalid ballots count against', () => {
    expect(decideResolution('ordinary', { eligible: 100, present: 60 }, votes({ for: 30, against: 20, abstain: 10 }))).toEqual({ outcome: 'rejected', rule: 'majority_of_present', needed: 31, got: 30 });
    expect(decideResolution('ordinary', { eligible: 100, present: 60 }, votes({ for: 31, against: 20, invalid: 9 }))).toMatchObject({ outcome: 'adopted', needed: 31 });
  });

  it('sends an exact tie to the chair, or rejects it where the bylaws say so', () => {
    expect(decideResolution('ordinary', { eligible: 10, present: 8 }, votes({ for: 4, against: 4 }))).toMatchObject({ outcome: 'tie_for_chair', rule: 'tie_chair_decides' });
    expect(decideResolution('ordinary', { eligible: 10, present: 8 }, votes({ for: 4, against: 4 }), { ...actResolutionRules, tie: 'rejected' })).toMatchObject({ outcome: 'rejected', rule: 'tie_rejected' });
    // Four each with an abstention is no tie: four is not more than half of nine.
    expect(decideResolution('ordinary', { eligible: 10, present: 9 }, votes({ for: 4, against: 4, abstain: 1 }))).toMatchObject({ outcome: 'rejected', rule: 'majority_of_present' });
  });

  it('adopts a special resolution with at least two thirds of the votes of at least half of all members', () => {
    expect(decideResolution('special', { eligible: 200, present: 99 }, votes({ for: 99 })).outcome).toBe('no_quorum');
    expect(decideResolution('special', { eligible: 200, present: 120 }, votes({ for: 80, against: 40 }))).toEqual({ outcome: 'adopted', rule: 'two_thirds_of_present', needed: 80, got: 80 });
    expect(decideResolution('special', { eligible: 200, present: 120 }, votes({ for: 79, against: 41 }))).toMatchObject({ outcome: 'rejected', needed: 80 });
    // A tie in a special resolution never goes to the chair.
    expect(decideResolution('special', { eligible: 4, present: 4 }, votes({ for: 2, against: 2 })).outcome).toBe('rejected');
  });

  it('refuses counts that do not add up', () => {
    expect(() => decideResolution('ordinary', { eligible: 10, present: 5 }, votes({ for: 4, against: 2 }))).toThrow(RangeError);
    expect(() => decideResolution('ordinary', { eligible: 10, present: 11 }, votes({}))).toThrow(RangeError);
    expect(() => decideResolution('ordinary', { eligible: 10, present: 5 }, votes({ for: 1.5 }))).toThrow(RangeError);
  });

  it('adopts exactly when the for-votes reach the fraction of the votes present (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('ordinary' as const, 'special' as const),
      (eligible, presentShare, forShare, kind) => {
        const present = Math.floor(eligible * presentShare);
        const inFavour = Math.floor(present * forShare);
        const decision = decideResolution(kind, { eligible, present }, votes({ for: inFavour, against: present - inFavour }));
        const passes = kind === 'special' ? inFavour * 3 >= present * 2 : inFavour * 2 > present;
        if (present * 2 < eligible) expect(decision.outcome).toBe('no_quorum');
        else if (passes) expect(decision.outcome).toBe('adopted');
        else expect(decision.outcome).not.toBe('adopted');
      }));
  });
});
