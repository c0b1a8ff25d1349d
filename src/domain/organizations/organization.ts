import { defaultLawProfile } from '../law-profiles/profiles.js';
import { DomainError, type FieldError } from '../shared/errors.js';
import type { LegalForm, OrganizationKind, OrganizationStatus } from './reference.js';

/** The fields a person edits on an organization. */
export interface OrganizationFields {
  code: string;
  kind: OrganizationKind;
  parentId: string | null;
  nameJa: string;
  nameEn: string | null;
  legalForm: LegalForm;
  lawProfile: string;
  /** Date of registration (登記日), YYYY-MM-DD. */
  registrationDate: string | null;
  /** First month of the fiscal year (事業年度), set in the bylaws; April is common (domain.md §2 item 14). */
  fiscalYearStartMonth: number;
  prefectureCode: string | null;
  /** Seven digits, no hyphen. */
  postalCode: string | null;
  address: string | null;
  /** Codes of the federation's business lines (the seed's eight or lines the federation added). */
  businessLines: string[];
  status: OrganizationStatus;
}

export interface Organization extends OrganizationFields {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a new organization must say; the rest takes the defaults below. */
export type NewOrganizationFields = Pick<OrganizationFields, 'code' | 'nameJa' | 'legalForm' | 'parentId'> & Partial<OrganizationFields>;

/**
 * Defaults for a new organization: a member organization under the 2022 Act, active, with the fiscal year
 * starting in April, the most common start in Japan (the bylaws may set any month, domain.md §2 item 14).
 */
export function withOrganizationDefaults(input: NewOrganizationFields): OrganizationFields {
  return {
    kind: 'organization',
    nameEn: null,
    lawProfile: defaultLawProfile,
    registrationDate: null,
    fiscalYearStartMonth: 4,
    prefectureCode: null,
    postalCode: null,
    address: null,
    businessLines: [],
    status: 'active',
    ...Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)),
    code: input.code,
    nameJa: input.nameJa,
    legalForm: input.legalForm,
    parentId: input.parentId,
  };
}

/** Fields only a federation administrator may change: they move an organization within the federation. */
export const structuralFields = ['code', 'kind', 'parentId', 'status'] as const satisfies readonly (keyof OrganizationFields)[];

/** The Worker Cooperatives Act requires 「労働者協同組合」 in the name of every worker co-operative (naming rule of the Act). */
export const workerCoopNameMarker = '労働者協同組合';

/** Accepts `123-4567` or `1234567` and stores seven digits. */
export function normalizePostalCode(value: string | null): string | null {
  if (value === null) return null;
  const digits = value.replace(/[-－‐]/g, '').trim();
  return digits === '' ? null : digits;
}

/**
 * Checks the rules that hold between fields; shapes and formats are checked at the edge. `knownBusinessLines` are
 * the federation's lines: the edge cannot list them, as the federation adds its own.
 */
export function checkOrganizationRules(fields: OrganizationFields, id: string | null, knownBusinessLines: readonly string[]): void {
  const errors: FieldError[] = [];
  if (fields.legalForm === 'worker-cooperative' && !fields.nameJa.includes(workerCoopNameMarker)) {
    errors.push({
      field: 'nameJa',
      code: 'worker_coop_name',
      message: `a worker co-operative's name must contain 「${workerCoopNameMarker}」 (Worker Cooperatives Act)`,
    });
  }
  if (fields.kind === 'federation' && fields.parentId !== null) {
    errors.push({ field: 'parentId', code: 'federation_has_parent', message: 'a federation is not a member of another organization here' });
  }
  if (fields.kind === 'organization' && fields.parentId === null) {
    errors.push({ field: 'parentId', code: 'required', message: 'a member organization belongs to a federation' });
  }
  if (id !== null && fields.parentId === id) {
    errors.push({ field: 'parentId', code: 'self_parent', message: 'an organization cannot be its own member' });
  }
  if (new Set(fields.businessLines).size !== fields.businessLines.length) {
    errors.push({ field: 'businessLines', code: 'duplicate', message: 'each business line may be listed once' });
  }
  fields.businessLines.forEach((line, i) => {
    if (!knownBusinessLines.includes(line)) {
      errors.push({ field: `businessLines.${i}`, code: 'unknown_business_line', message: `${line} is not a business line of the federation` });
    }
  });
  if (errors.length > 0) {
    throw new DomainError('rule_violation', errors[0]!.code, errors.map((e) => e.message).join('; '), errors);
  }
}

/** The fields whose values differ, for the audit log and for authorization of structural changes. */
export function changedFields(before: OrganizationFields, after: OrganizationFields): (keyof OrganizationFields)[] {
  return (Object.keys(after) as (keyof OrganizationFields)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
}
