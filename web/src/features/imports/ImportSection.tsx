import { Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One step of an import (the file, the preview, the import, the result): a section named by its heading. */
export function ImportSection({ headingId, title, children }: { headingId: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
