import { Anchor, Box, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { governancePaths, meetingPages, type Live, type MeetingDetail } from '../features/governance/governance';
import { MotionResultView } from '../features/governance/MotionResultView';
import { PresenceFigures } from '../features/governance/PresenceFigures';
import { quorumNeeded } from '../features/governance/quorum';
import { useMotionLabel } from '../features/governance/use-motion-label';
import { canRunMeetings } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { formatDateTime, formatNumber } from '../format';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';

/** The projector refreshes every two seconds. */
const POLL_MS = 2000;
/** White on near-black: far above WCAG AAA contrast, readable from the back of a hall. */
const SCREEN = { background: '#0b0d12', color: '#ffffff' } as const;

/** The projector view (/meetings/:id/projector): presence and quorum, the motion being voted on, and each result. */
export function ProjectorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { meetingId = '' } = useParams();
  return (
    <Box component="main" mih="100dvh" p={{ base: 'md', md: 48 }} style={SCREEN}>
      {canRunMeetings(me) ? <Projector meetingId={meetingId} /> : <Text fz={28}>{t('errors.forbidden')}</Text>}
    </Box>
  );
}

function Projector({ meetingId }: { meetingId: string }) {
  const detail = useResource<MeetingDetail>(governancePaths.meeting(meetingId));
  const live = useResource<Live>(governancePaths.live(meetingId));
  const { reload } = live;
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  if (live.data && detail.data) return <Screen live={live.data} detail={detail.data} />;
  const error = live.error ?? detail.error;
  return error ? <ErrorState error={error} onRetry={live.reload} /> : <LoadingState fullPage />;
}

function Screen({ live, detail }: { live: Live; detail: MeetingDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useMotionLabel();
  const { meeting, presence, motions } = live;
  useDocumentTitle(`${meeting.title} | ${t('governance.projector.title')}`);
  const quorum = quorumNeeded(presence.eligible, detail.settings.ordinaryQuorum?.value);
  const current = motions.find((m) => m.status === 'open');
  const decided = motions.flatMap((motion) => (motion.status === 'closed' && motion.result ? [{ motion, result: motion.result }] : []));
  return (
    <Stack gap={40}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 32, md: 48 }} c="inherit">
            {meeting.title}
          </Title>
          <Text fz={24}>
            {t(`governance.bodyKind.${meeting.bodyKind}`)} · {formatDateTime(meeting.startsAt, locale)} · {t(`governance.meetingStatus.${meeting.status}`)}
          </Text>
        </Stack>
        <Anchor component={Link} to={meetingPages.meeting(meeting.id)} c="inherit" fz="md" underline="always">
          {t('governance.projector.back')}
        </Anchor>
      </Group>

      <Box component="section" aria-labelledby="projector-presence">
        <Title order={2} fz={32} mb="md" id="projector-presence" c="inherit">
          {t('governance.presence.title')}
        </Title>
        <PresenceFigures presence={presence} quorum={quorum} size="xl" />
      </Box>

      <Box component="section" aria-labelledby="projector-current">
        <Title order={2} fz={32} mb="md" id="projector-current" c="inherit">
          {t('governance.projector.current')}
        </Title>
        {current ? (
          <Stack gap="xs">
            <Text fz={{ base: 30, md: 40 }} fw={700}>
              {t('governance.motion.heading', { label: label(current), title: current.title })}
            </Text>
            <Text fz={30} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {t('governance.projector.ballots', { ballots: formatNumber(current.ballotsCast, locale), paper: formatNumber(current.paperBallots, locale) })}
            </Text>
          </Stack>
        ) : (
          <Text fz={28}>{t('governance.projector.noneOpen')}</Text>
        )}
      </Box>

      {decided.length > 0 && (
        <Box component="section" aria-labelledby="projector-results">
          <Title order={2} fz={32} mb="md" id="projector-results" c="inherit">
            {t('governance.projector.results')}
          </Title>
          <Stack gap={32}>
            {decided.map(({ motion, result }) => (
              <Stack key={motion.id} gap="xs">
                <Text fz={30} fw={700}>
                  {t('governance.motion.heading', { label: label(motion), title: motion.title })}
                </Text>
                <MotionResultView result={result} kind={motion.kind} chairDecision={motion.chairDecision} candidates={motion.candidates} size="xl" />
              </Stack>
            ))}
          </Stack>
        </Box>
      )}
    </Stack>
  );
}
