import type { FieldErrors } from '../../errors';
import { parseWhole, parseYen } from '../capital/capital-values';
import type { BylawSettings, Fraction, NewBylawVersion } from './governance';

/** The ways the bylaws may measure the amount of work that dividends follow (従事分量). */
export const WORK_MEASURES = ['hours', 'days', 'weighted_hours'] as const;
export type WorkMeasureChoice = (typeof WORK_MEASURES)[number];

/** One role's weight as typed: the role's name and its weight in percent (a coordinator's hour at 125). */
export interface RoleWeightRow {
  role: string;
  percent: string;
}

/** The bylaws' weights are whole percent from 1 to 1,000; a role's name is at most 40 characters. */
const MAX_ROLE_WEIGHT = 1000;
const MAX_ROLE_LENGTH = 40;

/** A bylaw version as typed. Settings left empty are not stated: the earlier version's, or the law's, apply. */
export interface BylawValues {
  title: string;
  text: string;
  founding: boolean;
  foundingEffectiveFrom: string;
  fiscalYearStartMonth: string;
  sharePrice: string;
  legalReserveTarget: string;
  proxyCapPerHolder: string;
  meetingNoticeDays: string;
  writtenVoting: '' | 'true' | 'false';
  electronicVoting: '' | 'true' | 'false';
  ordinaryQuorum: string;
  ordinaryMajority: string;
  specialQuorum: string;
  specialMajority: string;
  tie: '' | 'chair' | 'rejected';
  legalReserveRate: string;
  jobCreationFundRate: string;
  educationCarryForwardRate: string;
  workMeasure: '' | WorkMeasureChoice;
  roleWeights: RoleWeightRow[];
  withholdDividends: '' | 'true' | 'false';
  directorTermMonths: string;
  auditorTermMonths: string;
  delegateTermMonths: string;
}

/** The terms of those elected, in months, and the longest each may be (domain.md §2.9; delegates 3 years). */
export const TERM_SETTINGS = { directorTermMonths: 24, auditorTermMonths: 48, delegateTermMonths: 36 } as const;
const termSettings = Object.entries(TERM_SETTINGS) as [keyof typeof TERM_SETTINGS, number][];

export const FRACTION_SETTINGS = ['ordinaryQuorum', 'ordinaryMajority', 'specialQuorum', 'specialMajority'] as const;
/** The shares of the year's surplus put into the reserve and the funds, each at least the law's (Art. 76). */
export const RATE_SETTINGS = ['legalReserveRate', 'jobCreationFundRate', 'educationCarryForwardRate'] as const;

export const emptyBylaws = (founding: boolean, today: string): BylawValues => ({
  title: '',
  text: '',
  founding,
  foundingEffectiveFrom: founding ? today : '',
  fiscalYearStartMonth: '',
  sharePrice: '',
  legalReserveTarget: '',
  proxyCapPerHolder: '',
  meetingNoticeDays: '',
  writtenVoting: '',
  electronicVoting: '',
  ordinaryQuorum: '',
  ordinaryMajority: '',
  specialQuorum: '',
  specialMajority: '',
  tie: '',
  legalReserveRate: '',
  jobCreationFundRate: '',
  educationCarryForwardRate: '',
  workMeasure: '',
  roleWeights: [],
  withholdDividends: '',
  directorTermMonths: '',
  auditorTermMonths: '',
  delegateTermMonths: '',
});

const filledRoleWeights = (rows: readonly RoleWeightRow[]) => rows.map((row, index) => ({ ...row, index })).filter((row) => row.role.trim() || row.percent.trim());

/** `2/3`, `2／3` or `3分の2` as a fraction of whole numbers between 0 and 1; null otherwise. */
export function parseFraction(text: string): Fraction | null {
  const cleaned = text.trim().replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0)).replace('／', '/');
  const slash = /^(\d{1,4})\s*\/\s*(\d{1,4})$/.exec(cleaned);
  const japanese = /^(\d{1,4})\s*分の\s*(\d{1,4})$/.exec(cleaned);
  const [numerator, denominator] = slash ? [Number(slash[1]), Number(slash[2])] : japanese ? [Number(japanese[2]), Number(japanese[1])] : [NaN, NaN];
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 1 || denominator < 1 || numerator > denominator || denominator > 1000) return null;
  return { numerator, denominator };
}

export function checkBylaws(values: BylawValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.title.trim()) errors.title = 'required';
  if (values.founding && !values.foundingEffectiveFrom) errors.foundingEffectiveFrom = 'required';
  if (values.fiscalYearStartMonth && parseWhole(values.fiscalYearStartMonth, 1, 12) === null) errors.fiscalYearStartMonth = 'out_of_range';
  if (values.sharePrice.trim() && parseYen(values.sharePrice) === null) errors.sharePrice = 'invalid_amount';
  if (values.legalReserveTarget.trim() && parseWhole(values.legalReserveTarget.replace(/[,円¥]/g, ''), 0, 1_000_000_000_000) === null) errors.legalReserveTarget = 'invalid_amount';
  if (values.proxyCapPerHolder.trim() && parseWhole(values.proxyCapPerHolder, 0, 1000) === null) errors.proxyCapPerHolder = 'out_of_range';
  if (values.meetingNoticeDays.trim() && parseWhole(values.meetingNoticeDays, 0, 90) === null) errors.meetingNoticeDays = 'out_of_range';
  for (const name of [...FRACTION_SETTINGS, ...RATE_SETTINGS]) if (values[name].trim() && parseFraction(values[name]) === null) errors[name] = 'not_a_fraction';
  for (const [name, max] of termSettings) if (values[name].trim() && parseWhole(values[name], 1, max) === null) errors[name] = 'out_of_range';
  const roles = new Set<string>();
  for (const { role, percent, index } of filledRoleWeights(values.roleWeights)) {
    const name = role.trim();
    if (!name) errors[`roleWeights.${index}.role`] = 'required';
    else if (name.length > MAX_ROLE_LENGTH) errors[`roleWeights.${index}.role`] = 'too_long';
    else if (roles.has(name)) errors[`roleWeights.${index}.role`] = 'duplicate';
    roles.add(name);
    if (parseWhole(percent, 1, MAX_ROLE_WEIGHT) === null) errors[`roleWeights.${index}.percent`] = 'out_of_range';
  }
  return errors;
}

/** Only the settings stated; the others are left out, so the earlier version or the law applies. */
export function toBylawVersion(values: BylawValues): NewBylawVersion {
  const settings: BylawSettings = {};
  const month = parseWhole(values.fiscalYearStartMonth, 1, 12);
  if (month !== null) settings.fiscalYearStartMonth = month;
  const sharePrice = parseYen(values.sharePrice);
  if (sharePrice !== null) settings.sharePrice = sharePrice;
  const reserve = values.legalReserveTarget.trim() ? parseWhole(values.legalReserveTarget.replace(/[,円¥]/g, ''), 0, 1_000_000_000_000) : null;
  if (reserve !== null) settings.legalReserveTarget = reserve;
  const cap = values.proxyCapPerHolder.trim() ? parseWhole(values.proxyCapPerHolder, 0, 1000) : null;
  if (cap !== null) settings.proxyCapPerHolder = cap;
  const days = values.meetingNoticeDays.trim() ? parseWhole(values.meetingNoticeDays, 0, 90) : null;
  if (days !== null) settings.meetingNoticeDays = days;
  if (values.writtenVoting) settings.writtenVoting = values.writtenVoting === 'true';
  if (values.electronicVoting) settings.electronicVoting = values.electronicVoting === 'true';
  for (const name of FRACTION_SETTINGS) {
    const fraction = parseFraction(values[name]);
    if (fraction) settings[name] = fraction;
  }
  if (values.tie) settings.tie = values.tie;
  for (const name of RATE_SETTINGS) {
    const rate = parseFraction(values[name]);
    if (rate) settings[name] = rate;
  }
  if (values.workMeasure) settings.workMeasure = values.workMeasure;
  const weights = filledRoleWeights(values.roleWeights);
  if (weights.length > 0) settings.roleWeights = Object.fromEntries(weights.map((w) => [w.role.trim(), parseWhole(w.percent, 1, MAX_ROLE_WEIGHT) ?? 0]));
  if (values.withholdDividends) settings.withholdDividends = values.withholdDividends === 'true';
  for (const [name, max] of termSettings) {
    const months = values[name].trim() ? parseWhole(values[name], 1, max) : null;
    if (months !== null) settings[name] = months;
  }
  return {
    title: values.title.trim(),
    text: values.text,
    settings,
    ...(values.founding ? { foundingEffectiveFrom: values.foundingEffectiveFrom } : {}),
  };
}

/** `settings.meetingNoticeDays` is the form's `meetingNoticeDays`; a problem with any role's weight is the weights'. */
export const bylawField = (field: string) => {
  if (field.startsWith('settings.roleWeights')) return 'roleWeights';
  return field.startsWith('settings.') ? field.slice('settings.'.length) : (field.split('.')[0] ?? field);
};
