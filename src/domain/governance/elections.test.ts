import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBoardComposition, checkCandidate, decideApproval, drawLot, seededRandom, type CandidateFacts } from './elections.js';

const facts = (overrides: Partial<CandidateFacts> = {}): CandidateFacts => ({ isMember: true, isDirector: false, isEmployee: false, termMonths: 24, ...overrides });

describe('drawLot', () => {
  it('is reproducible from the seed and ignores the order the tied candidates come in', () => {
    const first = drawLot('dice 3-6-1-4', 'stv:stage 4:exclusion', ['c', 'a', 'b']);
    expect(drawLot('dice 3-6-1-4', 'stv:stage 4:exclusion', ['b', 'c', 'a'])).toEqual(first);
    expect(first.among).toEqual(['a', 'b', 'c']);
    expect(first.among).toContain(first.chosen);
  });

  it('gives every tied candidate a chance as the seed varies', () => {
    const chosen = new Set(Array.from({ length: 60 }, (_, i) => drawLot(`seed ${i}`, 'lot', ['a', 'b', 'c']).chosen));
    expect(chosen).toEqual(new Set(['a', 'b', 'c']));
  });

  it('streams numbers in [0, 1) that depend on the seed', () => {
    const a = seededRandom('x');
    const b = seededRandom('x');
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(seededRandom('y')()).not.toBe(values[0]);
  });
});

describe('decideApproval', () => {
  it('elects the candidates with most approvals', () => {
    const result = decideApproval({ ito: 40, kato: 31, sato: 52, abe: 12 }, ['sato', 'ito', 'kato', 'abe'], 2);
    expect(result.elected).toEqual(['sato', 'ito']);
    expect(result.tie).toBeNull();
    expect(result.approvals).toEqual([
      { candidate: 'sato', approvals: 52 },
      { candidate: 'ito', approvals: 40 },
      { candidate: 'kato', approvals: 31 },
      { candidate: 'abe', approvals: 12 },
    ]);
  });

  it('reports a tie at the last seat and settles it by a lot drawn from the seed', () => {
    const result = decideApproval({ a: 10, b: 7, c: 7, d: 7 }, ['a', 'b', 'c', 'd'], 3, 'drawn at the meeting');
    expect(result.elected.slice(0, 1)).toEqual(['a']);
    expect(result.tie).toMatchObject({ candidates: ['b', 'c', 'd'], approvals: 7, seats: 2 });
    expect(result.tie!.draws).toHaveLength(2);
    expect(result.tie!.draws[0]!.seed).toBe('drawn at the meeting');
    expect(result.elected.slice(1)).toEqual(result.tie!.chosen);
    // The second draw is among those the first left.
    expect(result.tie!.draws[1]!.among).not.toContain(result.tie!.chosen[0]);
    expect(decideApproval({ a: 10, b: 7, c: 7, d: 7 }, ['d', 'c', 'b', 'a'], 3, 'drawn at the meeting').elected).toEqual(result.elected);
  });

  it('needs no lot when the tied candidates all fit, and elects everyone when uncontested', () => {
    expect(decideApproval({ a: 5, b: 5, c: 1 }, ['a', 'b', 'c'], 2)).toMatchObject({ elected: ['a', 'b'], tie: null });
    expect(decideApproval({}, ['a', 'b', 'c'], 3)).toMatchObject({ elected: ['a', 'b', 'c'], tie: null });
  });

  it('refuses impossible elections', () => {
    expect(() => decideApproval({}, ['a', 'b'], 0)).toThrow(RangeError);
    expect(() => decideApproval({}, ['a', 'b'], 3)).toThrow(/1 to the 2 candidates/);
    expect(() => decideApproval({}, ['a', 'a'], 1)).toThrow(/listed twice/);
    expect(() => decideApproval({ a: -1 }, ['a', 'b'], 1)).toThrow(RangeError);
  });

  it('always elects exactly `seats` candidates, none with fewer approvals than a loser (property)', () => {
    fc.assert(fc.property(fc.array(fc.nat(20), { minLength: 1, maxLength: 12 }), fc.nat(), fc.string(), (counts, s, seed) => {
      const candidates = counts.map((_, i) => `c${i}`);
      const seats = (s % candidates.length) + 1;
      const result = decideApproval(Object.fromEntries(counts.map((n, i) => [`c${i}`, n])), candidates, seats, seed);
      expect(new Set(result.elected).size).toBe(seats);
      const approvalsOf = (c: string) => counts[Number(c.slice(1))]!;
      const lowestElected = Math.min(...result.elected.map(approvalsOf));
      const losers = candidates.filter((c) => !result.elected.includes(c));
      for (const loser of losers) expect(approvalsOf(loser)).toBeLessThanOrEqual(lowestElected);
      const tiedLoser = losers.some((c) => approvalsOf(c) === lowestElected);
      expect(result.tie !== null).toBe(tiedLoser);
    }));
  });
});

describe('checkCandidate', () => {
  it('requires directors to be members', () => {
    expect(checkCandidate('director', facts())).toEqual([]);
    expect(checkCandidate('director', facts({ isMember: false }))).toEqual(['director_not_member']);
  });

  it('keeps auditors apart from the board and the staff; an auditor need not be a member', () => {
    expect(checkCandidate('auditor', facts({ isMember: false, termMonths: 48 }))).toEqual([]);
    expect(checkCandidate('auditor', facts({ isDirector: true }))).toEqual(['auditor_is_director']);
    expect(checkCandidate('auditor', facts({ isEmployee: true }))).toEqual(['auditor_is_employee']);
    expect(checkCandidate('auditor', facts({ isDirector: true, isEmployee: true }))).toEqual(['auditor_is_director', 'auditor_is_employee']);
    // A director may be an employee: worker co-ops are run by the people who work in them.
    expect(checkCandidate('director', facts({ isEmployee: true }))).toEqual([]);
  });

  it('caps terms at two years for directors and four for auditors', () => {
    expect(checkCandidate('director', facts({ termMonths: 25 }))).toEqual(['term_too_long']);
    expect(checkCandidate('auditor', facts({ termMonths: 48 }))).toEqual([]);
    expect(checkCandidate('auditor', facts({ termMonths: 49 }))).toEqual(['term_too_long']);
    expect(checkCandidate('director', facts({ termMonths: 0 }))).toEqual(['term_invalid']);
    expect(checkCandidate('director', facts({ termMonths: 1.5 }))).toEqual(['term_invalid']);
  });
});

describe('checkBoardComposition', () => {
  it('needs at least three directors and one auditor', () => {
    expect(checkBoardComposition({ directors: 3, auditors: 1, members: 120, memberAuditCouncil: false })).toEqual([]);
    expect(checkBoardComposition({ directors: 2, auditors: 0, members: 120, memberAuditCouncil: false })).toEqual([
      { code: 'too_few_directors', needed: 3, got: 2 },
      { code: 'no_auditor', needed: 1, got: 0 },
    ]);
  });

  it('lets a member audit council replace the auditor with 20 members or fewer, and not above', () => {
    expect(checkBoardComposition({ directors: 3, auditors: 0, members: 20, memberAuditCouncil: true })).toEqual([]);
    expect(checkBoardComposition({ directors: 3, auditors: 0, members: 21, memberAuditCouncil: true })).toEqual([
      { code: 'member_audit_council_not_allowed', needed: 20, got: 21 },
      { code: 'no_auditor', needed: 1, got: 0 },
    ]);
    // Above 20 members a council may exist beside an auditor; it just replaces nothing.
    expect(checkBoardComposition({ directors: 3, auditors: 1, members: 21, memberAuditCouncil: true })).toEqual([
      { code: 'member_audit_council_not_allowed', needed: 20, got: 21 },
    ]);
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => checkBoardComposition({ directors: -1, auditors: 1, members: 5, memberAuditCouncil: false })).toThrow(RangeError);
  });
});
