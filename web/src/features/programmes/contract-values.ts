import type { FieldErrors, FieldOf } from '../../errors';
import type { Locale } from '../../i18n';
import type { SearchOption } from '../../components/with-chosen';
import {
  COMMON_INDICATORS,
  MAX_RETENTION_MONTHS,
  type Commissioner,
  type CommissionerInput,
  type CommissionerKind,
  type Contract,
  type ContractInput,
  type LocalGovernment,
} from './programmes';

/** An indicator row as typed: its target is text until sent. */
export interface IndicatorRow {
  code: string;
  nameJa: string;
  nameEn: string;
  target: string;
}

/** A contract as typed: every field as its input holds it. */
export interface ContractFormValues {
  programmeJa: string;
  programmeEn: string;
  commissionerId: string;
  periodFrom: string;
  periodUntil: string;
  amount: string;
  siteIds: string[];
  indicators: IndicatorRow[];
  retentionMonths: string;
}

/** Commissioners commonly ask for the records to be kept five years after the period. */
export const DEFAULT_RETENTION_MONTHS = 60;

/**
 * The fiscal year a commissioned programme usually runs (April to March, as Japan's public bodies' budgets do) that
 * holds `today`.
 */
export function defaultPeriod(today: string): { from: string; until: string } {
  const year = Number(today.slice(0, 4));
  const start = Number(today.slice(5, 7)) >= 4 ? year : year - 1;
  return { from: `${start}-04-01`, until: `${start + 1}-03-31` };
}

/** The indicators usually agreed, offered on a new contract with their targets blank. */
export const commonIndicatorRows = (): IndicatorRow[] => COMMON_INDICATORS.map((i) => ({ code: i.code, nameJa: i.nameJa, nameEn: i.nameEn ?? '', target: '' }));

export const EMPTY_INDICATOR: IndicatorRow = { code: '', nameJa: '', nameEn: '', target: '' };

export function newContractValues(today: string): ContractFormValues {
  const period = defaultPeriod(today);
  return {
    programmeJa: '', programmeEn: '', commissionerId: '', periodFrom: period.from, periodUntil: period.until, amount: '', siteIds: [],
    indicators: commonIndicatorRows(), retentionMonths: String(DEFAULT_RETENTION_MONTHS),
  };
}

export function contractFormValues(contract: Contract): ContractFormValues {
  return {
    programmeJa: contract.programmeJa, programmeEn: contract.programmeEn ?? '', commissionerId: contract.commissionerId,
    periodFrom: contract.periodFrom, periodUntil: contract.periodUntil, amount: String(contract.amount), siteIds: [...contract.siteIds],
    indicators: contract.indicators.map((i) => ({ code: i.code, nameJa: i.nameJa, nameEn: i.nameEn ?? '', target: i.target === null ? '' : String(i.target) })),
    retentionMonths: String(contract.retentionMonths),
  };
}

const plain = (text: string): string => text.normalize('NFKC').trim();

/** Yen as people type it: 28,600,000, ２８６０００００, 28600000円 → 28600000; null when it is not a whole amount. */
export function yenOf(text: string): number | null {
  const digits = plain(text).replace(/[,円¥\s]/g, '');
  return /^\d+$/.test(digits) && Number.isSafeInteger(Number(digits)) ? Number(digits) : null;
}

const wholeOf = (text: string): number | null => (/^\d+$/.test(plain(text)) ? Number(plain(text)) : null);

/** An indicator's code as stored: Ｊｏｂ-Placements typed with a Japanese input method is job-placements. */
export const indicatorCode = (text: string): string => plain(text).toLowerCase();

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the form can tell before sending, each problem on its field (indicators by row: indicators.2.code). */
export function checkContractValues(values: ContractFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.programmeJa.trim()) errors.programmeJa = 'required';
  if (!values.commissionerId) errors.commissionerId = 'required';
  if (!values.periodFrom) errors.periodFrom = 'required';
  else if (!ISO_DATE.test(values.periodFrom)) errors.periodFrom = 'invalid_date';
  if (!values.periodUntil) errors.periodUntil = 'required';
  else if (!ISO_DATE.test(values.periodUntil)) errors.periodUntil = 'invalid_date';
  else if (ISO_DATE.test(values.periodFrom) && values.periodUntil < values.periodFrom) errors.periodUntil = 'end_before_start';
  if (!values.amount.trim()) errors.amount = 'required';
  else if (yenOf(values.amount) === null) errors.amount = 'not_whole_yen';
  const seen = new Set<string>();
  values.indicators.forEach((row, i) => {
    const code = indicatorCode(row.code);
    if (!code) errors[`indicators.${i}.code`] = 'required';
    else if (!/^[a-z][a-z0-9-]{1,39}$/.test(code)) errors[`indicators.${i}.code`] = 'invalid_format';
    else if (seen.has(code)) errors[`indicators.${i}.code`] = 'duplicate_code';
    seen.add(code);
    if (!row.nameJa.trim()) errors[`indicators.${i}.nameJa`] = 'required';
    if (row.target.trim() && wholeOf(row.target) === null) errors[`indicators.${i}.target`] = 'not_whole';
  });
  const months = wholeOf(values.retentionMonths);
  if (!values.retentionMonths.trim()) errors.retentionMonths = 'required';
  else if (months === null || months > MAX_RETENTION_MONTHS) errors.retentionMonths = 'out_of_range';
  return errors;
}

export function toContractInput(values: ContractFormValues): ContractInput {
  const text = (value: string): string | null => plain(value) || null;
  return {
    programmeJa: values.programmeJa.trim(), programmeEn: text(values.programmeEn), commissionerId: values.commissionerId,
    periodFrom: values.periodFrom, periodUntil: values.periodUntil, amount: yenOf(values.amount) ?? 0, siteIds: [...new Set(values.siteIds)],
    indicators: values.indicators.map((row) => ({
      code: indicatorCode(row.code), nameJa: row.nameJa.trim(), nameEn: text(row.nameEn), target: row.target.trim() ? wholeOf(row.target) : null,
    })),
    retentionMonths: wholeOf(values.retentionMonths) ?? 0,
  };
}

/**
 * Where the server's problems go in the contract form: an indicator's on its row and column (indicators.2.code), a
 * site's on the sites (siteIds.0 → siteIds), the rest on their field.
 */
export const contractFieldOf: FieldOf = (field) => (field.startsWith('indicators.') ? field : (field.split('.')[0] ?? field));

/** Whether a contract's period is running, to come, or over (on today's date in Japan). */
export function contractPhase(contract: Pick<Contract, 'periodFrom' | 'periodUntil'>, today: string): 'upcoming' | 'running' | 'ended' {
  if (today < contract.periodFrom) return 'upcoming';
  return today > contract.periodUntil ? 'ended' : 'running';
}

/** A commissioner's name in the page's language. */
export const commissionerName = (commissioner: Pick<Commissioner, 'nameJa' | 'nameEn'>, locale: Locale): string =>
  locale === 'en' && commissioner.nameEn ? commissioner.nameEn : commissioner.nameJa;

/** A commissioner as typed: a local government is chosen from the official list by its code, any other body named. */
export interface CommissionerFormValues {
  kind: CommissionerKind;
  localGovernmentCode: string;
  /** A ministry's or another body's name; a local government's as the official list gives it. */
  nameJa: string;
  nameEn: string;
}

export const EMPTY_COMMISSIONER: CommissionerFormValues = { kind: 'municipality', localGovernmentCode: '', nameJa: '', nameEn: '' };

export const isLocalKind = (kind: CommissionerKind): boolean => kind === 'prefecture' || kind === 'municipality';

export function checkCommissionerValues(values: CommissionerFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (isLocalKind(values.kind)) {
    if (!values.localGovernmentCode) errors.localGovernmentCode = 'required';
  } else if (!values.nameJa.trim()) errors.nameJa = 'required';
  return errors;
}

export function toCommissionerInput(values: CommissionerFormValues): CommissionerInput {
  const local = isLocalKind(values.kind);
  const code = local ? values.localGovernmentCode || null : null;
  return {
    kind: values.kind,
    // A local government's name comes from the official list (the server takes it from there too).
    nameJa: values.nameJa.trim(),
    nameEn: plain(values.nameEn) || null,
    localGovernmentCode: code,
    // A local government code starts with its prefecture's two digits (千葉市 121002 → 12).
    prefectureCode: code === null ? null : code.slice(0, 2),
  };
}

/**
 * The local governments found, as options of the kind being added: 千葉市（千葉県） 121002. A municipality is named with
 * its prefecture, to tell 府中市 (東京都) from 府中市 (広島県).
 */
export function localGovernmentOptions(found: readonly LocalGovernment[], kind: CommissionerKind): SearchOption[] {
  const level = kind === 'prefecture' ? 'prefecture' : 'municipality';
  return found
    .filter((g) => g.level === level)
    .map((g) => ({ value: g.code, label: g.level === 'prefecture' ? `${g.nameJa} ${g.code}` : `${g.nameJa}（${g.prefectureJa}） ${g.code}` }));
}
