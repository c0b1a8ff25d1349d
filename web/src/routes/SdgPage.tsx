import { Alert, Anchor, Group, Loader, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { withQuery } from '../api';
import { BackLink } from '../components/BackLink';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { useLabels } from '../features/reference/use-labels';
import { fiscalYearLabel } from '../features/reporting/report-format';
import { reportingPaths, type Dashboard } from '../features/reporting/reporting';
import { isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { sdgPaths, type SdgView } from '../features/sdg/sdg';
import { SdgGoalCard } from '../features/sdg/SdgGoalCard';
import { summariseView } from '../features/sdg/sdg-summary';
import { useSdgCatalogue } from '../features/sdg/use-sdg-catalogue';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';

const GOALS_HEADING_ID = 'sdg-goals-heading';

/** The year asked for in the address (`?fiscalYear=2016`); null for the latest with results. */
function yearParam(value: string | null): number | null {
  if (!value || !/^\d{4}$/.test(value)) return null;
  return Number(value);
}

/**
 * SDGsへの貢献: what serves each of the 17 goals — the business lines and sites tagged with it and their year's
 * figures — across the federation (its administrator; one organization's with `?organization=`), or in the staff's
 * own organization.
 */
export function SdgPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  if (isFederationAdmin(me)) {
    const organizationId = params.get('organization');
    return <SdgReport key={organizationId ?? 'federation'} organizationId={organizationId} />;
  }
  if (me.organizationId && me.role !== 'member') return <SdgReport organizationId={me.organizationId} />;
  return <Forbidden title={t('sdg.title')} />;
}

function SdgReport({ organizationId }: { organizationId: string | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const fiscalYear = yearParam(params.get('fiscalYear'));
  const view = useResource<SdgView>(organizationId ? sdgPaths.organization(organizationId, fiscalYear) : sdgPaths.federation(fiscalYear), { keepPrevious: true });
  // The years with results, for the picker: the dashboard knows them.
  const dashboard = useResource<Dashboard>(organizationId ? reportingPaths.organization(organizationId, null) : reportingPaths.federation(null));
  const catalogue = useSdgCatalogue();
  const chooseYear = (year: number) => {
    const next = new URLSearchParams(params);
    next.set('fiscalYear', String(year));
    setParams(next, { replace: true });
  };
  const shownYear = view.data?.fiscalYear ?? fiscalYear;
  const yearQuery = { fiscalYear: shownYear === null ? null : String(shownYear) };
  const back = organizationId ? withQuery(`/reports/organizations/${organizationId}`, yearQuery) : withQuery('/reports', yearQuery);
  const years = [...new Set([...(dashboard.data?.years ?? []), ...(view.data ? [view.data.fiscalYear] : [])])].sort((a, b) => b - a);

  return (
    <>
      <BackLink to={back} mb="xs">{t('sdg.backToReports')}</BackLink>
      <PageHeader title={t('sdg.title')} subtitle={view.data ? labels.organizationName(view.data.scope) : undefined} />
      <Loaded resource={catalogue}>
        {({ goals }) => (
          <Loaded resource={view}>
            {(data) => {
              const summary = summariseView(data);
              return (
                <Stack gap="lg">
                  <Group align="flex-end" gap="md" wrap="wrap">
                    {years.length > 0 && (
                      <NativeSelect
                        label={t('sdg.fiscalYear')}
                        w={{ base: '100%', xs: 280 }}
                        value={String(data.fiscalYear)}
                        onChange={(event) => chooseYear(Number(event.currentTarget.value))}
                        data={years.map((year) => ({ value: String(year), label: fiscalYearLabel(year, locale) }))}
                      />
                    )}
                    {view.loading && <Loader size="xs" mb={10} aria-label={t('common.loading')} />}
                  </Group>
                  <Stack gap={4}>
                    <Text role="status">
                      {summary.served === 0
                        ? t('sdg.summaryNone', { year: fiscalYearLabel(data.fiscalYear, locale) })
                        : t('sdg.summary', { served: summary.served, goals: summary.goals, count: summary.sites, year: fiscalYearLabel(data.fiscalYear, locale) })}
                    </Text>
                    <Text size="sm" c="gray.7">
                      {t('sdg.explanation')}{' '}
                      <Anchor component={Link} to="/businesses" size="sm" underline="always">
                        {t('sdg.tagWhere')}
                      </Anchor>
                    </Text>
                  </Stack>
                  {summary.served === 0 && <Alert color="gray">{t('sdg.nothingTagged')}</Alert>}
                  <section aria-labelledby={GOALS_HEADING_ID}>
                    <Title order={2} size="h4" id={GOALS_HEADING_ID} mb="sm">
                      {t('sdg.goalsHeading')}
                    </Title>
                    <SimpleGrid
                      component="ul"
                      cols={{ base: 1, sm: 2, lg: 3 }}
                      spacing="sm"
                      p={0}
                      m={0}
                      aria-busy={view.stale}
                      style={{ listStyle: 'none', opacity: view.stale ? 0.6 : 1, transition: 'opacity 120ms' }}
                    >
                      {goals.map((goal) => {
                        const goalView = data.goals.find((g) => g.goal === goal.goal) ?? {
                          goal: goal.goal,
                          codes: [],
                          businessLines: [],
                          sites: [],
                          programmes: [],
                          turnover: 0,
                          peopleServed: 0,
                          workers: 0,
                        };
                        return <SdgGoalCard key={goal.goal} goal={goal} view={goalView} />;
                      })}
                    </SimpleGrid>
                  </section>
                </Stack>
              );
            }}
          </Loaded>
        )}
      </Loaded>
    </>
  );
}
