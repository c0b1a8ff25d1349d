import { describe, expect, it } from 'vitest';
import { MINIMUM_MEMBER_SHARE, meetsMinimumMemberShare, memberShareRuleApplies, summarizeWorkers } from './worker-summary';

const worker = (personId: string, member: boolean) => ({ personId, member });

describe('the share of workers who are members', () => {
  it('is the Act’s three quarters, from the domain module', () => {
    expect(MINIMUM_MEMBER_SHARE).toEqual({ numerator: 3, denominator: 4 });
  });

  it('is met at exactly three in four and missed just below, in whole numbers', () => {
    expect(meetsMinimumMemberShare(3, 4)).toBe(true);
    expect(meetsMinimumMemberShare(75, 100)).toBe(true);
    expect(meetsMinimumMemberShare(74, 99)).toBe(false);
    expect(meetsMinimumMemberShare(2, 3)).toBe(false);
    expect(meetsMinimumMemberShare(0, 0)).toBe(true);
  });

  it('counts members and non-member workers', () => {
    const rows = [worker('a', true), worker('b', true), worker('c', true), worker('d', false)];
    expect(summarizeWorkers(rows)).toEqual({ workers: 4, members: 3, nonMembers: 1, memberShare: 0.75, meetsMinimumShare: true });
  });

  it('warns when non-member workers are more than a quarter', () => {
    const rows = [worker('a', true), worker('b', true), worker('c', false)];
    expect(summarizeWorkers(rows)).toMatchObject({ workers: 3, members: 2, nonMembers: 1, meetsMinimumShare: false });
  });

  it('counts someone engaged at two sites once', () => {
    const rows = [worker('a', true), worker('b', false), worker('b', false), worker('c', true), worker('c', true), worker('d', true)];
    expect(summarizeWorkers(rows)).toMatchObject({ workers: 4, members: 3, nonMembers: 1, meetsMinimumShare: true });
  });

  it('has nothing to judge when nobody is engaged', () => {
    expect(summarizeWorkers([])).toEqual({ workers: 0, members: 0, nonMembers: 0, memberShare: null, meetsMinimumShare: null });
  });

  it('binds worker co-operatives, not consumer co-ops', () => {
    expect(memberShareRuleApplies('jp-worker-coop-2022')).toBe(true);
    expect(memberShareRuleApplies('ica-generic')).toBe(true);
    expect(memberShareRuleApplies('jp-consumer-coop')).toBe(false);
    expect(memberShareRuleApplies('unknown')).toBe(false);
  });
});
