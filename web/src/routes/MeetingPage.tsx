import { Group, Tabs, Text } from '@mantine/core';
import { IconDoor, IconFileText, IconListCheck, IconUsers } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { BackLink } from '../components/BackLink';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { AgendaPanel } from '../features/governance/AgendaPanel';
import { EditMeeting } from '../features/governance/EditMeeting';
import { governancePaths, type Live, type MeetingDetail } from '../features/governance/governance';
import { MeetingStatusBadge } from '../features/governance/MeetingStatusBadge';
import { NoticePanel } from '../features/governance/NoticePanel';
import { ParticipationPanel } from '../features/governance/ParticipationPanel';
import { RoomPanel } from '../features/governance/RoomPanel';
import { canRunMeetings, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { formatDateTime } from '../format';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';

const TABS = ['agenda', 'notice', 'participation', 'room'] as const;
type Tab = (typeof TABS)[number];
/** The live view refreshes this often while the meeting is convened or in session. */
const LIVE_MS = 5000;

/** A meeting: its agenda, the notice and documents, who has taken part, and the room. */
export function MeetingPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { meetingId = '' } = useParams();
  if (!canRunMeetings(me)) return <Forbidden title={t('governance.title')} />;
  return <MeetingLoader key={meetingId} meetingId={meetingId} />;
}

function MeetingLoader({ meetingId }: { meetingId: string }) {
  const detail = useResource<MeetingDetail>(governancePaths.meeting(meetingId));
  const status = detail.data?.meeting.status;
  const live = useResource<Live>(status === 'convened' || status === 'in_session' || status === 'closed' ? governancePaths.live(meetingId) : null);
  const { reload: reloadLive } = live;
  useEffect(() => {
    if (status !== 'convened' && status !== 'in_session') return;
    const timer = window.setInterval(reloadLive, LIVE_MS);
    return () => window.clearInterval(timer);
  }, [status, reloadLive]);
  const changed = () => {
    detail.reload();
    live.reload();
  };
  return <Loaded resource={detail}>{(data) => <MeetingView detail={data} live={live.data} onChanged={changed} />}</Loaded>;
}

function MeetingView({ detail, live, onChanged }: { detail: MeetingDetail; live: Live | undefined; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const { meeting } = detail;
  const tab: Tab = TABS.find((name) => name === params.get('tab')) ?? 'agenda';
  const back = isFederationAdmin(me) ? `/assemblies?organization=${encodeURIComponent(meeting.organizationId)}` : '/assemblies';
  return (
    <>
      <BackLink to={back} mb="xs">{t('governance.backToMeetings')}</BackLink>
      <PageHeader
        title={meeting.title}
        subtitle={
          <Group gap="xs" component="span">
            <Text component="span">
              {t(`governance.bodyKind.${meeting.bodyKind}`)} · {formatDateTime(meeting.startsAt, locale)}
            </Text>
            <MeetingStatusBadge status={meeting.status} />
          </Group>
        }
        // A closed meeting is a record: its minutes stand as they were kept.
        actions={meeting.status === 'closed' ? undefined : <EditMeeting meeting={meeting} onChanged={onChanged} />}
      />
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'agenda' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List aria-label={t('governance.meetingTabs')} mb="md">
          <Tabs.Tab value="agenda" leftSection={<IconListCheck size={16} aria-hidden />}>
            {t('governance.tabs.agenda')}
          </Tabs.Tab>
          <Tabs.Tab value="notice" leftSection={<IconFileText size={16} aria-hidden />}>
            {t('governance.tabs.notice')}
          </Tabs.Tab>
          <Tabs.Tab value="participation" leftSection={<IconUsers size={16} aria-hidden />}>
            {t('governance.tabs.participation')}
          </Tabs.Tab>
          <Tabs.Tab value="room" leftSection={<IconDoor size={16} aria-hidden />}>
            {t('governance.tabs.room')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agenda">
          <AgendaPanel detail={detail} live={live?.motions} onChanged={onChanged} />
        </Tabs.Panel>
        <Tabs.Panel value="notice">
          <NoticePanel detail={detail} onChanged={onChanged} />
        </Tabs.Panel>
        <Tabs.Panel value="participation">
          <ParticipationPanel meeting={meeting} onChanged={onChanged} />
        </Tabs.Panel>
        <Tabs.Panel value="room">
          <RoomPanel detail={detail} live={live} onChanged={onChanged} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
