// The member portal's invitations as the API shows them: one definition for the server and the web app. Types only
// (no Node, no database), so the web bundle can read it.

/** A batch of sign-in invitations (e-mails and printed letters) and how far it has got. */
export interface InvitationBatch {
  id: string;
  organizationId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  total: number;
  done: number;
  emailed: number;
  lettered: number;
  lettersReady: boolean;
  lettersExpireAt: string | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
