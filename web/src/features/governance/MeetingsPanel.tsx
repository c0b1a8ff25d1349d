import { Anchor, Button, Group, Stack, Table, Text, Title, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Items } from '../../api';
import { CardList } from '../../components/CardList';
import { Dialog } from '../../components/Dialog';
import { Loaded } from '../../components/Loaded';
import { formatDateTime } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useResource } from '../../use-resource';
import { governancePaths, meetingPages, type Meeting } from './governance';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { NewMeetingForm } from './NewMeetingForm';

const HEADING_ID = 'meetings-heading';

/** An organization's meetings, newest first, and 「会議を作成」. */
export function MeetingsPanel({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const meetings = useResource<Items<Meeting>>(governancePaths.meetings(organizationId));
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4" id={HEADING_ID}>
          {t('governance.meetings.title')}
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={open}>
          {t('governance.meeting.create')}
        </Button>
      </Group>
      <Loaded resource={meetings}>{({ items }) => <MeetingList meetings={items} />}</Loaded>
      <Dialog opened={opened} onClose={close} title={t('governance.meeting.create')}>
        <NewMeetingForm
          organizationId={organizationId}
          onCancel={close}
          onCreated={(meeting) => {
            notifySuccess(t('governance.meeting.created', { title: meeting.title }));
            close();
            void navigate(meetingPages.meeting(meeting.id));
          }}
        />
      </Dialog>
    </Stack>
  );
}

function MeetingList({ meetings }: { meetings: Meeting[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, { getInitialValueInEffect: false });
  const title = (meeting: Meeting) => (
    <Anchor component={Link} to={meetingPages.meeting(meeting.id)} fw={700}>
      {meeting.title}
    </Anchor>
  );
  if (!wide) {
    return (
      <CardList items={meetings} itemKey={(m) => m.id} emptyText={t('governance.meetings.none')} labelledBy={HEADING_ID} busy={false}>
        {(meeting) => (
          <Stack gap={4}>
            {title(meeting)}
            <Text size="sm">
              {t(`governance.bodyKind.${meeting.bodyKind}`)} · {formatDateTime(meeting.startsAt, locale)}
            </Text>
            <div>
              <MeetingStatusBadge status={meeting.status} />
            </div>
          </Stack>
        )}
      </CardList>
    );
  }
  if (meetings.length === 0) return <Text>{t('governance.meetings.none')}</Text>;
  return (
    <Table striped verticalSpacing="xs" aria-labelledby={HEADING_ID}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('governance.meeting.title')}</Table.Th>
          <Table.Th scope="col">{t('governance.meeting.body')}</Table.Th>
          <Table.Th scope="col">{t('governance.meeting.startsAt')}</Table.Th>
          <Table.Th scope="col">{t('governance.meeting.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {meetings.map((meeting) => (
          <Table.Tr key={meeting.id}>
            <Table.Td>{title(meeting)}</Table.Td>
            <Table.Td>{t(`governance.bodyKind.${meeting.bodyKind}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(meeting.startsAt, locale)}</Table.Td>
            <Table.Td>
              <MeetingStatusBadge status={meeting.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
