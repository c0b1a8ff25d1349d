import { Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AddPasskey } from '../features/portal/AddPasskey';
import { portalPages } from '../features/portal/portal';
import { PublicPageFrame } from '../features/portal/PublicPageFrame';
import { SetPasswordForm } from '../features/portal/SetPasswordForm';
import { StepHeading } from '../features/portal/StepHeading';

/**
 * パスワードを決める (/set-password, signed in): for a member whose session began with a letter's code and who left
 * before choosing a password; then a passkey, if they want one.
 */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<'password' | 'passkey' | 'done'>('password');
  useDocumentTitle(`${t('portal.password.title')} | ${t('appName')}`);
  return (
    <PublicPageFrame>
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('portal.password.title')}
        </Title>
        {step === 'password' && <SetPasswordForm onDone={() => setStep('passkey')} />}
        {step === 'passkey' && (
          <Stack gap="md">
            <StepHeading>{t('portal.passkeys.offerTitle')}</StepHeading>
            <Text>{t('portal.passkeys.offer')}</Text>
            <AddPasskey onAdded={() => setStep('done')} />
            <Button variant="default" size="md" onClick={() => setStep('done')}>
              {t('portal.passkeys.later')}
            </Button>
          </Stack>
        )}
        {step === 'done' && (
          <Stack gap="md">
            <StepHeading>{t('portal.codeSignIn.doneTitle')}</StepHeading>
            <Button component={Link} to={portalPages.home} size="lg" fullWidth>
              {t('portal.codeSignIn.toMyPage')}
            </Button>
          </Stack>
        )}
      </Stack>
    </PublicPageFrame>
  );
}
