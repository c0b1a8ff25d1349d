import { describe, expect, it } from 'vitest';
import { bylawField, checkBylaws, emptyBylaws, parseFraction, toBylawVersion } from './bylaw-values';

describe('bylaw versions as typed', () => {
  it('reads fractions written either way', () => {
    expect(parseFraction('2/3')).toEqual({ numerator: 2, denominator: 3 });
    expect(parseFraction('３分の２')).toEqual({ numerator: 2, denominator: 3 });
    expect(parseFraction('3/2')).toBeNull();
    expect(parseFraction('half')).toBeNull();
  });

  it('states only the settings filled in', () => {
    const values = { ...emptyBylaws(true, '2025-04-01'), title: ' 定款 ', meetingNoticeDays: '14', specialMajority: '3/4', writtenVoting: 'false' as const, sharePrice: '10,000' };
    expect(checkBylaws(values)).toEqual({});
    expect(toBylawVersion(values)).toEqual({
      title: '定款', text: '', foundingEffectiveFrom: '2025-04-01',
      settings: { meetingNoticeDays: 14, specialMajority: { numerator: 3, denominator: 4 }, writtenVoting: false, sharePrice: 10000 },
    });
    expect(toBylawVersion({ ...values, founding: false })).not.toHaveProperty('foundingEffectiveFrom');
  });

  it('marks what cannot be read, and places the server\'s setting problems on their fields', () => {
    expect(checkBylaws({ ...emptyBylaws(false, ''), ordinaryQuorum: '1/0', meetingNoticeDays: 'ten' })).toEqual({ title: 'required', ordinaryQuorum: 'not_a_fraction', meetingNoticeDays: 'out_of_range' });
    expect(bylawField('settings.meetingNoticeDays')).toBe('meetingNoticeDays');
    expect(bylawField('foundingEffectiveFrom')).toBe('foundingEffectiveFrom');
  });
});
