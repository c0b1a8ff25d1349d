import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractFigures, countIndicators, programmesOverview, suppress, type ContractFacts, type SuppressionGroup } from './report.js';

/** A table of counts with a total per row, per column and overall, as the reports print them. */
function gridTable(grid: number[][]): { values: number[]; groups: SuppressionGroup[] } {
  const columns = grid[0]!.length;
  const width = columns + 1;
  const values = [...grid.flatMap((row) => [...row, row.reduce((a, b) => a + b, 0)])];
  for (let c = 0; c < columns; c++) values.push(grid.reduce((sum, row) => sum + row[c]!, 0));
  values.push(grid.flat().reduce((a, b) => a + b, 0));
  const bottom = grid.length * width;
  const groups: SuppressionGroup[] = [
    ...grid.map((_, r) => ({ members: Array.from({ length: columns }, (_c, c) => r * width + c), total: r * width + columns })),
    ...Array.from({ length: columns }, (_, c) => ({ members: grid.map((_r, r) => r * width + c), total: bottom + c })),
    { members: Array.from({ length: columns }, (_, c) => bottom + c), total: bottom + columns },
    { members: grid.map((_, r) => r * width + columns), total: bottom + columns },
  ];
  return { values, groups };
}

// Small counts are common in a programme's tables: weigh them in.
const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 40 }));
const grids = fc.integer({ min: 1, max: 5 }).chain((columns) => fc.array(fc.array(count, { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 6 }));

describe('small-cell suppression', () => {
  it('hides 1 to 4 and shows 0 and 5 and more, when no total is printed', () => {
    expect(suppress({ values: [0, 1, 4, 5, 12] })).toEqual([
      { value: 0, suppressed: false }, { value: null, suppressed: true }, { value: null, suppressed: true }, { value: 5, suppressed: false }, { value: 12, suppressed: false },
    ]);
  });

  it('hides the next smallest non-zero figure of a group with one hidden figure, and the total when there is none', () => {
    // 3 alone hidden would be 30 − 0 − 12 − 15: 12 is hidden with it, 0 is not (it protects nothing).
    expect(suppress({ values: [3, 0, 15, 12, 30], groups: [{ members: [0, 1, 2, 3], total: 4 }] }).map((c) => c.value)).toEqual([null, 0, 15, null, 30]);
    // Nothing else to hide but zeros: the total goes (it is the hidden figure itself).
    expect(suppress({ values: [7, 0, 7], counts: [false, true, true], groups: [{ members: [0, 1], total: 2 }] }).map((c) => c.value)).toEqual([7, 0, 7]);
    expect(suppress({ values: [3, 0, 0, 3], groups: [{ members: [0, 1, 2], total: 3 }] }).map((c) => c.value)).toEqual([null, 0, 0, null]);
  });

  it('hides figures about the same people together, and keeps the groups safe after', () => {
    // Row 0 has 2 participants: its 9 sessions and 300 minutes go with it; the sessions and minutes columns then get a partner.
    const cells = suppress({
      values: [2, 9, 300, 10, 20, 600, 8, 40, 900, 20, 69, 1800],
      counts: [true, true, false, true, true, false, true, true, false, true, true, false],
      linked: [[0, 1, 2], [3, 4, 5], [6, 7, 8]],
      groups: [{ members: [1, 4, 7], total: 10 }, { members: [2, 5, 8], total: 11 }],
    });
    expect(cells.map((c) => c.value)).toEqual([null, null, null, null, null, null, 8, 40, 900, 20, 69, 1800]);
  });

  it('never shows a count of 1 to 4, never leaves one hidden figure alone under a printed total, and prints true totals', () => {
    fc.assert(fc.property(grids, (grid) => {
      const { values, groups } = gridTable(grid);
      const cells = suppress({ values, groups });
      cells.forEach((cell, i) => {
        if (!cell.suppressed) {
          expect(cell.value).toBe(values[i]);
          expect(cell.value! >= 1 && cell.value! <= 4).toBe(false);
        } else {
          expect(cell.value).toBeNull();
        }
      });
      for (const group of groups) {
        const hidden = group.members.filter((i) => cells[i]!.suppressed).length;
        const total = cells[group.total]!;
        if (!total.suppressed) {
          expect(hidden).not.toBe(1);
          expect(total.value).toBe(group.members.reduce((sum, i) => sum + values[i]!, 0));
        } else if (values[group.total]! > 0) {
          // A hidden total is never the plain sum of shown figures.
          expect(hidden).toBeGreaterThan(0);
        }
      }
    }), { numRuns: 500 });
  });
});

const period = { from: '2026-04-01', until: '2027-03-31' };
const person = (id: string, intakeOn: string, ageBand = '20-24') => ({ id, intakeOn, ageBand });

describe("a contract's figures", () => {
  const facts: ContractFacts = {
    participants: [
      person('a', '2026-04-10'), person('b', '2026-05-01'), person('c', '2025-12-01', '25-29'), person('d', '2025-01-01', '25-29'), person('e', '2027-04-01'),
    ],
    activities: [
      { participantId: 'c', kind: 'counselling', on: '2026-04-02', minutes: 60 }, { participantId: 'a', kind: 'counselling', on: '2026-04-10', minutes: 30 },
      { participantId: 'd', kind: 'training', on: '2026-03-31', minutes: 90 },
    ],
    outcomes: [
      { participantId: 'a', kind: 'employment', on: '2026-09-01' }, { participantId: 'a', kind: 'coop-worker', on: '2026-10-01' },
      { participantId: 'b', kind: 'coop-member', on: '2026-10-01' }, { participantId: 'd', kind: 'employment', on: '2025-09-01' },
    ],
    followUps: [
      { participantId: 'd', months: 6, doneOn: '2026-04-15', status: 'in-work' }, { participantId: 'd', months: 12, doneOn: '2026-10-01', status: 'in-work' },
      { participantId: 'a', months: 6, doneOn: null, status: 'pending' },
    ],
  };

  it('counts who was supported, registered, placed and still in work after six months in the period', () => {
    // a and b came in; c was counselled; d's only activity is the day before; e comes after.
    expect(countIndicators(facts, period)).toEqual({ 'participants-supported': 3, 'new-registrations': 2, 'job-placements': 1, 'job-retention': 1 });
  });

  it('hides every small figure, keeps targets and leaves other indicators to be counted outside Kyodo', () => {
    const figures = contractFigures(facts, [
      { code: 'participants-supported', nameJa: '支援対象者数', nameEn: null, target: 100 }, { code: 'seminars-held', nameJa: 'セミナー開催数', nameEn: null, target: 12 },
    ], period);
    expect(figures.indicators).toEqual([
      { code: 'participants-supported', nameJa: '支援対象者数', nameEn: null, target: 100, actual: { value: null, suppressed: true }, rate: null },
      { code: 'seminars-held', nameJa: 'セミナー開催数', nameEn: null, target: 12, actual: null, rate: null },
    ]);
    expect(figures.byAgeBand.rows.every((r) => r.participants.value === 0 || r.participants.suppressed)).toBe(true);
    expect(figures.byActivityKind.rows.find((r) => r.kind === 'counselling')).toEqual({
      kind: 'counselling', participants: { value: null, suppressed: true }, sessions: { value: null, suppressed: true }, hours: { value: null, suppressed: true },
    });
  });

  it('shows figures of five and more with their rate against the target', () => {
    const many: ContractFacts = {
      participants: Array.from({ length: 12 }, (_, i) => person(`p${i}`, '2026-06-01', i < 7 ? '15-19' : '20-24')),
      activities: Array.from({ length: 12 }, (_, i) => ({ participantId: `p${i}`, kind: i < 6 ? 'counselling' : 'seminar', on: '2026-07-01', minutes: 45 })),
      outcomes: Array.from({ length: 7 }, (_, i) => ({ participantId: `p${i}`, kind: i < 5 ? 'employment' : 'education', on: '2026-12-01' })),
      followUps: [],
    };
    const figures = contractFigures(many, [{ code: 'job-placements', nameJa: '就職', nameEn: null, target: 14 }], period);
    expect(figures.indicators[0]).toMatchObject({ actual: { value: 7, suppressed: false }, rate: 0.5 });
    expect(figures.byActivityKind.total).toEqual({ participants: { value: 12, suppressed: false }, sessions: { value: 12, suppressed: false }, hours: { value: 9, suppressed: false } });
    // 5 employment and 2 education: education is hidden, and employment with it (the total 7 is printed).
    expect(figures.byOutcomeKind.rows.slice(0, 2).map((r) => r.outcomes.value)).toEqual([null, null]);
    expect(figures.byOutcomeKind.total).toEqual({ value: 7, suppressed: false });
    expect(figures.byAgeBand.rows.slice(0, 2).map((r) => r.participants.value)).toEqual([7, 5]);
    expect(figures.byAgeBand.total.value).toBe(12);
  });
});

describe("the federation's overview", () => {
  it('counts by commissioner, by prefecture of the offices and by fiscal year, April to March', () => {
    const participants = Array.from({ length: 14 }, (_, i) => ({ id: `p${i}`, contractId: i < 8 ? 'k1' : 'k2', siteId: i < 8 ? 's1' : 's2', intakeOn: i < 10 ? '2026-04-01' : '2027-03-31' }));
    const overview = programmesOverview({
      contracts: [
        { id: 'k1', commissionerKind: 'ministry', commissionerPrefectureCode: null, periodFrom: '2026-04-01', periodUntil: '2027-03-31', siteIds: ['s1'] },
        { id: 'k2', commissionerKind: 'municipality', commissionerPrefectureCode: '12', periodFrom: '2026-04-01', periodUntil: '2028-03-31', siteIds: ['s2'] },
        { id: 'k3', commissionerKind: 'municipality', commissionerPrefectureCode: '12', periodFrom: '2020-04-01', periodUntil: '2021-03-31', siteIds: ['s2'] },
      ],
      sites: [{ id: 's1', prefectureCode: '13' }, { id: 's2', prefectureCode: '12' }],
      participants,
      activities: [{ participantId: 'p0', on: '2027-04-02' }],
      outcomes: participants.slice(0, 9).map((p, i) => ({ participantId: p.id, kind: i < 6 ? 'employment' : 'education', on: i < 8 ? '2026-10-01' : '2027-04-01' })),
    }, 2026, 2027);
    expect(overview.byCommissioner.rows).toEqual([
      { kind: 'ministry', prefectureCode: null, contracts: 1, participants: { value: 8, suppressed: false } },
      { kind: 'municipality', prefectureCode: '12', contracts: 1, participants: { value: 6, suppressed: false } },
    ]);
    expect(overview.byPrefecture.rows.map((r) => [r.prefectureCode, r.contracts, r.offices, r.participants.value])).toEqual([['12', 1, 1, 6], ['13', 1, 1, 8]]);
    expect(overview.byFiscalYear.rows.map((r) => r.participants.value)).toEqual([14, null]);
    // 2026: 6 employment, 2 education (hidden, with employment); 2027: 1 education.
    expect(overview.byFiscalYear.rows[0]!.outcomes.slice(0, 2).map((c) => c.value)).toEqual([null, null]);
    // 2027's 1 would be 9 − 8: 2026's total is hidden with it.
    expect(overview.byFiscalYear.rows.map((r) => r.outcomesTotal.value)).toEqual([null, null]);
    expect(overview.byFiscalYear.total.outcomesTotal.value).toBe(9);
  });
});
