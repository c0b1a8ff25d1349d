import { ApiError } from '../../api';
import type { MembershipEventType, MembershipStatus } from './member';

/**
 * What may happen next to a membership in each status; the server's table (domain/members/lifecycle.ts), so the page
 * offers only the actions the server accepts. The server decides again.
 */
const NEXT_EVENTS: Record<MembershipStatus, readonly MembershipEventType[]> = {
  applied: ['admit', 'reject', 'die'],
  admitted: ['notify_withdrawal', 'expel', 'die'],
  withdrawal_notified: ['withdraw', 'revoke_withdrawal_notice', 'expel', 'die'],
  withdrawn: [],
  expelled: [],
  deceased: [],
  rejected: [],
};

function isStatus(status: string): status is MembershipStatus {
  return Object.hasOwn(NEXT_EVENTS, status);
}

/** The events that may be recorded next; none for a status the page does not know. */
export function allowedEvents(status: string): readonly MembershipEventType[] {
  return isStatus(status) ? NEXT_EVENTS[status] : [];
}

/** Expulsion (a general-assembly decision) and refusing an application need their reason on record. */
export function reasonRequired(type: MembershipEventType): boolean {
  return type === 'expel' || type === 'reject';
}

/** Statuses in which a person counts as a member: admitted, and still so while a notice of withdrawal runs. */
export function isMemberStatus(status: string): boolean {
  return status === 'admitted' || status === 'withdrawal_notified';
}

/** Actions that end a membership or refuse it, and cannot be undone: they are shown in red. */
export function isFinalEvent(type: MembershipEventType): boolean {
  return type === 'reject' || type === 'withdraw' || type === 'expel' || type === 'die';
}

/**
 * The date a rule problem names for the effective date: the earliest date a withdrawal may take effect
 * ("2027-03-31 or later"), or the date of the previous event a new one may not precede.
 */
export function dateInProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  for (const problem of error.problem.errors ?? []) {
    if (problem.field !== 'effectiveDate') continue;
    const date = /\d{4}-\d{2}-\d{2}/.exec(problem.message ?? '');
    if (date) return date[0];
  }
  return null;
}
