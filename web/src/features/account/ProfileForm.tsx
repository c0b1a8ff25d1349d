import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, useErrorText, useFieldErrorText, type FieldErrors } from '../../errors';
import { applyLocale, LOCALES, type Locale } from '../../i18n';
import { notifyError, notifySuccess } from '../../notify';
import { useMe, useSession } from '../session/session-context';

/** The person's own name and language. */
export function ProfileForm() {
  const { t } = useTranslation();
  const me = useMe();
  const { updateMe } = useSession();
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [locale, setLocale] = useState<Locale>(me.locale);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!displayName.trim()) {
      setErrors({ displayName: 'required' });
      return;
    }
    setErrors({});
    setSubmitting(true);
    try {
      await updateMe({ displayName: displayName.trim(), locale });
      await applyLocale(locale);
      notifySuccess(t('account.profileSaved'));
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      notifyError(errorText(error));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={420}>
        <TextInput label={t('user.email')} value={me.email} readOnly variant="filled" />
        <TextInput
          label={t('user.displayName')}
          required
          autoComplete="name"
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={fieldErrorText(errors.displayName)}
        />
        <NativeSelect
          label={t('user.locale')}
          value={locale}
          onChange={(event) => setLocale(LOCALES.find((l) => l === event.currentTarget.value) ?? locale)}
          data={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('account.saveProfile')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
