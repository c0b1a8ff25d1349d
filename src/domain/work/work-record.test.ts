import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { checkWorkDay, minutesPerDay, workEntryProblems, type WorkEntry } from './work-record.js';

const buildEntry = (overrides: Partial<WorkEntry> = {}): WorkEntry => ({ date: '2026-11-02', site: '池袋', businessLine: 'eldercare', role: '', minutes: 480, note: null, ...overrides });
const rules = { businessLines: ['eldercare', 'childcare'], today: '2026-11-27' };
const problemsOf = (call: () => void) => {
  try {
    call();
    return [];
  } catch (error) {
    if (error instanceof DomainError) return error.errors.map((e) => `${e.field}:${e.code}`);
    throw error;
  }
};

describe('one record of work', () => {
  it('takes a real day, whole minutes from 1 to 1,440 and a business line of the organization', () => {
    expect(workEntryProblems(buildEntry(), rules)).toEqual([]);
    const bad = buildEntry({ date: '2026-02-30', minutes: 0, businessLine: 'agriculture-biodiesel', site: 'x'.repeat(101), role: 'r'.repeat(41) });
    expect(workEntryProblems(bad, rules, 'entries.0.').map((p) => `${p.field}:${p.code}`)).toEqual([
      'entries.0.date:invalid_date', 'entries.0.minutes:out_of_range', 'entries.0.site:too_long', 'entries.0.role:too_long', 'entries.0.businessLine:unknown_business_line',
    ]);
    expect(workEntryProblems(buildEntry({ minutes: 7.5 }), rules).map((p) => p.code)).toEqual(['out_of_range']);
    expect(workEntryProblems(buildEntry({ minutes: minutesPerDay + 1 }), rules).map((p) => p.code)).toEqual(['out_of_range']);
    // An organization that declares no business lines takes any line, or none.
    expect(workEntryProblems(buildEntry({ businessLine: '清掃' }), { ...rules, businessLines: [] })).toEqual([]);
    expect(workEntryProblems(buildEntry({ businessLine: '' }), rules)).toEqual([]);
    // Work is recorded once done: today, not tomorrow.
    expect(workEntryProblems(buildEntry({ date: '2026-11-27' }), rules)).toEqual([]);
    expect(workEntryProblems(buildEntry({ date: '2026-11-28' }), rules).map((p) => p.code)).toEqual(['future_date']);
  });

  it("refuses a day whose entries, with what is recorded already, pass 24 hours, or repeat a site and line", () => {
    const morning = buildEntry({ site: '池袋', minutes: 600 });
    const evening = buildEntry({ site: '大塚', minutes: 600 });
    expect(problemsOf(() => checkWorkDay([morning, evening], 0, rules))).toEqual([]);
    expect(problemsOf(() => checkWorkDay([morning, evening], 241, rules))).toEqual(['entries:day_over_24_hours']);
    expect(problemsOf(() => checkWorkDay([morning, { ...morning, minutes: 60 }], 0, rules))).toEqual(['entries.1.site:duplicate_entry']);
    expect(problemsOf(() => checkWorkDay([], 0, rules))).toEqual(['entries:required']);
    // One record being changed: its problems are on its own fields.
    expect(problemsOf(() => checkWorkDay([{ ...morning, minutes: 0 }], 0, rules, { single: true }))).toEqual(['minutes:out_of_range']);
    expect(problemsOf(() => checkWorkDay([morning], 900, rules, { single: true }))).toEqual(['minutes:day_over_24_hours']);
  });

  it('accepts a day exactly when its minutes add up to at most 1,440', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: minutesPerDay }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: minutesPerDay }), (minutes, other) => {
      const entries = minutes.map((m, i) => buildEntry({ site: `site ${i}`, minutes: m }));
      const total = other + minutes.reduce((a, b) => a + b, 0);
      expect(problemsOf(() => checkWorkDay(entries, other, rules))).toEqual(total > minutesPerDay ? ['entries:day_over_24_hours'] : []);
    }));
  });
});
