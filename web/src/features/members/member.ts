import { api, withQuery } from '../../api';

// The membership registry (組合員名簿) as the server describes it.

// The vocabularies are the server's own domain modules, so page and server can never disagree.
export {
  membershipEventTypes as MEMBERSHIP_EVENT_TYPES,
  membershipStatuses as MEMBERSHIP_STATUSES,
  type MembershipEventType,
  type MembershipStatus,
} from '../../../../src/domain/members/lifecycle';
export {
  labourContractExemptions as EXEMPTIONS,
  memberKinds as MEMBER_KINDS,
  type LabourContractExemption as Exemption,
  type Membership,
  type Person,
  type PersonFields as PersonInput,
} from '../../../../src/domain/members/member';
import type { MembershipEventType } from '../../../../src/domain/members/lifecycle';
import type { MemberListItem } from '../../../../src/domain/members/views';
import type { LabourContractExemption as Exemption, Membership, Person, PersonFields as PersonInput } from '../../../../src/domain/members/member';

export type { MemberListItem };

export interface MemberPage {
  items: MemberListItem[];
  total: number;
}

export interface MembershipEventRecord {
  seq: number;
  type: string;
  effectiveDate: string;
  reason: string | null;
  recordedAt: string;
  recordedBy: string | null;
}

export interface EngagementInput {
  site: string | null;
  startedOn: string;
  endedOn: string | null;
  labourContractFrom: string | null;
  labourContractUntil: string | null;
  exemption: Exemption | null;
}

export interface Engagement extends Omit<EngagementInput, 'exemption'> {
  id: string;
  exemption: string | null;
}

export interface MemberRecord {
  membership: Membership;
  person: Person;
  events: MembershipEventRecord[];
  engagements: Engagement[];
}

export interface NewMemberInput {
  /** A new person, or `{ id }` of a person already known to an organization the user keeps. */
  person: PersonInput | { id: string };
  memberNumber: string;
  kind: string;
  firstEvent: 'apply' | 'admit';
  effectiveDate: string;
}

export interface MembershipEventInput {
  type: MembershipEventType;
  effectiveDate: string;
  reason: string | null;
}

/** A kind of membership the organization offers: the built-in worker and user, and those it defined. */
export interface MemberKindOption {
  code: string;
  nameJa: string | null;
  nameEn: string | null;
  engagedInWork: boolean;
  builtIn: boolean;
}

/** A kind of membership as an organization administrator defines it. */
export interface NewMemberKindInput {
  code: string;
  nameJa: string;
  nameEn: string | null;
  engagedInWork: boolean;
}

/**
 * A person engaged in the organization's work on a date (従事者), member or not, with the engagement that makes them
 * one. Someone working at two sites appears twice.
 */
export interface Worker {
  engagementId: string;
  personId: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  site: string | null;
  startedOn: string;
  endedOn: string | null;
  labourContractFrom: string | null;
  labourContractUntil: string | null;
  exemption: string | null;
  /** A member of the organization on the date. */
  member: boolean;
  /** The membership current on the date, when a member. */
  membershipId: string | null;
}

/** A correction of a person: the version that was read, and only the fields that changed. */
export type PersonPatch = Partial<PersonInput> & { version: number };

export interface MemberCount {
  organizationId: string;
  kind: string;
  members: number;
}

export interface MemberCounts {
  date: string;
  items: MemberCount[];
}

const organizationPath = (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}`;

export const memberPaths = {
  one: (membershipId: string) => `/memberships/${encodeURIComponent(membershipId)}`,
  counts: '/member-counts',
  kinds: (organizationId: string) => `${organizationPath(organizationId)}/member-kinds`,
  /** Everyone engaged in the work on `date`; members and non-member workers alike. */
  workers: (organizationId: string, date: string) => withQuery(`${organizationPath(organizationId)}/workers`, { date }),
};

export const memberApi = {
  register: (organizationId: string, input: NewMemberInput) =>
    api.post<{ person: Person; membership: Membership }>(`${organizationPath(organizationId)}/members`, input),
  recordEvent: (membershipId: string, event: MembershipEventInput) =>
    api.post<Membership>(`${memberPaths.one(membershipId)}/events`, event),
  updatePerson: (membershipId: string, patch: PersonPatch) => api.patch<Person>(`${memberPaths.one(membershipId)}/person`, patch),
  recordEngagement: (organizationId: string, personId: string, engagement: EngagementInput) =>
    api.post<Engagement>(`${organizationPath(organizationId)}/engagements`, { personId, engagement }),
  defineKind: (organizationId: string, input: NewMemberKindInput) => api.post<MemberKindOption>(memberPaths.kinds(organizationId), input),
  registerNonMemberWorker: (organizationId: string, person: PersonInput, engagement: EngagementInput) =>
    api.post<Engagement>(`${organizationPath(organizationId)}/non-member-workers`, { person, engagement }),
};

/** 山田 花子: family name first, as Japanese names are written. */
export function personName(person: { familyName: string; givenName: string }): string {
  return `${person.familyName} ${person.givenName}`;
}

/** ヤマダ ハナコ */
export function personKana(person: { familyKana: string; givenKana: string }): string {
  return `${person.familyKana} ${person.givenKana}`;
}
