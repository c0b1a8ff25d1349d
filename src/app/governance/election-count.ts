import { decideApproval, type ApprovalResult } from '../../domain/governance/elections.js';
import { countStv, groupRankings, type StvResult } from '../../domain/governance/stv.js';
import type { ElectionMethod } from '../../domain/governance/vocabulary.js';
import type { TellerCounts } from './results.js';

/** The count of an election: approval voting, or STV by Meek's or the Scottish rules, with its full sheet. */
export interface ElectionResult {
  method: ElectionMethod;
  rule: 'approval_most_votes' | 'stv_quota';
  seats: number;
  /** Ballots counted (electronic and paper), and those that named no valid choice. */
  ballots: number;
  invalid: number;
  /** Candidate ids elected, in order of election. */
  elected: string[];
  /** The STV quota of the first stage; null for approval voting. */
  quota: number | null;
  approval: ApprovalResult | null;
  stv: StvResult | null;
}

export interface ElectionInput {
  method: ElectionMethod;
  seats: number;
  candidates: string[];
  /** Electronic and written ballots: approved candidates, or a ranking. */
  ballots: string[][];
  /** Paper approval counts from the tellers: approvals per candidate, `ballots` and `invalid`. */
  tellerCounts: TellerCounts[];
  /** The lot that settles a tie is drawn from this seed, so anyone can replay it. */
  seed: string;
}

export function countElection(input: ElectionInput): ElectionResult {
  if (input.method === 'approval') {
    const approvals: Record<string, number> = Object.fromEntries(input.candidates.map((c) => [c, 0]));
    let invalid = 0;
    for (const ballot of input.ballots) for (const c of ballot) approvals[c] = (approvals[c] ?? 0) + 1;
    let paper = 0;
    for (const t of input.tellerCounts) {
      paper += t.ballots ?? 0;
      invalid += t.invalid ?? 0;
      for (const c of input.candidates) approvals[c]! += t[c] ?? 0;
    }
    const approval = decideApproval(approvals, input.candidates, input.seats, input.seed);
    return { method: 'approval', rule: 'approval_most_votes', seats: input.seats, ballots: input.ballots.length + paper, invalid, elected: approval.elected, quota: null, approval, stv: null };
  }
  if (input.tellerCounts.length) throw new RangeError('ranked paper ballots are entered one by one, not as counts');
  const stv = countStv({
    candidates: input.candidates, ballots: groupRankings(input.ballots), seats: input.seats, method: input.method === 'stv_meek' ? 'meek' : 'scottish', seed: input.seed,
  });
  return {
    method: input.method, rule: 'stv_quota', seats: input.seats, ballots: stv.validBallots + stv.invalidBallots, invalid: stv.invalidBallots,
    elected: stv.elected, quota: Number(stv.quota.value), approval: null, stv,
  };
}
