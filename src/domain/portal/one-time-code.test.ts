import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeAlphabet, codeBits, codeExpiry, codesFromBytes, groupCode, isLoginId, loginIdOf, normalizeCode } from './one-time-code.js';

describe('one-time codes', () => {
  it('draws twelve characters from an alphabet without 0, O, 1, I or L', () => {
    const codes = codesFromBytes(2000, (n) => randomBytes(n));
    expect(codes).toHaveLength(2000);
    expect(new Set(codes).size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(codeAlphabet).not.toMatch(/[0O1IL]/);
    expect(codeBits).toBeGreaterThan(59);
  });

  it('uses every character evenly: bytes past the last whole multiple of the alphabet are thrown away', () => {
    // Bytes 248..255 would favour the first eight characters; fed only those, no code can be made from them.
    let calls = 0;
    const codes = codesFromBytes(1, (n) => {
      calls += 1;
      return calls === 1 ? new Uint8Array(n).fill(250) : new Uint8Array(n).fill(0);
    });
    expect(calls).toBe(2);
    expect(codes).toEqual(['AAAAAAAAAAAA']);
    const counts = new Map<string, number>();
    for (const code of codesFromBytes(5000, (n) => randomBytes(n))) for (const c of code) counts.set(c, (counts.get(c) ?? 0) + 1);
    const expected = (5000 * 12) / codeAlphabet.length;
    for (const c of codeAlphabet) expect(Math.abs(counts.get(c)! - expected) / expected).toBeLessThan(0.15);
  });

  it('prints a code in groups of four and reads it back however it is typed', () => {
    expect(groupCode('K7QD3MXV9RTB')).toBe('K7QD-3MXV-9RTB');
    expect(normalizeCode('k7qd-3mxv-9rtb')).toBe('K7QD3MXV9RTB');
    expect(normalizeCode(' K7QD 3MXV 9RTB ')).toBe('K7QD3MXV9RTB');
    expect(normalizeCode('Ｋ７ＱＤー３ＭＸＶー９ＲＴＢ')).toBe('K7QD3MXV9RTB');
    expect(normalizeCode('K7QD-3MXV-9RT')).toBeNull();
    expect(normalizeCode('K7QD-3MXV-9RT0')).toBeNull();
    expect(normalizeCode("K7QD-3MXV-9RT'; drop table users")).toBeNull();
  });

  it('expires letters after 60 days and e-mails after 14', () => {
    const issued = new Date('2026-11-01T00:00:00Z');
    expect(codeExpiry(issued, 'letter').toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(codeExpiry(issued, 'email').toISOString()).toBe('2026-11-15T00:00:00.000Z');
  });

  it('makes a login id of the organization code and member number, never with an @', () => {
    expect(loginIdOf('chiba', '00123')).toBe('chiba-00123');
    expect(loginIdOf('WC-Tokyo', 'B-0001')).toBe('wc-tokyo-b-0001');
    expect(loginIdOf('chiba', '０１２ 3')).toBe('chiba-012-3');
    expect(isLoginId(loginIdOf('x', 'y@z'))).toBe(true);
    expect(isLoginId('kazuko@example.jp')).toBe(false);
  });
});
