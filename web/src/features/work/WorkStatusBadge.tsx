import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkRecord } from './work';

/** Entered (to approve), approved, or in a closed month (final). */
export function WorkStatusBadge({ record }: { record: Pick<WorkRecord, 'status' | 'periodClosed'> }) {
  const { t } = useTranslation();
  const state = record.periodClosed ? 'closed' : record.status;
  const color = state === 'closed' ? 'gray' : state === 'approved' ? 'teal' : 'yellow';
  return (
    <Badge color={color} variant="dot" style={{ textTransform: 'none', flexShrink: 0 }}>
      {t(`work.status.${state}`)}
    </Badge>
  );
}
