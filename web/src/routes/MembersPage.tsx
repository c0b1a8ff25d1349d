import { Button, Group, Loader, NativeSelect, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBriefcase, IconCategory, IconFileImport, IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { withQuery, type Items } from '../api';
import { ErrorState } from '../components/ErrorState';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { LoadingState } from '../components/LoadingState';
import { PageHeader } from '../components/PageHeader';
import type { MemberPage } from '../features/members/member';
import {
  activeFilterCount,
  changeList,
  listStateQuery,
  MEMBER_SORTS,
  memberListPath,
  pageCount,
  readListState,
  shownRange,
  sortBy,
  type MemberListState,
  type MemberSort,
} from '../features/members/member-list-query';
import { ExportMenu } from '../features/members/ExportMenu';
import { MemberCards } from '../features/members/MemberCards';
import { MemberFilters } from '../features/members/MemberFilters';
import { MemberSearch } from '../features/members/MemberSearch';
import { MembersPagination } from '../features/members/MembersPagination';
import { MembersTable } from '../features/members/MembersTable';
import { kindFilterCodes, organizationsToName } from '../features/members/member-kind-values';
import { useMemberKinds } from '../features/members/use-member-kinds';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { useLabels } from '../features/reference/use-labels';
import { canKeepRegistry, isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { formatNumber } from '../format';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';

const RESULTS_HEADING_ID = 'member-list-heading';

/** The membership registry: staff see their organization's, the federation administrator any or all. */
export function MembersPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canKeepRegistry(me)) return <Forbidden title={t('members.title')} />;
  return <Registry />;
}

function Registry() {
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  return <Loaded resource={organizations}>{({ items }) => <RegistryList organizations={items} />}</Loaded>;
}

function RegistryList({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const locale = useLocale();
  const labels = useLabels();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const state = readListState(params);
  const admin = isFederationAdmin(me);
  const scope = admin ? (organizations.find((o) => o.id === state.organization)?.id ?? null) : me.organizationId;
  const scoped = organizations.find((o) => o.id === scope);
  const list = useResource<MemberPage>(memberListPath(state, scope), { keepPrevious: true });
  // One organization's kinds name its members and fill the kind filter; across organizations, only those of the
  // organizations on the page with kinds of their own are asked for (worker and user members need none).
  const memberKinds = useMemberKinds(scope ? [scope] : organizationsToName(list.data?.items ?? []));
  const kindChoices = kindFilterCodes(memberKinds.kinds(scope), state.kind).map((code) => ({ value: code, label: memberKinds.name(scope, code) }));

  // Changes build on the last one asked for, not on the last render: two quick changes (a filter, then a date)
  // both count.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  const show = (update: (current: MemberListState) => MemberListState, replace = false) => {
    const next = update(latest.current);
    latest.current = next;
    setParams(listStateQuery(next), { replace });
  };
  const change = (changes: Partial<MemberListState>) => show((current) => changeList(current, changes));
  const sort = (column: MemberSort) => show((current) => sortBy(current, column));
  const organizationName = (id: string) => {
    const organization = organizations.find((o) => o.id === id);
    return organization ? labels.organizationName(organization) : t('common.none');
  };

  const registerQuery = { organization: scope ?? undefined };
  const number = (value: number) => formatNumber(value, locale);

  return (
    <>
      <PageHeader
        title={t('members.title')}
        subtitle={scoped ? labels.organizationName(scoped) : t('members.allOrganizations')}
        actions={
          <>
            {scope !== null && <ExportMenu organizationId={scope} />}
            <Button component={Link} to={withQuery('/members/import', registerQuery)} variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
              {t('memberImport.open')}
            </Button>
            <Button component={Link} to={withQuery('/members/kinds', registerQuery)} variant="default" leftSection={<IconCategory size={16} aria-hidden />}>
              {t('memberKinds.title')}
            </Button>
            <Button component={Link} to={withQuery('/members/workers', registerQuery)} variant="default" leftSection={<IconBriefcase size={16} aria-hidden />}>
              {t('workers.title')}
            </Button>
            <Button component={Link} to={withQuery('/members/workers/new', registerQuery)} variant="default" leftSection={<IconUserPlus size={16} aria-hidden />}>
              {t('members.registerNonMember')}
            </Button>
            <Button component={Link} to={withQuery('/members/new', registerQuery)} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('members.register')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        {admin && (
          <NativeSelect
            label={t('member.organization')}
            maw={520}
            value={scope ?? ''}
            onChange={(event) => change({ organization: event.currentTarget.value })}
            data={[
              { value: '', label: t('members.allOrganizations') },
              ...organizations.filter((o) => o.kind === 'organization').map((o) => ({ value: o.id, label: labels.organizationName(o) })),
            ]}
          />
        )}
        <MemberSearch value={state.q} onSearch={(q) => show((current) => changeList(current, { q }), true)} />
        <MemberFilters state={state} kinds={kindChoices} onChange={change} />

        <section aria-labelledby={RESULTS_HEADING_ID}>
          <Group justify="space-between" align="center" gap="xs" mb="xs">
            <Title order={2} size="h4" id={RESULTS_HEADING_ID}>
              {t('members.listLabel')}
            </Title>
            <NativeSelect
              hiddenFrom="sm"
              size="xs"
              label={t('members.sortBy')}
              value={`${state.sort}:${state.order}`}
              onChange={(event) => {
                const [column, order] = event.currentTarget.value.split(':');
                const found = MEMBER_SORTS.find((s) => s === column);
                if (found) change({ sort: found, order: order === 'desc' ? 'desc' : 'asc' });
              }}
              data={MEMBER_SORTS.flatMap((column) =>
                (['asc', 'desc'] as const).map((order) => ({
                  value: `${column}:${order}`,
                  label: t('members.sortOption', { column: t(`members.sort.${column}`), order: t(`members.${order}`) }),
                })),
              )}
            />
          </Group>
          <Group gap="xs" mb="xs" mih={24}>
            <Text size="sm" role="status">
              {list.data &&
                (list.data.total === 0
                  ? t('members.countNone')
                  : t('members.range', {
                      total: number(list.data.total),
                      ...mapRange(shownRange(state.page, state.pageSize, list.data.items.length), number),
                    }))}
            </Text>
            {list.loading && list.data && <Loader size="xs" aria-hidden />}
          </Group>
          <Results
            list={list.data}
            error={list.error}
            reload={list.reload}
            busy={list.stale}
            state={state}
            emptyText={t(state.q.trim() || activeFilterCount(state) > 0 ? 'members.noMatch' : 'members.none')}
            organizationName={scope === null ? organizationName : undefined}
            kindName={memberKinds.name}
            onSort={sort}
            backTo={location.pathname + location.search}
            onPage={(page) => {
              change({ page });
              document.getElementById(RESULTS_HEADING_ID)?.scrollIntoView({ block: 'start' });
            }}
            onPageSize={(pageSize) => change({ pageSize })}
          />
        </section>
      </Stack>
    </>
  );
}

function mapRange(range: { from: number; to: number }, number: (value: number) => string) {
  return { from: number(range.from), to: number(range.to) };
}

interface ResultsProps {
  list: MemberPage | undefined;
  error: unknown;
  reload: () => void;
  busy: boolean;
  state: MemberListState;
  emptyText: string;
  organizationName: ((id: string) => string) | undefined;
  kindName: (organizationId: string, kind: string) => string;
  onSort: (sort: MemberSort) => void;
  backTo: string;
  onPage: (page: number) => void;
  onPageSize: (pageSize: number) => void;
}

function Results({ list, error, reload, busy, state, emptyText, organizationName, kindName, onSort, backTo, onPage, onPageSize }: ResultsProps) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  // One layout is rendered, not both with one hidden: up to 200 rows, half the work on every page.
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, { getInitialValueInEffect: false });
  if (!list) return error ? <ErrorState error={error} onRetry={reload} /> : <LoadingState />;
  const rows = {
    members: list.items,
    organizationName,
    kindName,
    backTo,
    busy,
    emptyText: list.total > 0 ? t('members.pageEmpty') : emptyText,
    labelledBy: RESULTS_HEADING_ID,
  };
  return (
    <>
      {wide ? <MembersTable {...rows} state={state} onSort={onSort} /> : <MemberCards {...rows} />}
      {list.total > 0 && (
        <MembersPagination
          page={state.page}
          pages={pageCount(list.total, state.pageSize)}
          pageSize={state.pageSize}
          onPage={onPage}
          onPageSize={onPageSize}
        />
      )}
    </>
  );
}
