import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { checkSite, isLocalGovernmentCode, type SiteFields } from './site.js';

const lines = ['eldercare', 'childcare', 'bakery'];
const buildSite = (overrides: Partial<SiteFields> = {}): SiteFields => ({
  nameJa: 'あじさい', nameEn: null, businessLine: 'eldercare', postalCode: '2891234', prefectureCode: '12', address: '山武郡芝山町',
  openedOn: '2015-04-01', closedOn: null, operation: 'own', commissionerName: null, commissionerCode: null, capacity: 20, ...overrides,
});

const problems = (site: SiteFields): string[] => {
  try {
    checkSite(site, lines);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.errors.map((e) => `${e.field}:${e.code}`);
  }
};

describe('a site (事業所)', () => {
  it('takes a complete own site, and a commissioned one naming its commissioner', () => {
    expect(problems(buildSite())).toEqual([]);
    expect(problems(buildSite({ operation: 'commissioned', commissionerName: '芝山町', commissionerCode: '124095' }))).toEqual([]);
    expect(problems(buildSite({ businessLine: 'bakery', capacity: null, postalCode: null, prefectureCode: null, openedOn: null }))).toEqual([]);
  });

  it('closes on or after the day it opened, never before', () => {
    expect(problems(buildSite({ closedOn: '2015-04-01' }))).toEqual([]);
    expect(problems(buildSite({ closedOn: '2015-03-31' }))).toEqual(['closedOn:closed_before_opened']);
    expect(problems(buildSite({ openedOn: '2015-02-30' }))).toEqual(['openedOn:invalid_date']);
  });

  it('reports every problem at once, each with its field', () => {
    expect(problems(buildSite({
      nameJa: ' ', businessLine: 'mining', postalCode: '123', prefectureCode: '48', capacity: 2.5, operation: 'commissioned', commissionerCode: '011003',
    }))).toEqual([
      'nameJa:required', 'businessLine:unknown_business_line', 'postalCode:invalid_format', 'prefectureCode:unknown_prefecture', 'capacity:not_whole',
      'commissionerName:required', 'commissionerCode:invalid_local_government_code',
    ]);
    expect(problems(buildSite({ capacity: -1 }))).toEqual(['capacity:not_whole']);
    expect(problems(buildSite({ commissionerName: '千葉県' }))).toEqual(['commissionerName:not_commissioned']);
  });

  it('checks a local-government code by its check digit (北海道 010006, 札幌市 011002)', () => {
    expect(isLocalGovernmentCode('010006')).toBe(true);
    expect(isLocalGovernmentCode('011002')).toBe(true);
    expect(isLocalGovernmentCode('011003')).toBe(false);
    expect(isLocalGovernmentCode('01100')).toBe(false);
  });
});
