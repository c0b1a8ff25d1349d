import { DomainError } from '../shared/errors.js';

export const locales = ['ja', 'en'] as const;
export type Locale = (typeof locales)[number];

/** NIST SP 800-63B: length matters more than composition rules. */
export const minPasswordLength = 12;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkPassword(password: string): void {
  if ([...password].length < minPasswordLength) {
    throw new DomainError('invalid', 'weak_password', `the password must have at least ${minPasswordLength} characters`, [
      { field: 'password', code: 'weak_password', message: `at least ${minPasswordLength} characters` },
    ]);
  }
}
