import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { invalidCount } from '../../use-form-submit';
import type { FieldErrors } from '../../errors';
import { useCampaignProblems } from './use-campaign-problems';

/** A campaign form's problem as a whole, announced at once: what failed on the server, or how many fields need attention. */
export function CampaignAlert({ failure, errors }: { failure: unknown; errors: FieldErrors }) {
  const { t } = useTranslation();
  const problems = useCampaignProblems();
  const invalid = invalidCount(errors);
  const message = failure !== null ? problems.failure(failure) : invalid > 0 ? t('validation.summary', { count: invalid }) : null;
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
      {message}
    </Alert>
  );
}
