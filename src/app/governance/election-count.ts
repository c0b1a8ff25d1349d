import type { ApprovalResult } from '../../domain/governance/elections.js';
import type { StvResult } from '../../domain/governance/stv.js';
import { tallyApproval, tallyStv } from '../../domain/governance/tally.js';
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

/** A teller's approval count as the domain reads it: approvals per candidate, without the ballot totals. */
export const approvalsOf = (count: TellerCounts): Record<string, number> =>
  Object.fromEntries(Object.entries(count).filter(([key]) => key !== 'ballots' && key !== 'invalid'));

export function countElection(input: ElectionInput): ElectionResult {
  const paper = input.tellerCounts.reduce((n, t) => n + (t.ballots ?? 0), 0);
  const paperInvalid = input.tellerCounts.reduce((n, t) => n + (t.invalid ?? 0), 0);
  if (input.method === 'approval') {
    const approval = tallyApproval(input.ballots, input.candidates, input.seats, input.tellerCounts.map(approvalsOf), input.seed);
    return {
      method: 'approval', rule: 'approval_most_votes', seats: input.seats, ballots: input.ballots.length + paper, invalid: approval.invalidBallots + paperInvalid,
      elected: approval.elected, quota: null, approval, stv: null,
    };
  }
  if (input.tellerCounts.length) throw new RangeError('ranked paper ballots are entered one by one, not as counts');
  const stv = tallyStv(input.ballots, input.candidates, input.seats, input.method === 'stv_meek' ? 'meek' : 'scottish', [], input.seed);
  return {
    method: input.method, rule: 'stv_quota', seats: input.seats, ballots: stv.validBallots + stv.invalidBallots, invalid: stv.invalidBallots,
    elected: stv.elected, quota: Number(stv.quota.value), approval: null, stv,
  };
}
