import { SimpleGrid, Text, type SimpleGridProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Labelled figures as a description list (`dl`: a screen reader reads each label with its value), in a grid whose
 * columns the caller sets; values in tabular digits so amounts line up.
 */
export function FigureList({ figures, cols }: { figures: readonly (readonly [label: string, value: ReactNode])[]; cols: SimpleGridProps['cols'] }) {
  return (
    <SimpleGrid component="dl" cols={cols} spacing="sm" verticalSpacing="sm" m={0}>
      {figures.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" size="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" fw={700} m={0} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
