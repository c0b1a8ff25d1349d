import { describe, expect, it } from 'vitest';
import type { Labels } from '../reference/use-labels';
import { checkMemberKind, EMPTY_MEMBER_KIND, kindCode, kindLabel, toMemberKindInput } from './member-kind-values';

const builtIn = [{ code: 'worker' }, { code: 'user' }];

describe('defining a member kind', () => {
  it('needs a code of lowercase letters, digits and hyphens, and a Japanese name', () => {
    expect(checkMemberKind(EMPTY_MEMBER_KIND, builtIn)).toEqual({ code: 'required', nameJa: 'required' });
    expect(checkMemberKind({ ...EMPTY_MEMBER_KIND, code: 'sup porter', nameJa: '賛助組合員' }, builtIn)).toEqual({ code: 'invalid_kind_code' });
    expect(checkMemberKind({ ...EMPTY_MEMBER_KIND, code: 'x'.repeat(41), nameJa: '賛助組合員' }, builtIn)).toEqual({ code: 'too_long' });
    expect(checkMemberKind({ ...EMPTY_MEMBER_KIND, code: 'supporter', nameJa: '賛助組合員' }, builtIn)).toEqual({});
  });

  it('refuses a code the organization offers already, built-in ones included', () => {
    expect(checkMemberKind({ ...EMPTY_MEMBER_KIND, code: 'Worker', nameJa: '労働者' }, builtIn)).toEqual({ code: 'duplicate_kind' });
  });

  it('takes a code typed full-width or in capitals as the lowercase code', () => {
    expect(kindCode(' ｓｕｐｐｏｒｔｅｒ－２ ')).toBe('supporter-2');
    expect(kindCode('Supporter')).toBe('supporter');
  });

  it('sends an empty English name as null', () => {
    expect(toMemberKindInput({ code: 'Supporter', nameJa: ' 賛助組合員 ', nameEn: ' ', engagedInWork: true })).toEqual({
      code: 'supporter', nameJa: '賛助組合員', nameEn: null, engagedInWork: true,
    });
  });
});

describe('the name of a member kind', () => {
  const labels: Labels = { code: (list, code) => `${list}:${code}`, prefecture: (code) => code, organizationName: (o) => o.nameJa };
  const own = { code: 'supporter', nameJa: '賛助組合員', nameEn: null, engagedInWork: false, builtIn: false };

  it('translates the built-in kinds and uses the names an organization gave its own', () => {
    expect(kindLabel({ ...own, code: 'worker', nameJa: null, builtIn: true }, labels, 'ja')).toBe('memberKind:worker');
    expect(kindLabel(own, labels, 'ja')).toBe('賛助組合員');
    expect(kindLabel({ ...own, nameEn: 'Supporting member' }, labels, 'en')).toBe('Supporting member');
  });

  it('falls back to the other language’s name, then the code', () => {
    expect(kindLabel(own, labels, 'en')).toBe('賛助組合員');
    expect(kindLabel({ ...own, nameJa: null }, labels, 'ja')).toBe('supporter');
  });
});
