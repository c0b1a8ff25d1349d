import { DomainError, type FieldError } from '../shared/errors.js';
import { isIsoDate } from './period.js';

/**
 * A record of work (就労記録): the minutes one person worked on one day at one site in one business line, in a
 * role. The amount of work it adds up to is what dividends are divided by (従事分量配当, Worker Cooperatives Act
 * Art. 77(2)), and who worked is the base of the Act's ratios of members and workers (domain.md §2.4). Site, business
 * line and role are '' when not given.
 */
export const workRecordStatuses = ['entered', 'approved'] as const;
export type WorkRecordStatus = (typeof workRecordStatuses)[number];

export const workRecordSources = ['app', 'import'] as const;
export type WorkRecordSource = (typeof workRecordSources)[number];

/** A day has 1,440 minutes: no one's work on one day, across all sites, adds up to more. */
export const minutesPerDay = 1440;

/** Lengths in characters. A role is also a key of the bylaws' role weights, which allow 40. */
export const workTextLimits = { site: 100, businessLine: 40, role: 40, note: 500 } as const;

export interface WorkEntry {
  date: string;
  site: string;
  businessLine: string;
  role: string;
  minutes: number;
  note: string | null;
}

export interface WorkRules {
  /** The business lines the organization declares; none declared, any line (or none) is accepted. */
  businessLines: readonly string[];
  /** Today in Japan: work is recorded once it is done, never for a day still to come. */
  today: string;
}

const longerThan = (text: string, max: number): boolean => text.length > max && [...text].length > max;

/** Problems with one entry, each on its field (`prefix` + name: `entries.1.minutes`). */
export function workEntryProblems(entry: WorkEntry, rules: WorkRules, prefix = ''): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (field: string, code: string, message: string) => problems.push({ field: `${prefix}${field}`, code, message });
  if (!isIsoDate(entry.date)) problem('date', 'invalid_date', 'a day that exists, as YYYY-MM-DD');
  else if (entry.date > rules.today) problem('date', 'future_date', `a day until today (${rules.today})`);
  if (!Number.isInteger(entry.minutes) || entry.minutes < 1 || entry.minutes > minutesPerDay) {
    problem('minutes', 'out_of_range', `whole minutes from 1 to ${minutesPerDay}`);
  }
  for (const field of ['site', 'businessLine', 'role'] as const) {
    if (longerThan(entry[field], workTextLimits[field])) problem(field, 'too_long', `at most ${workTextLimits[field]} characters`);
  }
  if (entry.note !== null && longerThan(entry.note, workTextLimits.note)) problem('note', 'too_long', `at most ${workTextLimits.note} characters`);
  if (entry.businessLine !== '' && rules.businessLines.length > 0 && !rules.businessLines.includes(entry.businessLine)) {
    problem('businessLine', 'unknown_business_line', `one of the organization's business lines: ${rules.businessLines.join(', ')}`);
  }
  return problems;
}

/** The natural key of a record: one per person, day, site and business line. */
export const workKey = (personId: string, date: string, site: string, businessLine: string): string => `${personId}\u0000${date}\u0000${site}\u0000${businessLine}`;

/**
 * Checks the entries of one person's day before they are written: each entry, no two at the same site and line,
 * and the day's total with what is already recorded at other sites (`otherMinutes`) within 24 hours. Every
 * problem is reported at once, on `entries.<i>.<field>`, or on the field itself when one record is being changed
 * (`single`).
 */
export function checkWorkDay(entries: readonly WorkEntry[], otherMinutes: number, rules: WorkRules, options: { single?: boolean } = {}): void {
  const problems: FieldError[] = [];
  const prefix = (i: number) => (options.single ? '' : `entries.${i}.`);
  if (entries.length === 0) problems.push({ field: 'entries', code: 'required', message: 'at least one entry' });
  const seen = new Set<string>();
  let total = otherMinutes;
  entries.forEach((entry, i) => {
    problems.push(...workEntryProblems(entry, rules, prefix(i)));
    const key = workKey('', entry.date, entry.site, entry.businessLine);
    if (seen.has(key)) problems.push({ field: `${prefix(i)}site`, code: 'duplicate_entry', message: 'the same site and business line twice on one day' });
    seen.add(key);
    total += Number.isInteger(entry.minutes) ? entry.minutes : 0;
  });
  if (total > minutesPerDay) {
    problems.push({
      field: options.single ? 'minutes' : 'entries', code: 'day_over_24_hours',
      message: `${total} minutes on one day (${otherMinutes} recorded already); a day has ${minutesPerDay}`,
    });
  }
  if (problems.length > 0) throw new DomainError('invalid', 'validation_failed', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}
