import type { AllocationProposal, SurplusFacts } from './allocation.js';
import type { MemberLine } from '../members/views.js';
import type { WorkMeasure } from './work-measure.js';

// The fiscal-year close (決算・剰余金処分) as the API takes and shows it: one definition for the server and the web
// app. Pure (no Node, no database), so the web bundle can read it.

export const closingStatuses = ['draft', 'submitted', 'posted', 'rejected', 'withdrawn'] as const;
export type ClosingStatus = (typeof closingStatuses)[number];

/** The reserve and losses a co-op had before it kept its books in Kyodo (stated once, at the first close). */
export interface OpeningBalances {
  /** The legal reserve before the co-op kept its books in Kyodo. */
  legalReserve: number;
  lossesCarriedForward: number;
}

/** What the board proposes; the reserves and the retained amount only where it departs from the minimums. */
export interface ClosingInput {
  fiscalYear: number;
  /** The year's surplus (当期剰余金) in whole yen; negative for a loss. */
  surplus: number;
  /** The board's allocation where it puts more than a minimum into a reserve, or retains part of the rest. */
  legalReserve?: number;
  jobCreationFund?: number;
  educationCarryForward?: number;
  retained?: number;
  /** Only at the first close kept in Kyodo: the reserve and losses the co-op already had. */
  opening?: OpeningBalances;
}

export interface ClosingFacts extends SurplusFacts {
  /** Where the reserve target came from: the bylaws, or (when they are silent) the law's least, half of capital. */
  legalReserveTargetSource: 'bylaws' | 'law';
  opening: OpeningBalances | null;
}

/** One fiscal-year close: the facts it read, the allocation in the legal order, the work divided, and where it stands. */
export interface ClosingView {
  id: string;
  organizationId: string;
  fiscalYear: number;
  periodFrom: string;
  periodUntil: string;
  status: ClosingStatus;
  surplus: number;
  facts: ClosingFacts;
  measure: WorkMeasure;
  allocation: AllocationProposal;
  withholdAgainstUnpaid: boolean;
  totalWork: number;
  members: number;
  /** Work by people who were not members on the day: counted, never divided. */
  nonMemberWork: { people: number; minutes: number };
  dividendsWithheld: number;
  dividendsPaid: number;
  motionId: string | null;
  /** The meeting whose agenda holds the motion, for the link to it. */
  meetingId: string | null;
  journalEntryId: string | null;
  version: number;
  createdAt: string;
  createdBy: string | null;
  postedAt: string | null;
  postedBy: string | null;
  /** The statements' last e-mailing, once it has finished; null before. */
  statementsMailed: { at: string; sent: number; withoutEmail: number; failures: { email: string; reason: string }[] } | null;
}

/** The exact share of the dividends: yen + remainder / denominator. */
export interface ExactShare {
  yen: number;
  remainder: number;
  denominator: number;
}

/** How a close measures work: minutes, days, or minutes weighted by role. */
export type WorkUnit = 'minutes' | 'days' | 'weighted_minutes';

/** One member's line of a close, with who they are: the staff's list and the member's own statement. */
export interface DividendLine extends MemberLine {
  minutes: number;
  days: number;
  work: number;
  exact: ExactShare;
  roundedUp: boolean;
  /** Place in the remainder order (1 = largest), among members with a remainder; null without one. */
  remainderRank: number | null;
  amount: number;
  unpaidCapital: number;
  withheld: number;
  payment: number;
}

/** A member's statement (従事分量配当金計算書): their line and everything needed to recompute it by hand. */
export interface DividendStatement extends DividendLine {
  closingId: string;
  status: ClosingStatus;
  fiscalYear: number;
  periodFrom: string;
  periodUntil: string;
  organization: { id: string; code: string; nameJa: string; nameEn: string | null };
  measure: WorkMeasure;
  unit: WorkUnit;
  totalWork: number;
  members: number;
  /** The year's dividend by amount of work, divided among the members. */
  dividends: number;
  /** Yen left after every member's whole-yen part, given one each to the largest remainders. */
  yenRoundedUp: number;
  withholdAgainstUnpaid: boolean;
  postedAt: string | null;
}
