import { api } from '../../api';

// The membership registry (組合員名簿) as the server describes it.

export const MEMBERSHIP_STATUSES = [
  'applied', // 加入申込中
  'admitted', // 組合員
  'withdrawal_notified', // 脱退予告中 — still a member until the withdrawal takes effect
  'withdrawn', // 脱退
  'expelled', // 除名
  'deceased', // 死亡
  'rejected', // 加入不承諾
] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

export const MEMBERSHIP_EVENT_TYPES = [
  'apply',
  'admit',
  'reject',
  'notify_withdrawal',
  'revoke_withdrawal_notice',
  'withdraw',
  'expel',
  'die',
] as const;
export type MembershipEventType = (typeof MEMBERSHIP_EVENT_TYPES)[number];

/** The built-in kinds; an organization may use other codes, which are shown as they are. */
export const MEMBER_KINDS = ['worker', 'user'] as const;

/** Who may work without a labour contract under the Worker Cooperatives Act. */
export const EXEMPTIONS = ['representative-director', 'full-time-director', 'auditor'] as const;
export type Exemption = (typeof EXEMPTIONS)[number];

export interface MemberListItem {
  membershipId: string;
  organizationId: string;
  personId: string;
  memberNumber: string;
  kind: string;
  status: MembershipStatus;
  admittedOn: string | null;
  endedOn: string | null;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
}

export interface MemberPage {
  items: MemberListItem[];
  total: number;
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

export interface PersonInput {
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  prefectureCode: string | null;
  address: string | null;
}

export interface Person extends PersonInput {
  id: string;
  version: number;
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
  person: PersonInput;
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
};

export const memberApi = {
  register: (organizationId: string, input: NewMemberInput) =>
    api.post<{ person: Person; membership: Membership }>(`${organizationPath(organizationId)}/members`, input),
  recordEvent: (membershipId: string, event: MembershipEventInput) =>
    api.post<Membership>(`${memberPaths.one(membershipId)}/events`, event),
  recordEngagement: (organizationId: string, personId: string, engagement: EngagementInput) =>
    api.post<Engagement>(`${organizationPath(organizationId)}/engagements`, { personId, engagement }),
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
