import { DomainError } from '../shared/errors.js';

/**
 * The life of one membership in one organization (加入・脱退・除名・死亡). Events are appended, never changed;
 * the status on any date is the result of the events effective on or before it.
 */
export const membershipStatuses = [
  'applied', // 加入申込
  'admitted', // 加入承諾 — a member
  'withdrawal_notified', // 脱退予告 — still a member until the withdrawal takes effect
  'withdrawn', // 脱退
  'expelled', // 除名
  'deceased', // 死亡
  'rejected', // 加入不承諾
] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

export const membershipEventTypes = ['apply', 'admit', 'reject', 'notify_withdrawal', 'revoke_withdrawal_notice', 'withdraw', 'expel', 'die'] as const;
export type MembershipEventType = (typeof membershipEventTypes)[number];

export interface MembershipEvent {
  type: MembershipEventType;
  /** The date the event takes effect (YYYY-MM-DD), not the date it was typed in. */
  effectiveDate: string;
  reason: string | null;
}

const transitions: Record<MembershipStatus, Partial<Record<MembershipEventType, MembershipStatus>>> = {
  applied: { admit: 'admitted', reject: 'rejected', die: 'deceased' },
  admitted: { notify_withdrawal: 'withdrawal_notified', expel: 'expelled', die: 'deceased' },
  withdrawal_notified: { withdraw: 'withdrawn', revoke_withdrawal_notice: 'admitted', expel: 'expelled', die: 'deceased' },
  withdrawn: {},
  expelled: {},
  deceased: {},
  rejected: {},
};

/** The events that may follow a status (for the new membership: apply or admit). */
export function allowedEvents(status: MembershipStatus | null): MembershipEventType[] {
  if (status === null) return ['apply', 'admit'];
  return Object.keys(transitions[status]) as MembershipEventType[];
}

/** Statuses in which a person counts as a member (one member, one vote; quorum; the Act's ratios). */
export const memberStatuses: readonly MembershipStatus[] = ['admitted', 'withdrawal_notified'];

export const isMemberStatus = (status: MembershipStatus | null): boolean => status !== null && memberStatuses.includes(status);

/** Expulsion is decided by the general assembly (special resolution): its reason must be on record. */
const reasonRequired: readonly MembershipEventType[] = ['expel', 'reject'];

export const requiresReason = (type: MembershipEventType): boolean => reasonRequired.includes(type);

export const isMembershipStatus = (status: string): status is MembershipStatus => (membershipStatuses as readonly string[]).includes(status);

/**
 * The status after `event`, or a rule violation naming why it cannot happen. The first event must be `apply` or
 * — for members recorded from before Kyodo — `admit`; dates never go backwards.
 */
export function applyEvent(current: MembershipStatus | null, lastDate: string | null, event: MembershipEvent): MembershipStatus {
  const next = current === null ? ({ apply: 'applied', admit: 'admitted' } as const)[event.type as 'apply' | 'admit'] : transitions[current][event.type];
  if (!next) {
    throw new DomainError('rule_violation', 'invalid_transition', `cannot ${event.type} a membership that is ${current ?? 'not yet recorded'}`, [
      { field: 'type', code: 'invalid_transition', message: `not allowed when ${current ?? 'new'}` },
    ]);
  }
  if (lastDate !== null && event.effectiveDate < lastDate) {
    throw new DomainError('rule_violation', 'date_before_previous_event', `the effective date ${event.effectiveDate} is before the previous event (${lastDate})`, [
      { field: 'effectiveDate', code: 'date_before_previous_event', message: `must be ${lastDate} or later` },
    ]);
  }
  if (requiresReason(event.type) && !event.reason?.trim()) {
    throw new DomainError('rule_violation', 'reason_required', `a reason is required to ${event.type}`, [
      { field: 'reason', code: 'required', message: 'required for this event' },
    ]);
  }
  return next;
}

/** Replays events in order; the status on `date` counts only events effective on or before it. */
export function statusOn(events: readonly MembershipEvent[], date: string): MembershipStatus | null {
  let status: MembershipStatus | null = null;
  let last: string | null = null;
  for (const event of events) {
    if (event.effectiveDate > date) break;
    status = applyEvent(status, last, event);
    last = event.effectiveDate;
  }
  return status;
}

/** The last day of the fiscal year that contains `date`, for a fiscal year starting in `startMonth` (1–12). */
export function fiscalYearEnd(date: string, startMonth: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const endYear = month >= startMonth ? (startMonth === 1 ? year : year + 1) : year;
  const endMonth = startMonth === 1 ? 12 : startMonth - 1;
  const lastDay = new Date(Date.UTC(endYear, endMonth, 0)).getUTCDate();
  return `${endYear}-${String(endMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A member leaves at the end of a fiscal year after giving notice at least `noticeDays` before it (Worker
 * Cooperatives Act; the period is a bylaw setting, default 90 days): the earliest date a withdrawal takes effect.
 */
export function earliestWithdrawalDate(noticeDate: string, startMonth: number, noticeDays: number): string {
  const end = fiscalYearEnd(noticeDate, startMonth);
  return addDays(noticeDate, noticeDays) <= end ? end : fiscalYearEnd(addDays(end, 1), startMonth);
}
