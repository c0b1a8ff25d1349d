import { describe, expect, it } from 'vitest';
import { checkCode, formatCode, normalizeCode } from './sign-in-code';

describe('a sign-in code as typed', () => {
  it('keeps letters and digits only, in upper case', () => {
    expect(normalizeCode(' abcd-efgh jkmn ')).toBe('ABCDEFGHJKMN');
    expect(normalizeCode('ABCD—EFGH_JKMN')).toBe('ABCDEFGHJKMN');
  });

  it('reads full-width letters, digits, hyphens and spaces as a Japanese keyboard types them', () => {
    expect(normalizeCode('ＡＢＣＤ－ｅｆｇｈ　２３４５')).toBe('ABCDEFGH2345');
  });

  it('is grouped in fours as the letter prints it, a partial code as far as it goes', () => {
    expect(formatCode('abcdefghjkmn')).toBe('ABCD-EFGH-JKMN');
    expect(formatCode('abcde')).toBe('ABCD-E');
    expect(formatCode('')).toBe('');
    expect(formatCode('ABCDEFGHJKMNPQ')).toBe('ABCD-EFGH-JKMN');
  });

  it('must be there and have twelve characters', () => {
    expect(checkCode('  ')).toBe('required');
    expect(checkCode('ABCD-EFGH')).toBe('invalid_format');
    expect(checkCode('ABCD-EFGH-JKMN-P')).toBe('invalid_format');
    expect(checkCode('ａｂｃｄ ｅｆｇｈ ｊｋｍｎ')).toBeUndefined();
  });
});
