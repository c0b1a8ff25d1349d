import { Alert, Button, Progress, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { formatDateTime, formatNumber, formatPercent } from '../../format';
import { useLocale } from '../../i18n';
import { portalPaths } from './portal';
import { WRAPPING_BUTTON } from './PortalSection';
import { batchShare } from './portal-values';
import { useBatchProgress } from './use-batch-progress';

/** A batch of invitations as it runs: a progress bar, the e-mails sent and letters made, and the letters' PDF once ready. */
export function InvitationProgress({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { batch, error } = useBatchProgress(batchId);
  if (error && !batch) return <ErrorState error={error} />;
  if (!batch) return <LoadingState />;
  const share = batchShare(batch);
  const counts = {
    done: formatNumber(batch.done, locale),
    total: formatNumber(batch.total, locale),
    emailed: formatNumber(batch.emailed, locale),
    lettered: formatNumber(batch.lettered, locale),
  };
  return (
    <Stack gap="sm">
      <Progress
        value={Math.round(share * 100)}
        size="xl"
        animated={batch.status === 'running' || batch.status === 'queued'}
        aria-label={t('portal.invitations.progressLabel')}
      />
      <Text role="status">
        {t(`portal.invitations.status.${batch.status}`)} · {formatPercent(share, locale)} · {t('portal.invitations.progressText', counts)}
      </Text>
      <Text>{t('portal.invitations.channels', counts)}</Text>
      {batch.status === 'failed' && (
        <Alert color="red" role="alert">
          {/* A batch the housekeeping found cut off (src/app/portal/invitations.ts, failInterruptedBatches). */}
          {batch.error?.startsWith('interrupted:') ? t('portal.invitations.interrupted') : t('portal.invitations.failed', { error: batch.error ?? '' })}
        </Alert>
      )}
      {batch.lettersReady && (
        <Stack gap="xs">
          <Button {...WRAPPING_BUTTON} component="a" href={apiHref(portalPaths.letters(batch.id))} size="md" leftSection={<IconDownload size={18} aria-hidden />} style={{ alignSelf: 'flex-start' }}>
            {t('portal.invitations.downloadLetters', { count: batch.lettered })}
          </Button>
          <Text size="sm">
            {t('portal.invitations.lettersOnce')}
            {batch.lettersExpireAt ? ` ${t('portal.invitations.lettersExpire', { date: formatDateTime(batch.lettersExpireAt, locale) })}` : ''}
          </Text>
        </Stack>
      )}
      {batch.status === 'done' && !batch.lettersReady && batch.lettered > 0 && <Text>{t('portal.invitations.lettersGone')}</Text>}
    </Stack>
  );
}
