import { ApiError } from '../../api';
import {
  allowedEvents as domainAllowedEvents,
  isMemberStatus as domainIsMemberStatus,
  isMembershipStatus,
  requiresReason,
} from '../../../../src/domain/members/lifecycle';
import type { MembershipEventType } from './member';

/**
 * The lifecycle's rules come from the server's own domain module, so the page offers exactly the actions the
 * server accepts (the server decides again).
 */
export function allowedEvents(status: string): readonly MembershipEventType[] {
  return isMembershipStatus(status) ? domainAllowedEvents(status) : [];
}

export const reasonRequired = (type: MembershipEventType): boolean => requiresReason(type);

export const isMemberStatus = (status: string): boolean => isMembershipStatus(status) && domainIsMemberStatus(status);

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
