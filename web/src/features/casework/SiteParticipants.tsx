import { Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconClipboardPlus, IconEye, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Items } from '../../api';
import { Loaded } from '../../components/Loaded';
import { formatDate } from '../../format';
import { useLocale } from '../../i18n';
import { useResource } from '../../use-resource';
import { caseworkPaths, PARTICIPANT_STATUSES, type CaseSite, type ParticipantSummary, type StatusFilter } from './casework';
import { canReadLog, filterParticipants, participantKana, participantName } from './casework-values';
import { ParticipantStatusBadge } from './ParticipantStatusBadge';

const FILTERS: readonly StatusFilter[] = [...PARTICIPANT_STATUSES, 'all'];

/** One office where the user works cases: its participants, found by status and by name, kana or reference. */
export function SiteParticipants({ site }: { site: CaseSite }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<StatusFilter>('active');
  const [query, setQuery] = useState('');
  const participants = useResource<Items<ParticipantSummary>>(caseworkPaths.participants(site.siteId, status), { keepPrevious: true });
  const headingId = `case-site-${site.siteId}`;

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Group gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {site.siteNameJa}
          </Title>
          <Badge variant="light" style={{ textTransform: 'none' }}>
            {t(`casework.caseRole.${site.caseRole}`)}
          </Badge>
        </Group>
        <Group gap="xs">
          <Button
            component={Link}
            to={`/casework/sites/${encodeURIComponent(site.siteId)}/intake`}
            leftSection={<IconClipboardPlus size={16} aria-hidden />}
            aria-label={t('casework.intake.newAt', { site: site.siteNameJa })}
          >
            {t('casework.intake.new')}
          </Button>
          {canReadLog(site.caseRole) && (
            <Button
              component={Link}
              variant="default"
              to={`/casework/sites/${encodeURIComponent(site.siteId)}/reads`}
              leftSection={<IconEye size={16} aria-hidden />}
              aria-label={t('casework.reads.openAt', { site: site.siteNameJa })}
            >
              {t('casework.reads.open')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="sm" mb="sm" align="flex-end">
        <NativeSelect
          label={t('casework.list.status')}
          value={status}
          onChange={(event) => setStatus(FILTERS.find((f) => f === event.currentTarget.value) ?? 'active')}
          data={FILTERS.map((f) => ({ value: f, label: f === 'all' ? t('casework.list.all') : t(`casework.status.${f}`) }))}
        />
        <TextInput
          type="search"
          label={t('casework.list.search')}
          description={t('casework.list.searchHint')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          miw={280}
        />
      </Group>
      <Loaded resource={participants}>
        {({ items }) => <ParticipantsTable site={site} items={filterParticipants(items, query)} busy={participants.stale} />}
      </Loaded>
    </Paper>
  );
}

function ParticipantsTable({ site, items, busy }: { site: CaseSite; items: ParticipantSummary[]; busy: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (items.length === 0) return <Text c="dimmed">{t('casework.list.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" aria-busy={busy} style={{ opacity: busy ? 0.6 : 1 }}>
        <Table.Caption>{t('casework.list.caption', { site: site.siteNameJa, count: items.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('casework.reference')}</Table.Th>
            <Table.Th scope="col">{t('casework.list.name')}</Table.Th>
            <Table.Th scope="col">{t('casework.intake.intakeOn')}</Table.Th>
            <Table.Th scope="col">{t('casework.list.status')}</Table.Th>
            <Table.Th scope="col">{t('casework.list.latestOutcome')}</Table.Th>
            <Table.Th scope="col">{t('casework.list.nextFollowUp')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Anchor component={Link} to={`/participants/${encodeURIComponent(p.id)}`}>
                  {p.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {p.familyName !== null ? (
                  <Stack gap={0}>
                    <Text size="sm">{participantName(p)}</Text>
                    <Text size="xs" c="dimmed">
                      {participantKana(p)}
                    </Text>
                  </Stack>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('casework.erased.nameGone')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDate(p.intakeOn, locale)}</Table.Td>
              <Table.Td>
                <ParticipantStatusBadge status={p.status} />
              </Table.Td>
              <Table.Td>
                {p.latestOutcome ? `${t(`casework.outcomeKind.${p.latestOutcome.kind}`)}（${formatDate(p.latestOutcome.on, locale)}）` : t('common.none')}
              </Table.Td>
              <Table.Td>{p.nextFollowUpOn ? formatDate(p.nextFollowUpOn, locale) : t('common.none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
