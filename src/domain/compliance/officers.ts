import { checkBoardComposition } from '../governance/elections.js';
import type { SeatRole } from '../governance/vocabulary.js';
import { addDays } from './calendar.js';

/**
 * The officers on the board (役員) on a date, from the seats and their terms, and the Act's rule on them as
 * governance holds it (checkBoardComposition: three directors, an auditor or — with 20 members or fewer — a member
 * audit council). Officers change when terms end, not by drift: the date the board falls short is read off the
 * terms recorded, not fitted to a trend.
 */
export interface OfficerSeat {
  role: SeatRole;
  termFrom: string;
  /** The last day of the term (inclusive); null for a seat without an end. */
  termUntil: string | null;
}

export interface Officers {
  /** Directors, the representative director among them (代表理事 is a director). */
  directors: number;
  auditors: number;
  /** The board has members of a member audit council seated (組合員監査会). */
  memberAuditCouncil: boolean;
}

const seated = (seat: OfficerSeat, date: string): boolean => seat.termFrom <= date && (seat.termUntil === null || seat.termUntil >= date);

export function officersOn(seats: readonly OfficerSeat[], date: string): Officers {
  const now = seats.filter((s) => seated(s, date));
  return {
    directors: now.filter((s) => s.role === 'director' || s.role === 'representative_director').length,
    auditors: now.filter((s) => s.role === 'auditor').length,
    memberAuditCouncil: now.some((s) => s.role === 'council_member'),
  };
}

/**
 * The two officer checks from governance's one rule: whether the directors and the audit each meet it, and what the
 * audit rests on — auditors, a member audit council standing in for them, or a council the co-op is too large for.
 */
export function officerChecks(officers: Officers, members: number) {
  const codes = checkBoardComposition({ ...officers, members }).map((v) => v.code);
  const councilNotAllowed = codes.includes('member_audit_council_not_allowed');
  const audited = !codes.includes('no_auditor') && !councilNotAllowed;
  return {
    directors: !codes.includes('too_few_directors'),
    auditors: audited,
    auditorNote: councilNotAllowed ? ('member_audit_council_not_allowed' as const)
      : audited && officers.auditors === 0 ? ('member_audit_council' as const) : null,
  };
}

/**
 * The first day after `date`, up to `until`, on which the seats recorded leave the directors or the audit short
 * (a term ends with no successor seated), at `members` members; null for each that stays within the rule. Meant for
 * a board that meets the rule on `date`: one already short is short again on the first day anything changes.
 */
export function officerShortfalls(seats: readonly OfficerSeat[], members: number, date: string, until: string): { directors: string | null; auditors: string | null } {
  // The board changes only on the day after a term ends or on the day a term begins.
  const changes = [...new Set(seats.flatMap((s) => [s.termFrom, ...(s.termUntil === null ? [] : [addDays(s.termUntil, 1)])]))]
    .filter((day) => day > date && day <= until)
    .sort();
  const result: { directors: string | null; auditors: string | null } = { directors: null, auditors: null };
  for (const day of changes) {
    const checks = officerChecks(officersOn(seats, day), members);
    if (!checks.directors) result.directors ??= day;
    if (!checks.auditors) result.auditors ??= day;
    if (result.directors && result.auditors) break;
  }
  return result;
}
