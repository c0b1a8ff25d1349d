import type { FieldErrors } from '../../errors';
import { parseWhole, parseYen } from '../capital/capital-values';
import type { BylawSettings, Fraction, NewBylawVersion } from './governance';

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
}

export const FRACTION_SETTINGS = ['ordinaryQuorum', 'ordinaryMajority', 'specialQuorum', 'specialMajority'] as const;

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
});

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
  for (const name of FRACTION_SETTINGS) if (values[name].trim() && parseFraction(values[name]) === null) errors[name] = 'not_a_fraction';
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
  return {
    title: values.title.trim(),
    text: values.text,
    settings,
    ...(values.founding ? { foundingEffectiveFrom: values.foundingEffectiveFrom } : {}),
  };
}

/** `settings.meetingNoticeDays` is the form's `meetingNoticeDays`. */
export const bylawField = (field: string) => (field.startsWith('settings.') ? field.slice('settings.'.length) : (field.split('.')[0] ?? field));
