import { Button, Group, Pagination, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Loaded } from '../../components/Loaded';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useResource } from '../../use-resource';
import { useRowAction } from '../../use-row-action';
import { governanceApi, governancePaths, VOTE_CHANNELS, type Meeting, type Participation, type ParticipationRow } from './governance';
import { ProxyForm } from './ProxyForm';

const PAGE_SIZE = 50;
const HEADING_ID = 'participation-heading';

interface ParticipationPanelProps {
  meeting: Meeting;
  /** Told when a proxy or an attendance changes, for the presence and the agenda. */
  onChanged: () => void;
}

/** 参加状況: who has voted, how (electronically, in writing, by proxy, in the room) and who holds whose proxy — never what. */
export function ParticipationPanel({ meeting, onChanged }: ParticipationPanelProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [page, setPage] = useState(1);
  const participation = useResource<Participation>(governancePaths.participation(meeting.id, page, PAGE_SIZE, debounced), { keepPrevious: true });
  const [opened, { open, close }] = useDisclosure(false);
  const changed = () => {
    participation.reload();
    onChanged();
  };
  if (meeting.status === 'draft') return <Text>{t('governance.participation.beforeNotice')}</Text>;
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4" id={HEADING_ID}>
          {t('governance.participation.title')}
        </Title>
        {meeting.status === 'convened' && meeting.proxyAllowed && (
          <Button variant="default" leftSection={<IconUserShare size={16} aria-hidden />} onClick={open}>
            {t('governance.proxy.enter')}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {t('governance.participation.secret')}
      </Text>
      <TextInput
        label={t('governance.participation.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        w={{ base: '100%', sm: 320 }}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          setPage(1);
        }}
      />
      <Loaded resource={participation}>
        {(data) => (
          <ParticipationView data={data} meeting={meeting} page={page} onPage={setPage} busy={participation.stale} onChanged={changed} />
        )}
      </Loaded>
      <Dialog opened={opened} onClose={close} title={t('governance.proxy.enter')}>
        <ProxyForm
          meetingId={meeting.id}
          onCancel={close}
          onAppointed={() => {
            notifySuccess(t('governance.proxy.appointed'));
            close();
            changed();
          }}
        />
      </Dialog>
    </Stack>
  );
}

interface ParticipationViewProps {
  data: Participation;
  meeting: Meeting;
  page: number;
  onPage: (page: number) => void;
  busy: boolean;
  onChanged: () => void;
}

function ParticipationView({ data, meeting, page, onPage, busy, onChanged }: ParticipationViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const action = useRowAction();
  const n = (value: number) => formatNumber(value, locale);
  const names = new Map(data.items.map((row) => [row.personId, row.name]));
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  const revoke = (row: ParticipationRow) =>
    action.run(row.personId, async () => {
      await governanceApi.revokeProxy(meeting.id, row.personId);
      notifySuccess(t('governance.proxy.revoked', { name: row.name }));
      onChanged();
    });
  const checkOut = (row: ParticipationRow) =>
    action.run(row.personId, async () => {
      await governanceApi.checkOut(meeting.id, row.personId);
      notifySuccess(t('governance.room.checkedOut', { name: row.name }));
      onChanged();
    });
  return (
    <Stack gap="sm">
      <Text size="sm" role="status">
        {[
          t('governance.participation.voters', { n: n(data.total) }),
          ...VOTE_CHANNELS.map((channel) => `${t(`governance.channel.${channel}`)} ${n(data.summary[channel] ?? 0)}`),
          t('governance.participation.proxies', { n: n(data.summary.proxiesAppointed) }),
        ].join(t('common.listSeparator'))}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs" aria-labelledby={HEADING_ID} aria-busy={busy} style={{ opacity: busy ? 0.6 : 1 }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('member.numberShort')}</Table.Th>
              <Table.Th scope="col">{t('member.name')}</Table.Th>
              <Table.Th scope="col">{t('governance.participation.motionsVoted')}</Table.Th>
              <Table.Th scope="col">{t('governance.participation.channels')}</Table.Th>
              <Table.Th scope="col">{t('governance.participation.proxy')}</Table.Th>
              <Table.Th scope="col">{t('governance.participation.attendance')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((row) => (
              <Table.Tr key={row.personId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.memberNumber ?? t('common.none')}</Table.Td>
                <Table.Td lang="ja">{row.name}</Table.Td>
                <Table.Td>{n(row.motionsVoted)}</Table.Td>
                <Table.Td>{row.channels.length === 0 ? t('common.none') : row.channels.map((channel) => t(`governance.channel.${channel}`)).join(t('common.listSeparator'))}</Table.Td>
                <Table.Td>
                  {row.proxyHolderPersonId
                    ? t('governance.participation.proxyTo', { name: names.get(row.proxyHolderPersonId) ?? t('governance.participation.anotherVoter') })
                    : row.proxiesHeld > 0
                      ? t('governance.participation.proxiesHeld', { count: row.proxiesHeld })
                      : t('common.none')}
                </Table.Td>
                <Table.Td>{row.attendance ? t(`governance.attendance.${row.attendance}`) : t('common.none')}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {row.proxyHolderPersonId && meeting.status === 'convened' && (
                      <Button size="compact-xs" variant="default" loading={action.busyId === row.personId} onClick={() => void revoke(row)} aria-label={t('governance.proxy.revokeFor', { name: row.name })}>
                        {t('governance.proxy.revoke')}
                      </Button>
                    )}
                    {(row.attendance === 'in_person' || row.attendance === 'online') && meeting.status !== 'closed' && (
                      <Button size="compact-xs" variant="default" loading={action.busyId === row.personId} onClick={() => void checkOut(row)} aria-label={t('governance.room.checkOutFor', { name: row.name })}>
                        {t('governance.room.checkOut')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
            {data.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>{t('governance.participation.none')}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <nav aria-label={t('members.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            size="sm"
            getItemProps={(item) => ({ 'aria-label': t('members.page', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': t(`members.${control}Page`) })}
          />
        </nav>
      )}
    </Stack>
  );
}
