import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';

/** Field name → problem code, from the server's `errors[]` or the form's own checks. */
export type FieldErrors = Partial<Record<string, string>>;

/** Where a field the server names belongs in a form: by default its first segment (`businessLines.2` → `businessLines`). */
export type FieldOf = (serverField: string) => string;

export const firstSegment: FieldOf = (field) => field.split('.')[0] ?? field;

/**
 * The field errors a problem carries, keyed by the field they belong to (`businessLines.2` → `businessLines`, or
 * as `fieldOf` says, e.g. `person.familyKana` → `familyKana` in a form whose person fields are at the top).
 * `codeFields` names the field of problems the server reports by code alone (`duplicate_email` → `email`).
 */
export function fieldErrorsOf(error: unknown, codeFields: Partial<Record<string, string>> = {}, fieldOf: FieldOf = firstSegment): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const { field, code } of error.problem.errors ?? []) {
    errors[fieldOf(field)] ??= code;
  }
  const field = codeFields[error.code];
  if (field) errors[field] ??= error.code;
  return errors;
}

/** Translates a failed request into a sentence for people. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback(
    (error: unknown) => {
      const code = error instanceof ApiError ? error.code : 'internal_error';
      return t(`errors.${code}`, { defaultValue: t('errors.unknown') });
    },
    [t],
  );
}

/** Translates a field problem code (`required`, `invalid_format`, …). */
export function useFieldErrorText(): (code: string | undefined) => string | undefined {
  const { t } = useTranslation();
  return useCallback(
    (code: string | undefined) => (code ? t(`validation.${code}`, { defaultValue: t('validation.invalid') }) : undefined),
    [t],
  );
}
