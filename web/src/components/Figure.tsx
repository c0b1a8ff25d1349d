import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A figure with its label above it, as the summaries show them. */
export function Figure({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}
