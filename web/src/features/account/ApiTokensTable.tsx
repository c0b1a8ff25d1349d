import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useRowAction } from '../../use-row-action';
import { tokenApi, type ApiToken } from './api-token';

export function ApiTokensTable({ tokens, onRevoked }: { tokens: ApiToken[]; onRevoked: (id: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useRowAction();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const revoke = (token: ApiToken) =>
    action.run(token.id, async () => {
      await tokenApi.revoke(token.id);
      notifySuccess(t('tokens.revoked', { name: token.name }));
      setRevoking(null);
      onRevoked(token.id);
    });

  if (tokens.length === 0) return <Text c="dimmed">{t('tokens.empty')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="sm" aria-label={t('tokens.listLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('tokens.name')}</Table.Th>
              <Table.Th scope="col">{t('tokens.createdAt')}</Table.Th>
              <Table.Th scope="col">{t('tokens.lastUsedAt')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tokens.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.name}</Table.Td>
                <Table.Td>{formatDateTime(token.createdAt, locale)}</Table.Td>
                <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('tokens.neverUsed')}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    color="red"
                    aria-label={t('tokens.revokeNamed', { name: token.name })}
                    onClick={() => setRevoking(token)}
                  >
                    {t('tokens.revoke')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={revoking !== null}
        title={t('tokens.revokeTitle')}
        message={t('tokens.revokeMessage', { name: revoking?.name ?? '' })}
        confirmLabel={t('tokens.revoke')}
        busy={action.busyId !== null}
        onConfirm={() => revoking && revoke(revoking)}
        onCancel={() => setRevoking(null)}
      />
    </>
  );
}
