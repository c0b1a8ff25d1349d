import { describe, expect, it } from 'vitest';
import { freshRandomBytes } from './random-pool.js';

describe('freshRandomBytes', () => {
  it('hands out copies that differ from one another, across refills, and that later draws do not change', () => {
    const first = freshRandomBytes(20);
    const kept = Array.from(first);
    const seen = new Set<string>();
    // 1,000 draws of 20 bytes: about five refills of the 4 KiB pool.
    for (let i = 0; i < 1_000; i++) {
      const bytes = freshRandomBytes(20);
      expect(bytes).toHaveLength(20);
      seen.add(Buffer.from(bytes).toString('hex'));
    }
    expect(seen.size).toBe(1_000);
    expect(Array.from(first)).toEqual(kept);
    expect(() => freshRandomBytes(5_000)).toThrow(RangeError);
  });
});
