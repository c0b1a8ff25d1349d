import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkImport, type WorkImportFacts } from './import-check.js';
import type { WorkCsvReading, WorkCsvRow } from './work-csv.js';
import { minutesPerDay, workKey } from './work-record.js';

const headers = ['組合員番号', '個人ID', '日付', '時間', '現場', '事業'];
const columns = { memberNumber: 0, personId: 1, date: 2, hours: 3, site: 4, businessLine: 5 };
let line = 1;
const buildRow = (overrides: Partial<WorkCsvRow> = {}): WorkCsvRow => ({
  line: ++line, memberNumber: '0001', personId: '', date: '2026-11-02', minutes: 480, site: '池袋', businessLine: '', role: '', note: null, ...overrides,
});
const reading = (rows: WorkCsvRow[]): WorkCsvReading => ({ rows, errors: [], columns });

/** Member 0001 is person p-1 from April 2026; p-2 is a worker who is not a member, engaged in November only. */
const buildFacts = (overrides: Partial<WorkImportFacts> = {}): WorkImportFacts => ({
  personOfMemberNumber: (n) => ({ '0001': 'p-1', '0002': 'p-3' })[n],
  isKnownPerson: (id) => ['p-1', 'p-2', 'p-3'].includes(id),
  worksOn: (id, date) => (id === 'p-2' ? date >= '2026-11-01' && date <= '2026-11-30' : date >= '2026-04-01'),
  closedMonths: new Set(['2026-10']),
  existing: new Map(),
  dayMinutes: new Map(),
  ...overrides,
});
const problems = (check: ReturnType<typeof checkWorkImport>) => check.errors.map((e) => `${e.line}:${e.column}:${e.code}`);

describe('checking a file against the organization', () => {
  it('finds each person by member number or person id, on a day they were a member or worker, in an open month', () => {
    line = 1;
    const check = checkWorkImport(reading([
      buildRow(),
      buildRow({ memberNumber: '', personId: 'p-2' }),
      buildRow({ memberNumber: '9999' }),
      buildRow({ memberNumber: '', personId: 'nobody' }),
      buildRow({ memberNumber: '', personId: 'p-2', date: '2026-12-01' }),
      buildRow({ date: '2026-10-30' }),
      buildRow({ memberNumber: '0001', personId: 'p-2', date: '2026-11-03' }),
    ]), headers, buildFacts(), 'refuse');
    expect(check.rows.map((r) => [r.line, r.personId])).toEqual([[2, 'p-1'], [3, 'p-2']]);
    expect(problems(check)).toEqual(['4:組合員番号:unknown_member', '5:個人ID:unknown_person', '6:個人ID:not_working_then', '7:日付:period_closed', '8:個人ID:person_mismatch']);
  });

  it('refuses the same person, day, site and line twice in the file, or once more than the database has, unless replacing an entered record', () => {
    line = 1;
    const rows = [buildRow(), buildRow({ minutes: 60 }), buildRow({ site: '大塚', minutes: 60 }), buildRow({ site: '目白', minutes: 60 })];
    const existing = new Map([
      [workKey('p-1', '2026-11-02', '大塚', ''), { id: 'r-1', minutes: 240, status: 'entered' }],
      [workKey('p-1', '2026-11-02', '目白', ''), { id: 'r-2', minutes: 60, status: 'approved' }],
    ]);
    const facts = buildFacts({ existing, dayMinutes: new Map([['p-1\u00002026-11-02', 300]]) });
    const refused = checkWorkImport(reading(rows), headers, facts, 'refuse');
    expect(problems(refused)).toEqual(['3:組合員番号:duplicate_in_file', '4:組合員番号:already_recorded', '5:組合員番号:already_recorded']);
    expect(refused.errors[0]).toMatchObject({ firstLine: 2 });
    const replaced = checkWorkImport(reading(rows), headers, facts, 'replace');
    expect(problems(replaced)).toEqual(['3:組合員番号:duplicate_in_file', '5:組合員番号:already_approved']);
    expect(replaced.rows.map((r) => [r.line, r.replaces])).toEqual([[2, null], [4, { id: 'r-1', minutes: 240 }]]);
  });

  it("counts a person's day across the file's rows and what is recorded at other sites", () => {
    line = 1;
    const rows = [buildRow({ minutes: 900 }), buildRow({ site: '大塚', minutes: 400 }), buildRow({ date: '2026-11-03', minutes: 900 })];
    const check = checkWorkImport(reading(rows), headers, buildFacts({ dayMinutes: new Map([['p-1\u00002026-11-02', 200]]) }), 'refuse');
    expect(problems(check)).toEqual(['2:時間:day_over_24_hours', '3:時間:day_over_24_hours']);
    expect(check.errors[0]!.value).toBe('1500');
    expect(check.rows.map((r) => r.line)).toEqual([4]);
  });

  it('what it accepts never puts two rows on one key nor anyone past 24 hours a day', () => {
    const arbitraryRow = fc.record({
      memberNumber: fc.constantFrom('0001', '0002'),
      date: fc.constantFrom('2026-11-02', '2026-11-03'),
      site: fc.constantFrom('', '池袋', '大塚'),
      minutes: fc.integer({ min: 1, max: minutesPerDay }),
    });
    fc.assert(fc.property(fc.array(arbitraryRow, { maxLength: 12 }), fc.integer({ min: 0, max: minutesPerDay }), (specs, recorded) => {
      line = 1;
      const dayMinutes = new Map([['p-1\u00002026-11-02', recorded]]);
      const check = checkWorkImport(reading(specs.map((s) => buildRow(s))), headers, buildFacts({ dayMinutes }), 'refuse');
      const keys = check.rows.map((r) => workKey(r.personId, r.date, r.site, r.businessLine));
      expect(new Set(keys).size).toBe(keys.length);
      const days = new Map<string, number>(dayMinutes);
      for (const r of check.rows) days.set(`${r.personId}\u0000${r.date}`, (days.get(`${r.personId}\u0000${r.date}`) ?? 0) + r.minutes);
      for (const [day, total] of days) if (check.rows.some((r) => `${r.personId}\u0000${r.date}` === day)) expect(total).toBeLessThanOrEqual(minutesPerDay);
      // Every row is either accepted or has a problem.
      const refused = new Set(check.errors.map((e) => e.line));
      expect(check.rows.length + refused.size).toBe(specs.length);
    }));
  });
});
