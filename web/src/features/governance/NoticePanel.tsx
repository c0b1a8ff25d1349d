import { DataList, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { ConveneForm } from './ConveneForm';
import { ConveneOutcome } from './ConveneOutcome';
import { DocumentsPanel } from './DocumentsPanel';
import type { Convened, MeetingDetail } from './governance';
import { NoticeLinks } from './MeetingDownloads';

/** The meeting as the notice states it, convening it (招集), the notices sent, and its documents. */
export function NoticePanel({ detail, onChanged }: { detail: MeetingDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const [convened, setConvened] = useState<Convened | null>(null);
  const { meeting } = detail;
  return (
    <Stack gap="lg">
      <MeetingFacts detail={detail} />
      <Paper withBorder p="md" component="section" aria-labelledby="notice-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="notice-heading">
            {t('governance.convene.title')}
          </Title>
          {convened && <ConveneOutcome convened={convened} />}
          {meeting.status === 'draft' ? (
            <ConveneForm
              detail={detail}
              onConvened={(result) => {
                setConvened(result);
                onChanged();
              }}
            />
          ) : (
            <Notices detail={detail} />
          )}
          <NoticeLinks meetingId={meeting.id} />
        </Stack>
      </Paper>
      <DocumentsPanel detail={detail} onChanged={onChanged} />
    </Stack>
  );
}

function MeetingFacts({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { meeting } = detail;
  const methods = [
    meeting.writtenVoting && t('governance.meeting.writtenVoting'),
    meeting.electronicVoting && t('governance.meeting.electronicVoting'),
    meeting.proxyAllowed && t('governance.meeting.proxyAllowed'),
  ].filter(Boolean);
  const rows: [string, string][] = [
    [t('governance.meeting.when'), meeting.endsAt ? t('governance.meeting.fromTo', { from: formatDateTime(meeting.startsAt, locale), to: formatDateTime(meeting.endsAt, locale) }) : formatDateTime(meeting.startsAt, locale)],
    [t('governance.meeting.place'), meeting.place ?? t('common.none')],
    [t('governance.meeting.onlineUrl'), meeting.onlineUrl ?? t('common.none')],
    [t('governance.meeting.recordDate'), formatDate(meeting.recordDate, locale)],
    [t('governance.meeting.votingDeadline'), meeting.votingDeadline ? formatDateTime(meeting.votingDeadline, locale) : t('governance.meeting.noDeadline')],
    [t('governance.meeting.votingMethods'), methods.length ? methods.join(t('common.listSeparator')) : t('governance.meeting.attendOnly')],
    [t('governance.meeting.electorate'), meeting.status === 'draft' ? t('governance.meeting.electorateOnConvene') : t('governance.meeting.voters', { n: formatNumber(detail.electorate, locale) })],
  ];
  return (
    <DataList withDivider labelWidth={200} orientation="horizontal">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue style={{ minWidth: 0, overflowWrap: 'anywhere' }}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function Notices({ detail }: { detail: MeetingDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { meeting, notices, noticeCheck } = detail;
  return (
    <Stack gap="xs">
      <Text>
        {t(noticeCheck.inTime ? 'governance.convene.inTime' : 'governance.convene.late', {
          date: formatDate(meeting.noticeDate ?? '', locale),
          given: noticeCheck.daysGiven,
          latest: formatDate(noticeCheck.latestNoticeDate, locale),
        })}
      </Text>
      {notices.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('governance.convene.noRecord')}
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label={t('governance.convene.history')}>
          {notices.map((notice) => (
            <List.Item key={notice.sentAt}>
              {t('governance.convene.noticeLine', {
                date: formatDateTime(notice.sentAt, locale),
                sent: formatNumber(notice.sent, locale),
                recipients: formatNumber(notice.recipients, locale),
                withoutEmail: formatNumber(notice.withoutEmail, locale),
              })}
              {notice.failures.length > 0 && ` ${t('governance.convene.failures', { count: notice.failures.length, emails: notice.failures.map((f) => f.email).join(t('common.listSeparator')) })}`}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
