import { Button, Group, Stack, Text } from '@mantine/core';
import { IconKey, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Items } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loaded } from '../../components/Loaded';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useResource } from '../../use-resource';
import { useRowAction } from '../../use-row-action';
import { AddPasskey } from './AddPasskey';
import { passkeyPaths, removePasskey, type Passkey } from './passkeys';


/** パスキー: the account's passkeys, each removable, and a button to add one on this device. */
export function PasskeyList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const passkeys = useResource<Items<Passkey>>(passkeyPaths.list);
  const action = useRowAction();
  const [removing, setRemoving] = useState<Passkey | null>(null);
  const remove = async (passkey: Passkey) => {
    await action.run(passkey.id, async () => {
      await removePasskey(passkey.id);
      notifySuccess(t('portal.passkeys.removed'));
      passkeys.reload();
    });
    setRemoving(null);
  };
  const nameOf = (passkey: Passkey) => passkey.name || t('portal.passkeys.unnamed');
  return (
    <Stack gap="md">
      <Text>{t('portal.passkeys.intro')}</Text>
      <Loaded resource={passkeys}>
        {({ items }) =>
          items.length === 0 ? (
            <Text>{t('portal.passkeys.none')}</Text>
          ) : (
            <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('portal.passkeys.title')}>
              {items.map((passkey) => (
                <Group component="li" key={passkey.id} justify="space-between" wrap="wrap" gap="xs" p="xs" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
                  <Group gap="xs" wrap="nowrap">
                    <IconKey size={20} aria-hidden />
                    <Stack gap={0}>
                      <Text fw={700}>{nameOf(passkey)}</Text>
                      <Text size="sm">{t('portal.passkeys.added', { date: formatDateTime(passkey.createdAt, locale) })}</Text>
                    </Stack>
                  </Group>
                  <Button
                    variant="default"
                    size="md"
                    leftSection={<IconTrash size={18} aria-hidden />}
                    loading={action.busyId === passkey.id}
                    onClick={() => setRemoving(passkey)}
                    aria-label={t('portal.passkeys.removeNamed', { name: nameOf(passkey) })}
                  >
                    {t('portal.passkeys.remove')}
                  </Button>
                </Group>
              ))}
            </Stack>
          )
        }
      </Loaded>
      <AddPasskey onAdded={passkeys.reload} />
      <ConfirmDialog
        opened={removing !== null}
        title={t('portal.passkeys.removeTitle')}
        message={t('portal.passkeys.removeMessage', { name: removing ? nameOf(removing) : '' })}
        confirmLabel={t('portal.passkeys.remove')}
        busy={removing !== null && action.busyId === removing.id}
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(null)}
      />
    </Stack>
  );
}
