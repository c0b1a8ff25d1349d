import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { notifySuccess } from '../../notify';
import { useLabels } from '../reference/use-labels';
import type { Membership, MembershipEventType } from './member';
import { MembershipEventForm } from './MembershipEventForm';
import { allowedEvents, isFinalEvent } from './transitions';

interface MembershipActionsProps {
  membership: Membership;
  onChanged: () => void;
}

/** The events that may be recorded next from the membership's status, each asking its effective date. */
export function MembershipActions({ membership, onChanged }: MembershipActionsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  // The event being recorded stays set while the dialog closes, so its title does not vanish first.
  const [type, setType] = useState<MembershipEventType | null>(null);
  const [opened, setOpened] = useState(false);
  const [openings, setOpenings] = useState(0);
  const events = allowedEvents(membership.status);
  const open = (event: MembershipEventType) => {
    setType(event);
    setOpenings((n) => n + 1);
    setOpened(true);
  };
  const close = () => setOpened(false);

  if (events.length === 0) return <Text c="dimmed">{t('memberDetail.noActions')}</Text>;
  return (
    <>
      <Group gap="xs">
        {events.map((event) => (
          <Button
            key={event}
            variant={isFinalEvent(event) ? 'outline' : 'default'}
            color={isFinalEvent(event) ? 'red.9' : undefined}
            onClick={() => open(event)}
          >
            {t(`membershipAction.${event}`)}
          </Button>
        ))}
      </Group>
      <Dialog opened={opened} onClose={close} title={type ? t(`membershipAction.${type}`) : ''}>
        {type && (
          <MembershipEventForm
            key={openings}
            membershipId={membership.id}
            type={type}
            onCancel={close}
            onRecorded={() => {
              notifySuccess(t('memberEvent.saved', { event: labels.code('membershipEvent', type) }));
              close();
              onChanged();
            }}
          />
        )}
      </Dialog>
    </>
  );
}
