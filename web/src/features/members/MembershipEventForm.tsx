import { Alert, Button, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import type { FieldErrors } from '../../errors';
import { formatDateWithEra, todayInJapan } from '../../format';
import { useLocale } from '../../i18n';
import { useFormSubmit } from '../../use-form-submit';
import { memberApi, type MembershipEventType } from './member';
import { dateInProblem, isFinalEvent, reasonRequired } from './transitions';
import { FormActions } from '../../components/FormActions';

interface EventValues {
  effectiveDate: string;
  reason: string;
}

interface MembershipEventFormProps {
  membershipId: string;
  type: MembershipEventType;
  onRecorded: () => void;
  onCancel: () => void;
}

// Rule problems about the effective date that name a date the person can use instead.
const DATED_PROBLEMS = ['withdrawal_before_fiscal_year_end', 'date_before_previous_event'];

/** Records one event (admission, notice of withdrawal, withdrawal…) with the date it takes effect. */
export function MembershipEventForm({ membershipId, type, onRecorded, onCancel }: MembershipEventFormProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const needsReason = reasonRequired(type);
  const form = useFormSubmit<EventValues>({
    initialValues: { effectiveDate: todayInJapan(), reason: '' },
    check: (values) => {
      const errors: FieldErrors = {};
      if (!values.effectiveDate) errors.effectiveDate = 'required';
      if (needsReason && !values.reason.trim()) errors.reason = 'required';
      return errors;
    },
    send: async (values) => {
      await memberApi.recordEvent(membershipId, { type, effectiveDate: values.effectiveDate, reason: values.reason.trim() || null });
      onRecorded();
    },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });

  // The server names the earliest date a withdrawal may take effect, or the previous event's date.
  const code = form.failure instanceof ApiError ? form.failure.code : null;
  const date = code && DATED_PROBLEMS.includes(code) ? dateInProblem(form.failure) : null;
  const dated = code && date ? t(`memberEvent.problem.${code}`, { date: formatDateWithEra(date, locale) }) : null;

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        {dated ? (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            <Text size="sm">{dated}</Text>
            {date && (
              <Button mt="xs" size="xs" variant="default" onClick={() => form.set('effectiveDate', date)}>
                {t('memberEvent.useDate', { date: formatDateWithEra(date, locale) })}
              </Button>
            )}
          </Alert>
        ) : (
          <FormAlert failure={form.failure} />
        )}
        <Text size="sm">{t(`memberEvent.hint.${type}`)}</Text>
        <TextInput
          label={t('memberEvent.effectiveDate')}
          description={t('memberEvent.effectiveDateHint')}
          type="date"
          required
          data-autofocus
          {...form.input('effectiveDate')}
          error={dated && form.errors.effectiveDate ? t('memberEvent.dateProblem', { date: date && formatDateWithEra(date, locale) }) : form.error('effectiveDate')}
        />
        <Textarea label={t('memberEvent.reason')} required={needsReason} autosize minRows={2} maxLength={1000} {...form.input('reason')} />
        <FormActions
          inDialog
          submitLabel={t(`membershipAction.${type}`)}
          submitColor={isFinalEvent(type) ? 'red.9' : undefined}
          submitting={form.submitting}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
