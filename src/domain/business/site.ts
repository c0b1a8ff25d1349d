import { prefectureCodes } from '../organizations/prefectures.js';
import { DomainError, type FieldError } from '../shared/errors.js';
import { isIsoDate } from '../work/period.js';

/** How a site is run: the organization's own business (自主事業) or commissioned (委託事業) by a commissioner (委託元). */
export const siteOperations = ['own', 'commissioned'] as const;
export type SiteOperation = (typeof siteOperations)[number];

export const siteTextLimits = { name: 100, address: 200, commissioner: 100 } as const;

/** A site or office (事業所) of an organization, as a person enters it. */
export interface SiteFields {
  nameJa: string;
  nameEn: string | null;
  /** A business line's code: one of the seed's eight or one the federation defined. */
  businessLine: string;
  /** Seven digits, no hyphen. */
  postalCode: string | null;
  prefectureCode: string | null;
  address: string | null;
  openedOn: string | null;
  closedOn: string | null;
  operation: SiteOperation;
  /** Who commissions the work (委託元): required for a commissioned site, none for the organization's own. */
  commissionerName: string | null;
  /** The commissioner's local-government code (地方公共団体コード, 6 digits with the check digit), when it is one. */
  commissionerCode: string | null;
  /** How many people the site can serve (定員), when it has a capacity. */
  capacity: number | null;
}

/**
 * JIS X 0402 local-government codes carry a check digit: 11 − (Σ digit × weight 6,5,4,3,2 mod 11), last digit of that
 * (10 → 0, 11 → 1). It catches a mistyped digit before a commissioner is misfiled.
 */
export function isLocalGovernmentCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 5).reduce((total, d, i) => total + d * (6 - i), 0);
  const check = (11 - (sum % 11)) % 10;
  return check === digits[5];
}

/**
 * Checks a site's fields against each other and the reference lists: dates that exist, a close not before the
 * opening, a whole capacity, a commissioner exactly when commissioned, a known prefecture and business line.
 * Every problem is reported at once, each with its field.
 */
export function checkSite(site: SiteFields, knownBusinessLines: readonly string[]): void {
  const errors: FieldError[] = [];
  const fail = (field: keyof SiteFields, code: string, message: string) => errors.push({ field, code, message });
  if (site.nameJa.trim() === '') fail('nameJa', 'required', 'the site needs a name');
  if ([...site.nameJa].length > siteTextLimits.name) fail('nameJa', 'too_long', `at most ${siteTextLimits.name} characters`);
  if (!knownBusinessLines.includes(site.businessLine)) fail('businessLine', 'unknown_business_line', `${site.businessLine} is not a business line of the federation`);
  if (site.postalCode !== null && !/^\d{7}$/.test(site.postalCode)) fail('postalCode', 'invalid_format', 'seven digits, as 123-4567');
  if (site.prefectureCode !== null && !prefectureCodes.includes(site.prefectureCode)) fail('prefectureCode', 'unknown_prefecture', 'a prefecture code, 01 to 47');
  if (site.openedOn !== null && !isIsoDate(site.openedOn)) fail('openedOn', 'invalid_date', 'a date, YYYY-MM-DD');
  if (site.closedOn !== null && !isIsoDate(site.closedOn)) fail('closedOn', 'invalid_date', 'a date, YYYY-MM-DD');
  else if (site.closedOn !== null && site.openedOn !== null && site.closedOn < site.openedOn) fail('closedOn', 'closed_before_opened', 'a site closes on or after the day it opened');
  if (site.capacity !== null && (!Number.isSafeInteger(site.capacity) || site.capacity < 0)) fail('capacity', 'not_whole', 'a whole number of people, 0 or more');
  if (site.operation === 'commissioned' && (site.commissionerName ?? '').trim() === '') fail('commissionerName', 'required', 'a commissioned site names its commissioner (委託元)');
  if (site.operation === 'own' && (site.commissionerName !== null || site.commissionerCode !== null)) {
    fail('commissionerName', 'not_commissioned', "the organization's own business has no commissioner");
  }
  if (site.commissionerCode !== null && !isLocalGovernmentCode(site.commissionerCode)) {
    fail('commissionerCode', 'invalid_local_government_code', 'a 6-digit local-government code with its check digit (札幌市 011002)');
  }
  if (errors.length > 0) throw new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}
