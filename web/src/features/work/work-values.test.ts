import { describe, expect, it } from 'vitest';
import type { WorkRecord } from './work';
import { checkWorkDay, checkWorkRecord, emptyEntry, emptyWorkDay, hoursText, hoursToMinutes, recordValues, toWorkDay, toWorkRecordChange, workField } from './work-values';

const today = '2026-11-27';

describe('hours as typed', () => {
  it('reads 7.5, 7:30, full-width and Japanese, within a day', () => {
    expect(hoursToMinutes('7.5')).toBe(450);
    expect(hoursToMinutes(' ７：３０ ')).toBe(450);
    expect(hoursToMinutes('7時間30分')).toBe(450);
    expect(hoursToMinutes('0')).toBeNull();
    expect(hoursToMinutes('24:01')).toBeNull();
    expect(hoursToMinutes('seven')).toBeNull();
    expect(hoursText(450)).toBe('7:30');
    expect(hoursText(45)).toBe('0:45');
  });
});

describe("a person's day as typed", () => {
  const day = { ...emptyWorkDay('2026-11-02'), personId: 'p1', entries: [{ ...emptyEntry(), site: ' 池袋 ', businessLine: 'eldercare', hours: '5' }, { ...emptyEntry(), site: '大塚', hours: '3:15', note: ' 応援 ' }] };

  it('becomes one entry per line, in minutes', () => {
    expect(checkWorkDay(day, today)).toEqual({});
    expect(toWorkDay(day)).toEqual({
      personId: 'p1', date: '2026-11-02',
      entries: [{ site: '池袋', businessLine: 'eldercare', role: '', minutes: 300, note: null }, { site: '大塚', businessLine: '', role: '', minutes: 195, note: '応援' }],
    });
  });

  it('needs a person, a day until today, hours on every line, no line twice and at most 24 hours', () => {
    expect(checkWorkDay({ ...emptyWorkDay('2026-11-28'), entries: [emptyEntry()] }, today)).toEqual({ personId: 'required', date: 'future_date', 'entries.0.hours': 'required' });
    const twice = { ...day, entries: [{ ...day.entries[0]!, hours: '20' }, { ...day.entries[0]!, hours: 'x' }, { ...day.entries[1]!, hours: '5' }] };
    expect(checkWorkDay(twice, today)).toEqual({ 'entries.1.hours': 'invalid_hours', 'entries.1.site': 'duplicate_entry', entries: 'day_over_24_hours' });
    expect(workField('entries.1.minutes')).toBe('entries.1.hours');
    expect(workField('minutes')).toBe('hours');
    expect(workField('entries')).toBe('entries');
  });
});

describe('correcting a record', () => {
  const record = {
    id: 'r1', version: 3, date: '2026-11-02', site: '池袋', businessLine: 'eldercare', role: '', minutes: 450, note: null,
  } as WorkRecord;

  it('sends only what changed, with the version seen', () => {
    const values = recordValues(record);
    expect(values).toMatchObject({ hours: '7:30', note: '' });
    expect(toWorkRecordChange(values, record)).toEqual({ version: 3 });
    expect(toWorkRecordChange({ ...values, hours: '7.25', note: '早退' }, record)).toEqual({ version: 3, minutes: 435, note: '早退' });
    expect(checkWorkRecord({ ...values, hours: '', date: '' }, today)).toEqual({ hours: 'required', date: 'required' });
  });
});
