import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface CardListProps<T> {
  items: T[];
  /** React's key of an item's card. */
  itemKey: (item: T) => string;
  /** Said instead of the list when it has no items. */
  emptyText: string;
  /** The id of the heading that names the list. */
  labelledBy: string;
  /** While a newer list loads, the shown one is dimmed and marked busy. */
  busy: boolean;
  /** What an item's card shows. */
  children: (item: T) => ReactNode;
}

/** Rows as a list of cards, for phones, where a table would be too wide. */
export function CardList<T>({ items, itemKey, emptyText, labelledBy, busy, children }: CardListProps<T>) {
  if (items.length === 0) return <Text>{emptyText}</Text>;
  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      aria-labelledby={labelledBy}
      aria-busy={busy}
      style={{ listStyle: 'none', opacity: busy ? 0.6 : 1, transition: 'opacity 120ms' }}
    >
      {items.map((item) => (
        <Paper key={itemKey(item)} component="li" withBorder p="sm">
          {children(item)}
        </Paper>
      ))}
    </Stack>
  );
}
