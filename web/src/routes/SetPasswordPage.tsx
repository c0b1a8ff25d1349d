import { Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicPageFrame } from '../features/portal/PublicPageFrame';
import { SetPasswordForm } from '../features/portal/SetPasswordForm';
import { PasskeyOfferStep, SetupDoneStep } from '../features/portal/SetupSteps';

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
        {step === 'passkey' && <PasskeyOfferStep onDone={() => setStep('done')} />}
        {step === 'done' && <SetupDoneStep reload={false} />}
      </Stack>
    </PublicPageFrame>
  );
}
