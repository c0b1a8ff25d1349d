import { Badge } from '@mantine/core';
import { useLabels } from '../reference/use-labels';

const COLORS: Partial<Record<string, string>> = { active: 'teal', converting: 'yellow', dissolved: 'gray' };

export function StatusBadge({ status }: { status: string }) {
  const labels = useLabels();
  return (
    <Badge
      color={COLORS[status] ?? 'gray'}
      variant="dot"
      style={{ textTransform: 'none', flexShrink: 0 }}
      styles={{ root: { overflow: 'visible', maxWidth: 'none' }, label: { overflow: 'visible' } }}
    >
      {labels.code('status', status)}
    </Badge>
  );
}
