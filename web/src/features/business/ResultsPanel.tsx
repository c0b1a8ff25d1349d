import { Box, Button, Card, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Loaded } from '../../components/Loaded';
import { formatDate, formatFiscalYear, formatNumber, formatYen } from '../../format';
import { useLocale } from '../../i18n';
import { notifySuccess } from '../../notify';
import { useResource } from '../../use-resource';
import { businessPaths, fiscalYearEraName, type OrganizationYear, type SiteYear } from './business';
import { ResultForm } from './ResultForm';
import { ResultsImport } from './ResultsImport';

interface ResultsPanelProps {
  organizationId: string;
  /** The fiscal year to show first: the one running today. */
  currentYear: number;
  /** Sites change (a new one, a close) and the year's list with them. */
  sitesVersion: number;
}

/** A fiscal year site by site: results entered or imported, workers by kind, and the organization's totals. */
export function ResultsPanel({ organizationId, currentYear, sitesVersion }: ResultsPanelProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [fiscalYear, setFiscalYear] = useState(currentYear);
  const year = useResource<OrganizationYear>(businessPaths.year(organizationId, fiscalYear), { keepPrevious: true });
  // A site added, changed or closed changes which sites the year lists: read it again (not on the first render, which reads it anyway).
  const seenSites = useRef(sitesVersion);
  const { reload } = year;
  useEffect(() => {
    if (seenSites.current === sitesVersion) return;
    seenSites.current = sitesVersion;
    reload();
  }, [sitesVersion, reload]);
  const [editing, setEditing] = useState<SiteYear | null>(null);
  const years = Array.from({ length: 8 }, (_, i) => currentYear - i);
  const yearName = (y: number) => (locale === 'ja' ? `${formatFiscalYear(y, locale)}（${fiscalYearEraName(y)}）` : formatFiscalYear(y, locale));

  return (
    <Stack gap="md">
      <NativeSelect
        label={t('businesses.result.fiscalYear')}
        maw={320}
        value={String(fiscalYear)}
        onChange={(event) => setFiscalYear(Number(event.currentTarget.value))}
        data={years.map((y) => ({ value: String(y), label: yearName(y) }))}
      />
      <Loaded resource={year}>
        {(data) => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('businesses.result.period', { from: formatDate(data.period.from, locale), until: formatDate(data.period.until, locale) })}
            </Text>
            <YearTable data={data} onEnter={setEditing} />
          </Stack>
        )}
      </Loaded>
      <ResultsImport organizationId={organizationId} onImported={year.reload} />
      <Dialog opened={editing !== null} onClose={() => setEditing(null)} title={t('businesses.result.enterFor', { site: editing?.site.nameJa ?? '', year: yearName(fiscalYear) })}>
        {editing && (
          <ResultForm
            row={editing}
            fiscalYear={fiscalYear}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              notifySuccess(t('businesses.result.saved'));
              year.reload();
            }}
          />
        )}
      </Dialog>
    </Stack>
  );
}

function YearTable({ data, onEnter }: { data: OrganizationYear; onEnter: (row: SiteYear) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (data.items.length === 0) return <Text c="dimmed">{t('businesses.result.noSites')}</Text>;
  const yen = (amount: number | undefined) => (amount === undefined ? t('common.none') : formatYen(amount, locale));
  const count = (n: number | null | undefined) => (n === null || n === undefined ? t('common.none') : formatNumber(n, locale));
  const workers = (row: SiteYear) =>
    row.workers.source === null ? t('common.none') : t(`businesses.result.workers.${row.workers.source}`, { members: count(row.workers.members), nonMembers: count(row.workers.nonMembers) });
  const enter = (row: SiteYear) => (
    <Button
      variant="subtle"
      size="compact-sm"
      onClick={() => onEnter(row)}
      aria-label={row.result ? t('businesses.result.correctNamed', { site: row.site.nameJa }) : t('businesses.result.enterNamed', { site: row.site.nameJa })}
    >
      {row.result ? t('businesses.result.correct') : t('businesses.result.enter')}
    </Button>
  );

  return (
    <>
      <Stack hiddenFrom="sm" gap="sm">
        {data.items.map((row) => (
          <Card key={row.site.id} withBorder padding="sm">
            <Text fw={600}>{row.site.nameJa}</Text>
            <Text size="sm">{t('businesses.result.turnover')}: {yen(row.result?.turnover)}</Text>
            <Text size="sm">{t('businesses.result.expenses')}: {yen(row.result?.expenses)}</Text>
            <Text size="sm">{t('businesses.result.surplus')}: {yen(row.result?.surplus)}</Text>
            <Text size="sm">{t('businesses.result.workersLabel')}: {workers(row)}</Text>
            <Group justify="flex-end">{enter(row)}</Group>
          </Card>
        ))}
        <Text fw={600}>{t('businesses.result.total')}: {yen(data.totals.turnover)} / {yen(data.totals.surplus)}</Text>
      </Stack>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-label={t('businesses.result.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('businesses.site.name')}</Table.Th>
                <Table.Th ta="right">{t('businesses.result.turnover')}</Table.Th>
                <Table.Th ta="right">{t('businesses.result.expenses')}</Table.Th>
                <Table.Th ta="right">{t('businesses.result.surplus')}</Table.Th>
                <Table.Th ta="right">{t('businesses.result.peopleServed')}</Table.Th>
                <Table.Th>{t('businesses.result.workersLabel')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((row) => (
                <Table.Tr key={row.site.id}>
                  <Table.Td>{row.site.nameJa}</Table.Td>
                  <Table.Td ta="right">{yen(row.result?.turnover)}</Table.Td>
                  <Table.Td ta="right">{yen(row.result?.expenses)}</Table.Td>
                  <Table.Td ta="right">{yen(row.result?.surplus)}</Table.Td>
                  <Table.Td ta="right">{count(row.result?.peopleServed)}</Table.Td>
                  <Table.Td>{workers(row)}</Table.Td>
                  <Table.Td>{enter(row)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('businesses.result.totalOf', { count: data.totals.sites })}</Table.Th>
                <Table.Th ta="right">{yen(data.totals.turnover)}</Table.Th>
                <Table.Th ta="right">{yen(data.totals.expenses)}</Table.Th>
                <Table.Th ta="right">{yen(data.totals.surplus)}</Table.Th>
                <Table.Th ta="right">{count(data.totals.peopleServed)}</Table.Th>
                <Table.Th colSpan={2} />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </>
  );
}
