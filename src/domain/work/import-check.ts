import { inClosedMonth } from './period.js';
import type { WorkCsvError, WorkCsvField, WorkCsvReading, WorkCsvRow } from './work-csv.js';
import { minutesPerDay, workKey } from './work-record.js';

/** What the organization's records say about the people and days of a file, read once for the whole file. */
export interface WorkImportFacts {
  /** The person a member number names in the organization. */
  personOfMemberNumber(memberNumber: string): string | undefined;
  /** A person the organization knows: one of its members, or a worker with an engagement. */
  isKnownPerson(personId: string): boolean;
  /** A member on the date, or engaged in the work then (a non-member worker). */
  worksOn(personId: string, date: string): boolean;
  closedMonths: ReadonlySet<string>;
  /** The records already there for the file's people and days, by natural key (see workKey). */
  existing: ReadonlyMap<string, { id: string; minutes: number; status: string }>;
  /** Minutes already recorded per person and day, all sites together, by `${personId}\u0000${date}`. */
  dayMinutes: ReadonlyMap<string, number>;
}

/**
 * What a row whose person, day, site and business line are recorded already does: `refuse` (the default) reports
 * it; `replace` takes the file's row instead of an entered record (an approved one is never replaced: un-approve it
 * first), so a corrected export of the month can be imported again.
 */
export type ExistingWork = 'refuse' | 'replace';

export interface CheckedWorkRow extends WorkCsvRow {
  personId: string;
  /** The entered record this row replaces (replace mode) and its minutes, or null for a new one. */
  replaces: { id: string; minutes: number } | null;
}

export interface WorkImportCheck {
  rows: CheckedWorkRow[];
  /** The reading's problems and these, by row. */
  errors: WorkCsvError[];
}

const dayKey = (personId: string, date: string): string => `${personId}\u0000${date}`;

/**
 * The checks of a file that need the organization: each row's person is one of its members or workers on that
 * day; the day is not in a closed month; no two rows, and no row and a record already there, share a person, day,
 * site and business line (unless replacing); and no one's day adds up to more than 24 hours.
 */
export function checkWorkImport(reading: WorkCsvReading, headers: readonly string[], facts: WorkImportFacts, onExisting: ExistingWork): WorkImportCheck {
  const errors = [...reading.errors];
  const columnOf = (field: WorkCsvField): string => {
    const index = reading.columns[field];
    return index === undefined ? '' : (headers[index] ?? '');
  };
  const fail = (row: WorkCsvRow, field: WorkCsvField, code: string, value: string, extra: Partial<WorkCsvError> = {}) =>
    errors.push({ line: row.line, column: columnOf(field), field, code, value, ...extra });

  const firstLineOf = new Map<string, number>();
  const dayTotals = new Map<string, number>();
  const candidates: CheckedWorkRow[] = [];
  for (const row of reading.rows) {
    const before = errors.length;
    const personId = personOf(row, facts, fail);
    if (personId === null) continue;
    const identity: WorkCsvField = row.memberNumber !== '' ? 'memberNumber' : 'personId';
    if (!facts.worksOn(personId, row.date)) fail(row, identity, 'not_working_then', row.memberNumber || row.personId);
    if (inClosedMonth(row.date, facts.closedMonths)) fail(row, 'date', 'period_closed', row.date);
    const key = workKey(personId, row.date, row.site, row.businessLine);
    const firstLine = firstLineOf.get(key);
    if (firstLine !== undefined) fail(row, identity, 'duplicate_in_file', row.memberNumber || row.personId, { firstLine });
    else firstLineOf.set(key, row.line);
    const existing = facts.existing.get(key);
    let replaces: CheckedWorkRow['replaces'] = null;
    if (existing && onExisting === 'refuse') fail(row, identity, 'already_recorded', row.memberNumber || row.personId);
    else if (existing && existing.status === 'approved') fail(row, identity, 'already_approved', row.memberNumber || row.personId);
    else if (existing) replaces = { id: existing.id, minutes: existing.minutes };
    if (errors.length > before) continue;
    // The day's total: what is recorded at the other sites, and every row of the file for that person and day.
    const day = dayKey(personId, row.date);
    const recorded = dayTotals.get(day) ?? facts.dayMinutes.get(day) ?? 0;
    dayTotals.set(day, recorded - (replaces?.minutes ?? 0) + row.minutes);
    candidates.push({ ...row, personId, replaces });
  }
  const rows: CheckedWorkRow[] = [];
  for (const row of candidates) {
    const total = dayTotals.get(dayKey(row.personId, row.date))!;
    if (total > minutesPerDay) fail(row, reading.columns.hours !== undefined ? 'hours' : 'minutes', 'day_over_24_hours', String(total));
    else rows.push(row);
  }
  errors.sort((a, b) => a.line - b.line);
  return { rows, errors };
}

/** The person a row names: by member number, or by person id for a worker who is not a member; null if refused. */
function personOf(row: WorkCsvRow, facts: WorkImportFacts, fail: (row: WorkCsvRow, field: WorkCsvField, code: string, value: string) => void): string | null {
  if (row.memberNumber !== '') {
    const personId = facts.personOfMemberNumber(row.memberNumber);
    if (personId === undefined) {
      fail(row, 'memberNumber', 'unknown_member', row.memberNumber);
      return null;
    }
    if (row.personId !== '' && row.personId !== personId) {
      fail(row, 'personId', 'person_mismatch', row.personId);
      return null;
    }
    return personId;
  }
  if (!facts.isKnownPerson(row.personId)) {
    fail(row, 'personId', 'unknown_person', row.personId);
    return null;
  }
  return row.personId;
}
