import { Alert, Box, Button, Container, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { AppName } from '../components/AppName';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { LoadingState } from '../components/LoadingState';
import { PasswordField } from '../components/PasswordField';
import { fieldErrorsOf, useErrorText, useFieldErrorText, type FieldErrors } from '../errors';
import { useSession } from '../features/session/session-context';

/** Only paths inside this app, so a crafted link cannot send people elsewhere after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function checkSignIn(email: string, password: string): FieldErrors {
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
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  useDocumentTitle(`${t('signIn.title')} | ${t('appName')}`);

  if (state.status === 'loading') return <LoadingState fullPage />;
  if (state.status === 'signed-in' && !submitting) return <Navigate to={safeNext(params.get('next'))} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = checkSignIn(email, password);
    setFieldErrors(errors);
    setFailure(null);
    if (Object.keys(errors).length > 0) return;
    setSubmitting(true);
    try {
      await signIn(email.trim(), password);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      setFieldErrors(fieldErrorsOf(error));
      setFailure(error);
      setSubmitting(false);
    }
  }

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
          <form onSubmit={submit} noValidate>
            <Stack>
              <Title order={1} size="h2">
                {t('signIn.title')}
              </Title>
              {failure !== null && (
                <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
                  {errorText(failure)}
                </Alert>
              )}
              <TextInput
                label={t('signIn.email')}
                type="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldErrorText(fieldErrors.email)}
              />
              <PasswordField
                label={t('signIn.password')}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldErrorText(fieldErrors.password)}
              />
              <Button type="submit" loading={submitting} fullWidth>
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Container>
    </>
  );
}
