import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AddPasskey } from './AddPasskey';
import { portalPages } from './portal';
import { StepHeading } from './StepHeading';

/** After the password: a passkey, if the member wants one now (the code sign-in and the set-password page). */
export function PasskeyOfferStep({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <StepHeading>{t('portal.passkeys.offerTitle')}</StepHeading>
      <Text>{t('portal.passkeys.offer')}</Text>
      <AddPasskey onAdded={onDone} />
      <Button variant="default" size="md" onClick={onDone}>
        {t('portal.passkeys.later')}
      </Button>
    </Stack>
  );
}

/**
 * Ready: on to マイページ. After a code sign-in the way there is a whole new page load (`reload`), so the app starts
 * with the session that page opened; a signed-in member's app needs none.
 */
export function SetupDoneStep({ reload }: { reload: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <StepHeading>{t('portal.codeSignIn.doneTitle')}</StepHeading>
      {reload ? (
        <>
          <Text>{t('portal.codeSignIn.done')}</Text>
          <Button component="a" href={portalPages.home} size="lg" fullWidth>
            {t('portal.codeSignIn.toMyPage')}
          </Button>
        </>
      ) : (
        <Button component={Link} to={portalPages.home} size="lg" fullWidth>
          {t('portal.codeSignIn.toMyPage')}
        </Button>
      )}
    </Stack>
  );
}
