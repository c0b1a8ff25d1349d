import { Button } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { registerKnownPersonLink } from './known-person';
import { personName, type Worker } from './member';

/** 組合員として登録: a non-member worker's way into the registry, as the person already recorded. */
export function RegisterAsMemberLink({ worker, organizationId }: { worker: Worker; organizationId: string }) {
  const { t } = useTranslation();
  const { to, state } = registerKnownPersonLink({ ...worker, id: worker.personId }, organizationId);
  const label = t('workers.registerAsMember');
  return (
    <Button
      component={Link}
      to={to}
      state={state}
      size="xs"
      variant="light"
      leftSection={<IconUserCheck size={14} aria-hidden />}
      // The visible words first, then whose row it is: every row has the same button.
      aria-label={t('workers.registerAsMemberNamed', { action: label, name: personName(worker) })}
    >
      {label}
    </Button>
  );
}
