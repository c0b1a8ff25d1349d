import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateOfDay, dayNumber, isIsoDate, monthEnd } from './calendar.js';

describe('calendar dates', () => {
  it('are real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-1-01')).toBe(false);
    expect(() => dayNumber('not a date')).toThrow(RangeError);
  });

  it('count days, month-ends and months ahead as the calendar does', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2026-11-27')).toBe('2026-11-30');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-27', 12)).toBe('2027-11-27');
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28');
  });

  it('go to a day number and back unchanged', () => {
    fc.assert(fc.property(fc.integer({ min: -300_000, max: 2_900_000 }), (day) => {
      const date = dateOfDay(day);
      expect(isIsoDate(date)).toBe(true);
      expect(dayNumber(date)).toBe(day);
    }));
  });
});
