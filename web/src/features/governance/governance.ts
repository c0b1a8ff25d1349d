import { api, withQuery } from '../../api';
import type { Locale } from '../../i18n';

// Assemblies and ballots (総会・議決) as the server describes them. The vocabularies are the server's own domain
// modules, so the pages and the server can never disagree.

export {
  attendanceModes as ATTENDANCE_MODES,
  bodyKinds as BODY_KINDS,
  electionMethods as ELECTION_METHODS,
  meetingStatuses as MEETING_STATUSES,
  motionChoices as MOTION_CHOICES,
  motionKinds as MOTION_KINDS,
  offices as OFFICES,
  seatRoles as SEAT_ROLES,
  voteChannels as VOTE_CHANNELS,
  votingModes as VOTING_MODES,
  type AttendanceMode,
  type BodyKind,
  type ElectionMethod,
  type MeetingStatus,
  type MotionChoice,
  type MotionKind,
  type Office,
  type SeatRole,
  type VoteChannel,
  type VotingMode,
} from '../../../../src/domain/governance/vocabulary';
export { bylawSettingNames as BYLAW_SETTING_NAMES, type BylawSettings, type SettingName, type SettingSource } from '../../../../src/domain/governance/bylaws';
export type { Fraction, ResolutionRules, VoteCount } from '../../../../src/domain/governance/resolutions';
export type { Meeting } from '../../../../src/domain/governance/views';
import type {
  AttendanceMode,
  BodyKind,
  ElectionMethod,
  MotionChoice,
  MotionKind,
  Office,
  SeatRole,
  VoteChannel,
  VotingMode,
} from '../../../../src/domain/governance/vocabulary';
import type { BylawSettings, SettingName, SettingSource } from '../../../../src/domain/governance/bylaws';
import type { ApprovalResult } from '../../../../src/domain/governance/elections';
import type { ResolutionRules, VoteCount } from '../../../../src/domain/governance/resolutions';
import type { BylawVersion, Candidate as MotionCandidate, Meeting, Motion as ServerMotion } from '../../../../src/domain/governance/views';

/** 総会 · 総代会 · 理事会 · 連合会総会, with the number of seats held today. */
export interface Body {
  id: string;
  kind: BodyKind;
  nameJa: string;
  nameEn: string | null;
  seatsFilled: number;
}

export interface Bodies {
  /** Members today. */
  members: number;
  /** Whether a delegate assembly (総代会) may replace the general assembly: above the law profile's member count. */
  delegateAssemblyAllowed: boolean;
  /** Delegates such an assembly needs: a tenth of the members, or 100 above 1,000. */
  delegatesNeeded: number;
  items: Body[];
}

export interface Seat {
  id: string;
  bodyId: string;
  personId: string;
  membershipId: string | null;
  constituency: string | null;
  role: SeatRole;
  termFrom: string;
  termUntil: string | null;
  electedByMotionId: string | null;
  name: string;
}

export interface NewSeat {
  membershipId: string;
  role: SeatRole;
  constituency: string | null;
  termFrom: string;
  termUntil: string | null;
}

export type { BylawVersion };

export interface NewBylawVersion {
  title: string;
  text: string;
  settings: BylawSettings;
  /** Only for the founding bylaws (version 1): in force from this date. */
  foundingEffectiveFrom?: string;
}

export interface SettingInForce {
  value: unknown;
  source: SettingSource;
}

export interface SettingsInForce {
  date: string;
  settings: Record<SettingName, SettingInForce>;
}

/** What drafting a meeting sends: the meeting's own fields, every one stated. */
export type NewMeeting = Pick<
  Meeting,
  'bodyKind' | 'title' | 'startsAt' | 'endsAt' | 'place' | 'onlineUrl' | 'recordDate' | 'votingDeadline' | 'writtenVoting' | 'electronicVoting' | 'proxyAllowed'
>;

/** What a change of a meeting may carry: any field but its body before the notice; afterwards the chair, the minutes' signers and the online address. */
export type MeetingChanges = Partial<Omit<NewMeeting, 'bodyKind'>> & { chairPersonId?: string | null; minutesSigners?: string[] };

/** A candidate as the pages read them: without their place on the ballot. */
export type Candidate = Pick<MotionCandidate, 'id' | 'personId' | 'name' | 'statement'>;

/** The tie at the last seat of an approval election, settled by a lot anyone can replay. */
export type ApprovalTie = NonNullable<ApprovalResult['tie']>;

export interface ElectionOutcome {
  method: ElectionMethod;
  rule: 'approval_most_votes' | 'stv_quota';
  seats: number;
  ballots: number;
  invalid: number;
  elected: string[];
  quota: number | string | null;
  approval: ApprovalResult | null;
  stv: unknown;
}

export type ResultOutcome = 'adopted' | 'rejected' | 'no_quorum' | 'tie_for_chair' | 'elected';
export type ResultRule = 'quorum_not_met' | 'majority_of_present' | 'two_thirds_of_present' | 'tie_chair_decides' | 'tie_rejected' | 'approval_most_votes' | 'stv_quota';

/** A motion's result, with the rule that decided it and the figures it compared. */
export interface MotionResult {
  outcome: ResultOutcome;
  rule: ResultRule;
  needed: number;
  got: number;
  attendance: { eligible: number; present: number };
  ballots?: number;
  paperBallots?: number;
  counts: VoteCount | null;
  rules?: ResolutionRules;
  election: ElectionOutcome | null;
  elected: string[] | null;
}

/** A motion as the pages read them: its result typed, without its meeting and times. */
export interface Motion extends Omit<ServerMotion, 'meetingId' | 'result' | 'openedAt' | 'closedAt' | 'candidates'> {
  result: MotionResult | null;
  candidates: Candidate[];
}

export interface NewMotion {
  kind: MotionKind;
  title: string;
  body: string | null;
  amendsMotionId: string | null;
  electionMethod: ElectionMethod | null;
  office: Office | null;
  seats: number | null;
  bylawVersionId: string | null;
  candidates: { membershipId: string }[];
}

export interface MeetingDocument {
  id: string;
  fileName: string;
  contentType?: string;
  size?: number;
  uploadedAt?: string;
}

export interface Notice {
  noticeDate: string;
  inTime: boolean;
  recipients: number;
  sent: number;
  withoutEmail: number;
  failures: { email: string; reason: string }[];
  sentAt: string;
}

export interface NoticeCheck {
  inTime: boolean;
  latestNoticeDate: string;
  daysGiven: number;
}

export interface MeetingDetail {
  meeting: Meeting;
  motions: Motion[];
  documents: MeetingDocument[];
  notices: Notice[];
  electorate: number;
  noticeCheck: NoticeCheck;
  settings: Partial<Record<SettingName, SettingInForce>>;
}

export interface ConveneInput {
  noticeDate: string;
  sendEmail: boolean;
  locale: Locale;
}

export interface Convened {
  meeting: Meeting;
  electorate: number;
  noticeCheck: NoticeCheck;
  warnings: { code: string; message: string }[];
  email: { recipients: number; withoutEmail: number; sending: boolean };
}

/** A choice on a ballot: for, against or abstain; the approved candidates; or a ranking (STV). */
export type BallotChoice = MotionChoice | string[];

export interface Presence {
  eligible: number;
  inPerson: number;
  online: number;
  votedBeforehand: number;
  byProxy: number;
  present: number;
}

export interface LiveMotion {
  id: string;
  position: number;
  amendsMotionId: string | null;
  kind: MotionKind;
  title: string;
  status: 'draft' | 'open' | 'closed';
  voting: VotingMode;
  electionMethod: ElectionMethod | null;
  seats: number | null;
  candidates: { id: string; name: string }[];
  ballotsCast: number;
  paperBallots: number;
  result: MotionResult | null;
  chairDecision: 'adopted' | 'rejected' | null;
}

export interface Live {
  meeting: Pick<Meeting, 'id' | 'title' | 'status' | 'startsAt' | 'place' | 'bodyKind'>;
  presence: Presence;
  motions: LiveMotion[];
}

export interface ParticipationRow {
  personId: string;
  memberNumber: string | null;
  name: string;
  motionsVoted: number;
  channels: VoteChannel[];
  proxyHolderPersonId: string | null;
  proxiesHeld: number;
  attendance: AttendanceMode | 'left' | null;
}

export interface Participation {
  total: number;
  summary: Partial<Record<VoteChannel, number>> & { proxiesAppointed: number };
  items: ParticipationRow[];
}

/** A voter of a meeting, as the voter search finds them. */
export interface Voter {
  personId: string;
  memberNumber: string | null;
  name: string;
}

export interface MyMotion {
  id: string;
  position: number;
  amendsMotionId: string | null;
  kind: MotionKind;
  title: string;
  body: string | null;
  status: 'draft' | 'open' | 'closed';
  voting: VotingMode;
  electionMethod: ElectionMethod | null;
  seats: number | null;
  candidates: Candidate[];
  result: MotionResult | null;
  chairDecision: 'adopted' | 'rejected' | null;
  /** Whether the member has voted on it (never how). */
  voted: boolean;
  /** The members whose proxy they hold who have voted on it. */
  votedFor: string[];
}

export interface MyMeeting {
  meeting: Meeting;
  documents: { id: string; fileName: string }[];
  proxy: { holderPersonId: string; name: string } | null;
  proxiesHeld: { personId: string; name: string }[];
  motions: MyMotion[];
}

export type TellerCounts = Record<string, number>;

const organizationPath = (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}`;
const meetingPath = (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}`;
const motionPath = (motionId: string) => `/motions/${encodeURIComponent(motionId)}`;

export const governancePaths = {
  bodies: (organizationId: string) => `${organizationPath(organizationId)}/bodies`,
  seats: (bodyId: string) => `/bodies/${encodeURIComponent(bodyId)}/seats`,
  bylaws: (organizationId: string) => `${organizationPath(organizationId)}/bylaws`,
  settings: (organizationId: string, date: string) => withQuery(`${organizationPath(organizationId)}/bylaws/settings`, { date }),
  meetings: (organizationId: string) => `${organizationPath(organizationId)}/meetings`,
  meeting: meetingPath,
  live: (meetingId: string) => `${meetingPath(meetingId)}/live`,
  participation: (meetingId: string, page: number, pageSize: number, q: string) =>
    withQuery(`${meetingPath(meetingId)}/participation`, { page: String(page), pageSize: String(pageSize), q: q.trim() }),
  voters: (meetingId: string, q: string) => withQuery(`${meetingPath(meetingId)}/voters`, { q: q.trim() }),
  document: (documentId: string) => `/meeting-documents/${encodeURIComponent(documentId)}`,
  noticePdf: (meetingId: string, locale: Locale) => withQuery(`${meetingPath(meetingId)}/notice.pdf`, { locale }),
  invitation: (meetingId: string) => `${meetingPath(meetingId)}/invitation.ics`,
  minutesPdf: (meetingId: string, locale: Locale) => withQuery(`${meetingPath(meetingId)}/minutes.pdf`, { locale }),
  tally: (motionId: string) => `${motionPath(motionId)}/tally`,
  receipt: (motionId: string, receipt: string) => `${motionPath(motionId)}/receipts/${encodeURIComponent(receipt.trim().toUpperCase())}`,
  myMeetings: '/my/meetings',
};

/** The app's own pages of a meeting. */
export const meetingPages = {
  meeting: (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}`,
  projector: (meetingId: string) => `/meetings/${encodeURIComponent(meetingId)}/projector`,
};

export const governanceApi = {
  establishBody: (organizationId: string, kind: BodyKind) => api.post<Body>(governancePaths.bodies(organizationId), { kind }),
  addSeat: (bodyId: string, seat: NewSeat) => api.post<Seat>(governancePaths.seats(bodyId), seat),
  recordBylaws: (organizationId: string, input: NewBylawVersion) => api.post<BylawVersion>(governancePaths.bylaws(organizationId), input),
  createMeeting: (organizationId: string, input: NewMeeting) => api.post<Meeting>(governancePaths.meetings(organizationId), input),
  addMotion: (meetingId: string, input: NewMotion) => api.post<Motion>(`${meetingPath(meetingId)}/motions`, input),
  convene: (meetingId: string, input: ConveneInput) => api.post<Convened>(`${meetingPath(meetingId)}/convene`, input),
  vote: (motionId: string, choice: BallotChoice, forPersonId: string | null) =>
    api.post<{ receipt: string }>(`${motionPath(motionId)}/ballots`, forPersonId ? { choice, forPersonId } : { choice }),
  writtenVote: (motionId: string, personId: string, choice: BallotChoice) => api.post<{ receipt: string }>(`${motionPath(motionId)}/written-ballots`, { personId, choice }),
  checkReceipt: (motionId: string, receipt: string) => api.get<{ receipt: string; choice: string }>(governancePaths.receipt(motionId, receipt)),
  appointProxy: (meetingId: string, holderPersonId: string, grantorPersonId: string | null) =>
    api.post<unknown>(`${meetingPath(meetingId)}/proxies`, grantorPersonId ? { grantorPersonId, holderPersonId } : { holderPersonId }),
  revokeProxy: (meetingId: string, grantorPersonId: string | null) => api.delete(withQuery(`${meetingPath(meetingId)}/proxies`, { grantorPersonId })),
  openSession: (meetingId: string, chairPersonId: string | null) => api.post<Presence>(`${meetingPath(meetingId)}/session`, chairPersonId ? { chairPersonId } : {}),
  checkIn: (meetingId: string, personId: string, mode: AttendanceMode) => api.post<Presence>(`${meetingPath(meetingId)}/attendance`, { personId, mode }),
  checkOut: (meetingId: string, personId: string) => api.delete(`${meetingPath(meetingId)}/attendance/${encodeURIComponent(personId)}`),
  tellerCount: (motionId: string, counts: TellerCounts) => api.post<{ id: string; ballots: number }>(`${motionPath(motionId)}/teller-counts`, { counts }),
  closeMotion: (motionId: string, chairDecision: 'adopted' | 'rejected' | null) =>
    api.post<MotionResult & { chairDecision: 'adopted' | 'rejected' | null }>(`${motionPath(motionId)}/close`, chairDecision ? { chairDecision } : {}),
  closeMeeting: (meetingId: string) => api.postNoContent(`${meetingPath(meetingId)}/close`),
  /** Before the notice anything; afterwards the chair, the minutes' signers and the online address. */
  updateMeeting: (meetingId: string, version: number, patch: MeetingChanges) =>
    api.patch<Meeting>(meetingPath(meetingId), { version, ...patch }),
};

/** The value as one of a vocabulary's codes (a select's value), or undefined when it is none of them. */
export function oneOf<T extends string>(codes: readonly T[], value: string): T | undefined {
  return codes.find((code) => code === value);
}
