import { Button, Group } from '@mantine/core';
import { IconArrowBackUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import type { WorkRecord } from './work';
import { canChange, canUnapprove, workerLabel, type WorkRowsProps } from './work-rows';

type ActionsProps = Pick<WorkRowsProps, 'canApprove' | 'busyId' | 'onEdit' | 'onDelete' | 'onUnapprove'> & { record: WorkRecord };

/** Correct or delete an entered record; take back an approval (coordinator). Nothing once the month is closed. */
export function WorkRecordActions({ record, canApprove, busyId, onEdit, onDelete, onUnapprove }: ActionsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The visible word first, then whose record: "修正: C-001 佐々木 真理（令和8年11月2日）".
  const labelOf = (action: string) => t('work.action.of', { action: t(`work.action.${action}`), name: workerLabel(record), date: formatDate(record.date, locale) });
  const busy = busyId === record.id;
  return (
    <Group gap={4} wrap="nowrap">
      {canChange(record) && (
        <>
          <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} aria-label={labelOf('edit')} onClick={() => onEdit(record)}>
            {t('work.action.edit')}
          </Button>
          <Button
            size="compact-xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} aria-hidden />}
            aria-label={labelOf('delete')}
            loading={busy}
            onClick={() => onDelete(record)}
          >
            {t('work.action.delete')}
          </Button>
        </>
      )}
      {canUnapprove(record, canApprove) && (
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          aria-label={labelOf('unapprove')}
          loading={busy}
          onClick={() => onUnapprove(record)}
        >
          {t('work.action.unapprove')}
        </Button>
      )}
    </Group>
  );
}
