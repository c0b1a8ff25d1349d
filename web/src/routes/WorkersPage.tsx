import { Alert, Button, Group, Loader, Stack, Switch, Text, TextInput, Title, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { withQuery, type Items } from '../api';
import { ErrorState } from '../components/ErrorState';
import { Forbidden } from '../components/Forbidden';
import { LoadingState } from '../components/LoadingState';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { BackToMembers } from '../features/members/BackToMembers';
import { memberPaths, type Worker } from '../features/members/member';
import { memberShareRuleApplies, MINIMUM_MEMBER_SHARE, summarizeWorkers } from '../features/members/worker-summary';
import { WorkerCards } from '../features/members/WorkerCards';
import { WorkersSummary } from '../features/members/WorkersSummary';
import { WorkersTable } from '../features/members/WorkersTable';
import { readWorkersState, visibleWorkers, workersStateQuery, type WorkersState } from '../features/members/workers-query';
import { organizationPaths, type Organization } from '../features/organizations/organization';
import { OrganizationChooser } from '../features/organizations/OrganizationChooser';
import { useOrganizationScope } from '../features/organizations/use-organization-scope';
import { useLabels } from '../features/reference/use-labels';
import { canKeepRegistry } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { formatNumber, todayInJapan } from '../format';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';

const RESULTS_HEADING_ID = 'worker-list-heading';
/** Rows shown at first and added by "show more": a large organization has thousands of workers. */
const ROWS_AT_A_TIME = 100;

/** 従事者一覧: everyone engaged in an organization's work on a date, members and non-member workers. */
export function WorkersPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (!canKeepRegistry(me)) return <Forbidden title={t('workers.title')} />;
  return <Workers />;
}

function Workers() {
  const organizations = useResource<Items<Organization>>(organizationPaths.list);
  return (
    <>
      <BackToMembers />
      <Loaded resource={organizations}>{({ items }) => <WorkersView organizations={items} />}</Loaded>
    </>
  );
}

function WorkersView({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const today = todayInJapan();
  const state = readWorkersState(params, today);
  const chosen = useOrganizationScope(organizations, state.organization);
  const { id: scope, organization } = chosen;
  const path = scope ? memberPaths.workers(scope, state.date) : null;
  const workers = useResource<Items<Worker>>(path, { keepPrevious: true });
  const change = (changes: Partial<WorkersState>) => setParams(workersStateQuery({ ...state, ...changes }, today), { replace: true });
  const rule = { numerator: MINIMUM_MEMBER_SHARE.numerator, denominator: MINIMUM_MEMBER_SHARE.denominator };

  return (
    <>
      <PageHeader
        title={t('workers.title')}
        subtitle={organization ? labels.organizationName(organization) : undefined}
        actions={
          <Button
            component={Link}
            to={withQuery('/members/workers/new', { organization: scope ?? undefined })}
            variant="default"
            leftSection={<IconUserPlus size={16} aria-hidden />}
          >
            {t('members.registerNonMember')}
          </Button>
        }
      />
      <Stack gap="md">
        <Text>{t('workers.intro', rule)}</Text>
        <Group align="flex-end" gap="md" wrap="wrap">
          <OrganizationChooser scope={chosen} emptyLabel={t('common.choose')} w={{ base: '100%', sm: 420 }} onChange={(id) => change({ organization: id })} />
          <TextInput
            label={t('workers.date')}
            type="date"
            w={200}
            value={state.date}
            onChange={(event) => change({ date: event.currentTarget.value })}
          />
          <Switch
            label={t('workers.nonMembersOnly')}
            checked={state.nonMembersOnly}
            onChange={(event) => change({ nonMembersOnly: event.currentTarget.checked })}
            mb={8}
          />
        </Group>

        {scope === null ? (
          <Alert color="gray">{t('workers.chooseOrganization')}</Alert>
        ) : (
          <section aria-labelledby={RESULTS_HEADING_ID}>
            <Group gap="xs" mb="xs">
              <Title order={2} size="h4" id={RESULTS_HEADING_ID}>
                {t(state.nonMembersOnly ? 'workers.nonMemberListLabel' : 'workers.listLabel')}
              </Title>
              {workers.loading && workers.data && <Loader size="xs" aria-hidden />}
            </Group>
            {workers.data ? (
              <WorkerResults
                // A new list starts again at its first rows.
                key={`${path}:${String(state.nonMembersOnly)}`}
                rows={workers.data.items}
                nonMembersOnly={state.nonMembersOnly}
                organizationId={scope}
                backTo={location.pathname + location.search}
                ruleApplies={organization ? memberShareRuleApplies(organization.lawProfile) : true}
                busy={workers.stale}
              />
            ) : workers.error ? (
              <ErrorState error={workers.error} onRetry={workers.reload} />
            ) : (
              <LoadingState />
            )}
          </section>
        )}
      </Stack>
    </>
  );
}

interface WorkerResultsProps {
  rows: Worker[];
  nonMembersOnly: boolean;
  organizationId: string;
  backTo: string;
  ruleApplies: boolean;
  busy: boolean;
}

function WorkerResults({ rows, nonMembersOnly, organizationId, backTo, ruleApplies, busy }: WorkerResultsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const theme = useMantineTheme();
  // One layout is rendered, not both with one hidden, as in the member registry.
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.sm})`, undefined, { getInitialValueInEffect: false });
  const [limit, setLimit] = useState(ROWS_AT_A_TIME);
  const visible = visibleWorkers(rows, nonMembersOnly);
  const shown = visible.slice(0, limit);
  const props = {
    workers: shown,
    organizationId,
    backTo,
    busy,
    emptyText: t(nonMembersOnly ? 'workers.noNonMembers' : 'workers.none'),
    labelledBy: RESULTS_HEADING_ID,
  };
  return (
    <Stack gap="sm">
      <WorkersSummary summary={summarizeWorkers(rows)} ruleApplies={ruleApplies} />
      {wide ? <WorkersTable {...props} /> : <WorkerCards {...props} />}
      {visible.length > shown.length && (
        <Group>
          <Button variant="default" onClick={() => setLimit((n) => n + ROWS_AT_A_TIME)}>
            {t('workers.showMore', {
              count: Math.min(ROWS_AT_A_TIME, visible.length - shown.length),
              shown: formatNumber(shown.length, locale),
              total: formatNumber(visible.length, locale),
            })}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
