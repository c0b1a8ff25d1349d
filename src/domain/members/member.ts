import { DomainError } from '../shared/errors.js';
import type { MembershipEvent, MembershipStatus } from './lifecycle.js';

/** Built-in kinds of membership; an organization may define more codes later. */
export const memberKinds = [
  'worker', // 労働者組合員 — engaged in the work
  'user', // 利用者組合員 — e.g. a member of an older persons' co-op
] as const;
export type MemberKind = (typeof memberKinds)[number];

/**
 * At least 3/4 of everyone engaged in the work (従事者) must be members, so non-member workers are at most a quarter
 * (Worker Cooperatives Act; domain.md §2 item 4). A fraction, so that the check is exact integer arithmetic.
 */
export const minimumMemberShareOfWorkers = { numerator: 3, denominator: 4 } as const;

/** Who may work without a labour contract under the Worker Cooperatives Act (domain.md §2 item 3). */
export const labourContractExemptions = ['representative-director', 'full-time-director', 'auditor'] as const;
export type LabourContractExemption = (typeof labourContractExemptions)[number];

export interface PersonFields {
  familyName: string;
  givenName: string;
  /** フリガナ, full-width katakana. */
  familyKana: string;
  givenKana: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  prefectureCode: string | null;
  address: string | null;
}

export interface Person extends PersonFields {
  id: string;
  version: number;
}

export interface Membership {
  id: string;
  organizationId: string;
  personId: string;
  memberNumber: string;
  kind: string;
  status: MembershipStatus;
  admittedOn: string | null;
  endedOn: string | null;
  version: number;
}

export interface RecordedMembershipEvent extends MembershipEvent {
  seq: number;
  recordedAt: string;
  recordedBy: string | null;
}

/** Dates after a status change: admission sets the start; withdrawal, expulsion, death or rejection the end. */
export function membershipDates(status: MembershipStatus, event: MembershipEvent, current: { admittedOn: string | null; endedOn: string | null }) {
  const ends: readonly MembershipStatus[] = ['withdrawn', 'expelled', 'deceased', 'rejected'];
  return {
    admittedOn: event.type === 'admit' ? event.effectiveDate : current.admittedOn,
    endedOn: ends.includes(status) ? event.effectiveDate : null,
  };
}

export interface EngagementFields {
  site: string | null;
  startedOn: string;
  endedOn: string | null;
  labourContractFrom: string | null;
  labourContractUntil: string | null;
  exemption: LabourContractExemption | null;
}

export interface Engagement extends EngagementFields {
  id: string;
  organizationId: string;
  personId: string;
}

/** Periods must run forwards; a labour contract lies within the engagement. */
export function checkEngagement(fields: EngagementFields): void {
  const errors = [];
  if (fields.endedOn !== null && fields.endedOn < fields.startedOn) {
    errors.push({ field: 'endedOn', code: 'end_before_start', message: 'must not be before startedOn' });
  }
  if (fields.labourContractUntil !== null && (fields.labourContractFrom === null || fields.labourContractUntil < fields.labourContractFrom)) {
    errors.push({ field: 'labourContractUntil', code: 'end_before_start', message: 'must not be before labourContractFrom' });
  }
  if (errors.length > 0) throw new DomainError('rule_violation', errors[0]!.code, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}
