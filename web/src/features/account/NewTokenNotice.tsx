import { ActionIcon, Alert, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { IssuedApiToken } from './api-token';

/** The token's secret, shown this once; the server keeps only a hash of it. */
export function NewTokenNotice({ token, onDismiss }: { token: IssuedApiToken; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('tokens.createdTitle', { name: token.name })}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onDismiss}
      mb="md"
      // The yellow title colour is too faint on the yellow background; the icon carries the warning.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      {t('tokens.showOnceWarning')}
      <Group gap="xs" mt="sm" wrap="nowrap">
        <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="new-api-token">
          {token.token}
        </Code>
        <CopyButton value={token.token}>
          {({ copied, copy }) => (
            <Tooltip label={t(copied ? 'tokens.copied' : 'tokens.copy')} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'teal' : undefined}
                size="lg"
                onClick={copy}
                aria-label={t(copied ? 'tokens.copied' : 'tokens.copy')}
              >
                {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
