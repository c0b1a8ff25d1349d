import { Text, Timeline } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconClock, IconDoorExit, IconFileText, IconRotate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDateWithEra } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import type { MembershipEventRecord } from './member';

const ICONS: Partial<Record<string, typeof IconClock>> = {
  apply: IconFileText,
  admit: IconCircleCheck,
  reject: IconCircleX,
  notify_withdrawal: IconClock,
  revoke_withdrawal_notice: IconRotate,
  withdraw: IconDoorExit,
  expel: IconCircleX,
  die: IconCircleX,
};

/** The events of a membership in the order they take effect: each with its date, reason and who recorded it. */
export function MembershipTimeline({ events }: { events: MembershipEventRecord[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();

  return (
    <Timeline active={events.length - 1} bulletSize={24} lineWidth={2} role="list">
      {events.map((event) => {
        const Icon = ICONS[event.type] ?? IconClock;
        return (
          <Timeline.Item
            key={event.seq}
            role="listitem"
            bullet={<Icon size={14} aria-hidden />}
            title={labels.code('membershipEvent', event.type)}
          >
            <Text size="sm" fw={700} component="time" dateTime={event.effectiveDate}>
              {formatDateWithEra(event.effectiveDate, locale)}
            </Text>
            {event.reason && (
              <Text size="sm" mt={2}>
                {t('memberEvent.reasonShown', { reason: event.reason })}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={2}>
              {t('memberEvent.recorded', { by: event.recordedBy ?? t('history.system'), at: formatDateTime(event.recordedAt, locale) })}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
