import { describe, expect, it } from 'vitest';
import type { SeatRole } from '../governance/vocabulary.js';
import { officerChecks, officersOn, officerShortfalls, type OfficerSeat } from './officers.js';

const seat = (role: SeatRole, termFrom: string, termUntil: string | null): OfficerSeat => ({ role, termFrom, termUntil });

/** Three directors (one representative) until the June 2027 assembly, and an auditor until 2028. */
const board: OfficerSeat[] = [
  seat('representative_director', '2025-06-20', '2027-06-19'),
  seat('director', '2025-06-20', '2027-06-19'),
  seat('director', '2025-06-20', '2027-06-19'),
  seat('auditor', '2024-06-20', '2028-06-19'),
];

describe('officers on a date', () => {
  it('count directors with the representative director, and auditors, within their terms (last day included)', () => {
    expect(officersOn(board, '2027-06-19')).toEqual({ directors: 3, auditors: 1, memberAuditCouncil: false });
    expect(officersOn(board, '2027-06-20')).toEqual({ directors: 0, auditors: 1, memberAuditCouncil: false });
    expect(officersOn(board, '2025-06-19')).toEqual({ directors: 0, auditors: 1, memberAuditCouncil: false });
  });

  it('take a member audit council for the auditor with 20 members or fewer, and say so', () => {
    const council = [...board.slice(0, 3), seat('council_member', '2025-06-20', null)];
    const officers = officersOn(council, '2026-01-01');
    expect(officerChecks(officers, 20)).toEqual({ directors: true, auditors: true, auditorNote: 'member_audit_council' });
    expect(officerChecks(officers, 21)).toEqual({ directors: true, auditors: false, auditorNote: 'member_audit_council_not_allowed' });
    expect(officerChecks(officersOn(board, '2026-01-01'), 300)).toEqual({ directors: true, auditors: true, auditorNote: null });
    expect(officerChecks({ directors: 2, auditors: 0, memberAuditCouncil: false }, 5)).toEqual({ directors: false, auditors: false, auditorNote: null });
  });
});

describe('when the board falls short', () => {
  it('is the day after the directors\' terms end, unless successors are seated', () => {
    expect(officerShortfalls(board, 40, '2026-11-27', '2027-11-27')).toEqual({ directors: '2027-06-20', auditors: null });
    const reelected = [...board, seat('director', '2027-06-20', '2029-06-19'), seat('director', '2027-06-20', '2029-06-19'), seat('representative_director', '2027-06-20', '2029-06-19')];
    expect(officerShortfalls(reelected, 40, '2026-11-27', '2027-11-27')).toEqual({ directors: null, auditors: null });
    // Successors seated a day late: short for that one day.
    const late = [...board, ...['2027-06-21', '2027-06-21', '2027-06-21'].map((from) => seat('director', from, '2029-06-19'))];
    expect(officerShortfalls(late, 40, '2026-11-27', '2027-11-27').directors).toBe('2027-06-20');
  });

  it('is looked for only within the horizon', () => {
    expect(officerShortfalls(board, 40, '2026-11-27', '2027-06-19')).toEqual({ directors: null, auditors: null });
    const reelected = [...board, ...['director', 'director', 'representative_director'].map((role) => seat(role as SeatRole, '2027-06-20', '2029-06-19'))];
    expect(officerShortfalls(reelected, 40, '2027-07-01', '2028-07-01')).toEqual({ directors: null, auditors: '2028-06-20' });
  });
});
