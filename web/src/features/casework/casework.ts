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
  type Activity,
  type CaseAssignment,
  type CaseSite,
  type Consent,
  type FollowUp,
  type Identity,
  type Outcome,
  type Participant,
  type ParticipantRead,
  type ParticipantSummary,
  type SupportPlan,
  type ConsentFields as ConsentInput,
  type IntakeFields as IntakeInput,
} from '../../../../src/domain/programmes/participant';
import type {
  Activity,
  AgeBand,
  CaseAssignment,
  CaseRole,
  FollowUpStatus,
  Outcome,
  ParticipantStatus,
  Identity,
  Participant,
  ConsentFields as ConsentInput,
  IntakeFields as IntakeInput,
} from '../../../../src/domain/programmes/participant';

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
