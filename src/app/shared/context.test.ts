import { describe, expect, it } from 'vitest';
import { newId } from './context.js';

describe('newId', () => {
  it('makes version-7 UUIDs that sort by time', () => {
    const id = newId(Date.UTC(2026, 10, 26));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId(1_000) < newId(2_000)).toBe(true);
    expect(new Set(Array.from({ length: 10_000 }, () => newId(5)))).toHaveProperty('size', 10_000);
  });
});
