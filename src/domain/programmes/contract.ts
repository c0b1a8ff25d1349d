import { isLocalGovernmentCode } from '../business/site.js';
import { prefectureCodes } from '../organizations/prefectures.js';
import { DomainError, type FieldError } from '../shared/errors.js';
import { isIsoDate } from '../work/period.js';

/**
 * Who commissions a programme (委託元): a ministry (厚生労働省 commissions the Youth Support Stations), a prefecture
 * or a municipality (the Independence Support System for Needy Persons), or another body.
 */
export const commissionerKinds = ['ministry', 'prefecture', 'municipality', 'other'] as const;
export type CommissionerKind = (typeof commissionerKinds)[number];

export const programmeTextLimits = { name: 100, programme: 150, indicator: 100 } as const;

export interface CommissionerFields {
  kind: CommissionerKind;
  nameJa: string;
  nameEn: string | null;
  /** The 6-digit local-government code (地方公共団体コード, with its check digit): a prefecture's or a municipality's. */
  localGovernmentCode: string | null;
  /** Where it is: a prefecture's own code, a municipality's prefecture. */
  prefectureCode: string | null;
}

/** A prefecture's code is its two digits, 000 and the check digit (北海道 010006); a municipality's is not. */
const isPrefectureLevel = (code: string): boolean => code.slice(2, 5) === '000';

/**
 * A commissioner's fields against each other: a prefecture or a municipality is named by its local-government code
 * (with its check digit, at its level, in its prefecture); a ministry or another body has none.
 */
export function checkCommissioner(commissioner: CommissionerFields): void {
  const errors: FieldError[] = [];
  const fail = (field: keyof CommissionerFields, code: string, message: string) => errors.push({ field, code, message });
  if (commissioner.nameJa.trim() === '') fail('nameJa', 'required', 'the commissioner needs a name');
  if ([...commissioner.nameJa].length > programmeTextLimits.name) fail('nameJa', 'too_long', `at most ${programmeTextLimits.name} characters`);
  if (commissioner.prefectureCode !== null && !prefectureCodes.includes(commissioner.prefectureCode)) fail('prefectureCode', 'unknown_prefecture', 'a prefecture code, 01 to 47');
  const local = commissioner.kind === 'prefecture' || commissioner.kind === 'municipality';
  const code = commissioner.localGovernmentCode;
  if (local && code === null) fail('localGovernmentCode', 'required', 'a prefecture or a municipality is chosen from the local-government list');
  if (!local && code !== null) fail('localGovernmentCode', 'not_local_government', 'only a prefecture or a municipality has a local-government code');
  if (code !== null && !isLocalGovernmentCode(code)) {
    fail('localGovernmentCode', 'invalid_local_government_code', 'a 6-digit local-government code with its check digit (札幌市 011002)');
  } else if (code !== null && local) {
    if (commissioner.kind === 'prefecture' && !isPrefectureLevel(code)) fail('localGovernmentCode', 'not_a_prefecture', `${code} is a municipality's code`);
    if (commissioner.kind === 'municipality' && isPrefectureLevel(code)) fail('localGovernmentCode', 'not_a_municipality', `${code} is a prefecture's code`);
    if (commissioner.prefectureCode !== null && prefectureCodes.includes(commissioner.prefectureCode) && code.slice(0, 2) !== commissioner.prefectureCode) {
      fail('prefectureCode', 'prefecture_mismatch', `the code ${code} is of prefecture ${code.slice(0, 2)}`);
    }
  }
  if (errors.length > 0) throw new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** An outcome the commissioner and the organization agree to count, with its target for the contract's period. */
export interface IndicatorFields {
  /** A short code, e.g. participants-supported, job-placements. */
  code: string;
  nameJa: string;
  nameEn: string | null;
  /** The agreed number for the period (people or cases); null when only counted. */
  target: number | null;
}

/** The indicators Youth Support Stations and needy persons' programmes usually agree, offered when a contract is made. */
export const commonIndicators: readonly Omit<IndicatorFields, 'target'>[] = [
  { code: 'participants-supported', nameJa: '支援対象者数', nameEn: 'Participants supported' },
  { code: 'new-registrations', nameJa: '新規登録者数', nameEn: 'New registrations' },
  { code: 'job-placements', nameJa: '就職等進路決定者数', nameEn: 'Job placements and other destinations' },
  { code: 'job-retention', nameJa: '定着者数（6か月）', nameEn: 'Still in work after six months' },
];

/** A commissioned programme's contract (委託契約), as a person enters it. */
export interface ContractFields {
  /** The programme as the commissioner names it: 地域若者サポートステーション事業. */
  programmeJa: string;
  programmeEn: string | null;
  commissionerId: string;
  periodFrom: string;
  periodUntil: string;
  /** The contract amount in whole yen (契約金額). */
  amount: number;
  /** The organization's sites (offices) that run it. */
  siteIds: string[];
  indicators: IndicatorFields[];
  /**
   * How long participants' records are kept after the period ends (保存期間), in months: the contract's terms. Then
   * they are erased, and the reports keep only counts.
   */
  retentionMonths: number;
}

/** At most ten years after the period; commissioners commonly ask for five. */
export const maxRetentionMonths = 120;

/**
 * A contract's fields against each other: a programme, a period that exists and does not end before it starts, a
 * whole amount, indicators with distinct codes and whole targets, a retention period within bounds. Every problem
 * is reported at once, each with its field (indicators.2.code).
 */
export function checkContract(contract: ContractFields): void {
  const errors: FieldError[] = [];
  const fail = (field: string, code: string, message: string) => errors.push({ field, code, message });
  if (contract.programmeJa.trim() === '') fail('programmeJa', 'required', 'the programme needs a name');
  if ([...contract.programmeJa].length > programmeTextLimits.programme) fail('programmeJa', 'too_long', `at most ${programmeTextLimits.programme} characters`);
  if (!isIsoDate(contract.periodFrom)) fail('periodFrom', 'invalid_date', 'a date, YYYY-MM-DD');
  if (!isIsoDate(contract.periodUntil)) fail('periodUntil', 'invalid_date', 'a date, YYYY-MM-DD');
  else if (isIsoDate(contract.periodFrom) && contract.periodUntil < contract.periodFrom) fail('periodUntil', 'end_before_start', 'the period ends on or after it starts');
  if (!Number.isSafeInteger(contract.amount) || contract.amount < 0) fail('amount', 'not_whole_yen', 'a whole number of yen, 0 or more');
  if (new Set(contract.siteIds).size !== contract.siteIds.length) fail('siteIds', 'duplicate', 'each site once');
  const seen = new Set<string>();
  contract.indicators.forEach((indicator, i) => {
    if (!/^[a-z][a-z0-9-]{1,39}$/.test(indicator.code)) fail(`indicators.${i}.code`, 'invalid_format', 'lower-case letters, digits and hyphens, as job-placements');
    else if (seen.has(indicator.code)) fail(`indicators.${i}.code`, 'duplicate_code', `${indicator.code} is given twice`);
    seen.add(indicator.code);
    if (indicator.nameJa.trim() === '') fail(`indicators.${i}.nameJa`, 'required', 'the indicator needs a name');
    if ([...indicator.nameJa].length > programmeTextLimits.indicator) fail(`indicators.${i}.nameJa`, 'too_long', `at most ${programmeTextLimits.indicator} characters`);
    if (indicator.target !== null && (!Number.isSafeInteger(indicator.target) || indicator.target < 0)) fail(`indicators.${i}.target`, 'not_whole', 'a whole number, 0 or more');
  });
  if (!Number.isSafeInteger(contract.retentionMonths) || contract.retentionMonths < 0 || contract.retentionMonths > maxRetentionMonths) {
    fail('retentionMonths', 'out_of_range', `whole months, 0 to ${maxRetentionMonths}`);
  }
  if (errors.length > 0) throw new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** The day a participant's records of a contract are erased: the retention period after the contract's period ends. */
export function erasureDate(periodUntil: string, retentionMonths: number): string {
  const [year, month, day] = periodUntil.split('-').map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + retentionMonths;
  const lastDay = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  // The same day of the month (or the month's last), then the day after: kept for the whole period, not a day more.
  const kept = `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return new Date(Date.parse(`${kept}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
