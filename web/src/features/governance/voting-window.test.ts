import { describe, expect, it } from 'vitest';
import { takesElectronicVotes } from './voting-window';

const now = new Date('2026-06-19T08:59:59.500Z');

describe('when electronic votes are taken', () => {
  it('from the notice until the deadline, to the second, and throughout the session', () => {
    const convened = { electronicVoting: true, status: 'convened' as const, votingDeadline: '2026-06-19T09:00:00Z' };
    expect(takesElectronicVotes(convened, now)).toBe(true);
    expect(takesElectronicVotes(convened, new Date('2026-06-19T09:00:00.001Z'))).toBe(false);
    expect(takesElectronicVotes({ ...convened, votingDeadline: null }, now)).toBe(true);
    expect(takesElectronicVotes({ ...convened, status: 'in_session', votingDeadline: '2026-01-01T00:00:00Z' }, now)).toBe(true);
  });

  it('never where the meeting does not take them, nor before the notice or after the close', () => {
    expect(takesElectronicVotes({ electronicVoting: false, status: 'in_session', votingDeadline: null }, now)).toBe(false);
    expect(takesElectronicVotes({ electronicVoting: true, status: 'draft', votingDeadline: null }, now)).toBe(false);
    expect(takesElectronicVotes({ electronicVoting: true, status: 'closed', votingDeadline: null }, now)).toBe(false);
  });
});
