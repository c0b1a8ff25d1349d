import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldErrorText } from '../../errors';

/**
 * Translates a field problem of a casework form where the same code means different things by field (the consent
 * a field needs): said in the words of that field (`casework.fieldError.circumstances.consent_required`), others as in
 * every form.
 */
export function useCaseFieldError(): (field: 'consents' | 'circumstances', code: string | undefined) => string | undefined {
  const { t } = useTranslation();
  const fieldErrorText = useFieldErrorText();
  return useCallback(
    (field: 'consents' | 'circumstances', code: string | undefined) =>
      code ? t(`casework.fieldError.${field}.${code}`, { defaultValue: fieldErrorText(code) ?? '' }) : undefined,
    [t, fieldErrorText],
  );
}
