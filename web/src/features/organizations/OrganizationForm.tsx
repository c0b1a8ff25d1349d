import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { invalidCount, useFormSubmit } from '../../use-form-submit';
import { checkOrganizationValues, ORGANIZATION_CODE_FIELDS, type OrganizationFormValues } from './organization-form-values';
import { OrganizationFormFields } from './OrganizationFormFields';

interface OrganizationFormProps {
  initial: OrganizationFormValues;
  withCode: boolean;
  statusLocked: boolean;
  submitLabel: string;
  /** Saves; a rejected promise carrying field problems marks those fields. */
  onSubmit: (values: OrganizationFormValues) => Promise<void>;
}

export function OrganizationForm({ initial, withCode, statusLocked, submitLabel, onSubmit }: OrganizationFormProps) {
  const { t } = useTranslation();
  const form = useFormSubmit({
    initialValues: initial,
    check: (values) => checkOrganizationValues(values, withCode),
    send: onSubmit,
    codeFields: ORGANIZATION_CODE_FIELDS,
    report: 'alert',
    focusInvalid: true,
  });

  const invalid = invalidCount(form.errors);
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <FormAlert failure={form.failure} summary={invalid > 0 ? t('validation.summary', { count: invalid }) : undefined} />
        <OrganizationFormFields values={form.values} errors={form.errors} onChange={form.set} withCode={withCode} statusLocked={statusLocked} />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
