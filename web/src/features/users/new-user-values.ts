import type { FieldErrors } from '../../errors';
import type { Role } from '../session/me';
import type { NewUserInput } from './user';

/** NIST SP 800-63B: length matters more than composition; the server requires the same. */
export const MIN_PASSWORD_LENGTH = 12;

export interface NewUserValues {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  organizationId: string;
}

/** Every role but the federation administrator belongs to one organization. */
export function roleNeedsOrganization(role: Role): boolean {
  return role !== 'federation-admin';
}

export function checkNewUser(values: NewUserValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.email.trim()) errors.email = 'required';
  else if (!/^[^\s@]+@[^\s@]+$/.test(values.email.trim())) errors.email = 'invalid_email';
  if (!values.displayName.trim()) errors.displayName = 'required';
  if ([...values.password].length < MIN_PASSWORD_LENGTH) errors.password = 'weak_password';
  if (roleNeedsOrganization(values.role) && !values.organizationId) errors.organizationId = 'required';
  return errors;
}

export function toNewUserInput(values: NewUserValues): NewUserInput {
  return {
    email: values.email.trim(),
    displayName: values.displayName.trim(),
    password: values.password,
    role: values.role,
    organizationId: roleNeedsOrganization(values.role) ? values.organizationId : null,
  };
}

/** Problems the server may report by code alone, and the field each belongs to. */
export const NEW_USER_CODE_FIELDS: Partial<Record<string, keyof NewUserValues>> = {
  duplicate_email: 'email',
  weak_password: 'password',
  organization_required: 'organizationId',
};
