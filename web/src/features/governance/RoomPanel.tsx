import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDoorEnter, IconDoorExit, IconPresentation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { useErrorText } from '../../errors';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { notifyError, notifySuccess } from '../../notify';
import { useFormSubmit } from '../../use-form-submit';
import { ATTENDANCE_MODES, governanceApi, meetingPages, oneOf, type AttendanceMode, type Live, type MeetingDetail } from './governance';
import { MinutesLinks } from './MeetingDownloads';
import { MinutesSignersForm } from './MinutesSignersForm';
import { PresenceFigures } from './PresenceFigures';
import { quorumNeeded } from './quorum';
import { VoterPicker } from './VoterPicker';

interface RoomPanelProps {
  detail: MeetingDetail;
  live: Live | undefined;
  onChanged: () => void;
}

/**
 * The room (会場): opening the session, checking voters in, the live presence and quorum, closing the meeting, and
 * the minutes once it has been held. Each motion's count and close are on the agenda.
 */
export function RoomPanel({ detail, live, onChanged }: RoomPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { meeting } = detail;
  if (meeting.status === 'draft') return <Text>{t('governance.room.beforeNotice')}</Text>;
  const quorum = live ? quorumNeeded(live.presence.eligible, detail.settings.ordinaryQuorum?.value) : null;
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2} size="h4">
          {t('governance.room.title')}
        </Title>
        <Button component={Link} to={meetingPages.projector(meeting.id)} target="_blank" variant="default" leftSection={<IconPresentation size={16} aria-hidden />}>
          {t('governance.room.projector')}
        </Button>
      </Group>
      {meeting.status === 'convened' && <OpenSession detail={detail} onOpened={onChanged} />}
      {meeting.status === 'closed' && (
        <Alert color="gray" title={t('governance.room.closedTitle')}>
          {t('governance.room.closedAt', { date: formatDateTime(meeting.closedAt ?? '', locale) })}
        </Alert>
      )}
      {live && quorum !== null && (
        <Paper withBorder p="md" component="section" aria-labelledby="presence-heading">
          <Title order={3} size="h5" id="presence-heading" mb="sm">
            {t('governance.presence.title')}
          </Title>
          <PresenceFigures presence={live.presence} quorum={quorum} />
        </Paper>
      )}
      {meeting.status !== 'closed' && <CheckIn meetingId={meeting.id} onCheckedIn={onChanged} />}
      {meeting.status === 'in_session' && (
        <Paper withBorder p="md" component="section" aria-labelledby="signers-heading">
          <MinutesSignersForm key={meeting.version} meeting={meeting} onSaved={onChanged} />
        </Paper>
      )}
      {meeting.status === 'in_session' && <CloseMeeting detail={detail} onClosed={onChanged} />}
      {(meeting.status === 'in_session' || meeting.status === 'closed') && (
        <Stack gap="xs" component="section" aria-labelledby="minutes-heading">
          <Title order={3} size="h5" id="minutes-heading">
            {t('governance.room.minutes')}
          </Title>
          <Text size="sm" c="dimmed">
            {t(meeting.status === 'closed' ? 'governance.room.minutesHint' : 'governance.room.minutesDraftHint')}
          </Text>
          <MinutesLinks meetingId={meeting.id} />
        </Stack>
      )}
    </Stack>
  );
}

function OpenSession({ detail, onOpened }: { detail: MeetingDetail; onOpened: () => void }) {
  const { t } = useTranslation();
  const form = useFormSubmit<{ chairPersonId: string }>({
    initialValues: { chairPersonId: detail.meeting.chairPersonId ?? '' },
    send: async ({ chairPersonId }) => {
      await governanceApi.openSession(detail.meeting.id, chairPersonId || null);
      notifySuccess(t('governance.room.opened'));
      onOpened();
    },
    report: 'alert',
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="open-session-heading">
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5" id="open-session-heading">
            {t('governance.room.openTitle')}
          </Title>
          <Text size="sm">{t('governance.room.openIntro')}</Text>
          <FormAlert failure={form.failure} />
          <VoterPicker
            meetingId={detail.meeting.id}
            label={t('governance.room.chair')}
            description={t('governance.room.chairHint')}
            required={false}
            value={form.values.chairPersonId}
            onChange={(personId) => form.set('chairPersonId', personId)}
            error={form.error('chairPersonId')}
          />
          <Group>
            <Button type="submit" leftSection={<IconDoorEnter size={16} aria-hidden />} loading={form.submitting}>
              {t('governance.room.open')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function CheckIn({ meetingId, onCheckedIn }: { meetingId: string; onCheckedIn: () => void }) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const [name, setName] = useState('');
  const form = useFormSubmit<{ personId: string; mode: AttendanceMode }>({
    initialValues: { personId: '', mode: 'in_person' },
    check: ({ personId }) => ({ personId: personId ? undefined : 'required' }),
    send: async ({ personId, mode }) => {
      await governanceApi.checkIn(meetingId, personId, mode);
      notifySuccess(t('governance.room.checkedIn', { name, mode: t(`governance.attendance.${mode}`) }));
      form.set('personId', '');
      setRound((n) => n + 1);
      onCheckedIn();
    },
    report: 'alert',
    focusInvalid: true,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="check-in-heading">
      <form onSubmit={form.onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5" id="check-in-heading">
            {t('governance.room.checkInTitle')}
          </Title>
          <FormAlert failure={form.failure} />
          <Group align="flex-end" gap="sm" wrap="wrap">
            <div style={{ flex: '1 1 280px' }}>
              <VoterPicker
                key={round}
                meetingId={meetingId}
                label={t('governance.room.voter')}
                value={form.values.personId}
                onChange={(personId, label) => {
                  form.set('personId', personId);
                  setName(label);
                }}
                error={form.error('personId')}
              />
            </div>
            <SegmentedControl
              aria-label={t('governance.room.mode')}
              value={form.values.mode}
              onChange={(value) => {
                const mode = oneOf(ATTENDANCE_MODES, value);
                if (mode) form.set('mode', mode);
              }}
              data={ATTENDANCE_MODES.map((mode) => ({ value: mode, label: t(`governance.attendance.${mode}`) }))}
            />
            <Button type="submit" loading={form.submitting}>
              {t('governance.room.checkIn')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function CloseMeeting({ detail, onClosed }: { detail: MeetingDetail; onClosed: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [opened, { open, close }] = useDisclosure(false);
  const [busy, setBusy] = useState(false);
  const undecided = detail.motions.filter((m) => m.status !== 'closed');
  const confirm = async () => {
    setBusy(true);
    try {
      await governanceApi.closeMeeting(detail.meeting.id);
      notifySuccess(t('governance.room.closed'));
      close();
      onClosed();
    } catch (error) {
      notifyError(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      {undecided.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('governance.room.undecided', { count: undecided.length })}
        </Text>
      )}
      <Group>
        <Button color="red" variant="outline" leftSection={<IconDoorExit size={16} aria-hidden />} onClick={open} disabled={undecided.length > 0}>
          {t('governance.room.close')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={opened}
        title={t('governance.room.close')}
        message={t('governance.room.closeConfirm', { title: detail.meeting.title })}
        confirmLabel={t('governance.room.close')}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={close}
      />
    </Stack>
  );
}
