import type { FieldErrors } from '../../errors';
import { parseHours } from '../../../../src/domain/work/duration';
import { MINUTES_PER_DAY, WORK_TEXT_LIMITS, type WorkDayInput, type WorkRecord, type WorkRecordChange } from './work';

/** One line of a day as typed: where, in which business line and role, and the hours (7.5 or 7:30). */
export interface WorkEntryValues {
  site: string;
  businessLine: string;
  role: string;
  hours: string;
  note: string;
}

/** A person's day as typed: one line per site and business line. */
export interface WorkDayValues {
  personId: string;
  date: string;
  entries: WorkEntryValues[];
}

export const emptyEntry = (): WorkEntryValues => ({ site: '', businessLine: '', role: '', hours: '', note: '' });

export const emptyWorkDay = (date: string): WorkDayValues => ({ personId: '', date, entries: [emptyEntry()] });

/** Hours as people type them — 7.5, 7:30, ７：３０, 7時間30分 — in whole minutes; null when unreadable or not 1 minute to 24 hours. */
export function hoursToMinutes(text: string): number | null {
  const minutes = parseHours(text.normalize('NFKC').trim());
  return minutes !== null && minutes >= 1 && minutes <= MINUTES_PER_DAY ? minutes : null;
}

/** Minutes as the hours field shows them: 450 → 7:30. */
export const hoursText = (minutes: number): string => `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

const longerThan = (text: string, max: number) => [...text.trim()].length > max;

/** The problems of one line, on `prefix` + field. */
function entryErrors(entry: WorkEntryValues, prefix: string, errors: FieldErrors): void {
  if (!entry.hours.trim()) errors[`${prefix}hours`] = 'required';
  else if (hoursToMinutes(entry.hours) === null) errors[`${prefix}hours`] = 'invalid_hours';
  for (const field of ['site', 'businessLine', 'role', 'note'] as const) {
    if (longerThan(entry[field], WORK_TEXT_LIMITS[field])) errors[`${prefix}${field}`] = 'too_long';
  }
}

const dateErrors = (date: string, today: string, errors: FieldErrors): void => {
  if (!date) errors.date = 'required';
  else if (date > today) errors.date = 'future_date';
};

/** Checks a day before it is sent: the person, a day until today, each line, no line twice, and at most 24 hours. */
export function checkWorkDay(values: WorkDayValues, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.personId) errors.personId = 'required';
  dateErrors(values.date, today, errors);
  const seen = new Set<string>();
  let total = 0;
  values.entries.forEach((entry, i) => {
    entryErrors(entry, `entries.${i}.`, errors);
    const key = `${entry.site.trim()}\u0000${entry.businessLine}`;
    if (seen.has(key)) errors[`entries.${i}.site`] = 'duplicate_entry';
    seen.add(key);
    total += hoursToMinutes(entry.hours) ?? 0;
  });
  if (total > MINUTES_PER_DAY) errors.entries = 'day_over_24_hours';
  return errors;
}

const noteOf = (text: string): string | null => text.trim() || null;

export function toWorkDay(values: WorkDayValues): WorkDayInput {
  return {
    personId: values.personId,
    date: values.date,
    entries: values.entries.map((e) => ({ site: e.site.trim(), businessLine: e.businessLine, role: e.role.trim(), minutes: hoursToMinutes(e.hours) ?? 0, note: noteOf(e.note) })),
  };
}

/** The server names minutes where the form has hours (`entries.0.minutes` → `entries.0.hours`). */
export const workField = (field: string): string => field.replace(/(^|\.)minutes$/, '$1hours');

/** One record as its edit form shows it. */
export interface WorkRecordValues extends WorkEntryValues {
  date: string;
}

export const recordValues = (record: WorkRecord): WorkRecordValues => ({
  date: record.date, site: record.site, businessLine: record.businessLine, role: record.role, hours: hoursText(record.minutes), note: record.note ?? '',
});

export function checkWorkRecord(values: WorkRecordValues, today: string): FieldErrors {
  const errors: FieldErrors = {};
  dateErrors(values.date, today, errors);
  entryErrors(values, '', errors);
  return errors;
}

/** Only what changed, with the version the editor saw. */
export function toWorkRecordChange(values: WorkRecordValues, record: WorkRecord): WorkRecordChange {
  const change: WorkRecordChange = { version: record.version };
  const minutes = hoursToMinutes(values.hours);
  if (values.date !== record.date) change.date = values.date;
  if (values.site.trim() !== record.site) change.site = values.site.trim();
  if (values.businessLine !== record.businessLine) change.businessLine = values.businessLine;
  if (values.role.trim() !== record.role) change.role = values.role.trim();
  if (minutes !== null && minutes !== record.minutes) change.minutes = minutes;
  if (noteOf(values.note) !== record.note) change.note = noteOf(values.note);
  return change;
}
