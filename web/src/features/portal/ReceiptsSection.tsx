import { Anchor, Button, Code, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiHref } from '../../api';
import { formatDateTime } from '../../format';
import { ReceiptCheck } from '../governance/ReceiptCheck';
import { governancePaths } from '../governance/governance';
import { useLocale } from '../../i18n';
import { PortalSection, WRAPPING_BUTTON } from './PortalSection';
import { portalPages, type PortalReceiptMotion } from './portal';
import { browserStorage, forgetReceipts, loadReceipts, type SavedReceipt } from './receipt-store';

/**
 * わたしの投票のレシート: the receipts the voting page saved in this browser, each with its motion; once the vote
 * has closed, a check of the receipt against the published list (and that list itself). The server never knows
 * whose receipt is whose, so a receipt from another device is not here.
 */
export function ReceiptsSection({ userId, closed }: { userId: string; closed: PortalReceiptMotion[] }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<SavedReceipt[]>(() => {
    const storage = browserStorage();
    return storage ? loadReceipts(storage, userId) : [];
  });
  const closedById = new Map(closed.map((m) => [m.motionId, m]));
  const forgetAll = () => {
    const storage = browserStorage();
    if (storage) setSaved(forgetReceipts(storage, userId));
  };
  return (
    <PortalSection id="my-receipts" title={t('portal.receipts.title')}>
      <Text>{t('portal.receipts.intro')}</Text>
      {saved.length === 0 ? (
        <Text>{t('portal.receipts.none')}</Text>
      ) : (
        <Stack component="ul" gap="lg" p={0} m={0} style={{ listStyle: 'none' }}>
          {saved.map((receipt) => (
            <SavedReceiptItem key={`${receipt.motionId}:${receipt.forPersonId ?? 'self'}`} receipt={receipt} result={closedById.get(receipt.motionId)} />
          ))}
        </Stack>
      )}
      {closed.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t('portal.receipts.published')}
          </Title>
          <List spacing={6}>
            {closed.map((motion) => (
              <List.Item key={motion.motionId}>
                {motion.motionTitle}
                {t('common.listSeparator')}
                {motion.tallyUrl ? (
                  <Anchor href={motion.tallyUrl} target="_blank" rel="noopener" inline>
                    {t('portal.receipts.tallyList')}
                  </Anchor>
                ) : (
                  t('portal.receipts.notPublished')
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Group gap="sm">
        <Button component={Link} to={portalPages.voting} variant="default" size="md">
          {t('portal.receipts.toVoting')}
        </Button>
        {saved.length > 0 && (
          <Button {...WRAPPING_BUTTON} variant="subtle" size="md" leftSection={<IconTrash size={18} aria-hidden />} onClick={forgetAll}>
            {t('portal.receipts.forget')}
          </Button>
        )}
      </Group>
    </PortalSection>
  );
}

function SavedReceiptItem({ receipt, result }: { receipt: SavedReceipt; result: PortalReceiptMotion | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack component="li" gap="xs" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Text fw={700}>{receipt.motionTitle}</Text>
      {receipt.meetingTitle && <Text size="sm">{receipt.meetingTitle}</Text>}
      {receipt.forName && <Text size="sm">{t('portal.receipts.forName', { name: receipt.forName })}</Text>}
      <Group gap="xs" wrap="wrap">
        <Text>{t('portal.receipts.code')}</Text>
        <Code fz="md" fw={700} style={{ letterSpacing: '0.06em', wordBreak: 'break-all' }}>
          {receipt.receipt}
        </Code>
      </Group>
      <Text size="sm">{t('portal.receipts.savedAt', { date: formatDateTime(receipt.savedAt, locale) })}</Text>
      {result?.closed ? (
        <Stack gap="xs">
          <Text>{t('portal.receipts.closed')}</Text>
          <ReceiptCheck motionId={receipt.motionId} candidates={[]} initialReceipt={receipt.receipt} />
          <Anchor href={result.tallyUrl ?? apiHref(governancePaths.tally(receipt.motionId))} target="_blank" rel="noopener">
            {t('portal.receipts.tallyList')}
          </Anchor>
        </Stack>
      ) : (
        <Text>{t('portal.receipts.open')}</Text>
      )}
    </Stack>
  );
}
