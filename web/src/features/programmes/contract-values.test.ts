import { describe, expect, it } from 'vitest';
import {
  checkCommissionerValues,
  checkContractValues,
  commonIndicatorRows,
  contractFieldOf,
  contractPhase,
  contractFormValues,
  defaultPeriod,
  localGovernmentOptions,
  newContractValues,
  toCommissionerInput,
  toContractInput,
  yenOf,
  type ContractFormValues,
} from './contract-values';
import type { Contract, LocalGovernment } from './programmes';

const filled = (overrides: Partial<ContractFormValues> = {}): ContractFormValues => ({
  ...newContractValues('2026-11-27'),
  programmeJa: '地域若者サポートステーション事業',
  commissionerId: 'mhlw',
  amount: '28,600,000',
  siteIds: ['a'],
  ...overrides,
});

describe('a new contract', () => {
  it('runs the fiscal year holding today, April to March, with the common indicators and five years of retention', () => {
    expect(defaultPeriod('2026-11-27')).toEqual({ from: '2026-04-01', until: '2027-03-31' });
    expect(defaultPeriod('2027-03-31')).toEqual({ from: '2026-04-01', until: '2027-03-31' });
    expect(defaultPeriod('2027-04-01')).toEqual({ from: '2027-04-01', until: '2028-03-31' });
    const values = newContractValues('2026-11-27');
    expect(values.indicators.map((i) => i.code)).toEqual(['participants-supported', 'new-registrations', 'job-placements', 'job-retention']);
    expect(values.indicators.every((i) => i.target === '' && i.nameJa !== '')).toBe(true);
    expect(values.retentionMonths).toBe('60');
  });
});

describe('the contract form', () => {
  it('accepts a filled form and sends whole yen, trimmed codes and blank targets as null', () => {
    const values = filled({
      programmeEn: ' ', siteIds: ['a', 'a', 'b'],
      indicators: [{ code: ' Ｊｏｂ-Placements ', nameJa: '就職者数', nameEn: '', target: '１２' }, { code: 'new-registrations', nameJa: '新規登録', nameEn: 'New', target: '' }],
    });
    expect(checkContractValues(values)).toEqual({});
    expect(toContractInput(values)).toEqual({
      programmeJa: '地域若者サポートステーション事業', programmeEn: null, commissionerId: 'mhlw', periodFrom: '2026-04-01', periodUntil: '2027-03-31',
      amount: 28_600_000, siteIds: ['a', 'b'], retentionMonths: 60,
      indicators: [{ code: 'job-placements', nameJa: '就職者数', nameEn: null, target: 12 }, { code: 'new-registrations', nameJa: '新規登録', nameEn: 'New', target: null }],
    });
  });

  it('marks every problem on its field, indicators by row', () => {
    expect(checkContractValues(filled({
      programmeJa: ' ', commissionerId: '', periodUntil: '2026-03-31', amount: '1.5', retentionMonths: '121',
      indicators: [
        { code: 'job-placements', nameJa: 'a', nameEn: '', target: '-1' },
        { code: 'job-placements', nameJa: '', nameEn: '', target: '' },
        { code: 'Bad code', nameJa: 'x', nameEn: '', target: '2.5' },
        { code: '', nameJa: 'x', nameEn: '', target: '' },
      ],
    }))).toEqual({
      programmeJa: 'required', commissionerId: 'required', periodUntil: 'end_before_start', amount: 'not_whole_yen', retentionMonths: 'out_of_range',
      'indicators.0.target': 'not_whole', 'indicators.1.code': 'duplicate_code', 'indicators.1.nameJa': 'required',
      'indicators.2.code': 'invalid_format', 'indicators.2.target': 'not_whole', 'indicators.3.code': 'required',
    });
    expect(checkContractValues(filled({ periodFrom: '', amount: '', retentionMonths: '' }))).toEqual({ periodFrom: 'required', amount: 'required', retentionMonths: 'required' });
  });

  it('reads yen as people type it', () => {
    expect(yenOf('28,600,000円')).toBe(28_600_000);
    expect(yenOf('２８６００００')).toBe(2_860_000);
    expect(yenOf('¥1,000')).toBe(1000);
    expect(yenOf('-1')).toBeNull();
    expect(yenOf('1.5')).toBeNull();
    expect(yenOf('99999999999999999999')).toBeNull();
  });

  it('puts a contract back into the form as it was sent', () => {
    const input = toContractInput(filled({ indicators: commonIndicatorRows().map((row, i) => ({ ...row, target: String(10 * i) })) }));
    const contract: Contract = { ...input, id: 'c1', organizationId: 'o1', erasureOn: '2032-04-01', version: 3, createdAt: '', updatedAt: '' };
    expect(toContractInput(contractFormValues(contract))).toEqual(input);
  });

  it('places the server’s problems on the indicator’s row and on the sites', () => {
    expect(contractFieldOf('indicators.2.code')).toBe('indicators.2.code');
    expect(contractFieldOf('siteIds.0')).toBe('siteIds');
    expect(contractFieldOf('commissionerId')).toBe('commissionerId');
  });
});

describe('a contract’s phase', () => {
  it('is to come before its first day, running through its last, then ended', () => {
    const period = { periodFrom: '2026-04-01', periodUntil: '2027-03-31' };
    expect(contractPhase(period, '2026-03-31')).toBe('upcoming');
    expect(contractPhase(period, '2026-04-01')).toBe('running');
    expect(contractPhase(period, '2027-03-31')).toBe('running');
    expect(contractPhase(period, '2027-04-01')).toBe('ended');
  });
});

describe('a commissioner', () => {
  it('is a local government chosen by code, its prefecture taken from the code, or another body by name', () => {
    expect(checkCommissionerValues({ kind: 'municipality', localGovernmentCode: '', nameJa: '', nameEn: '' })).toEqual({ localGovernmentCode: 'required' });
    expect(checkCommissionerValues({ kind: 'ministry', localGovernmentCode: '', nameJa: ' ', nameEn: '' })).toEqual({ nameJa: 'required' });
    expect(toCommissionerInput({ kind: 'municipality', localGovernmentCode: '121002', nameJa: '千葉市', nameEn: ' Chiba City ' })).toEqual({
      kind: 'municipality', localGovernmentCode: '121002', prefectureCode: '12', nameJa: '千葉市', nameEn: 'Chiba City',
    });
    // A code chosen before switching to a ministry is dropped rather than refused.
    expect(toCommissionerInput({ kind: 'ministry', localGovernmentCode: '121002', nameJa: '厚生労働省', nameEn: '' })).toEqual({
      kind: 'ministry', localGovernmentCode: null, prefectureCode: null, nameJa: '厚生労働省', nameEn: null,
    });
  });

  it('offers the local governments found at the level being added, a municipality with its prefecture', () => {
    const found: LocalGovernment[] = [
      { code: '120006', level: 'prefecture', nameJa: '千葉県', kana: 'ちばけん', prefectureCode: '12', prefectureJa: '千葉県' },
      { code: '121002', level: 'municipality', nameJa: '千葉市', kana: 'ちばし', prefectureCode: '12', prefectureJa: '千葉県' },
    ];
    expect(localGovernmentOptions(found, 'prefecture')).toEqual([{ value: '120006', label: '千葉県 120006' }]);
    expect(localGovernmentOptions(found, 'municipality')).toEqual([{ value: '121002', label: '千葉市（千葉県） 121002' }]);
  });
});
