import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { useErrorText, useFieldErrorText } from '../../errors';

export interface CampaignProblems {
  /** A field's problem code in words: the campaigns' own text where it has one (not_a_forward_step), else the app's. */
  field: (code: string | undefined) => string | undefined;
  /** Why a request failed, in words: said of a campaign or a target where the app's general text would not fit. */
  failure: (error: unknown) => string;
}

/** The words of the problems the campaign requests answer with. */
export function useCampaignProblems(): CampaignProblems {
  const { t } = useTranslation();
  const fieldText = useFieldErrorText();
  const errorText = useErrorText();
  const field = useCallback((code: string | undefined) => (code ? t(`campaigns.problem.${code}`, { defaultValue: fieldText(code) ?? '' }) : undefined), [t, fieldText]);
  const failure = useCallback(
    (error: unknown) => (error instanceof ApiError ? t(`campaigns.error.${error.code}`, { defaultValue: errorText(error) }) : errorText(error)),
    [t, errorText],
  );
  return { field, failure };
}
