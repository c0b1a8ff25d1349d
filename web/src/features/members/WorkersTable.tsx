import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../reference/use-labels';
import { personKana, type Worker } from './member';
import { RegisterAsMemberLink } from './RegisterAsMemberLink';
import { usePeriod } from './use-period';
import { WorkerBadge } from './WorkerBadge';
import { WorkerName } from './WorkerName';

export interface WorkerRowsProps {
  workers: Worker[];
  organizationId: string;
  /** Where a member's page leads back to: this list with its date and switch. */
  backTo: string;
  /** The previous date's list still shows while the next loads. */
  busy: boolean;
  emptyText: string;
  labelledBy: string;
}

/** Everyone engaged in the work on a date as a table, for screens wide enough. */
export function WorkersTable({ workers, organizationId, backTo, busy, emptyText, labelledBy }: WorkerRowsProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const period = usePeriod();
  const nowrap = { whiteSpace: 'nowrap' } as const;

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table
        striped
        verticalSpacing="xs"
        aria-labelledby={labelledBy}
        aria-busy={busy}
        style={{ opacity: busy ? 0.6 : 1, transition: 'opacity 120ms' }}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('member.name')}</Table.Th>
            <Table.Th scope="col">{t('member.kana')}</Table.Th>
            <Table.Th scope="col">{t('workers.membership')}</Table.Th>
            <Table.Th scope="col">{t('engagement.site')}</Table.Th>
            <Table.Th scope="col">{t('engagement.period')}</Table.Th>
            <Table.Th scope="col">{t('engagement.labourContract')}</Table.Th>
            <Table.Th scope="col">{t('engagement.exemption')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {workers.map((worker) => (
            <Table.Tr key={worker.engagementId}>
              <Table.Td style={nowrap}>
                <WorkerName worker={worker} backTo={backTo} />
              </Table.Td>
              <Table.Td style={nowrap} lang="ja">
                {personKana(worker)}
              </Table.Td>
              <Table.Td>
                <WorkerBadge member={worker.member} wrap={false} />
              </Table.Td>
              <Table.Td>{worker.site ?? t('common.none')}</Table.Td>
              <Table.Td>{period(worker.startedOn, worker.endedOn)}</Table.Td>
              <Table.Td>
                {worker.labourContractFrom
                  ? period(worker.labourContractFrom, worker.labourContractUntil, t('engagement.noFixedTerm'))
                  : t('engagement.noContract')}
              </Table.Td>
              <Table.Td>{worker.exemption ? labels.code('exemption', worker.exemption) : t('common.none')}</Table.Td>
              <Table.Td style={nowrap}>{!worker.member && <RegisterAsMemberLink worker={worker} organizationId={organizationId} />}</Table.Td>
            </Table.Tr>
          ))}
          {workers.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text>{emptyText}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
