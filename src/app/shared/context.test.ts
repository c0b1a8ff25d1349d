import { describe, expect, it } from 'vitest';
import { localDate, newId, today } from './context.js';

describe('newId', () => {
  it('makes version-7 UUIDs that sort by time', () => {
    const id = newId(Date.UTC(2026, 10, 26));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId(1_000) < newId(2_000)).toBe(true);
    expect(new Set(Array.from({ length: 10_000 }, () => newId(5)))).toHaveProperty('size', 10_000);
  });
});

describe('today', () => {
  it("is Japan's calendar day: UTC is still on the day before until 09:00 in Japan", () => {
    expect(today({ now: () => new Date('2026-11-25T15:00:00Z') })).toBe('2026-11-26');
    expect(today({ now: () => new Date('2026-11-25T14:59:59Z') })).toBe('2026-11-25');
    expect(localDate(new Date('2027-03-31T20:00:00Z'))).toBe('2027-04-01');
  });
});
