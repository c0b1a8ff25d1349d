import { checkCandidates, decideApproval, type ApprovalResult } from './elections.js';
import type { VoteCount } from './resolutions.js';
import { countStv, groupRankings, type RankedBallots, type StvMethod, type StvResult } from './stv.js';

/**
 * Turning ballots into counts (開票). Electronic ballots arrive one by one; paper ballots are counted by the tellers
 * (開票立会人) at the meeting and arrive as their totals. A ballot that cannot be read as a choice is counted as
 * invalid, never thrown away: it is still the vote of a member present (resolutions.ts). Figures written by officials
 * (teller counts) are checked strictly instead, since a wrong one is a mistake to correct, not a vote.
 */

export const motionChoices = ['for', 'against', 'abstain', 'invalid'] as const;
export type MotionChoice = (typeof motionChoices)[number];

const checkCount = (n: unknown, field: string): number => {
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) throw new RangeError(`${field} must be a whole number, 0 or more`);
  return n;
};

/**
 * Counts the ballots on a motion, adding the tellers' paper counts. Any choice other than the four (a malformed
 * record) counts as invalid.
 */
export function tallyMotion(choices: Iterable<MotionChoice>, tellerCounts: readonly VoteCount[] = []): VoteCount {
  let inFavour = 0;
  let against = 0;
  let abstain = 0;
  let invalid = 0;
  for (const choice of choices) {
    if (choice === 'for') inFavour++;
    else if (choice === 'against') against++;
    else if (choice === 'abstain') abstain++;
    else invalid++;
  }
  tellerCounts.forEach((count, i) => {
    inFavour += checkCount(count.for, `tellerCounts[${i}].for`);
    against += checkCount(count.against, `tellerCounts[${i}].against`);
    abstain += checkCount(count.abstain, `tellerCounts[${i}].abstain`);
    invalid += checkCount(count.invalid, `tellerCounts[${i}].invalid`);
  });
  return { for: inFavour, against, abstain, invalid };
}

/**
 * Marks the ballots that name only listed candidates, each at most once. `seen` holds, per candidate, the number of
 * the last ballot that named them, so no set is built per ballot.
 */
function ballotReader(candidates: readonly string[]) {
  const index = new Map(candidates.map((c, i) => [c, i]));
  const seen = new Float64Array(candidates.length).fill(-1);
  let ballotNumber = 0;
  return (ballot: readonly string[]): number[] | null => {
    if (!Array.isArray(ballot)) return null;
    const n = ballotNumber++;
    const named: number[] = [];
    for (const id of ballot) {
      const c = typeof id === 'string' ? index.get(id) : undefined;
      if (c === undefined || seen[c] === n) return null;
      seen[c] = n;
      named.push(c);
    }
    return named;
  };
}

export interface ApprovalTally extends ApprovalResult {
  /** Electronic ballots read; a ballot approving nobody is valid (a blank vote). */
  validBallots: number;
  /** Electronic ballots naming an unknown candidate, or one candidate twice. */
  invalidBallots: number;
}

/**
 * Counts approval ballots (each names the candidates the voter approves of) and the tellers' paper counts (approvals
 * per candidate), then elects per decideApproval, a tie at the last seat settled by a lot drawn from `seed`.
 */
export function tallyApproval(ballots: Iterable<readonly string[]>, candidates: readonly string[], seats: number, tellerCounts: readonly Readonly<Record<string, number>>[] = [], seed = ''): ApprovalTally {
  checkCandidates(candidates);
  const read = ballotReader(candidates);
  const approvals = new Array<number>(candidates.length).fill(0);
  let validBallots = 0;
  let invalidBallots = 0;
  for (const ballot of ballots) {
    const named = read(ballot);
    if (named === null) {
      invalidBallots++;
      continue;
    }
    validBallots++;
    for (const c of named) approvals[c]!++;
  }
  const listed = new Set(candidates);
  tellerCounts.forEach((count, i) => {
    for (const [candidate, n] of Object.entries(count)) {
      if (!listed.has(candidate)) throw new RangeError(`tellerCounts[${i}] counts unknown candidate "${candidate}"`);
      approvals[candidates.indexOf(candidate)]! += checkCount(n, `tellerCounts[${i}]["${candidate}"]`);
    }
  });
  const result = decideApproval(Object.fromEntries(candidates.map((c, i) => [c, approvals[i]!])), candidates, seats, seed);
  return { ...result, validBallots, invalidBallots };
}

/**
 * Counts ranked ballots by STV. An electronic ranking naming an unknown candidate or one candidate twice is an invalid
 * ballot, like an empty one. The tellers' paper ballots come as grouped rankings, checked strictly (countStv throws).
 */
export function tallyStv(ballots: Iterable<readonly string[]>, candidates: readonly string[], seats: number, method: StvMethod, tellerBallots: readonly RankedBallots[] = [], seed = ''): StvResult {
  checkCandidates(candidates);
  const read = ballotReader(candidates);
  const valid: (readonly string[])[] = [];
  let unreadable = 0;
  for (const ballot of ballots) {
    if (read(ballot) === null) unreadable++;
    else valid.push(ballot);
  }
  const result = countStv({ candidates, ballots: [...groupRankings(valid), ...tellerBallots], seats, method, seed });
  return { ...result, invalidBallots: result.invalidBallots + unreadable };
}

/** An election's ballots as they come to be counted, by kind. */
export type ElectionBallots =
  | {
      kind: 'approval';
      candidates: readonly string[];
      seats: number;
      ballots: Iterable<readonly string[]>;
      /** Paper ballots as the tellers' approvals per candidate. */
      tellerCounts?: readonly Readonly<Record<string, number>>[];
      seed?: string;
    }
  | {
      kind: 'stv';
      method: StvMethod;
      candidates: readonly string[];
      seats: number;
      ballots: Iterable<readonly string[]>;
      /** Paper ballots as the tellers' grouped rankings. */
      tellerCounts?: readonly RankedBallots[];
      seed?: string;
    };

export type ElectionDecision = ({ kind: 'approval' } & ApprovalTally) | ({ kind: 'stv' } & StvResult);

/** Decides an election by its kind: approval or STV. `seed` settles any lot. */
export function decideElection(election: ElectionBallots): ElectionDecision {
  const { candidates, seats, ballots, seed = '' } = election;
  if (election.kind === 'approval') return { kind: 'approval', ...tallyApproval(ballots, candidates, seats, election.tellerCounts, seed) };
  return { kind: 'stv', ...tallyStv(ballots, candidates, seats, election.method, election.tellerCounts, seed) };
}
