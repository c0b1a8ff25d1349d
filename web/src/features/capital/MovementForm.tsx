import { Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormAlert } from '../../components/FormAlert';
import { invalidCount, useFormSubmit, type FormSubmit, type FormSubmitOptions } from '../../use-form-submit';

/**
 * How every capital movement is sent from its dialog: a failure shown in the form, focus on the first field to fix,
 * and the form busy until the dialog closes, so the movement cannot be recorded twice.
 */
export function useMovementForm<V extends object>(
  options: Pick<FormSubmitOptions<V>, 'initialValues' | 'check' | 'send' | 'codeFields' | 'fieldOf'>,
): FormSubmit<V> {
  return useFormSubmit({ ...options, report: 'alert', focusInvalid: true, afterSuccess: 'leave' });
}

interface MovementFormFrameProps {
  /** The movement's form state, from useMovementForm; its values have the date the movement is booked on. */
  form: Pick<FormSubmit<{ date: string }>, 'onSubmit' | 'errors' | 'failure' | 'submitting' | 'input'>;
  /** Said above the fields. */
  intro?: ReactNode;
  /** The date's error when the server's problem tells more than its code (the date to book from). */
  dateError?: string;
  submitLabel: string;
  submitColor?: string;
  onCancel: () => void;
  /** The movement's own fields, after the date. */
  children: ReactNode;
}

/**
 * The frame of a capital movement form: the form's problem, the date the movement is booked on (the first field,
 * focused when the dialog opens), the movement's own fields, and submit and cancel.
 */
export function MovementForm({ form, intro, dateError, submitLabel, submitColor, onCancel, children }: MovementFormFrameProps) {
  const { t } = useTranslation();
  const invalid = invalidCount(form.errors);
  const date = form.input('date');
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        {intro}
        <TextInput label={t('capital.form.date')} type="date" required data-autofocus {...date} error={dateError ?? date.error} />
        {children}
        <FormActions inDialog submitLabel={submitLabel} submitColor={submitColor} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
