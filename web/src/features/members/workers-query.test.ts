import { describe, expect, it } from 'vitest';
import type { Worker } from './member';
import { readWorkersState, visibleWorkers, workersStateQuery } from './workers-query';

const today = '2026-11-26';

describe('the workers page address', () => {
  it('shows everyone engaged today by default', () => {
    expect(readWorkersState(new URLSearchParams(), today)).toEqual({ organization: '', date: today, nonMembersOnly: false });
  });

  it('reads a date, an organization and the non-members switch, and ignores what it cannot read', () => {
    expect(readWorkersState(new URLSearchParams('organization=o1&date=2025-04-01&nonMembersOnly=true'), today)).toEqual({
      organization: 'o1', date: '2025-04-01', nonMembersOnly: true,
    });
    expect(readWorkersState(new URLSearchParams('date=yesterday&nonMembersOnly=yes'), today)).toEqual({
      organization: '', date: today, nonMembersOnly: false,
    });
  });

  it('leaves today and the whole list out of the address, and reads back what it wrote', () => {
    expect(workersStateQuery({ organization: '', date: today, nonMembersOnly: false }, today)).toEqual({});
    const state = { organization: 'o1', date: '2025-04-01', nonMembersOnly: true };
    expect(readWorkersState(new URLSearchParams(workersStateQuery(state, today)), today)).toEqual(state);
  });
});

describe('the rows shown', () => {
  const row = (personId: string, member: boolean): Worker => ({
    engagementId: `e-${personId}`, personId, familyName: '山田', givenName: '花子', familyKana: 'ヤマダ', givenKana: 'ハナコ',
    site: null, startedOn: '2026-04-01', endedOn: null, labourContractFrom: null, labourContractUntil: null, exemption: null, member,
    membershipId: member ? `m-${personId}` : null,
  });

  it('are everyone, or the non-member workers only', () => {
    const rows = [row('a', true), row('b', false)];
    expect(visibleWorkers(rows, false).map((w) => w.personId)).toEqual(['a', 'b']);
    expect(visibleWorkers(rows, true).map((w) => w.personId)).toEqual(['b']);
  });
});
