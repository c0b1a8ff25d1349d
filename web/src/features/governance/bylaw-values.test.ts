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

  it('states the terms of those elected in whole months, within the Act (directors 24, auditors 48, delegates 36)', () => {
    const values = { ...emptyBylaws(false, ''), title: '定款変更', directorTermMonths: '12', delegateTermMonths: '２４' };
    expect(checkBylaws(values)).toEqual({});
    expect(toBylawVersion(values).settings).toEqual({ directorTermMonths: 12, delegateTermMonths: 24 });
    expect(checkBylaws({ ...values, directorTermMonths: '25', auditorTermMonths: '0', delegateTermMonths: 'one year' })).toEqual({
      directorTermMonths: 'out_of_range', auditorTermMonths: 'out_of_range', delegateTermMonths: 'out_of_range',
    });
  });

  it('states the surplus rates, how work is measured with its role weights, and withholding', () => {
    const values = {
      ...emptyBylaws(false, ''), title: '定款変更', legalReserveRate: '1/5', educationCarryForwardRate: '２０分の１', workMeasure: 'weighted_hours' as const,
      roleWeights: [{ role: ' coordinator ', percent: '125' }, { role: '', percent: '' }, { role: '現場責任者', percent: '110' }], withholdDividends: 'true' as const,
    };
    expect(checkBylaws(values)).toEqual({});
    expect(toBylawVersion(values).settings).toEqual({
      legalReserveRate: { numerator: 1, denominator: 5 }, educationCarryForwardRate: { numerator: 1, denominator: 20 }, workMeasure: 'weighted_hours',
      roleWeights: { coordinator: 125, 現場責任者: 110 }, withholdDividends: true,
    });
    // Left empty, nothing about work or the funds is stated.
    expect(toBylawVersion({ ...emptyBylaws(false, ''), title: 'x' }).settings).toEqual({});
  });

  it('marks a role weight without a name, a repeated role, a weight outside 1–1,000 % and a rate that is not a fraction', () => {
    const values = {
      ...emptyBylaws(false, ''), title: 'x', jobCreationFundRate: '5%',
      roleWeights: [{ role: '', percent: '120' }, { role: 'a', percent: '0' }, { role: 'a', percent: '1001' }],
    };
    expect(checkBylaws(values)).toEqual({
      jobCreationFundRate: 'not_a_fraction', 'roleWeights.0.role': 'required', 'roleWeights.1.percent': 'out_of_range', 'roleWeights.2.role': 'duplicate',
      'roleWeights.2.percent': 'out_of_range',
    });
    expect(bylawField('settings.roleWeights.coordinator')).toBe('roleWeights');
  });
});
