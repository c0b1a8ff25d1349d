import { Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { setCsrfToken } from '../api';
import { FormAlert } from '../components/FormAlert';
import { portalApi } from '../features/portal/portal';
import { PublicPageFrame } from '../features/portal/PublicPageFrame';
import { SetPasswordForm } from '../features/portal/SetPasswordForm';
import { PasskeyOfferStep, SetupDoneStep } from '../features/portal/SetupSteps';
import { StepHeading } from '../features/portal/StepHeading';
import { checkCode, formatCode, normalizeCode } from '../features/portal/sign-in-code';
import { useFormSubmit } from '../use-form-submit';

type Step = 'code' | 'password' | 'passkey' | 'done';
const STEPS: readonly Step[] = ['code', 'password', 'passkey', 'done'];

/**
 * サインインコードでサインイン (/sign-in/code, public; the QR code on a letter points here, `?code=` fills it in): the
 * one-time code of a letter or e-mail, then a password, then, if the member wants, a passkey of this phone.
 */
export function CodeSignInPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('code');
  const [mustSetPassword, setMustSetPassword] = useState(true);
  useDocumentTitle(`${t('portal.codeSignIn.title')} | ${t('appName')}`);
  const active = STEPS.indexOf(step);
  return (
    <PublicPageFrame>
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('portal.codeSignIn.title')}
        </Title>
        {step !== 'done' && (
          <Text fw={700}>{t('portal.codeSignIn.step', { step: active + 1, total: STEPS.length - 1, name: t(`portal.codeSignIn.stepName.${step}`) })}</Text>
        )}
        {step === 'code' && (
          <CodeStep
            onSignedIn={(must) => {
              setMustSetPassword(must);
              setStep('password');
            }}
          />
        )}
        {step === 'password' && (
          <Stack gap="md">
            <StepHeading>{t('portal.password.title')}</StepHeading>
            <SetPasswordForm onDone={() => setStep('passkey')} />
            {!mustSetPassword && (
              <Button variant="subtle" size="md" onClick={() => setStep('passkey')}>
                {t('portal.password.keep')}
              </Button>
            )}
          </Stack>
        )}
        {step === 'passkey' && <PasskeyOfferStep onDone={() => setStep('done')} />}
        {step === 'done' && <SetupDoneStep reload />}
      </Stack>
    </PublicPageFrame>
  );
}

function CodeStep({ onSignedIn }: { onSignedIn: (mustSetPassword: boolean) => void }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const form = useFormSubmit<{ code: string }>({
    initialValues: { code: formatCode(params.get('code') ?? '') },
    check: ({ code }) => ({ code: checkCode(code) }),
    send: async ({ code }) => {
      const session = await portalApi.codeSignIn(normalizeCode(code));
      setCsrfToken(session.csrfToken);
      onSignedIn(session.mustSetPassword);
    },
    codeFields: { invalid_code: 'code' },
    report: 'alert',
    focusInvalid: true,
    afterSuccess: 'leave',
  });
  const codeError = form.errors.code && form.errors.code !== 'required' && form.errors.code !== 'invalid_format' ? t('portal.codeSignIn.badCode') : form.error('code');
  return (
    <form onSubmit={form.onSubmit} noValidate>
      <Stack gap="md">
        <Text>{t('portal.codeSignIn.intro')}</Text>
        {/* A code that does not work is said at the field (one answer for wrong, used and expired codes). */}
        <FormAlert failure={form.errors.code ? null : form.failure} />
        <TextInput
          label={t('portal.codeSignIn.code')}
          description={t('portal.codeSignIn.codeHint')}
          placeholder="XXXX-XXXX-XXXX"
          size="lg"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          required
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.08em' } }}
          {...form.input('code')}
          onBlur={() => {
            const grouped = formatCode(form.values.code);
            if (grouped !== form.values.code) form.set('code', grouped);
          }}
          error={codeError}
        />
        <Button type="submit" size="lg" loading={form.submitting} fullWidth>
          {t('portal.codeSignIn.submit')}
        </Button>
        <Text size="sm">{t('portal.codeSignIn.lost')}</Text>
        <Button component={Link} to="/sign-in" variant="subtle" size="md">
          {t('portal.codeSignIn.toPasswordSignIn')}
        </Button>
      </Stack>
    </form>
  );
}
