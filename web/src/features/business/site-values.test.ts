import { describe, expect, it } from 'vitest';
import { checkBusinessLine, checkResult, checkSite, EMPTY_SITE, lineCode, toResultInput, toSiteInput } from './site-values';

describe('the site form', () => {
  it('asks for a name, a business line, and a commissioner when commissioned', () => {
    expect(checkSite({ ...EMPTY_SITE, operation: 'commissioned' })).toEqual({ nameJa: 'required', businessLine: 'required', commissionerName: 'required' });
    expect(checkSite({ ...EMPTY_SITE, nameJa: 'あじさい', businessLine: 'eldercare', openedOn: '2020-04-01', closedOn: '2020-03-31', capacity: '2.5' }))
      .toEqual({ closedOn: 'closed_before_opened', capacity: 'not_whole' });
  });

  it('sends full-width digits as numbers and drops the commissioner of an own site', () => {
    expect(toSiteInput({ ...EMPTY_SITE, nameJa: ' あじさい ', businessLine: 'eldercare', postalCode: '２８９−１２３４', capacity: '２０', commissionerName: '芝山町' }))
      .toMatchObject({ nameJa: 'あじさい', postalCode: '2891234', capacity: 20, commissionerName: null, nameEn: null });
  });
});

describe('the result form', () => {
  it('takes yen with commas and leaves counts out when empty', () => {
    const values = { turnover: '12,000,000', expenses: '11500000円', peopleServed: '', workersMembers: '9', workersNonMembers: '' };
    expect(checkResult(values)).toEqual({});
    expect(toResultInput(values, 2)).toEqual({ turnover: 12_000_000, expenses: 11_500_000, peopleServed: null, workersMembers: 9, workersNonMembers: null, version: 2 });
    expect(checkResult({ ...values, turnover: '1.5', peopleServed: 'many' })).toEqual({ turnover: 'not_whole_yen', peopleServed: 'not_whole' });
  });
});

describe('a business line the federation adds', () => {
  it('takes a new lower-case code and both names', () => {
    const existing = [{ code: 'eldercare', nameJa: '高齢者介護', nameEn: 'Eldercare', builtIn: true }];
    expect(lineCode('Ｂａｋｅｒｙ ')).toBe('bakery');
    expect(checkBusinessLine({ code: 'Bakery', nameJa: 'パン製造', nameEn: 'Bakery' }, existing)).toEqual({});
    expect(checkBusinessLine({ code: 'eldercare', nameJa: '', nameEn: '' }, existing)).toEqual({ code: 'duplicate_code', nameJa: 'required', nameEn: 'required' });
    expect(checkBusinessLine({ code: 'パン', nameJa: 'パン', nameEn: 'Bread' }, existing)).toEqual({ code: 'invalid_slug' });
  });
});
