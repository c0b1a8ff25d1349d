import { describe, expect, it } from 'vitest';
import { checkOrganizationValues, NEW_ORGANIZATION_VALUES, postalDigits, toOrganizationInput } from './organization-form-values';

const values = (overrides: Partial<typeof NEW_ORGANIZATION_VALUES>) => ({ ...NEW_ORGANIZATION_VALUES, ...overrides });

describe('organization form values', () => {
  it('reads postal codes typed with hyphens or full-width digits', () => {
    expect(postalDigits('170-0013')).toBe('1700013');
    expect(postalDigits('１７０－００１３')).toBe('1700013');
  });

  it('sends empty optional fields as null and the month as a number', () => {
    const input = toOrganizationInput(values({ nameJa: ' 労働者協同組合ちば ', postalCode: '289-1624', fiscalYearStartMonth: '4' }));
    expect(input).toMatchObject({ nameJa: '労働者協同組合ちば', nameEn: null, registrationDate: null, postalCode: '2891624', fiscalYearStartMonth: 4 });
  });

  it('asks for a name, a lowercase code when creating, and seven-digit postal codes', () => {
    expect(checkOrganizationValues(values({ code: 'Tokyo East', postalCode: '12-34' }), true)).toEqual({
      code: 'invalid_slug',
      nameJa: 'required',
      postalCode: 'invalid_postal_code',
    });
    expect(checkOrganizationValues(values({ nameJa: '労働者協同組合ちば', code: 'wc-chiba' }), true)).toEqual({});
  });
});
