import { Alert, Button, Stack } from '@mantine/core';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { IconFingerprint } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, setCsrfToken } from '../../api';
import { useErrorText } from '../../errors';
import { signIn } from './passkeys';
import { portalPages } from './portal';

/**
 * パスキーでサインイン: the device offers the passkeys it holds for this site. Once signed in, the page is loaded
 * anew at `next` (a member without one goes to マイページ), so the app starts with the session the server opened.
 */
export function PasskeySignIn({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!browserSupportsWebAuthn()) return null;
  const start = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const session = await signIn();
      setCsrfToken(session.csrfToken);
      window.location.assign(next ?? (session.user.role === 'member' ? portalPages.home : '/'));
    } catch (error) {
      // The member closed the device's dialog, or it timed out: no error of the app, only "not signed in".
      setProblem(error instanceof ApiError ? errorText(error) : t('portal.passkeys.signInCancelled'));
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Button variant="default" size="md" fullWidth leftSection={<IconFingerprint size={20} aria-hidden />} loading={busy} onClick={() => void start()}>
        {t('portal.passkeys.signIn')}
      </Button>
    </Stack>
  );
}
