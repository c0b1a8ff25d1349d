import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantStatus } from './casework';

const COLOURS: Record<ParticipantStatus, string> = { active: 'teal', closed: 'gray', erased: 'dark' };

export function ParticipantStatusBadge({ status, size = 'sm' }: { status: ParticipantStatus; size?: 'sm' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant="dot" size={size} style={{ textTransform: 'none' }}>
      {t(`casework.status.${status}`)}
    </Badge>
  );
}
