import { describe, expect, it } from 'vitest';
import { seededRandom } from './elections.js';
import { decideResolution, type VoteCount } from './resolutions.js';
import { decideElection, motionChoices, tallyApproval, tallyMotion, tallyStv, type MotionChoice } from './tally.js';

const count = (v: Partial<VoteCount>): VoteCount => ({ for: 0, against: 0, abstain: 0, invalid: 0, ...v });

describe('tallyMotion', () => {
  it('counts each choice and adds the tellers’ paper counts', () => {
    const choices: MotionChoice[] = ['for', 'for', 'against', 'abstain', 'invalid', 'for'];
    expect(tallyMotion(choices)).toEqual({ for: 3, against: 1, abstain: 1, invalid: 1 });
    expect(tallyMotion(choices, [count({ for: 10, against: 2 }), count({ abstain: 1, invalid: 1 })])).toEqual({ for: 13, against: 3, abstain: 2, invalid: 2 });
  });

  it('counts a malformed choice as invalid rather than dropping it', () => {
    expect(tallyMotion(['for', 'yes' as MotionChoice, '' as MotionChoice])).toEqual({ for: 1, against: 0, abstain: 0, invalid: 2 });
  });

  it('refuses teller counts that are not whole numbers, naming the field', () => {
    expect(() => tallyMotion([], [count({ against: -1 })])).toThrow(/tellerCounts\[0\]\.against must be a whole number/);
    expect(() => tallyMotion([], [count({}), count({ for: 2.5 })])).toThrow(/tellerCounts\[1\]\.for/);
  });

  it('feeds decideResolution: abstentions and invalid ballots are votes of members present', () => {
    // Three for and one against would pass among four; with an abstention and an invalid ballot, three of six is not
    // more than half.
    const votes = tallyMotion(['for', 'for', 'for', 'against', 'abstain', 'invalid']);
    expect(decideResolution('ordinary', { eligible: 10, present: 6 }, votes)).toEqual({ outcome: 'rejected', rule: 'majority_of_present', needed: 4, got: 3 });
  });

  // How fast is the bench's question (ballots.tally.pure), not a unit test's: a shared machine makes timings noisy.
  it('tallies the seed\'s 64,626 ballots, each counted once under its choice', () => {
    const random = seededRandom('motion');
    const choices = Array.from({ length: 64_626 }, () => motionChoices[Math.floor(random() * 4)]!);
    const votes = tallyMotion(choices);
    expect(votes.for + votes.against + votes.abstain + votes.invalid).toBe(64_626);
    expect(votes.for).toBe(choices.filter((c) => c === 'for').length);
    expect(votes.invalid).toBe(choices.filter((c) => c === 'invalid').length);
  });
});

describe('tallyApproval', () => {
  const candidates = ['ito', 'kato', 'sato'];

  it('counts approvals, treating a ballot with an unknown or repeated name as invalid and an empty one as blank', () => {
    const result = tallyApproval([['ito', 'sato'], ['sato'], ['kato', 'kato'], ['suzuki'], [], ['sato', 'kato']], candidates, 2);
    expect(result).toMatchObject({ validBallots: 4, invalidBallots: 2, tie: { candidates: ['ito', 'kato'], approvals: 1, seats: 1 } });
    // Sato first; the last seat by the lot the result reports.
    expect(result.elected).toEqual(['sato', result.tie!.chosen[0]]);
    expect(result.approvals).toEqual([
      { candidate: 'ito', approvals: 1 },
      { candidate: 'kato', approvals: 1 },
      { candidate: 'sato', approvals: 3 },
    ]);
  });

  it('adds the tellers’ approvals per candidate, which can settle what electronic ballots left tied', () => {
    const result = tallyApproval([['ito'], ['kato']], candidates, 1, [{ kato: 2 }, { ito: 1, sato: 0 }]);
    expect(result).toMatchObject({ elected: ['kato'], tie: null });
    expect(() => tallyApproval([], candidates, 1, [{ suzuki: 1 }])).toThrow(/tellerCounts\[0\] counts unknown candidate "suzuki"/);
    expect(() => tallyApproval([], candidates, 1, [{ ito: -2 }])).toThrow(/tellerCounts\[0\]\["ito"\]/);
  });
});

describe('tallyStv', () => {
  it('counts unreadable rankings as invalid and adds the tellers’ grouped paper rankings', () => {
    const result = tallyStv([['a', 'b'], ['a', 'x'], ['b', 'b'], [], ['c']], ['a', 'b', 'c'], 1, 'scottish', [{ ranking: ['a'], count: 2 }]);
    expect(result).toMatchObject({ validBallots: 4, invalidBallots: 3, elected: ['a'] });
    expect(() => tallyStv([], ['a', 'b', 'c'], 1, 'meek', [{ ranking: ['x'], count: 1 }])).toThrow(/unknown candidate "x"/);
  });
});

describe('decideElection', () => {
  it('dispatches by kind', () => {
    const approval = decideElection({ kind: 'approval', candidates: ['a', 'b', 'c'], seats: 1, ballots: [['a'], ['a', 'b']] });
    expect(approval).toMatchObject({ kind: 'approval', elected: ['a'] });
    const stv = decideElection({ kind: 'stv', method: 'meek', candidates: ['a', 'b', 'c'], seats: 2, ballots: [['a', 'b'], ['a', 'c'], ['b'], ['c', 'b']], seed: 'drawn' });
    expect(stv).toMatchObject({ kind: 'stv', method: 'meek', seats: 2 });
    if (stv.kind === 'stv') expect(stv.elected).toHaveLength(2);
  });
});
