import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { PasswordField } from '../../components/PasswordField';
import type { FieldErrors } from '../../errors';
import { useFormSubmit } from '../../use-form-submit';
import { portalApi } from './portal';

/** The server's rule (weak_password): at least 12 characters. */
export const MIN_PASSWORD_LENGTH = 12;

interface PasswordValues {
  password: string;
  confirm: string;
}

function checkPassword({ password, confirm }: PasswordValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!password) errors.password = 'required';
  else if (password.length < MIN_PASSWORD_LENGTH) errors.password = 'weak_password';
  if (!confirm) errors.confirm = 'required';
  else if (password && confirm !== password) errors.confirm = 'password_mismatch';
  return errors;
}

/** A member's first password, after signing in with a letter's code (or a new one after a reprinted letter). */
export function SetPasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useFormSubmit<PasswordValues>({
    initialValues: { password: '', confirm: '' },
    check: checkPassword,
    send: async ({ password }) => {
      await portalApi.setPassword(password);
      onDone();
    },
    codeFields: { weak_password: 'password' },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const confirmError = form.errors.confirm === 'password_mismatch' ? t('portal.password.mismatch') : form.error('confirm');
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack>
        <Text>{t('portal.password.intro', { count: MIN_PASSWORD_LENGTH })}</Text>
        <FormAlert failure={form.failure} />
        <PasswordField
          label={t('portal.password.new')}
          description={t('portal.password.newHint', { count: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          size="md"
          required
          {...form.input('password')}
        />
        <PasswordField
          label={t('portal.password.confirm')}
          autoComplete="new-password"
          size="md"
          required
          {...form.input('confirm')}
          error={confirmError}
        />
        <Button type="submit" size="md" loading={form.submitting} fullWidth>
          {t('portal.password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
