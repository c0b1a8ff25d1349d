import { Badge } from '@mantine/core';
import { useLabels } from '../reference/use-labels';

const COLORS: Partial<Record<string, string>> = { active: 'teal', converting: 'yellow', dissolved: 'gray' };

export function StatusBadge({ status }: { status: string }) {
  const labels = useLabels();
  return (
    <Badge color={COLORS[status] ?? 'gray'} variant="dot" style={{ textTransform: 'none', flexShrink: 0 }}>
      {labels.code('status', status)}
    </Badge>
  );
}
