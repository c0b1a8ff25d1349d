import { Badge, type MantineSize } from '@mantine/core';
import { useLabels } from '../reference/use-labels';

const COLORS: Partial<Record<string, string>> = {
  applied: 'yellow',
  admitted: 'teal',
  withdrawal_notified: 'orange',
  withdrawn: 'gray',
  expelled: 'red',
  deceased: 'dark',
  rejected: 'gray',
};

export function MembershipStatusBadge({ status, size }: { status: string; size?: MantineSize }) {
  const labels = useLabels();
  return (
    <Badge
      color={COLORS[status] ?? 'gray'}
      variant="dot"
      size={size}
      style={{ textTransform: 'none', flexShrink: 0 }}
      // Never cut off; long statuses ("Notice of withdrawal given") wrap on narrow screens.
      styles={{ root: { height: 'auto', maxWidth: '100%' }, label: { overflow: 'visible', whiteSpace: 'normal' } }}
    >
      {labels.code('membershipStatus', status)}
    </Badge>
  );
}
