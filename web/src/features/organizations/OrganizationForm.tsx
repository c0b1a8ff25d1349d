import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, useErrorText, type FieldErrors } from '../../errors';
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

/** Moves keyboard and screen-reader focus to the first field that needs attention. */
function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

export function OrganizationForm({ initial, withCode, statusLocked, submitLabel, onSubmit }: OrganizationFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);

  function change<K extends keyof OrganizationFormValues>(field: K, value: OrganizationFormValues[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = checkOrganizationValues(values, withCode);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit(values);
    } catch (error) {
      setErrors(fieldErrorsOf(error, ORGANIZATION_CODE_FIELDS));
      setFailure(error);
      focusFirstInvalid(formRef.current);
    } finally {
      setSubmitting(false);
    }
  }

  const invalidCount = Object.values(errors).filter(Boolean).length;
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        {(failure !== null || invalidCount > 0) && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {failure !== null ? errorText(failure) : t('validation.summary', { count: invalidCount })}
          </Alert>
        )}
        <OrganizationFormFields values={values} errors={errors} onChange={change} withCode={withCode} statusLocked={statusLocked} />
        <Group>
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
