import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCheckbox, IconCircleCheck, IconCircleDashed, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useRowAction } from '../../use-row-action';
import { PortalSection } from './PortalSection';
import { portalApi, portalPages, type Portal, type PortalMeeting } from './portal';
import { withLocale } from './portal-values';

/** Whether a proxy may still be revoked: before the meeting opens (the server decides again). */
const beforeMeeting = (meeting: PortalMeeting) => meeting.status === undefined || meeting.status === 'convened';

/** 投票と総会: open votes (to the voting page), the notice and documents, and the member's proxy, revocable before the meeting. */
export function MeetingsSection({ portal, onChanged }: { portal: Portal; onChanged: () => void }) {
  const { t } = useTranslation();
  const action = useRowAction();
  const [revoking, setRevoking] = useState<PortalMeeting | null>(null);
  const revoke = async (meeting: PortalMeeting) => {
    await action.run(meeting.id, async () => {
      await portalApi.revokeProxy(meeting.id);
      notifySuccess(t('portal.meetings.proxyRevoked'));
      onChanged();
    });
    setRevoking(null);
  };
  return (
    <PortalSection id="my-meetings" title={t('portal.meetings.title')}>
      {portal.meetings.length === 0 ? (
        <Text>{t('portal.meetings.none')}</Text>
      ) : (
        portal.meetings.map((meeting) => (
          <MeetingItem
            key={meeting.id}
            meeting={meeting}
            held={portal.proxies.held.filter((p) => p.meetingId === meeting.id).map((p) => p.grantorName)}
            busy={action.busyId === meeting.id}
            onRevoke={() => setRevoking(meeting)}
          />
        ))
      )}
      <ConfirmDialog
        opened={revoking !== null}
        title={t('portal.meetings.revokeTitle')}
        message={t('portal.meetings.revokeMessage', { name: revoking?.proxy?.holderName ?? '', meeting: revoking?.title ?? '' })}
        confirmLabel={t('portal.meetings.revoke')}
        busy={revoking !== null && action.busyId === revoking.id}
        onConfirm={() => revoking && void revoke(revoking)}
        onCancel={() => setRevoking(null)}
      />
    </PortalSection>
  );
}

interface MeetingItemProps {
  meeting: PortalMeeting;
  /** Names of the members whose proxy the member holds for this meeting. */
  held: string[];
  busy: boolean;
  onRevoke: () => void;
}

function MeetingItem({ meeting, held, busy, onRevoke }: MeetingItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = `my-portal-meeting-${meeting.id}`;
  const toVote = meeting.openMotions.filter((m) => !m.voted).length;
  return (
    <Stack component="article" aria-labelledby={headingId} gap="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Title order={3} size="h4" id={headingId}>
        {meeting.title}
      </Title>
      <Text>
        {t('portal.meetings.when', { date: formatDateTime(meeting.startsAt, locale) })}
        {meeting.place ? ` · ${t('portal.meetings.where', { place: meeting.place })}` : ''}
        {meeting.online ? ` · ${t('portal.meetings.online')}` : ''}
      </Text>
      {meeting.votingDeadline && <Text>{t('portal.meetings.deadline', { date: formatDateTime(meeting.votingDeadline, locale) })}</Text>}

      {meeting.openMotions.length > 0 && (
        <Stack gap="xs">
          <Text fw={700}>{t('portal.meetings.openVotes')}</Text>
          <List spacing={6} listStyleType="none" p={0}>
            {meeting.openMotions.map((motion) => (
              <List.Item key={motion.id}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  {motion.voted ? (
                    <IconCircleCheck size={20} color="var(--mantine-color-teal-8)" aria-hidden />
                  ) : (
                    <IconCircleDashed size={20} aria-hidden />
                  )}
                  <Text>
                    {motion.title}
                    {t('common.listSeparator')}
                    <strong>{motion.voted ? t('portal.meetings.voted') : t('portal.meetings.notVoted')}</strong>
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
          <Button component={Link} to={portalPages.voting} size="md" leftSection={<IconCheckbox size={20} aria-hidden />} style={{ alignSelf: 'flex-start' }}>
            {toVote > 0 ? t('portal.meetings.goVote') : t('portal.meetings.seeVotes')}
          </Button>
        </Stack>
      )}

      {(meeting.noticeUrl || meeting.documents.length > 0) && (
        <Stack gap={4}>
          <Text fw={700}>{t('portal.meetings.documents')}</Text>
          <List spacing={6}>
            {meeting.noticeUrl && (
              <List.Item>
                <Anchor href={withLocale(meeting.noticeUrl, locale)} inline>
                  <IconDownload size={16} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                  {t('portal.meetings.notice')}
                </Anchor>
              </List.Item>
            )}
            {meeting.documents.map((document) => (
              <List.Item key={document.id}>
                <Anchor href={document.url} inline>
                  <IconDownload size={16} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                  {document.fileName}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      {meeting.proxy && (
        <Group gap="sm" wrap="wrap">
          <Text>{t('portal.meetings.yourProxy', { name: meeting.proxy.holderName })}</Text>
          {beforeMeeting(meeting) && (
            <Button variant="default" size="md" loading={busy} onClick={onRevoke}>
              {t('portal.meetings.revoke')}
            </Button>
          )}
        </Group>
      )}
      {held.length > 0 && <Text>{t('portal.meetings.proxyFor', { names: held.join(t('common.listSeparator')) })}</Text>}
    </Stack>
  );
}
