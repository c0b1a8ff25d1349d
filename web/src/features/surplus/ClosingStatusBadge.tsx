import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClosingStatus } from './surplus';

// Filled with dark shades: white text stays above WCAG AA contrast (light variants of blue and green fall below it).
const colours: Record<ClosingStatus, string> = { draft: 'gray.7', submitted: 'blue.9', posted: 'teal.9', rejected: 'red.9', withdrawn: 'dark' };

/** 案 · 総会に付議 · 記帳済み · 否決 · 取下げ. */
export function ClosingStatusBadge({ status }: { status: ClosingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" color={colours[status]} variant="filled">
      {t(`surplus.status.${status}`)}
    </Badge>
  );
}
