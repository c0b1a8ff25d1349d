import { ActionIcon, Alert, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconReceipt } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface ReceiptNoticeProps {
  receipt: string;
  /** Whose vote it is, when it is not the reader's own: a member whose proxy they hold, or the paper form entered. */
  forName?: string;
  /** A clerk entering a written vote hands the receipt to the member. */
  written?: boolean;
}

/**
 * The receipt of a ballot, shown once: the server keeps it with the ballot and never with the voter, so only the
 * voter can later find their ballot in the published tally and check that it was counted as cast.
 */
export function ReceiptNotice({ receipt, forName, written = false }: ReceiptNoticeProps) {
  const { t } = useTranslation();
  const copyLabel = (copied: boolean) => t(copied ? 'governance.receipt.copied' : 'governance.receipt.copy');
  return (
    <Alert color="teal" variant="light" icon={<IconReceipt aria-hidden />} title={forName ? t('governance.receipt.titleFor', { name: forName }) : t('governance.receipt.title')}
      role="status"
      // The teal title colour is too faint on the teal background; the icon carries the colour.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Text size="sm" mt="xs">
        {t('governance.receipt.label')}
      </Text>
      <Group gap="xs" wrap="nowrap" mb="xs">
        <Code fz="lg" fw={700} style={{ letterSpacing: '0.06em', wordBreak: 'break-all' }}>
          {receipt}
        </Code>
        <CopyButton value={receipt}>
          {({ copied, copy }) => (
            <Tooltip label={copyLabel(copied)} withArrow>
              <ActionIcon variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} size="lg" onClick={copy} aria-label={copyLabel(copied)}>
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text size="sm">{written ? t('governance.receipt.explainWritten') : forName ? t('governance.receipt.explainProxy', { name: forName }) : t('governance.receipt.explain')}</Text>
    </Alert>
  );
}
