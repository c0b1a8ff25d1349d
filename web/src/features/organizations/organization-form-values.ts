import type { LegalForm, OrganizationStatus } from '../../../../src/domain/organizations/reference';
import type { FieldErrors } from '../../errors';
import { formatPostalCode } from '../../format';
import type { Organization, OrganizationInput } from './organization';

/** What the organization form holds: text as typed, converted to the API's shape on submit. */
export interface OrganizationFormValues {
  code: string;
  nameJa: string;
  nameEn: string;
  legalForm: string;
  lawProfile: string;
  registrationDate: string;
  fiscalYearStartMonth: string;
  prefectureCode: string;
  postalCode: string;
  address: string;
  businessLines: string[];
  status: string;
}

// A new member organization is most often a worker co-operative under the 2022 Act,
// with the April–March fiscal year that is common in Japan.
export const NEW_ORGANIZATION_VALUES: OrganizationFormValues = {
  code: '',
  nameJa: '',
  nameEn: '',
  legalForm: 'worker-cooperative',
  lawProfile: 'jp-worker-coop-2022',
  registrationDate: '',
  fiscalYearStartMonth: '4',
  prefectureCode: '',
  postalCode: '',
  address: '',
  businessLines: [],
  status: 'active',
};

export function valuesFromOrganization(organization: Organization): OrganizationFormValues {
  return {
    code: organization.code,
    nameJa: organization.nameJa,
    nameEn: organization.nameEn ?? '',
    legalForm: organization.legalForm,
    lawProfile: organization.lawProfile,
    registrationDate: organization.registrationDate ?? '',
    fiscalYearStartMonth: String(organization.fiscalYearStartMonth),
    prefectureCode: organization.prefectureCode ?? '',
    postalCode: organization.postalCode ? formatPostalCode(organization.postalCode) : '',
    address: organization.address ?? '',
    businessLines: organization.businessLines,
    status: organization.status,
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** Postal codes are typed as 123-4567, １２３４５６７ or 1234567 and stored as seven digits. */
export function postalDigits(text: string): string {
  return text.normalize('NFKC').replace(/[^0-9]/g, '');
}

export function toOrganizationInput(values: OrganizationFormValues): OrganizationInput {
  return {
    nameJa: values.nameJa.trim(),
    nameEn: orNull(values.nameEn),
    // Both come from selects that offer only the server's codes; the server checks them again (400 with the field).
    legalForm: values.legalForm as LegalForm,
    lawProfile: values.lawProfile,
    registrationDate: orNull(values.registrationDate),
    fiscalYearStartMonth: Number(values.fiscalYearStartMonth),
    prefectureCode: orNull(values.prefectureCode),
    postalCode: orNull(postalDigits(values.postalCode)),
    address: orNull(values.address),
    businessLines: values.businessLines,
    status: values.status as OrganizationStatus,
  };
}

/** Checks what can be checked before asking the server; the server checks everything again. */
export function checkOrganizationValues(values: OrganizationFormValues, withCode: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (withCode && !values.code.trim()) errors.code = 'required';
  else if (withCode && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.code.trim())) errors.code = 'invalid_slug';
  if (!values.nameJa.trim()) errors.nameJa = 'required';
  if (values.registrationDate && !/^\d{4}-\d{2}-\d{2}$/.test(values.registrationDate)) errors.registrationDate = 'invalid_format';
  if (values.postalCode.trim() && postalDigits(values.postalCode).length !== 7) errors.postalCode = 'invalid_postal_code';
  return errors;
}

/** Problems the server may report by code alone, and the field each belongs to. */
export const ORGANIZATION_CODE_FIELDS: Partial<Record<string, keyof OrganizationFormValues>> = {
  duplicate_code: 'code',
  worker_coop_name: 'nameJa',
};
