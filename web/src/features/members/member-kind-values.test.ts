import { describe, expect, it } from 'vitest';
import type { Labels } from '../reference/use-labels';
import {
  BUILT_IN_KINDS,
  checkMemberKind,
  EMPTY_MEMBER_KIND,
  kindCode,
  kindFilterCodes,
  kindLabel,
  memberKindName,
  organizationsToName,
  toMemberKindInput,
} from './member-kind-values';

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

describe('the kind of a membership, by its code', () => {
  const labels: Labels = { code: (list, code) => `${list}:${code}`, prefecture: (code) => code, organizationName: (o) => o.nameJa };
  const kinds = [
    ...BUILT_IN_KINDS,
    { code: 'supporter', nameJa: '賛助組合員', nameEn: 'Supporting member', engagedInWork: false, builtIn: false },
    { code: 'trainee', nameJa: '研修生', nameEn: null, engagedInWork: true, builtIn: false },
  ];

  it('is named as its organization named it, in the current language, falling back to Japanese', () => {
    expect(memberKindName('supporter', kinds, labels, 'ja')).toBe('賛助組合員');
    expect(memberKindName('supporter', kinds, labels, 'en')).toBe('Supporting member');
    expect(memberKindName('trainee', kinds, labels, 'en')).toBe('研修生');
  });

  it('translates the built-in kinds, also before the organization’s kinds load', () => {
    expect(memberKindName('worker', kinds, labels, 'ja')).toBe('memberKind:worker');
    expect(memberKindName('user', undefined, labels, 'en')).toBe('memberKind:user');
  });

  it('shows a code it cannot name as it is', () => {
    expect(memberKindName('supporter', undefined, labels, 'ja')).toBe('supporter');
    expect(memberKindName('retired', kinds, labels, 'ja')).toBe('retired');
  });
});

describe('the organizations whose kinds a list needs', () => {
  it('are those with a kind of their own on it, each once; worker and user members need none', () => {
    const rows = [
      { organizationId: 'b', kind: 'supporter' },
      { organizationId: 'a', kind: 'worker' },
      { organizationId: 'c', kind: 'user' },
      { organizationId: 'b', kind: 'trainee' },
      { organizationId: 'a', kind: 'trainee' },
    ];
    expect(organizationsToName(rows)).toEqual(['a', 'b']);
    expect(organizationsToName(rows.filter((r) => r.kind === 'worker' || r.kind === 'user'))).toEqual([]);
  });
});

describe('the kinds the registry is filtered by', () => {
  const supporter = { code: 'supporter', nameJa: '賛助組合員', nameEn: null, engagedInWork: false, builtIn: false };

  it('are the organization’s own kinds too', () => {
    expect(kindFilterCodes([...BUILT_IN_KINDS, supporter], '')).toEqual(['worker', 'user', 'supporter']);
  });

  it('are the built-in ones until they load, or across organizations', () => {
    expect(kindFilterCodes(undefined, '')).toEqual(['worker', 'user']);
  });

  it('keep the chosen kind even when the list does not hold it', () => {
    expect(kindFilterCodes(undefined, 'supporter')).toEqual(['worker', 'user', 'supporter']);
    expect(kindFilterCodes([...BUILT_IN_KINDS, supporter], 'supporter')).toEqual(['worker', 'user', 'supporter']);
  });
});
