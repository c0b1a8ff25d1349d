import type { BylawSettings } from './bylaws.js';
import type { BodyKind, ElectionMethod, MeetingStatus, MotionKind, Office, VotingMode } from './vocabulary.js';

// Meetings and their motions as the API shows them: one definition for the server and the web app. Types only
// (no Node, no database), so the web bundle can read it.

/**
 * A meeting of a body: convened with an agenda of motions (amendments and elections among them), a record date
 * that fixes the electorate, the voting methods the bylaws allow, and the notice.
 */
export interface Meeting {
  id: string;
  organizationId: string;
  bodyId: string;
  bodyKind: BodyKind;
  title: string;
  /** UTC; shown and entered in Japan time. */
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  onlineUrl: string | null;
  recordDate: string;
  votingDeadline: string | null;
  writtenVoting: boolean;
  electronicVoting: boolean;
  proxyAllowed: boolean;
  status: MeetingStatus;
  noticeDate: string | null;
  chairPersonId: string | null;
  minutesSigners: string[];
  openedAt: string | null;
  closedAt: string | null;
  version: number;
}

export interface Candidate {
  id: string;
  personId: string;
  name: string;
  statement: string | null;
  position: number;
}

export interface Motion {
  id: string;
  meetingId: string;
  position: number;
  amendsMotionId: string | null;
  kind: MotionKind;
  title: string;
  body: string | null;
  voting: VotingMode;
  electionMethod: ElectionMethod | null;
  office: Office | null;
  seats: number | null;
  bylawVersionId: string | null;
  status: 'draft' | 'open' | 'closed';
  /** The result as stored when it was counted; null while there is none. */
  result: unknown;
  chairDecision: 'adopted' | 'rejected' | null;
  openedAt: string | null;
  closedAt: string | null;
  candidates: Candidate[];
}

/** One version of the bylaws (定款): proposed, then in force through the special resolution that adopted it (the founding
 * bylaws are recorded once as version 1), or rejected. */
export interface BylawVersion {
  id: string;
  organizationId: string;
  versionNo: number;
  title: string;
  text: string;
  settings: BylawSettings;
  status: 'proposed' | 'in_force' | 'rejected';
  founding: boolean;
  effectiveFrom: string | null;
  adoptedByMotionId: string | null;
  createdAt: string;
  recordedBy: string | null;
}
