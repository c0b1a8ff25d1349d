import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidCount, type FormSubmit } from '../use-form-submit';
import { FormActions } from './FormActions';
import { FormAlert } from './FormAlert';

interface DialogFormProps<V> {
  form: FormSubmit<V>;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A form in a dialog: its problem at the top (what failed on the server, or how many fields need attention),
 * its fields, then cancel and submit.
 */
export function DialogForm<V>({ form, submitLabel, onCancel, children }: DialogFormProps<V>) {
  const { t } = useTranslation();
  const invalid = invalidCount(form.errors);
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        {children}
        <FormActions inDialog submitLabel={submitLabel} submitting={form.submitting} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
