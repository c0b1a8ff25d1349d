import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface CaseSectionProps {
  id: string;
  title: string;
  /** Buttons beside the title (add, edit). */
  actions?: ReactNode;
  children: ReactNode;
}

/** A part of a participant's record, named by its heading. */
export function CaseSection({ id, title, actions, children }: CaseSectionProps) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Paper>
  );
}
