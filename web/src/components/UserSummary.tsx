import { Button, Group, Text, type GroupProps } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../errors';
import { useMe, useSession } from '../features/session/session-context';
import { notifyError } from '../notify';

/** Who is signed in, and the way out. */
export function UserSummary(props: Pick<GroupProps, 'visibleFrom' | 'hiddenFrom'>) {
  const { t } = useTranslation();
  const me = useMe();
  const { signOut } = useSession();
  const errorText = useErrorText();

  return (
    <Group gap="xs" wrap="nowrap" justify="space-between" {...props}>
      <Text size="sm" truncate="end" maw={200} title={me.email}>
        {me.displayName}
      </Text>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconLogout size={16} aria-hidden />}
        onClick={() => signOut().catch((error: unknown) => notifyError(errorText(error)))}
      >
        {t('session.signOut')}
      </Button>
    </Group>
  );
}
