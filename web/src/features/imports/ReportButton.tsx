import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Downloads one of the reports about a file (its errors, its rejected rows). */
export function ReportButton({ downloading, onClick, children }: { downloading: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Button variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} loading={downloading} onClick={onClick}>
      {children}
    </Button>
  );
}
