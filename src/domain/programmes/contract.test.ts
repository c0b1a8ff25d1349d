import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { checkCommissioner, checkContract, commonIndicators, erasureDate, type CommissionerFields, type ContractFields } from './contract.js';

const problems = (check: () => void) => {
  try {
    check();
    return [];
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.errors.map((e) => `${e.field}:${e.code}`);
  }
};

const sapporo: CommissionerFields = { kind: 'municipality', nameJa: '札幌市', nameEn: 'Sapporo', localGovernmentCode: '011002', prefectureCode: '01' };

describe('a commissioner', () => {
  it('is a prefecture or a municipality by its local-government code, or a ministry without one', () => {
    expect(problems(() => checkCommissioner(sapporo))).toEqual([]);
    expect(problems(() => checkCommissioner({ kind: 'prefecture', nameJa: '北海道', nameEn: null, localGovernmentCode: '010006', prefectureCode: '01' }))).toEqual([]);
    expect(problems(() => checkCommissioner({ kind: 'ministry', nameJa: '厚生労働省', nameEn: 'MHLW', localGovernmentCode: null, prefectureCode: null }))).toEqual([]);
  });

  it('refuses a code with a wrong check digit, at the wrong level, in another prefecture, or where none belongs', () => {
    expect(problems(() => checkCommissioner({ ...sapporo, localGovernmentCode: '011003' }))).toEqual(['localGovernmentCode:invalid_local_government_code']);
    expect(problems(() => checkCommissioner({ ...sapporo, kind: 'prefecture' }))).toEqual(['localGovernmentCode:not_a_prefecture']);
    expect(problems(() => checkCommissioner({ ...sapporo, localGovernmentCode: '010006' }))).toEqual(['localGovernmentCode:not_a_municipality']);
    expect(problems(() => checkCommissioner({ ...sapporo, prefectureCode: '13' }))).toEqual(['prefectureCode:prefecture_mismatch']);
    expect(problems(() => checkCommissioner({ ...sapporo, localGovernmentCode: null }))).toEqual(['localGovernmentCode:required']);
    expect(problems(() => checkCommissioner({ ...sapporo, kind: 'ministry' }))).toEqual(['localGovernmentCode:not_local_government']);
    expect(problems(() => checkCommissioner({ ...sapporo, nameJa: ' ', prefectureCode: '48' }))).toEqual(['nameJa:required', 'prefectureCode:unknown_prefecture']);
  });
});

const contract: ContractFields = {
  programmeJa: '地域若者サポートステーション事業', programmeEn: 'Youth Support Station', commissionerId: 'mhlw', periodFrom: '2026-04-01', periodUntil: '2027-03-31',
  amount: 28_600_000, siteIds: ['a', 'b'], indicators: commonIndicators.map((i, n) => ({ ...i, target: 10 * (n + 1) })), retentionMonths: 60,
};

describe('a contract', () => {
  it('accepts a programme with its period, amount, offices and agreed indicators', () => {
    expect(problems(() => checkContract(contract))).toEqual([]);
  });

  it('reports every problem at once, each indicator by its row', () => {
    expect(problems(() => checkContract({
      ...contract, programmeJa: '', periodUntil: '2026-03-31', amount: 1.5, siteIds: ['a', 'a'], retentionMonths: 121,
      indicators: [{ code: 'job-placements', nameJa: '就職者数', nameEn: null, target: -1 }, { code: 'job-placements', nameJa: '', nameEn: null, target: null }, { code: 'Bad code', nameJa: 'x', nameEn: null, target: 2 }],
    }))).toEqual([
      'programmeJa:required', 'periodUntil:end_before_start', 'amount:not_whole_yen', 'siteIds:duplicate', 'indicators.0.target:not_whole',
      'indicators.1.code:duplicate_code', 'indicators.1.nameJa:required', 'indicators.2.code:invalid_format', 'retentionMonths:out_of_range',
    ]);
    expect(problems(() => checkContract({ ...contract, periodFrom: '2026-02-30' }))).toEqual(['periodFrom:invalid_date']);
  });

  it('never accepts a negative or fractional amount, and always a whole one', () => {
    fc.assert(fc.property(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.boolean(), (yen, fraction) => {
      const amount = fraction ? yen + 0.5 : yen;
      expect(problems(() => checkContract({ ...contract, amount })).includes('amount:not_whole_yen')).toBe(fraction || yen < 0);
    }));
  });
});

describe('the erasure date', () => {
  it('is the day after the retention period that follows the contract period', () => {
    expect(erasureDate('2027-03-31', 60)).toBe('2032-04-01');
    expect(erasureDate('2027-03-31', 0)).toBe('2027-04-01');
    // A month shorter than the day: kept to its last day.
    expect(erasureDate('2026-08-31', 6)).toBe('2027-03-01');
    expect(erasureDate('2027-08-31', 6)).toBe('2028-03-01');
    expect(erasureDate('2027-11-30', 3)).toBe('2028-03-01');
  });

  it('always falls after the period, and later for a longer retention', () => {
    const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(date, fc.integer({ min: 0, max: 119 }), (until, months) => {
      const erased = erasureDate(until, months);
      expect(erased > until).toBe(true);
      expect(erasureDate(until, months + 1) > erased).toBe(true);
    }));
  });
});
