import { Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface PortalSectionProps {
  id: string;
  title: string;
  children: ReactNode;
}

/** One section of マイページ: a card with its heading (h2), one under another on a phone. */
export function PortalSection({ id, title, children }: PortalSectionProps) {
  const headingId = `${id}-heading`;
  return (
    <Paper component="section" id={id} aria-labelledby={headingId} withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <Stack gap="md">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

/** A figure as a label and a value, read in that order by a screen reader (a description list). */
export function Facts({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'minmax(7em, max-content) 1fr', columnGap: '1rem', rowGap: '0.5rem' }}>
      {items.map((item) => (
        <div key={item.label} style={{ display: 'contents' }}>
          <dt style={{ fontWeight: 700 }}>{item.label}</dt>
          <dd style={{ margin: 0 }}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A button whose long label (a document's name) wraps on a small phone instead of running out of the card. */
export const WRAPPING_BUTTON = { h: 'auto', mih: 42, py: 8, styles: { label: { whiteSpace: 'normal' as const } } };
