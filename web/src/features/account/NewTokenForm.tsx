import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, useErrorText, useFieldErrorText, type FieldErrors } from '../../errors';
import { notifyError } from '../../notify';
import { tokenApi, type IssuedApiToken } from './api-token';

export function NewTokenForm({ onCreated }: { onCreated: (token: IssuedApiToken) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: 'required' });
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      onCreated(await tokenApi.create(name.trim()));
      setName('');
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      notifyError(errorText(error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('tokens.name')}
          description={t('tokens.nameHint')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrorText(errors.name)}
          style={{ flex: '1 1 240px' }}
          maw={420}
        />
        <Button type="submit" loading={submitting}>
          {t('tokens.create')}
        </Button>
      </Group>
    </form>
  );
}
