import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Whether a worker is a member on the date, or a non-member worker (組合員でない従事者). On a card it wraps when it
 * must; in a table, whose columns scroll instead, it stays on one line.
 */
export function WorkerBadge({ member, wrap = true }: { member: boolean; wrap?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={member ? 'teal' : 'orange'}
      variant="dot"
      style={{ textTransform: 'none', flexShrink: 0 }}
      // Never cut off.
      styles={{ root: { height: 'auto', maxWidth: wrap ? '100%' : undefined }, label: { overflow: 'visible', whiteSpace: wrap ? 'normal' : 'nowrap' } }}
    >
      {t(member ? 'workers.member' : 'workers.nonMember')}
    </Badge>
  );
}
