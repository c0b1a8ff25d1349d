import { api, postFileForFile, withQuery } from '../../api';
import type { Locale } from '../../i18n';
import type { SessionPayload } from '../session/me';

// The member portal (マイページ) as the server describes it: GET /me/portal and the member's own changes; the code
// sign-in of a letter; the clerk's invitations and the change requests they confirm.

export interface PortalMember {
  personId: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  email: string | null;
  phone: string | null;
  postalCode: string | null;
  prefectureCode: string | null;
  address: string | null;
  locale: Locale;
}

export interface PortalMembership {
  id: string;
  kind: string;
  memberNumber: string;
  status: string;
  appliedOn: string | null;
  admittedOn: string | null;
  endedOn: string | null;
  events: { event: string; on: string; reason: string | null }[];
}

export interface PortalCapital {
  sharesHeld: number;
  amountSubscribed: number;
  amountPaid: number;
  unpaid: number;
  /** Refunds owed after leaving, not yet paid out. */
  refundPayable?: number;
  payments: { on: string; amount: number; kind: string }[];
  certificateUrl: string | null;
}

export interface WorkMonth {
  /** YYYY-MM */
  month: string;
  /** Approved hours. */
  hours: number;
  days: number;
  /** Hours entered but not yet approved. */
  pendingHours?: number;
}

export interface PortalDividend {
  closingId: string;
  fiscalYear: number;
  amount: number;
  /** Tax withheld and the sum paid, when the server gives them. */
  withheld?: number;
  payment?: number;
  statementUrl: string | null;
}

export interface PortalMeeting {
  id: string;
  title: string;
  bodyKind?: string;
  status?: string;
  startsAt: string;
  place: string | null;
  online: boolean;
  votingDeadline?: string | null;
  proxyAllowed?: boolean;
  noticeUrl: string | null;
  documents: { id: string; fileName: string; url: string }[];
  openMotions: { id: string; title: string; voted: boolean }[];
  proxy: { holderName: string } | null;
}

export interface PortalReceiptMotion {
  motionId: string;
  meetingId?: string;
  motionTitle: string;
  closed: boolean;
  /** Whether the member voted on it (never how). */
  voted?: boolean;
  tallyUrl: string | null;
}

export interface PortalConsent {
  id?: string;
  programme: { ja: string; en: string | null } | string;
  purpose: string;
  givenOn: string;
  withdrawnOn: string | null;
}

/** Fields a member asks a clerk to change (name and address). */
export interface RequestedChanges {
  familyName?: string;
  givenName?: string;
  familyKana?: string;
  givenKana?: string;
  /** null clears it. */
  postalCode?: string | null;
  prefectureCode?: string | null;
  address?: string | null;
}

export type ChangeRequestStatus = 'pending' | 'confirmed' | 'rejected' | 'withdrawn';

export interface PendingChange {
  id: string;
  changes: RequestedChanges;
  createdAt: string;
  status: ChangeRequestStatus;
}

export interface Portal {
  member: PortalMember;
  organization: { id: string; nameJa: string; nameEn: string | null };
  memberships: PortalMembership[];
  capital: PortalCapital | null;
  work: { months: WorkMonth[] };
  dividends: PortalDividend[];
  meetings: PortalMeeting[];
  receipts: PortalReceiptMotion[];
  consents: PortalConsent[];
  proxies: { given: { meetingId: string; holderName: string }[]; held: { meetingId: string; grantorName: string }[] };
  delegate: { seats?: { bodyNameJa: string; bodyNameEn: string | null; constituency: string | null }[]; represented: string[] } | null;
  pendingChanges: PendingChange[];
}

/** E-mail and phone: null clears them. */
export interface ContactChanges {
  email?: string | null;
  phone?: string | null;
}

export interface CodeSignIn extends SessionPayload {
  mustSetPassword: boolean;
}

export type InvitationChannel = 'auto' | 'email' | 'letter';
export type InvitationLanguage = 'member' | 'ja' | 'en';

export interface InvitationRequest {
  membershipIds?: string[];
  kinds?: string[];
  channel: InvitationChannel;
  language: InvitationLanguage;
}

export type { InvitationBatch } from '../../../../src/domain/portal/views';

/** A change request as the clerk sees it. */
export interface ChangeRequest {
  id: string;
  personId: string;
  membershipId: string | null;
  memberNumber: string | null;
  changes: RequestedChanges;
  /** What the registry holds now, shown beside the request. */
  current: { familyName: string; givenName: string; familyKana: string; givenKana: string; postalCode: string | null; prefectureCode: string | null; address: string | null };
  status: ChangeRequestStatus;
  createdAt: string;
  decidedAt: string | null;
  reason: string | null;
}

const organizationPath = (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}`;

export const portalPaths = {
  portal: '/me/portal',
  batch: (batchId: string) => `/invitation-batches/${encodeURIComponent(batchId)}`,
  letters: (batchId: string) => `/invitation-batches/${encodeURIComponent(batchId)}/letters.pdf`,
  changeRequests: (organizationId: string, status: ChangeRequestStatus | null) =>
    withQuery(`${organizationPath(organizationId)}/change-requests`, { status }),
};

/** The app's own pages of the portal. */
export const portalPages = {
  home: '/my',
  settings: '/my/settings',
  codeSignIn: '/sign-in/code',
  setPassword: '/set-password',
  invitations: '/invitations',
  changeRequests: '/change-requests',
  voting: '/voting',
};

export const portalApi = {
  codeSignIn: (code: string) => api.post<CodeSignIn>('/auth/code-sign-in', { code }),
  /** The first password, in the session a one-time code opened (204: no body to read, hence the SyntaxError let pass). */
  setPassword: async (newPassword: string) => {
    try {
      await api.put<unknown>('/me/password', { newPassword });
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
    }
  },
  /** A new sign-in letter for one member, as a PDF; the member's older codes stop working. */
  reprintLetter: (membershipId: string) =>
    postFileForFile(`/memberships/${encodeURIComponent(membershipId)}/invitations/letter`, new Blob(['{}']), 'application/json'),
  changeContact: (changes: ContactChanges) => api.patch<unknown>('/me/contact', changes),
  requestChange: (changes: RequestedChanges) => api.post<PendingChange>('/me/change-requests', changes),
  withdrawChange: (id: string) => api.delete(`/me/change-requests/${encodeURIComponent(id)}`),
  revokeProxy: (meetingId: string) => api.delete(`/meetings/${encodeURIComponent(meetingId)}/proxies`),
  invite: (organizationId: string, request: InvitationRequest) => api.post<{ batchId: string }>(`${organizationPath(organizationId)}/invitations`, request),
  confirmChange: (id: string) => api.post<unknown>(`/change-requests/${encodeURIComponent(id)}/confirm`),
  rejectChange: (id: string, reason: string) => api.post<unknown>(`/change-requests/${encodeURIComponent(id)}/reject`, { reason }),
};
