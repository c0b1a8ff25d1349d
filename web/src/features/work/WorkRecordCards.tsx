import { Checkbox, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../components/CardList';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { canChoose, workerLabel, type WorkRowsProps } from './work-rows';
import { hoursText } from './work-values';
import { WorkRecordActions } from './WorkRecordActions';
import { WorkStatusBadge } from './WorkStatusBadge';

/** A period's records as cards, for phones. */
export function WorkRecordCards(props: WorkRowsProps) {
  const { records, selected, onSelect, canApprove, labelledBy, busy } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  return (
    <CardList items={records} itemKey={(r) => r.id} emptyText={t('work.table.empty')} labelledBy={labelledBy} busy={busy}>
      {(record) => (
        <>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              {canChoose(record, canApprove) && (
                <Checkbox
                  mt={2}
                  aria-label={t('work.table.choose', { name: workerLabel(record), date: formatDate(record.date, locale) })}
                  checked={selected.has(record.id)}
                  onChange={(event) => onSelect([record.id], event.currentTarget.checked)}
                />
              )}
              <div>
                <Text fw={700} lang="ja">
                  {workerLabel(record)}
                </Text>
                <Text size="sm">
                  {formatDate(record.date, locale)} · {t('work.field.hours')} {hoursText(record.minutes)}
                </Text>
              </div>
            </Group>
            <WorkStatusBadge record={record} />
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {[record.site, record.businessLine && labels.code('businessLine', record.businessLine), record.role, record.memberNumber === null && t('work.nonMember')]
              .filter(Boolean)
              .join(' · ') || t('common.none')}
          </Text>
          <WorkRecordActions {...props} record={record} />
        </>
      )}
    </CardList>
  );
}
