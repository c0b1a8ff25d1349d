import type { CapitalPosition, JournalLine } from './ledger.js';
import type { CapitalRules } from './share-rules.js';
import type { MemberLine } from '../members/views.js';

// The capital ledger (出資) as the API shows it: one definition for the server and the web app. Types only (no
// Node, no database), so the web bundle can read it.

/** An organization's capital at the end of one fiscal year (or today, for the year still running). */
export interface CapitalByYear {
  organizationId: string;
  /** The fiscal year named by the year it starts in (2026年度: April 2026 to March 2027 for an April start). */
  fiscalYear: number;
  /** Its last day: the totals are as of then (or today, for the year still running). */
  asOf: string;
  members: number;
  shares: number;
  capital: number;
  paid: number;
  unpaid: number;
}

/** A journal entry with its lines. */
export interface CapitalEntryView {
  id: string;
  date: string;
  type: string;
  description: string | null;
  /** Why: the approval of a transfer, the resolution of a write-down, the reason of a reversal. */
  reason: string | null;
  reversesEntryId: string | null;
  reversedByEntryId: string | null;
  recordedAt: string;
  recordedBy: string | null;
  lines: JournalLine[];
}

/** One journal entry that names the member, with their position after it. */
export interface MemberCapitalEntry extends CapitalEntryView {
  positionAfter: CapitalPosition;
}

/** A member's capital: the position now, the rules in force, and every entry that names them, oldest first. */
export interface MemberCapital {
  position: CapitalPosition;
  /** The rules in force today; null before the organization recorded any. */
  rules: CapitalRules | null;
  entries: MemberCapitalEntry[];
}

export interface RegisterRow extends CapitalPosition, MemberLine {}

/** 出資者名簿: every member holding capital (or owed a refund) at a date. */
export interface CapitalRegister {
  organizationId: string;
  date: string;
  rules: CapitalRules | null;
  rows: RegisterRow[];
  totals: CapitalPosition & { members: number };
}
