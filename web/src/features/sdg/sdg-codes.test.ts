import { describe, expect, it } from 'vitest';
import { codesByGoal, codesNamedByErrors, compareSdgCodes, goalOfCode, goalsOfCodes, replaceSubjectTags, sortSdgCodes, tagsBySubject } from './sdg-codes';
import type { SdgTag } from './sdg';

describe('compareSdgCodes and sortSdgCodes', () => {
  it('puts the goal first, numbered targets by number, then lettered ones', () => {
    expect(sortSdgCodes(['8.a', '8.10', '8', '8.2', '8.1', '8.b'])).toEqual(['8', '8.1', '8.2', '8.10', '8.a', '8.b']);
  });

  it('orders goals by number, not as text', () => {
    expect(sortSdgCodes(['10.1', '2', '1.a', '17.19', '1'])).toEqual(['1', '1.a', '2', '10.1', '17.19']);
  });

  it('keeps each code once', () => {
    expect(sortSdgCodes(['8.5', '8.5', '3'])).toEqual(['3', '8.5']);
  });

  it('is a consistent comparison', () => {
    expect(compareSdgCodes('8.10', '8.9')).toBeGreaterThan(0);
    expect(compareSdgCodes('8.9', '8.a')).toBeLessThan(0);
    expect(compareSdgCodes('8.5', '8.5')).toBe(0);
  });
});

describe('goals of codes', () => {
  it('finds the goal of a goal or target', () => {
    expect(goalOfCode('8.5')).toBe(8);
    expect(goalOfCode('17')).toBe(17);
    expect(goalOfCode('x')).toBeNull();
  });

  it('lists each goal once, in order', () => {
    expect(goalsOfCodes(['8.5', '3', '8.b', 'x'])).toEqual([3, 8]);
  });

  it('groups the codes by goal in catalogue order', () => {
    expect(codesByGoal(['8.b', '3', '8.5', '8'])).toEqual([
      [3, ['3']],
      [8, ['8', '8.5', '8.b']],
    ]);
  });
});

describe('tags by subject', () => {
  const tags: SdgTag[] = [
    { subjectType: 'site', subjectId: 's1', code: '8.10' },
    { subjectType: 'site', subjectId: 's1', code: '8.5' },
    { subjectType: 'business-line', subjectId: 's1', code: '3' },
  ];

  it('keeps a site and a business line of the same id apart, codes in order', () => {
    const bySubject = tagsBySubject(tags);
    expect(bySubject.get('site:s1')).toEqual(['8.5', '8.10']);
    expect(bySubject.get('business-line:s1')).toEqual(['3']);
  });

  it("replaces one subject's tags only", () => {
    const replaced = replaceSubjectTags(tags, 'site', 's1', [{ subjectType: 'site', subjectId: 's1', code: '1' }]);
    expect(replaced).toEqual([
      { subjectType: 'business-line', subjectId: 's1', code: '3' },
      { subjectType: 'site', subjectId: 's1', code: '1' },
    ]);
  });
});

describe('codesNamedByErrors', () => {
  it('names the codes the field errors point at, once each', () => {
    const errors = [{ field: 'codes.1' }, { field: 'codes.3' }, { field: 'codes.1' }, { field: 'codes' }, { field: 'codes.9' }];
    expect(codesNamedByErrors(errors, ['8', '8.z', '3', '99'])).toEqual(['8.z', '99']);
  });
});
