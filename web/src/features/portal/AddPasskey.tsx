import { Alert, Button, Stack } from '@mantine/core';
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { IconFingerprint } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { useErrorText } from '../../errors';
import { notifySuccess } from '../../notify';
import { register } from './passkeys';

interface AddPasskeyProps {
  onAdded: () => void;
  /** The button's text; by default "add a passkey". */
  label?: string;
}

/**
 * パスキーを追加: registers a passkey of this device (fingerprint, face or the phone's lock) for the account, so the
 * member signs in without a password. A refusal in the browser's own dialog is no error, only "not added".
 */
export function AddPasskey({ onAdded, label }: AddPasskeyProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!browserSupportsWebAuthn()) return <Alert color="gray">{t('portal.passkeys.unsupported')}</Alert>;
  const add = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await register();
      notifySuccess(t('portal.passkeys.addedNow'));
      onAdded();
    } catch (error) {
      setProblem(error instanceof ApiError ? errorText(error) : t('portal.passkeys.notAdded'));
    } finally {
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
      <Button size="md" leftSection={<IconFingerprint size={20} aria-hidden />} loading={busy} onClick={() => void add()} style={{ alignSelf: 'flex-start' }}>
        {label ?? t('portal.passkeys.add')}
      </Button>
    </Stack>
  );
}
