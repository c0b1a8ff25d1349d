import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber } from './calendar.js';
import { balances, compositionCounts, memberCounts, type EngagementSpan, type MembershipSpan, type WorkerMembership } from './series.js';
import { trendDates } from './trend.js';

const dates = ['2026-01-31', '2026-02-28', '2026-03-31'];

describe('members on each date', () => {
  it('count a membership from its admission to the day before it ended', () => {
    const spans: MembershipSpan[] = [
      { admittedOn: '2025-04-01', endedOn: null, count: 10 },
      { admittedOn: '2026-02-28', endedOn: '2026-03-31', count: 2 }, // admitted on a date, ended on the next: counted once
      { admittedOn: '2026-03-01', endedOn: null, count: 1 },
      { admittedOn: '2025-01-01', endedOn: '2026-01-31', count: 5 }, // ended on the first date: gone by then
    ];
    expect(memberCounts(dates, spans)).toEqual([10, 12, 11]);
  });
});

describe('composition on each date', () => {
  const engagement = (personId: string, startedOn: string, endedOn: string | null, contract: [string, string | null] | null = [startedOn, null]): EngagementSpan => ({
    personId, startedOn, endedOn, labourContractFrom: contract?.[0] ?? null, labourContractUntil: contract?.[1] ?? null,
  });

  it('counts each worker once, members among them, and members under a labour contract', () => {
    const engagements = [
      engagement('a', '2025-04-01', null),
      engagement('a', '2025-10-01', null), // a second site: still one worker
      engagement('b', '2025-04-01', '2026-02-28'), // worked until the end of February (inclusive)
      engagement('c', '2025-04-01', null, null), // an exempt director: engaged without a contract
      engagement('d', '2026-03-01', null), // a non-member worker
      engagement('e', '2025-04-01', null, ['2025-04-01', '2026-01-31']), // the contract ended in January
    ];
    const memberships: WorkerMembership[] = [
      { personId: 'a', admittedOn: '2020-01-01', endedOn: null },
      { personId: 'b', admittedOn: '2020-01-01', endedOn: null },
      { personId: 'c', admittedOn: '2020-01-01', endedOn: null },
      { personId: 'e', admittedOn: '2020-01-01', endedOn: '2026-03-31' }, // left on the last date
    ];
    const counts = compositionCounts(dates, [{ admittedOn: '2020-01-01', endedOn: null, count: 5 }], engagements, memberships);
    expect(counts).toEqual([
      { members: 5, workers: 4, engagedMembers: 4, labourContractMembers: 3 },
      { members: 5, workers: 4, engagedMembers: 4, labourContractMembers: 2 },
      { members: 5, workers: 4, engagedMembers: 2, labourContractMembers: 1 },
    ]);
  });

  it('counts someone with work recorded as engaged in that month and the next, without a labour contract', () => {
    const memberships: WorkerMembership[] = [{ personId: 'w', admittedOn: '2020-01-01', endedOn: null }];
    const counts = compositionCounts(dates, [{ admittedOn: '2020-01-01', endedOn: null, count: 1 }], [], memberships, [{ personId: 'w', month: '2026-01' }]);
    expect(counts.map((c) => [c.workers, c.engagedMembers, c.labourContractMembers])).toEqual([[1, 1, 0], [1, 1, 0], [0, 0, 0]]);
    // December's work carries into January, the turn of the year included.
    expect(compositionCounts(['2026-01-31'], [], [], [], [{ personId: 'x', month: '2025-12' }])[0]!.workers).toBe(1);
  });

  it('agrees with counting date by date', () => {
    const day = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2027-01-01') }).map(dateOfDay);
    const span = fc.tuple(day, fc.option(day, { nil: null })).map(([a, b]) => (b !== null && b < a ? [b, a] : [a, b]) as [string, string | null]);
    const person = fc.constantFrom('p1', 'p2', 'p3', 'p4');
    fc.assert(fc.property(
      fc.array(fc.record({ span, count: fc.integer({ min: 1, max: 5 }) }), { maxLength: 10 }),
      fc.array(fc.record({ personId: person, span, contract: fc.option(span, { nil: null }) }), { maxLength: 10 }),
      fc.array(fc.record({ personId: person, span }), { maxLength: 6 }),
      fc.array(fc.record({ personId: person, month: day.map((d) => d.slice(0, 7)) }), { maxLength: 6 }),
      (spanRows, engagementRows, membershipRows, workMonths) => {
        const all = trendDates('2026-11-27');
        const spans = spanRows.map(({ span: [admittedOn, endedOn], count }) => ({ admittedOn, endedOn, count }));
        const engagements = engagementRows.map(({ personId, span: [startedOn, endedOn], contract }) => ({
          personId, startedOn, endedOn, labourContractFrom: contract?.[0] ?? null, labourContractUntil: contract?.[1] ?? null,
        }));
        const memberships = membershipRows.map(({ personId, span: [admittedOn, endedOn] }) => ({ personId, admittedOn, endedOn }));
        const swept = compositionCounts(all, spans, engagements, memberships, workMonths);
        all.forEach((d, i) => {
          const member = (m: { admittedOn: string; endedOn: string | null }) => m.admittedOn <= d && (m.endedOn === null || m.endedOn > d);
          const engaged = (e: EngagementSpan) => e.startedOn <= d && (e.endedOn === null || e.endedOn >= d);
          const contract = (e: EngagementSpan) => engaged(e) && e.labourContractFrom !== null && e.labourContractFrom <= d && (e.labourContractUntil === null || e.labourContractUntil >= d);
          // Work in the month of the date or the month before, by calendar: the last day of the month before is 'd minus the day of month'.
          const monthBefore = dateOfDay(dayNumber(`${d.slice(0, 8)}01`) - 1).slice(0, 7);
          const worked = workMonths.filter((w) => w.month === d.slice(0, 7) || w.month === monthBefore).map((w) => w.personId);
          const workers = new Set([...engagements.filter(engaged).map((e) => e.personId), ...worked]);
          const memberWorkers = [...workers].filter((p) => memberships.some((m) => m.personId === p && member(m)));
          expect(swept[i]).toEqual({
            members: spans.filter(member).reduce((n, s) => n + s.count, 0),
            workers: workers.size,
            engagedMembers: memberWorkers.length,
            labourContractMembers: memberWorkers.filter((p) => engagements.some((e) => e.personId === p && contract(e))).length,
          });
        });
      },
    ));
  });
});

describe('balances', () => {
  it('sum an account\'s entries up to each date, in any order', () => {
    const sums = [{ entryDate: '2026-03-31', amount: -5 }, { entryDate: '2025-12-01', amount: -100 }, { entryDate: '2026-02-01', amount: 30 }, { entryDate: '2026-04-01', amount: -1 }];
    expect(balances(dates, sums)).toEqual([-100, -70, -75]);
    expect(balances(dates, [])).toEqual([0, 0, 0]);
  });
});
