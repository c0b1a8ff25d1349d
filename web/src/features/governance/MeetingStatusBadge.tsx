import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeetingStatus } from './governance';

// Filled with dark shades: white text stays above WCAG AA contrast (light variants of blue and green fall below it).
const colours: Record<MeetingStatus, string> = { draft: 'gray.7', convened: 'blue.9', in_session: 'teal.9', closed: 'dark' };

/** 準備中 · 招集済み · 開会中 · 閉会. */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge component="span" color={colours[status]} variant="filled">
      {t(`governance.meetingStatus.${status}`)}
    </Badge>
  );
}
