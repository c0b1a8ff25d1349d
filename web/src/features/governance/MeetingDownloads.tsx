import { Anchor, Group } from '@mantine/core';
import { IconCalendarPlus, IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../../api';
import { LOCALES } from '../../i18n';
import { governancePaths } from './governance';

/** The notice of meeting as PDF in Japanese and English, and the meeting as a calendar invitation (.ics). */
export function NoticeLinks({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap">
      {LOCALES.map((locale) => (
        <Anchor key={locale} href={apiHref(governancePaths.noticePdf(meetingId, locale))} target="_blank" rel="noopener" size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconFileTypePdf size={16} aria-hidden />
            {t(`governance.downloads.notice.${locale}`)}
          </Group>
        </Anchor>
      ))}
      <Anchor href={apiHref(governancePaths.invitation(meetingId))} download="meeting.ics" size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <IconCalendarPlus size={16} aria-hidden />
          {t('governance.downloads.ics')}
        </Group>
      </Anchor>
    </Group>
  );
}

/** The minutes (議事録) drafted from the record, as PDF in Japanese and English. */
export function MinutesLinks({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" wrap="wrap">
      {LOCALES.map((locale) => (
        <Anchor key={locale} href={apiHref(governancePaths.minutesPdf(meetingId, locale))} download={`minutes-${locale}.pdf`} size="sm">
          <Group gap={4} component="span" wrap="nowrap">
            <IconFileTypePdf size={16} aria-hidden />
            {t(`governance.downloads.minutes.${locale}`)}
          </Group>
        </Anchor>
      ))}
    </Group>
  );
}
