import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { changedFields, checkOrganizationRules, normalizePostalCode, withOrganizationDefaults, type OrganizationFields } from './organization.js';

const base: OrganizationFields = {
  code: 'wc-chiba', kind: 'organization', parentId: 'fed', nameJa: '労働者協同組合ワーカーズコープちば', nameEn: null,
  legalForm: 'worker-cooperative', lawProfile: 'jp-worker-coop-2022', registrationDate: null, fiscalYearStartMonth: 4,
  prefectureCode: '12', postalCode: null, address: null, businessLines: [], status: 'active',
};

/** The federation's lines: two of the seed's and one it added. */
const knownLines = ['eldercare', 'childcare', 'bakery'];

function ruleCodes(fields: OrganizationFields, id: string | null = 'self'): string[] {
  try {
    checkOrganizationRules(fields, id, knownLines);
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.kind).toBe('rule_violation');
    return error.errors.map((e) => `${e.field}:${e.code}`);
  }
}

describe('organization rules', () => {
  it('accepts a worker co-operative named as the Act requires', () => {
    expect(ruleCodes(base)).toEqual([]);
  });

  it('requires 労働者協同組合 in the name of a worker co-operative, and only there', () => {
    expect(ruleCodes({ ...base, nameJa: 'ワーカーズコープちば' })).toEqual(['nameJa:worker_coop_name']);
    expect(ruleCodes({ ...base, nameJa: '特定非営利活動法人 北の風', legalForm: 'specified-nonprofit' })).toEqual([]);
  });

  it('keeps federations at the top and member organizations inside one', () => {
    expect(ruleCodes({ ...base, kind: 'federation', legalForm: 'other' })).toEqual(['parentId:federation_has_parent']);
    expect(ruleCodes({ ...base, parentId: null })).toEqual(['parentId:required']);
    expect(ruleCodes({ ...base, parentId: 'self' }, 'self')).toEqual(['parentId:self_parent']);
  });

  it('reports every broken rule at once', () => {
    expect(ruleCodes({ ...base, nameJa: 'ちば', parentId: null, businessLines: ['eldercare', 'eldercare'] })).toEqual([
      'nameJa:worker_coop_name', 'parentId:required', 'businessLines:duplicate',
    ]);
  });

  it("takes any of the federation's business lines, its own included, and names the position of one it lacks", () => {
    expect(ruleCodes({ ...base, businessLines: ['eldercare', 'bakery'] })).toEqual([]);
    expect(ruleCodes({ ...base, businessLines: ['bakery', 'mining'] })).toEqual(['businessLines.1:unknown_business_line']);
  });
});

describe('normalizePostalCode', () => {
  it('stores seven digits whatever hyphen was typed', () => {
    expect(normalizePostalCode('289-1624')).toBe('2891624');
    expect(normalizePostalCode('2891624')).toBe('2891624');
    expect(normalizePostalCode('289－1624')).toBe('2891624');
    expect(normalizePostalCode('')).toBeNull();
    expect(normalizePostalCode(null)).toBeNull();
  });
});

describe('changedFields', () => {
  it('names exactly the fields whose values differ, arrays compared by value', () => {
    expect(changedFields(base, { ...base })).toEqual([]);
    expect(changedFields(base, { ...base, nameEn: 'Workers Co-op Chiba', businessLines: ['eldercare'] })).toEqual(['nameEn', 'businessLines']);
    expect(changedFields({ ...base, businessLines: ['eldercare'] }, { ...base, businessLines: ['eldercare'] })).toEqual([]);
  });
});

describe('withOrganizationDefaults', () => {
  it('starts a new organization active, under the 2022 Act, with an April fiscal year, and keeps what was given', () => {
    const created = withOrganizationDefaults({ code: 'x', nameJa: '労働者協同組合エックス', legalForm: 'worker-cooperative', parentId: 'fed', fiscalYearStartMonth: 1, nameEn: undefined });
    expect(created).toMatchObject({ kind: 'organization', lawProfile: 'jp-worker-coop-2022', fiscalYearStartMonth: 1, status: 'active', nameEn: null, businessLines: [] });
    expect(withOrganizationDefaults({ code: 'y', nameJa: 'y', legalForm: 'other', parentId: null, kind: 'federation' }).fiscalYearStartMonth).toBe(4);
  });
});
