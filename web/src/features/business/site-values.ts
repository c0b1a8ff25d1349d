import type { FieldErrors } from '../../errors';
import type { BusinessLine, Site, SiteInput, SiteOperation } from './business';

/** A site as typed: every field text, as the inputs hold it. */
export interface SiteFormValues {
  nameJa: string;
  nameEn: string;
  businessLine: string;
  postalCode: string;
  prefectureCode: string;
  address: string;
  openedOn: string;
  closedOn: string;
  operation: SiteOperation;
  commissionerName: string;
  commissionerCode: string;
  capacity: string;
}

export const EMPTY_SITE: SiteFormValues = {
  nameJa: '', nameEn: '', businessLine: '', postalCode: '', prefectureCode: '', address: '', openedOn: '', closedOn: '',
  operation: 'own', commissionerName: '', commissionerCode: '', capacity: '',
};

export function siteFormValues(site: Site): SiteFormValues {
  return {
    nameJa: site.nameJa, nameEn: site.nameEn ?? '', businessLine: site.businessLine, postalCode: site.postalCode ?? '', prefectureCode: site.prefectureCode ?? '',
    address: site.address ?? '', openedOn: site.openedOn ?? '', closedOn: site.closedOn ?? '', operation: site.operation,
    commissionerName: site.commissionerName ?? '', commissionerCode: site.commissionerCode ?? '', capacity: site.capacity === null ? '' : String(site.capacity),
  };
}

/** 289-1234 typed any way (full-width digits, a minus sign or ー for the hyphen) → 2891234; the server stores seven digits. */
const postalDigits = (text: string): string => text.normalize('NFKC').replace(/[-\u2010-\u2015\u2212\u30fc]/g, '').trim();

const wholeNumber = (text: string): number | null => (/^\d+$/.test(text.normalize('NFKC').trim()) ? Number(text.normalize('NFKC').trim()) : null);

/** What the form can tell before sending; the server checks the rest (business line, check digit, names taken). */
export function checkSite(values: SiteFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.nameJa.trim()) errors.nameJa = 'required';
  if (!values.businessLine) errors.businessLine = 'required';
  if (values.postalCode.trim() && !/^\d{7}$/.test(postalDigits(values.postalCode))) errors.postalCode = 'invalid_postal_code';
  if (values.openedOn && values.closedOn && values.closedOn < values.openedOn) errors.closedOn = 'closed_before_opened';
  if (values.operation === 'commissioned' && !values.commissionerName.trim()) errors.commissionerName = 'required';
  if (values.commissionerCode.trim() && !/^\d{6}$/.test(values.commissionerCode.normalize('NFKC').trim())) errors.commissionerCode = 'invalid_local_government_code';
  if (values.capacity.trim() && wholeNumber(values.capacity) === null) errors.capacity = 'not_whole';
  return errors;
}

export function toSiteInput(values: SiteFormValues): SiteInput {
  const text = (value: string): string | null => value.normalize('NFKC').trim() || null;
  const commissioned = values.operation === 'commissioned';
  return {
    nameJa: values.nameJa.trim(), nameEn: text(values.nameEn), businessLine: values.businessLine, postalCode: postalDigits(values.postalCode) || null,
    prefectureCode: values.prefectureCode || null, address: text(values.address), openedOn: values.openedOn || null, closedOn: values.closedOn || null,
    operation: values.operation,
    // An own site has no commissioner: what was typed before switching is dropped rather than refused.
    commissionerName: commissioned ? text(values.commissionerName) : null, commissionerCode: commissioned ? text(values.commissionerCode) : null,
    capacity: values.capacity.trim() ? wholeNumber(values.capacity) : null,
  };
}

/** A year's figures as typed: yen with or without commas, counts optional. */
export interface ResultFormValues {
  turnover: string;
  expenses: string;
  peopleServed: string;
  workersMembers: string;
  workersNonMembers: string;
}

export const yenOf = (text: string): number | null => {
  const plain = text.normalize('NFKC').replace(/[,円¥\s]/g, '');
  return /^\d+$/.test(plain) ? Number(plain) : null;
};

export function checkResult(values: ResultFormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['turnover', 'expenses'] as const) {
    if (!values[field].trim()) errors[field] = 'required';
    else if (yenOf(values[field]) === null) errors[field] = 'not_whole_yen';
  }
  for (const field of ['peopleServed', 'workersMembers', 'workersNonMembers'] as const) {
    if (values[field].trim() && wholeNumber(values[field]) === null) errors[field] = 'not_whole';
  }
  return errors;
}

export function toResultInput(values: ResultFormValues, version: number | undefined) {
  const count = (text: string): number | null => (text.trim() ? wholeNumber(text) : null);
  return {
    turnover: yenOf(values.turnover) ?? 0, expenses: yenOf(values.expenses) ?? 0, peopleServed: count(values.peopleServed),
    workersMembers: count(values.workersMembers), workersNonMembers: count(values.workersNonMembers), ...(version === undefined ? {} : { version }),
  };
}

/** A business line the federation adds, as typed. */
export interface BusinessLineValues {
  code: string;
  nameJa: string;
  nameEn: string;
}

/** The code as stored: ｂａｋｅｒｙ typed with a Japanese input method, or Bakery, is bakery. */
export const lineCode = (text: string): string => text.normalize('NFKC').trim().toLowerCase();

export function checkBusinessLine(values: BusinessLineValues, existing: readonly BusinessLine[]): FieldErrors {
  const errors: FieldErrors = {};
  const code = lineCode(values.code);
  if (!code) errors.code = 'required';
  else if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(code)) errors.code = 'invalid_slug';
  else if (existing.some((line) => line.code === code)) errors.code = 'duplicate_code';
  if (!values.nameJa.trim()) errors.nameJa = 'required';
  if (!values.nameEn.trim()) errors.nameEn = 'required';
  return errors;
}
