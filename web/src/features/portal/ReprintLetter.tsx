import { Button } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useErrorText } from '../../errors';
import { saveFile } from '../imports/csv-import';
import { notifyError, notifySuccess } from '../../notify';
import { portalApi } from './portal';

/**
 * サインインのお手紙を印刷: a new letter with a new one-time code for one member (lost, expired, or to recover access
 * to マイページ); the codes of their earlier letters stop working, so it asks first.
 */
export function ReprintLetter({ membershipId, memberNumber }: { membershipId: string; memberNumber: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const reprint = async () => {
    setBusy(true);
    try {
      const pdf = await portalApi.reprintLetter(membershipId);
      saveFile(pdf, `sign-in-letter-${memberNumber}.pdf`);
      notifySuccess(t('portal.reprint.done'));
      setAsking(false);
    } catch (error) {
      notifyError(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="default" size="xs" mt="sm" leftSection={<IconMailForward size={14} aria-hidden />} onClick={() => setAsking(true)}>
        {t('portal.reprint.button')}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={t('portal.reprint.title')}
        message={t('portal.reprint.message')}
        confirmLabel={t('portal.reprint.confirm')}
        busy={busy}
        onConfirm={() => void reprint()}
        onCancel={() => setAsking(false)}
      />
    </>
  );
}
