import { describe, expect, it } from 'vitest';
import { checkResult, checkSite, EMPTY_SITE, toResultInput, toSiteInput } from './site-values';

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
