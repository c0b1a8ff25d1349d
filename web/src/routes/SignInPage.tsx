import { Anchor, Box, Button, Container, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { AppName } from '../components/AppName';
import { FormAlert } from '../components/FormAlert';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LoadingState } from '../components/LoadingState';
import { PasswordField } from '../components/PasswordField';
import type { FieldErrors } from '../errors';
import { PasskeySignIn } from '../features/portal/PasskeySignIn';
import { portalPages } from '../features/portal/portal';
import { useSession } from '../features/session/session-context';
import { useFormSubmit } from '../use-form-submit';

/** Only paths inside this app, so a crafted link cannot send people elsewhere after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

interface SignInValues {
  email: string;
  password: string;
}

function checkSignIn({ email, password }: SignInValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!email.trim()) errors.email = 'required';
  if (!password) errors.password = 'required';
  return errors;
}

export function SignInPage() {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const form = useFormSubmit<SignInValues>({
    initialValues: { email: '', password: '' },
    check: checkSignIn,
    send: async ({ email, password }) => {
      await signIn(email.trim(), password);
      navigate(safeNext(params.get('next')), { replace: true });
    },
    report: 'alert',
    // Stays busy until the page has changed, so the redirect for people already signed in does not fire as well.
    afterSuccess: 'leave',
  });
  useDocumentTitle(`${t('signIn.title')} | ${t('appName')}`);

  if (state.status === 'loading') return <LoadingState fullPage />;
  if (state.status === 'signed-in' && !form.submitting) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <>
      <Box component="header" px="md" py="sm">
        <Group justify="space-between">
          <AppName />
          <LanguageSwitch />
        </Group>
      </Box>
      <Container component="main" size={420} py="xl">
        <Paper withBorder p="lg" radius="md">
          <form onSubmit={form.onSubmit} noValidate>
            <Stack>
              <Title order={1} size="h2">
                {t('signIn.title')}
              </Title>
              <FormAlert failure={form.failure} />
              <TextInput label={t('signIn.email')} autoComplete="username" autoCapitalize="none" spellCheck={false} required {...form.input('email')} />
              <PasswordField label={t('signIn.password')} autoComplete="current-password" required {...form.input('password')} />
              <Button type="submit" loading={form.submitting} fullWidth>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
          <Stack gap="sm" mt="md">
            <PasskeySignIn next={params.get('next') ? safeNext(params.get('next')) : null} />
            <Anchor component={Link} to={portalPages.codeSignIn} ta="center">
              {t('portal.codeSignIn.link')}
            </Anchor>
          </Stack>
        </Paper>
      </Container>
    </>
  );
}
