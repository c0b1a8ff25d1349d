import { Alert, Badge, Button, Group, Loader, NativeSelect, Pagination, Paper, SimpleGrid, Stack, Table, Text, Title, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChecks, IconFileImport, IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { withQuery, type Items } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Dialog } from '../components/Dialog';
import { ErrorState } from '../components/ErrorState';
import { Figure } from '../components/Figure';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import { useErrorText } from '../errors';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { useLabels } from '../features/reference/use-labels';
import { canApproveWork, canRecordWork } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { workApi, workPaths, type WorkPeriod, type WorkRecord, type WorkRecordPage } from '../features/work/work';
import { addMonths, monthHasEnded, monthOfDate, monthRange, readWorkState, workStateQuery, type WorkPageState } from '../features/work/work-query';
import { WorkDayForm } from '../features/work/WorkDayForm';
import { WorkRecordCards } from '../features/work/WorkRecordCards';
import { WorkRecordForm } from '../features/work/WorkRecordForm';
import { WorkRecordsTable } from '../features/work/WorkRecordsTable';
import { useWorkFormat } from '../features/work/use-work-format';
import { todayInJapan } from '../format';
import { notifyError, notifySuccess } from '../notify';
import { useResource } from '../use-resource';
import { useRowAction } from '../use-row-action';

const RECORDS_HEADING_ID = 'work-records-heading';
const PAGE_SIZE = 50;
/** Months offered in the month chooser and listed with their state: the last two years. */
const MONTHS_SHOWN = 24;

/** 就労の記録: a month's work records, their approval and the month's close, and the months before. */
export function WorkPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canRecordWork(me)) return <Forbidden title={t('work.title')} />;
  return <Work />;
}

function Work() {
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  return <Loaded resource={organizations}>{({ items }) => <WorkView organizations={items} />}</Loaded>;
}

function WorkView({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const today = todayInJapan();
  const state = readWorkState(params, today);
  const chosen = useOrganizationScope(organizations, state.organization);
  const { id: scope, organization } = chosen;
  const [adding, setAdding] = useState(false);
  const [generation, setGeneration] = useState(0);
  const change = (changes: Partial<WorkPageState>) => setParams(workStateQuery({ ...state, page: 1, ...changes }, today), { replace: true });

  return (
    <>
      <PageHeader
        title={t('work.title')}
        subtitle={organization ? labels.organizationName(organization) : undefined}
        actions={
          scope && (
            <>
              <Button component={Link} to={withQuery('/work/import', { organization: chosen.chooses ? scope : undefined })} variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
                {t('work.import.link')}
              </Button>
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                {t('work.form.title')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="md">
        <Text>{t('work.intro')}</Text>
        <Group align="flex-end" gap="md" wrap="wrap">
          <OrganizationChooser scope={chosen} emptyLabel={t('common.choose')} w={{ base: '100%', sm: 420 }} onChange={(id) => change({ organization: id })} />
          <MonthChooser month={state.month} today={today} onChange={(month) => change({ month })} />
          <NativeSelect
            label={t('work.filter.status')}
            w={200}
            value={state.status}
            onChange={(event) => {
              const next = event.currentTarget.value;
              change({ status: next === 'entered' || next === 'approved' ? next : '' });
            }}
            data={[
              { value: '', label: t('work.filter.all') },
              { value: 'entered', label: t('work.status.entered') },
              { value: 'approved', label: t('work.status.approved') },
            ]}
          />
        </Group>
        {scope === null || !organization ? (
          <Alert color="gray">{t('work.chooseOrganization')}</Alert>
        ) : (
          <MonthWork
            key={`${scope}:${generation}`}
            organization={organization}
            state={state}
            today={today}
            onPage={(page) => change({ page })}
            onMonth={(month) => change({ month })}
          />
        )}
      </Stack>
      {scope && organization && (
        <Dialog opened={adding} onClose={() => setAdding(false)} title={t('work.form.title')}>
          <WorkDayForm
            organizationId={scope}
            businessLines={organization.businessLines}
            date={state.month === monthOfDate(today) ? today : monthRange(state.month).from}
            onRecorded={(records) => {
              setAdding(false);
              notifySuccess(t('work.recorded', { count: records.length }));
              // The day may be in another month than the one shown: show that month.
              const month = records[0] ? monthOfDate(records[0].date) : state.month;
              if (month !== state.month) change({ month });
              setGeneration((n) => n + 1);
            }}
            onCancel={() => setAdding(false)}
          />
        </Dialog>
      )}
    </>
  );
}

function MonthChooser({ month, today, onChange }: { month: string; today: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  const format = useWorkFormat();
  const current = monthOfDate(today);
  const months = Array.from({ length: MONTHS_SHOWN }, (_, i) => addMonths(current, -i));
  if (!months.includes(month)) months.push(month);
  return (
    <NativeSelect label={t('work.filter.month')} w={200} value={month} onChange={(event) => onChange(event.currentTarget.value)} data={months.map((m) => ({ value: m, label: format.month(m) }))} />
  );
}

interface MonthWorkProps {
  organization: Organization;
  state: WorkPageState;
  today: string;
  onPage: (page: number) => void;
  onMonth: (month: string) => void;
}

/** The month's figures and the coordinator's actions, its records, and the months before with their state. */
function MonthWork({ organization, state, today, onPage, onMonth }: MonthWorkProps) {
  const { t } = useTranslation();
  const me = useMe();
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, { getInitialValueInEffect: false });
  const errorText = useErrorText();
  const action = useRowAction();
  const format = useWorkFormat();
  const { from, until } = monthRange(state.month);
  const current = monthOfDate(today);
  const records = useResource<WorkRecordPage>(workPaths.records(organization.id, { from, until, status: state.status, page: state.page, pageSize: PAGE_SIZE }), { keepPrevious: true });
  const periods = useResource<Items<WorkPeriod>>(workPaths.periods(organization.id, addMonths(current, 1 - MONTHS_SHOWN), current));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<WorkRecord | null>(null);
  const [deleting, setDeleting] = useState<WorkRecord | null>(null);
  const [closing, setClosing] = useState(false);
  const [working, setWorking] = useState(false);
  const canApprove = canApproveWork(me, organization.id);
  const period = periods.data?.items.find((p) => p.period === state.month);

  const reload = () => {
    setSelected(new Set());
    records.reload();
    periods.reload();
  };
  const run = async (work: () => Promise<string>) => {
    setWorking(true);
    try {
      notifySuccess(await work());
      reload();
    } catch (error) {
      notifyError(errorText(error));
    }
    setWorking(false);
  };
  const approve = (approval: { ids: string[] } | { from: string; until: string }) =>
    run(async () => t('work.approved', { count: (await workApi.approve(organization.id, approval)).approved }));

  const rows = {
    records: records.data?.items ?? [],
    selected,
    onSelect: (ids: string[], chosen: boolean) =>
      setSelected((now) => {
        const next = new Set(now);
        for (const id of ids) {
          if (chosen) next.add(id);
          else next.delete(id);
        }
        return next;
      }),
    canApprove,
    busyId: action.busyId,
    onEdit: setEditing,
    onDelete: setDeleting,
    onUnapprove: (record: WorkRecord) =>
      void action.run(record.id, async () => {
        await workApi.unapprove(record.id, record.version);
        notifySuccess(t('work.unapproved'));
        reload();
      }),
    labelledBy: RECORDS_HEADING_ID,
    busy: records.stale,
  };
  const totals = records.data?.totals;
  const pages = totals ? Math.max(1, Math.ceil(totals.records / PAGE_SIZE)) : 1;
  const closable = canApprove && monthHasEnded(state.month, today) && period !== undefined && period.closed === null && period.entered === 0 && period.records > 0;

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="work-month-heading">
        <Group justify="space-between" align="center" gap="xs" mb="sm">
          <Title order={2} size="h4" id="work-month-heading">
            {format.month(state.month)}
          </Title>
          {period?.closed ? (
            <Badge color="gray" leftSection={<IconLock size={12} aria-hidden />} style={{ textTransform: 'none' }}>
              {t('work.month.closedBadge')}
            </Badge>
          ) : null}
        </Group>
        {totals ? (
          <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm" role="status">
            <Figure label={t('work.totals.records')} value={format.number(totals.records)} />
            <Figure label={t('work.totals.hours')} value={format.duration(totals.minutes)} />
            <Figure label={t('work.totals.people')} value={format.number(totals.people)} />
            <Figure label={t('work.totals.days')} value={format.number(totals.days)} />
            <Figure label={t('work.totals.entered')} value={format.number(period?.entered ?? 0)} />
          </SimpleGrid>
        ) : (
          <LoadingState />
        )}
        <Text size="sm" mt="sm">
          {period?.closed
            ? t('work.month.closedOn', { at: format.dateTime(period.closed.at), by: period.closed.by ?? t('common.none') })
            : !monthHasEnded(state.month, today)
              ? t('work.month.running')
              : period && period.entered > 0
                ? t('work.month.toApprove', { count: period.entered })
                : t('work.month.readyToClose')}
        </Text>
        {canApprove && !period?.closed && (
          <Group gap="xs" mt="sm">
            <Button
              variant="default"
              leftSection={<IconChecks size={16} aria-hidden />}
              disabled={selected.size === 0 || working}
              onClick={() => void approve({ ids: [...selected] })}
            >
              {t('work.approveSelected', { count: selected.size })}
            </Button>
            <Button variant="default" leftSection={<IconChecks size={16} aria-hidden />} disabled={!period || period.entered === 0 || working} onClick={() => void approve({ from, until })}>
              {t('work.approveMonth')}
            </Button>
            <Button variant="default" leftSection={<IconLock size={16} aria-hidden />} disabled={!closable || working} onClick={() => setClosing(true)}>
              {t('work.closeMonth')}
            </Button>
          </Group>
        )}
      </Paper>

      <section aria-labelledby={RECORDS_HEADING_ID}>
        <Group gap="xs" mb="xs">
          <Title order={2} size="h4" id={RECORDS_HEADING_ID}>
            {t('work.table.title')}
          </Title>
          {records.loading && records.data && <Loader size="xs" aria-hidden />}
        </Group>
        {records.data ? (
          <>
            {wide ? <WorkRecordsTable {...rows} /> : <WorkRecordCards {...rows} />}
            {pages > 1 && (
              <nav aria-label={t('work.table.pagination')}>
                <Pagination
                  mt="md"
                  total={pages}
                  value={Math.min(state.page, pages)}
                  onChange={onPage}
                  size="sm"
                  getItemProps={(page) => ({ 'aria-label': t('members.page', { page }) })}
                  getControlProps={(control) => ({ 'aria-label': t(`members.${control}Page`) })}
                />
              </nav>
            )}
          </>
        ) : records.error ? (
          <ErrorState error={records.error} onRetry={records.reload} />
        ) : (
          <LoadingState />
        )}
      </section>

      <Paper withBorder p="md" component="section" aria-labelledby="work-months-heading">
        <Title order={2} size="h4" id="work-months-heading" mb="sm">
          {t('work.months.title')}
        </Title>
        {periods.data ? <MonthsTable periods={periods.data.items} onMonth={onMonth} /> : periods.error ? <ErrorState error={periods.error} onRetry={periods.reload} /> : <LoadingState />}
      </Paper>

      <Dialog opened={editing !== null} onClose={() => setEditing(null)} title={t('work.action.editTitle')}>
        {editing && (
          <WorkRecordForm
            record={editing}
            businessLines={organization.businessLines}
            onSaved={() => {
              setEditing(null);
              notifySuccess(t('work.saved'));
              reload();
            }}
            onCancel={() => setEditing(null)}
          />
        )}
      </Dialog>
      <ConfirmDialog
        opened={deleting !== null}
        title={t('work.action.deleteTitle')}
        message={deleting ? t('work.action.deleteMessage', { name: `${deleting.familyName} ${deleting.givenName}`, date: deleting.date, hours: format.duration(deleting.minutes) }) : ''}
        confirmLabel={t('work.action.delete')}
        busy={action.busyId !== null}
        onConfirm={() => {
          const record = deleting;
          if (!record) return;
          void action.run(record.id, async () => {
            await workApi.remove(record.id, record.version);
            setDeleting(null);
            notifySuccess(t('work.deleted'));
            reload();
          });
        }}
        onCancel={() => setDeleting(null)}
      />
      <ConfirmDialog
        opened={closing}
        title={t('work.closeMonthTitle', { month: format.month(state.month) })}
        message={t('work.closeMonthMessage', { month: format.month(state.month) })}
        confirmLabel={t('work.closeMonth')}
        busy={working}
        onConfirm={() =>
          void run(async () => {
            const closed = await workApi.closePeriod(organization.id, state.month);
            return t('work.closed', { month: format.month(closed.period), count: closed.records });
          }).then(() => setClosing(false))
        }
        onCancel={() => setClosing(false)}
      />
    </Stack>
  );
}

/** Month by month: records, hours, still to approve, and the close. */
function MonthsTable({ periods, onMonth }: { periods: WorkPeriod[]; onMonth: (month: string) => void }) {
  const { t } = useTranslation();
  const format = useWorkFormat();
  if (periods.length === 0) return <Text>{t('work.months.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" aria-labelledby="work-months-heading">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('work.months.month')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('work.totals.records')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('work.totals.hours')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('work.totals.entered')}
            </Table.Th>
            <Table.Th scope="col">{t('work.months.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {periods.map((p) => (
            <Table.Tr key={p.period}>
              <Table.Th scope="row" fw="normal">
                <Button variant="subtle" size="compact-sm" onClick={() => onMonth(p.period)}>
                  {format.month(p.period)}
                </Button>
              </Table.Th>
              <Table.Td ta="right">{format.number(p.records)}</Table.Td>
              <Table.Td ta="right">{format.duration(p.minutes)}</Table.Td>
              <Table.Td ta="right">{format.number(p.entered)}</Table.Td>
              <Table.Td>{p.closed ? t('work.months.closedOn', { date: format.dateTime(p.closed.at) }) : p.entered > 0 ? t('work.months.open') : t('work.months.approved')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

