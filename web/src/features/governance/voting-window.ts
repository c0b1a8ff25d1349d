import type { Meeting } from './governance';

/**
 * Whether a meeting takes electronic votes now: during the session (from those taking part online), or once convened
 * until the deadline for votes before the meeting, when it has one.
 */
export function takesElectronicVotes(meeting: Pick<Meeting, 'electronicVoting' | 'status' | 'votingDeadline'>, now = new Date()): boolean {
  if (!meeting.electronicVoting) return false;
  if (meeting.status === 'in_session') return true;
  return meeting.status === 'convened' && (meeting.votingDeadline === null || now.getTime() <= Date.parse(meeting.votingDeadline));
}
