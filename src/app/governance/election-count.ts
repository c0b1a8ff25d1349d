import { decideApproval, type ApprovalResult } from '../../domain/governance/elections.js';
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
  stv: unknown;
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
  throw new Error('STV counting is wired in the next commit');
}
