import { api } from '../../api';

// Casework (個別支援): the participants (支援対象者) of commissioned programmes as the server describes them. Their
// records are read only by the staff with a case assignment at their office; every read is logged on the server.

// The vocabularies are the server's own domain module, so page and server can never disagree.
export {
  activityKinds as ACTIVITY_KINDS,
  ageBands as AGE_BANDS,
  caseRoles as CASE_ROLES,
  consentMethods as CONSENT_METHODS,
  consentPurposes as CONSENT_PURPOSES,
  followUpMonths as FOLLOW_UP_MONTHS,
  followUpStatuses as FOLLOW_UP_STATUSES,
  outcomeKinds as OUTCOME_KINDS,
  participantStatuses as PARTICIPANT_STATUSES,
  placementKinds as PLACEMENT_KINDS,
  type ActivityKind,
  type AgeBand,
  type CaseRole,
  type ConsentMethod,
  type ConsentPurpose,
  type FollowUpStatus,
  type OutcomeKind,
  type ParticipantStatus,
} from '../../../../src/domain/programmes/participant';
import type {
  ActivityKind,
  AgeBand,
  CaseRole,
  ConsentMethod,
  ConsentPurpose,
  FollowUpStatus,
  OutcomeKind,
  ParticipantStatus,
} from '../../../../src/domain/programmes/participant';

/** An office where the signed-in user works cases, and as what. */
export interface CaseSite {
  siteId: string;
  siteNameJa: string;
  organizationId: string;
  caseRole: CaseRole;
}

/** A user assigned to work cases at an office. */
export interface CaseAssignment {
  userId: string;
  displayName: string;
  email: string;
  siteId: string;
  siteNameJa: string;
  caseRole: CaseRole;
}

export interface ParticipantSummary {
  id: string;
  /** The number the office calls the record by, e.g. P-2026-0001: all that stays once the record is erased. */
  reference: string;
  organizationId: string;
  siteId: string;
  contractId: string;
  intakeOn: string;
  ageBand: AgeBand;
  status: ParticipantStatus;
  closedOn: string | null;
  familyName: string | null;
  givenName: string | null;
  familyNameKana: string | null;
  givenNameKana: string | null;
  personId: string | null;
  latestOutcome: { kind: OutcomeKind; on: string } | null;
  nextFollowUpOn: string | null;
  version: number;
}

/** Who the participant is (sealed at rest on the server). */
export interface Identity {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  postalCode: string | null;
  address: string | null;
}

export interface Consent {
  id: string;
  purpose: ConsentPurpose;
  method: ConsentMethod;
  givenOn: string;
  withdrawnOn: string | null;
}

export interface SupportPlan {
  id: string;
  startsOn: string;
  reviewOn: string | null;
  goals: string | null;
}

export interface Activity {
  id: string;
  kind: ActivityKind;
  on: string;
  minutes: number | null;
  note: string | null;
}

export interface Outcome {
  id: string;
  kind: OutcomeKind;
  on: string;
  coopOrganizationId: string | null;
  note: string | null;
}

export interface FollowUp {
  id: string;
  outcomeId: string;
  months: number;
  dueOn: string;
  doneOn: string | null;
  status: FollowUpStatus;
  note: string | null;
}

export interface Participant extends ParticipantSummary {
  identity: Identity | null;
  /** The participant's circumstances: special-care personal information (要配慮個人情報). */
  circumstances: string | null;
  consents: Consent[];
  plans: SupportPlan[];
  activities: Activity[];
  outcomes: Outcome[];
  followUps: FollowUp[];
  erasedAt: string | null;
  erasureReason: string | null;
  /** The day the contract's retention ends and the record is erased. */
  erasureOn: string;
}

/** One read or change of the office's records; `list` (no participant) is a look at the office's list. */
export interface ParticipantRead {
  at: string;
  actorEmail: string | null;
  participantId: string | null;
  reference: string | null;
  action: string;
}

export interface ConsentInput {
  purpose: ConsentPurpose;
  method: ConsentMethod;
  givenOn: string;
}

export interface IntakeInput {
  contractId: string;
  intakeOn: string;
  ageBand: AgeBand;
  identity: Identity;
  circumstances: string | null;
  consents: ConsentInput[];
}

export interface ParticipantUpdate {
  version: number;
  ageBand: AgeBand;
  identity: Identity;
  circumstances: string | null;
}

/** The list filter of the server: a status, or every record. */
export type StatusFilter = ParticipantStatus | 'all';

const site = (siteId: string) => `/sites/${encodeURIComponent(siteId)}`;
const one = (id: string) => `/participants/${encodeURIComponent(id)}`;

export const caseworkPaths = {
  mySites: '/me/case-sites',
  participants: (siteId: string, status: StatusFilter) => `${site(siteId)}/participants?status=${status}`,
  participant: one,
  /** The whole record as a JSON file, to hand to the participant. */
  export: (id: string) => `${one(id)}/export`,
  reads: (siteId: string) => `${site(siteId)}/participant-reads?limit=100`,
  assignments: (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}/case-assignments`,
  contracts: (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}/contracts`,
};

export const caseworkApi = {
  intake: (siteId: string, input: IntakeInput) => api.post<Participant>(`${site(siteId)}/participants`, input),
  update: (id: string, input: ParticipantUpdate) => api.put<Participant>(one(id), input),
  addConsent: (id: string, input: ConsentInput) => api.post<Participant>(`${one(id)}/consents`, input),
  withdrawConsent: (id: string, consentId: string, withdrawnOn: string) =>
    api.post<Participant>(`${one(id)}/consents/${encodeURIComponent(consentId)}/withdraw`, { withdrawnOn }),
  addPlan: (id: string, input: { startsOn: string; reviewOn: string | null; goals: string }) => api.post<Participant>(`${one(id)}/plans`, input),
  addActivity: (id: string, input: Omit<Activity, 'id'>) => api.post<Participant>(`${one(id)}/activities`, input),
  addOutcome: (id: string, input: Omit<Outcome, 'id'>) => api.post<Participant>(`${one(id)}/outcomes`, input),
  recordFollowUp: (id: string, followUpId: string, input: { doneOn: string; status: FollowUpStatus; note: string | null }) =>
    api.put<Participant>(`${one(id)}/follow-ups/${encodeURIComponent(followUpId)}`, input),
  linkPerson: (id: string, personId: string) => api.put<Participant>(`${one(id)}/person`, { personId }),
  unlinkPerson: (id: string) => api.delete(`${one(id)}/person`),
  close: (id: string, closedOn: string) => api.post<Participant>(`${one(id)}/close`, { closedOn }),
  erase: (id: string, reference: string) => api.post<Participant>(`${one(id)}/erase`, { confirm: reference }),
  assign: (siteId: string, userId: string, caseRole: CaseRole) =>
    api.put<CaseAssignment>(`${site(siteId)}/case-assignments/${encodeURIComponent(userId)}`, { caseRole }),
  unassign: (siteId: string, userId: string) => api.delete(`${site(siteId)}/case-assignments/${encodeURIComponent(userId)}`),
};

/** A commissioned contract (委託契約) as intake offers it: the programme, its period and the offices that run it. */
export interface CaseContract {
  id: string;
  programmeJa: string;
  programmeEn: string | null;
  periodFrom: string;
  periodUntil: string;
  siteIds: string[];
}
