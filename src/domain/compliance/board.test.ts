import { describe, expect, it } from 'vitest';
import { dayNumber } from './calendar.js';
import { federationBoard, organizationBoard, type CheckResult, type OrganizationBoard, type OrganizationFacts } from './board.js';
import type { OfficerSeat } from './officers.js';
import type { CompositionCounts } from './series.js';
import { trendDates } from './trend.js';

const date = '2026-11-27';
const dates = trendDates(date);
const steady: OfficerSeat[] = [
  { role: 'representative_director', termFrom: '2025-06-20', termUntil: '2029-06-19' },
  { role: 'director', termFrom: '2025-06-20', termUntil: '2029-06-19' },
  { role: 'director', termFrom: '2025-06-20', termUntil: '2029-06-19' },
  { role: 'auditor', termFrom: '2024-06-20', termUntil: '2028-06-19' },
];

/** A worker co-op of 100 members, 90 engaged (all under contract), 10 non-member workers, a board in office and a reserve target of half its capital. */
function buildFacts(overrides: Partial<OrganizationFacts> = {}): OrganizationFacts {
  const counts: CompositionCounts = { members: 100, workers: 100, engagedMembers: 90, labourContractMembers: 90 };
  return {
    dates,
    compositionApplies: true,
    composition: dates.map(() => ({ ...counts })),
    seats: steady,
    reserveTargets: dates.map(() => 5_000_000),
    totalCapital: dates.map(() => 10_000_000),
    reserveBalance: 1_200_000,
    ...overrides,
  };
}

const check = (board: { checks: { code: string }[] }, code: string) => board.checks.find((c) => c.code === code) as CheckResult;
const statuses = (board: OrganizationBoard) => Object.fromEntries(board.checks.map((c) => [c.code, c.status]));

describe('an organization\'s board', () => {
  it('shows every check with its figure, floor and article on the date', () => {
    const board = organizationBoard(buildFacts());
    expect(statuses(board)).toEqual({
      engaged_members: 'ok', member_workers: 'ok', labour_contract_votes: 'ok', directors: 'ok', auditors: 'ok', legal_reserve_target: 'ok',
    });
    expect(check(board, 'engaged_members')).toMatchObject({ figure: { numerator: 90, denominator: 100 }, floor: { numerator: 4, denominator: 5 }, article: 'Art. 8(1)', projection: null });
    expect(check(board, 'member_workers').figure).toEqual({ numerator: 90, denominator: 100 });
    expect(check(board, 'directors').figure).toEqual({ numerator: 3, denominator: 1 });
    expect(check(board, 'legal_reserve_target').figure).toEqual({ numerator: 5_000_000, denominator: 10_000_000 });
    expect(check(board, 'engaged_members').trend).toHaveLength(24);
    expect(board).toMatchObject({ date, officers: { directors: 3, auditors: 1, memberAuditCouncil: false }, reserve: { target: 5_000_000, totalCapital: 10_000_000, balance: 1_200_000 } });
  });

  it('warns with the date when the share of engaged members keeps falling', () => {
    // One engaged member fewer every month: 90 today, 81 in nine months, below 80 in about eleven.
    const composition = dates.map((_, i) => ({ members: 100, workers: 110, engagedMembers: 90 + (dates.length - 1 - i), labourContractMembers: 90 }));
    const result = check(organizationBoard(buildFacts({ composition })), 'engaged_members');
    expect(result.status).toBe('warning');
    expect(result.projection?.basis).toBe('trend');
    const months = (dayNumber(result.projection!.date) - dayNumber(date)) / 30.44;
    expect(months).toBeGreaterThan(9.5);
    expect(months).toBeLessThan(11.5);
  });

  it('is in breach when members with a contract hold only half of the votes', () => {
    const composition = dates.map(() => ({ members: 100, workers: 100, engagedMembers: 90, labourContractMembers: 50 }));
    expect(check(organizationBoard(buildFacts({ composition })), 'labour_contract_votes')).toMatchObject({ status: 'breach', projection: null });
  });

  it('warns when total capital grows past twice the reserve target', () => {
    const totalCapital = dates.map((_, i) => 9_000_000 + 50_000 * i); // 10,150,000 on the date, 10,000,000 at the end of August
    const result = check(organizationBoard(buildFacts({ totalCapital })), 'legal_reserve_target');
    expect(result.trend.map((p) => p.holds).slice(-4)).toEqual([true, false, false, false]);
    expect(result.status).toBe('breach');
    // 9,750,000 on the date: twice the target in five months at 50,000 a month; seventeen months is beyond the horizon.
    const soon = check(organizationBoard(buildFacts({ totalCapital: dates.map((_, i) => 8_600_000 + 50_000 * i) })), 'legal_reserve_target');
    expect(soon.status).toBe('warning');
    expect((dayNumber(soon.projection!.date) - dayNumber(date)) / 30.44).toBeCloseTo(5, 0);
    const far = check(organizationBoard(buildFacts({ totalCapital: dates.map((_, i) => 8_000_000 + 50_000 * i) })), 'legal_reserve_target');
    expect(far).toMatchObject({ status: 'ok', projection: null });
  });

  it('says when the reserve target is not stated in the bylaws', () => {
    const result = check(organizationBoard(buildFacts({ reserveTargets: dates.map(() => null) })), 'legal_reserve_target');
    expect(result).toMatchObject({ status: 'no_data', figure: null, note: 'reserve_target_not_stated' });
  });

  it('warns, from the terms, the day after the directors\' terms end', () => {
    const seats = steady.map((s) => (s.role === 'auditor' ? s : { ...s, termUntil: '2027-06-19' }));
    const board = organizationBoard(buildFacts({ seats }));
    expect(check(board, 'directors')).toMatchObject({ status: 'warning', projection: { date: '2027-06-20', basis: 'terms' } });
    expect(check(board, 'auditors')).toMatchObject({ status: 'ok', projection: null, note: null });
  });

  it('takes a member audit council for the auditor in a co-op of 20 members or fewer', () => {
    const seats: OfficerSeat[] = [...steady.filter((s) => s.role !== 'auditor'), { role: 'council_member', termFrom: '2025-06-20', termUntil: null }];
    const small = dates.map(() => ({ members: 12, workers: 12, engagedMembers: 12, labourContractMembers: 12 }));
    expect(check(organizationBoard(buildFacts({ seats, composition: small })), 'auditors')).toMatchObject({ status: 'ok', note: 'member_audit_council', figure: { numerator: 0, denominator: 1 } });
    expect(check(organizationBoard(buildFacts({ seats })), 'auditors')).toMatchObject({ status: 'breach', note: 'member_audit_council_not_allowed' });
  });

  it('does not apply the composition rules where the law profile does not', () => {
    const board = organizationBoard(buildFacts({ compositionApplies: false }));
    expect(statuses(board)).toMatchObject({ engaged_members: 'not_applicable', member_workers: 'not_applicable', labour_contract_votes: 'not_applicable', directors: 'ok' });
    expect(check(board, 'member_workers')).toMatchObject({ figure: null, trend: [] });
  });

  it('has nothing to judge without members', () => {
    const empty = dates.map(() => ({ members: 0, workers: 0, engagedMembers: 0, labourContractMembers: 0 }));
    expect(statuses(organizationBoard(buildFacts({ composition: empty })))).toMatchObject({ engaged_members: 'no_data', member_workers: 'no_data', labour_contract_votes: 'no_data' });
  });

  it('refuses series that do not match its dates', () => {
    expect(() => organizationBoard(buildFacts({ totalCapital: [1] }))).toThrow(RangeError);
  });
});

describe('the federation\'s board', () => {
  const a = organizationBoard(buildFacts());
  const b = organizationBoard(buildFacts({ composition: dates.map(() => ({ members: 100, workers: 130, engagedMembers: 70, labourContractMembers: 70 })), seats: steady.slice(1) }));
  const consumer = organizationBoard(buildFacts({ compositionApplies: false, reserveTargets: dates.map(() => null) }));
  const federation = federationBoard(dates, [{ organizationId: 'a', board: a }, { organizationId: 'b', board: b }, { organizationId: 'c', board: consumer }]);

  it('adds up the members of the organizations the composition rules bind', () => {
    expect(check(federation, 'engaged_members')).toMatchObject({
      basis: 'sum', figure: { numerator: 160, denominator: 200 }, floor: { numerator: 4, denominator: 5 }, status: 'ok',
      organizations: { ok: 1, breach: 1, not_applicable: 1, warning: 0, no_data: 0 },
      attention: [{ organizationId: 'b', status: 'breach', projection: null }],
    });
    expect(check(federation, 'member_workers').figure).toEqual({ numerator: 160, denominator: 230 });
    expect(check(federation, 'member_workers').status).toBe('breach');
  });

  it('counts organizations meeting the officer and reserve rules, every one of which must', () => {
    expect(check(federation, 'directors')).toMatchObject({
      basis: 'organizations', figure: { numerator: 2, denominator: 3 }, floor: { numerator: 1, denominator: 1 }, organizationFloor: { numerator: 3, denominator: 1 }, status: 'breach',
      attention: [{ organizationId: 'b', status: 'breach' }],
    });
    // The consumer co-op states no reserve target: judged on the other two.
    expect(check(federation, 'legal_reserve_target')).toMatchObject({ figure: { numerator: 2, denominator: 2 }, status: 'ok', organizations: { ok: 2, no_data: 1 } });
  });

  it('warns with the soonest date an organization is projected to breach', () => {
    const ending = organizationBoard(buildFacts({ seats: steady.map((s) => (s.role === 'auditor' ? { ...s, termUntil: '2027-03-31' } : s)) }));
    const later = organizationBoard(buildFacts({ seats: steady.map((s) => (s.role === 'auditor' ? { ...s, termUntil: '2027-09-30' } : s)) }));
    const board = federationBoard(dates, [{ organizationId: 'late', board: later }, { organizationId: 'soon', board: ending }, { organizationId: 'a', board: a }]);
    expect(check(board, 'auditors')).toMatchObject({
      status: 'warning', projection: { date: '2027-04-01', basis: 'terms' },
      attention: [{ organizationId: 'soon', status: 'warning' }, { organizationId: 'late', status: 'warning' }],
    });
  });

  it('refuses boards made on another date', () => {
    expect(() => federationBoard(trendDates('2026-10-31'), [{ organizationId: 'a', board: a }])).toThrow(RangeError);
  });
});
