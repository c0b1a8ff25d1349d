import { Checkbox, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { canChoose, workerLabel, type WorkRowsProps } from './work-rows';
import { hoursText } from './work-values';
import { WorkRecordActions } from './WorkRecordActions';
import { WorkStatusBadge } from './WorkStatusBadge';

/** A period's records as a table, for screens wide enough; the coordinator chooses records to approve in it. */
export function WorkRecordsTable(props: WorkRowsProps) {
  const { records, selected, onSelect, canApprove, labelledBy, busy } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const choosable = records.filter((r) => canChoose(r, canApprove)).map((r) => r.id);
  const allChosen = choosable.length > 0 && choosable.every((id) => selected.has(id));
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing="xs" aria-labelledby={labelledBy} aria-busy={busy} style={{ opacity: busy ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <Table.Thead>
          <Table.Tr>
            {canApprove && (
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label={t('work.table.chooseAll')}
                  checked={allChosen}
                  indeterminate={!allChosen && choosable.some((id) => selected.has(id))}
                  disabled={choosable.length === 0}
                  onChange={(event) => onSelect(choosable, event.currentTarget.checked)}
                />
              </Table.Th>
            )}
            <Table.Th scope="col">{t('work.field.date')}</Table.Th>
            <Table.Th scope="col">{t('work.field.person')}</Table.Th>
            <Table.Th scope="col">{t('work.field.site')}</Table.Th>
            <Table.Th scope="col">{t('work.field.businessLine')}</Table.Th>
            <Table.Th scope="col">{t('work.field.role')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('work.field.hours')}
            </Table.Th>
            <Table.Th scope="col">{t('work.field.status')}</Table.Th>
            <Table.Th scope="col">{t('common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr key={record.id}>
              {canApprove && (
                <Table.Td>
                  {canChoose(record, canApprove) && (
                    <Checkbox
                      aria-label={t('work.table.choose', { name: workerLabel(record), date: formatDate(record.date, locale) })}
                      checked={selected.has(record.id)}
                      onChange={(event) => onSelect([record.id], event.currentTarget.checked)}
                    />
                  )}
                </Table.Td>
              )}
              <Table.Td style={nowrap}>{formatDate(record.date, locale)}</Table.Td>
              <Table.Td style={nowrap} lang="ja">
                {workerLabel(record)}
                {record.memberNumber === null && (
                  <Text span size="xs" c="dimmed" ml={6}>
                    {t('work.nonMember')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{record.site || t('common.none')}</Table.Td>
              <Table.Td>{record.businessLine ? labels.code('businessLine', record.businessLine) : t('common.none')}</Table.Td>
              <Table.Td>{record.role || t('common.none')}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {hoursText(record.minutes)}
              </Table.Td>
              <Table.Td>
                <WorkStatusBadge record={record} />
              </Table.Td>
              <Table.Td>
                <WorkRecordActions {...props} record={record} />
              </Table.Td>
            </Table.Tr>
          ))}
          {records.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={canApprove ? 9 : 8}>
                <Text>{t('work.table.empty')}</Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
