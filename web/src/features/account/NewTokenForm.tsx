import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../use-form-submit';
import { tokenApi, type IssuedApiToken } from './api-token';

export function NewTokenForm({ onCreated }: { onCreated: (token: IssuedApiToken) => void }) {
  const { t } = useTranslation();
  const form = useFormSubmit({
    initialValues: { name: '' },
    check: ({ name }) => (name.trim() ? {} : { name: 'required' }),
    send: async ({ name }) => onCreated(await tokenApi.create(name.trim())),
    report: 'notify',
    afterSuccess: 'reset',
  });

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('tokens.name')}
          description={t('tokens.nameHint')}
          required
          {...form.input('name')}
          style={{ flex: '1 1 240px' }}
          maw={420}
        />
        <Button type="submit" loading={form.submitting}>
          {t('tokens.create')}
        </Button>
      </Group>
    </form>
  );
}
