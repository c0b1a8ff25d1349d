import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { applyLocale, LOCALES, type Locale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useFormSubmit } from '../../use-form-submit';
import { useMe, useSession } from '../session/session-context';

/** The person's own name and language. */
export function ProfileForm() {
  const { t } = useTranslation();
  const me = useMe();
  const { updateMe } = useSession();
  const form = useFormSubmit<{ displayName: string; locale: Locale }>({
    initialValues: { displayName: me.displayName, locale: me.locale },
    check: ({ displayName }) => (displayName.trim() ? {} : { displayName: 'required' }),
    send: async ({ displayName, locale }) => {
      await updateMe({ displayName: displayName.trim(), locale });
      await applyLocale(locale);
      notifySuccess(t('account.profileSaved'));
    },
    report: 'notify',
  });
  const { locale } = form.values;

  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack maw={420}>
        <TextInput label={t('user.email')} value={me.email} readOnly variant="filled" />
        <TextInput label={t('user.displayName')} required autoComplete="name" {...form.input('displayName')} />
        <NativeSelect
          label={t('user.locale')}
          value={locale}
          onChange={(event) => form.set('locale', LOCALES.find((l) => l === event.currentTarget.value) ?? locale)}
          data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        <Group>
          <Button type="submit" loading={form.submitting}>
            {t('account.saveProfile')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
