import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../components/CardList';
import { useLabels } from '../reference/use-labels';
import { personKana } from './member';
import { RegisterAsMemberLink } from './RegisterAsMemberLink';
import { usePeriod } from './use-period';
import { WorkerBadge } from './WorkerBadge';
import { WorkerName } from './WorkerName';
import type { WorkerRowsProps } from './WorkersTable';

/** Everyone engaged in the work on a date as cards, for phones. */
export function WorkerCards({ workers, organizationId, backTo, busy, emptyText, labelledBy }: WorkerRowsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const period = usePeriod();
  return (
    <CardList items={workers} itemKey={(worker) => worker.engagementId} emptyText={emptyText} labelledBy={labelledBy} busy={busy}>
      {(worker) => (
        <>
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Stack gap={0}>
              <WorkerName worker={worker} backTo={backTo} />
              <Text size="sm" lang="ja">
                {personKana(worker)}
              </Text>
            </Stack>
            <WorkerBadge member={worker.member} />
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {worker.site ?? t('engagement.noSite')} · {period(worker.startedOn, worker.endedOn)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('engagement.labourContract')}:{' '}
            {worker.labourContractFrom
              ? period(worker.labourContractFrom, worker.labourContractUntil, t('engagement.noFixedTerm'))
              : t('engagement.noContract')}
            {worker.exemption && ` · ${t('engagement.exemption')}: ${labels.code('exemption', worker.exemption)}`}
          </Text>
          {!worker.member && (
            <Group mt="xs">
              <RegisterAsMemberLink worker={worker} organizationId={organizationId} />
            </Group>
          )}
        </>
      )}
    </CardList>
  );
}
