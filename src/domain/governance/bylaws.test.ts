import { describe, expect, it } from 'vitest';
import { lawProfiles } from '../law-profiles/profiles.js';
import { DomainError } from '../shared/errors.js';
import { checkBylawSettings, settingsInForce, type BylawSettings } from './bylaws.js';

const act = lawProfiles[0]!;

const problems = (settings: BylawSettings): string[] => {
  try {
    checkBylawSettings(settings, act);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.errors.map((e) => `${e.field}:${e.code}`);
  }
};

describe('terms of those elected', () => {
  it('default to the longest the Act allows for directors (24 months) and auditors (48), and one year for delegates', () => {
    const settings = settingsInForce([], act, '2026-06-20');
    expect([settings.directorTermMonths.value, settings.auditorTermMonths.value, settings.delegateTermMonths.value]).toEqual([24, 48, 12]);
    expect(settings.delegateTermMonths.source).toEqual({ kind: 'law_profile', profileId: act.id });
  });

  it('take the bylaws\' shorter terms, and refuse longer ones than the Act allows (directors 2 years, auditors 4, delegates 3)', () => {
    expect(problems({ directorTermMonths: 12, auditorTermMonths: 24, delegateTermMonths: 36 })).toEqual([]);
    expect(problems({ directorTermMonths: 25, auditorTermMonths: 49, delegateTermMonths: 37 })).toEqual([
      'settings.directorTermMonths:out_of_range', 'settings.auditorTermMonths:out_of_range', 'settings.delegateTermMonths:out_of_range',
    ]);
    expect(problems({ delegateTermMonths: 0 })).toEqual(['settings.delegateTermMonths:out_of_range']);
    const versions = [{ id: 'v1', versionNo: 1, effectiveFrom: '2022-10-03', adoptedByMotionId: null, founding: true, settings: { delegateTermMonths: 24 } }];
    expect(settingsInForce(versions, act, '2026-06-20').delegateTermMonths.value).toBe(24);
  });
});
