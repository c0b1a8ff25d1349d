import { Anchor, Button, Group, NativeSelect, Pagination, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loaded } from '../../components/Loaded';
import { formatDate, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { useResource } from '../../use-resource';
import { useReference } from '../reference/reference-context';
import { useLabels } from '../reference/use-labels';
import { nameIn, pageCount, TARGET_PAGE_SIZE, TARGET_SEARCH_LIMIT } from './campaign-values';
import { campaignPaths, STAGES, TARGET_KINDS, type Target, type TargetFilter, type TargetPage } from './campaigns';
import { StageBadge } from './StageBadge';

const HEADING_ID = 'campaign-targets-heading';

interface TargetsSectionProps {
  campaignId: string;
  filter: TargetFilter;
  page: number;
  onChange: (filter: TargetFilter, page: number) => void;
  /** Opens the record-stage dialog for a target. */
  onRecordStage: (target: Target) => void;
  /** Counts the changes made on the page: each reads the list again. */
  generation: number;
}

/** The campaign's targets, filtered by prefecture, stage, kind and a search on the server, a page at a time. */
export function TargetsSection({ campaignId, filter, page, onChange, onRecordStage, generation }: TargetsSectionProps) {
  const { t } = useTranslation();
  const { prefectures } = useReference();
  const labels = useLabels();
  const [q, setQ] = useState(filter.q);
  const path = campaignPaths.targets(campaignId, filter, (page - 1) * TARGET_PAGE_SIZE, TARGET_PAGE_SIZE);
  const targets = useResource<TargetPage>(path, { keepPrevious: true });
  const { reload } = targets;
  // A change on the page (a stage recorded, an import) reads the list again; the first generation is read already.
  const seen = useRef(generation);
  useEffect(() => {
    if (seen.current === generation) return;
    seen.current = generation;
    reload();
  }, [generation, reload]);
  const set = (changes: Partial<TargetFilter>) => onChange({ ...filter, ...changes }, 1);

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Title order={2} size="h4" id={HEADING_ID} mb="sm">
        {t('campaigns.targets.title')}
      </Title>
      <Stack gap="sm">
        <form
          role="search"
          aria-label={t('campaigns.targets.filters')}
          onSubmit={(event) => {
            event.preventDefault();
            set({ q: q.trim() });
          }}
        >
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t('campaigns.targets.prefecture')}
              value={filter.prefecture}
              onChange={(event) => set({ prefecture: event.currentTarget.value })}
              data={[{ value: '', label: t('campaigns.targets.allPrefectures') }, ...prefectures.map((p) => ({ value: p.code, label: labels.prefecture(p.code) }))]}
            />
            <NativeSelect
              label={t('campaigns.targets.stage')}
              value={filter.stage}
              onChange={(event) => set({ stage: event.currentTarget.value })}
              data={[{ value: '', label: t('campaigns.targets.allStages') }, ...STAGES.map((stage) => ({ value: stage, label: t(`campaigns.stage.${stage}`) }))]}
            />
            <NativeSelect
              label={t('campaigns.targets.kind')}
              value={filter.kind}
              onChange={(event) => set({ kind: event.currentTarget.value })}
              data={[{ value: '', label: t('campaigns.targets.allKinds') }, ...TARGET_KINDS.map((kind) => ({ value: kind, label: t(`campaigns.kind.${kind}`) }))]}
            />
            <TextInput
              label={t('campaigns.targets.search')}
              description={t('campaigns.targets.searchHint')}
              type="search"
              maxLength={TARGET_SEARCH_LIMIT}
              value={q}
              onChange={(event) => setQ(event.currentTarget.value)}
              miw={220}
            />
            <Button type="submit" variant="default" leftSection={<IconSearch size={16} aria-hidden />}>
              {t('campaigns.targets.searchButton')}
            </Button>
          </Group>
        </form>
        <Loaded resource={targets}>
          {(data) => <TargetTable data={data} campaignId={campaignId} page={page} onPage={(next) => onChange(filter, next)} onRecordStage={onRecordStage} />}
        </Loaded>
      </Stack>
    </Paper>
  );
}

interface TargetTableProps {
  data: TargetPage;
  campaignId: string;
  page: number;
  onPage: (page: number) => void;
  onRecordStage: (target: Target) => void;
}

function TargetTable({ data, campaignId, page, onPage, onRecordStage }: TargetTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const pages = pageCount(data.total, TARGET_PAGE_SIZE);
  const first = data.total === 0 ? 0 : (page - 1) * TARGET_PAGE_SIZE + 1;
  const last = Math.min(data.total, (page - 1) * TARGET_PAGE_SIZE + data.items.length);
  const count = t('campaigns.targets.count', { total: formatNumber(data.total, locale), first: formatNumber(first, locale), last: formatNumber(last, locale) });

  if (data.total === 0) return <Text c="dimmed">{t('campaigns.targets.none')}</Text>;
  return (
    <Stack gap="sm">
      <Text size="sm" role="status">{count}</Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Caption>{t('campaigns.targets.caption', { count })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('campaigns.targets.name')}</Table.Th>
              <Table.Th scope="col">{t('campaigns.targets.prefecture')}</Table.Th>
              <Table.Th scope="col">{t('campaigns.targets.kind')}</Table.Th>
              <Table.Th scope="col">{t('campaigns.targets.stage')}</Table.Th>
              <Table.Th scope="col">{t('campaigns.targets.stageOn')}</Table.Th>
              <Table.Th scope="col">{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((target) => {
              const name = nameIn(target, locale);
              return (
                <Table.Tr key={target.id} data-target={target.localGovernmentCode ?? target.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/campaigns/${campaignId}/targets/${target.id}`}>
                      {name}
                    </Anchor>
                    {target.localGovernmentCode && (
                      <Text size="xs" c="dimmed">
                        {target.localGovernmentCode}
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{target.prefectureCode ? labels.prefecture(target.prefectureCode) : t('common.none')}</Table.Td>
                  <Table.Td>{t(`campaigns.kind.${target.kind}`)}</Table.Td>
                  <Table.Td>
                    <StageBadge stage={target.stage} size="sm" />
                  </Table.Td>
                  <Table.Td>{target.stageOn ? formatDate(target.stageOn, locale) : t('common.none')}</Table.Td>
                  <Table.Td>
                    <Button variant="subtle" size="compact-sm" onClick={() => onRecordStage(target)} aria-label={t('campaigns.targets.recordStageNamed', { name })}>
                      {t('campaigns.targets.recordStage')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <nav aria-label={t('campaigns.targets.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onPage}
            siblings={1}
            boundaries={1}
            size="sm"
            gap={4}
            getItemProps={(item) => ({ 'aria-label': t('campaigns.targets.page', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': t(`campaigns.targets.${control}Page`) })}
          />
        </nav>
      )}
    </Stack>
  );
}
