import { describe, expect, it } from 'vitest';
import { addDays, japanDateOf, japanInputToUtc, utcToJapanInput } from './meeting-time';

describe('meeting times', () => {
  it('reads what people type as Japan time and sends UTC', () => {
    expect(japanInputToUtc('2026-06-20T13:30')).toBe('2026-06-20T04:30:00.000Z');
    // Early morning in Japan is still the previous day in UTC.
    expect(japanInputToUtc('2026-06-20T08:00')).toBe('2026-06-19T23:00:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    expect(japanInputToUtc('')).toBeNull();
    expect(japanInputToUtc('2026-02-30T10:00')).toBeNull();
    expect(japanInputToUtc('2026-06-20')).toBeNull();
    expect(japanInputToUtc('2026-06-20T24:30')).toBeNull();
  });

  it('shows UTC timestamps as Japan time, and the meeting day in Japan', () => {
    expect(utcToJapanInput('2026-06-20T04:30:00Z')).toBe('2026-06-20T13:30');
    expect(utcToJapanInput('2026-06-19T23:00:00.000Z')).toBe('2026-06-20T08:00');
    expect(japanDateOf('2026-06-19T23:00:00.000Z')).toBe('2026-06-20');
    expect(utcToJapanInput('nonsense')).toBe('');
  });

  it('counts days across months and years', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
