import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { withQuery } from '../api';
import { BackLink } from '../components/BackLink';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { useLabels } from '../features/reference/use-labels';
import { DashboardCharts } from '../features/reporting/DashboardCharts';
import { HeadlineFigures } from '../features/reporting/HeadlineFigures';
import { rateFor } from '../features/reporting/report-format';
import { readReportState, reportQuery, type ReportState } from '../features/reporting/report-query';
import { HEADLINE_FIGURES, usableCurrency } from '../features/reporting/report-series';
import { ReportControls } from '../features/reporting/ReportControls';
import { reportingPaths, type Dashboard } from '../features/reporting/reporting';
import { SitesReport } from '../features/reporting/SitesReport';
import { isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/** An organization's own figures: the figures of its sites summed; the federation's report leads here. */
const ORGANIZATION_FIGURES = HEADLINE_FIGURES.filter((figure) => figure !== 'organizations');

/** One organization's report: its year, its trend, its business lines and its sites (the federation's way down). */
export function OrganizationReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { id = '' } = useParams();
  // The federation administrator sees any organization's; staff their own (the server decides again).
  const allowed = isFederationAdmin(me) || (me.role !== 'member' && me.organizationId === id);
  if (!allowed) return <Forbidden title={t('reports.organizationTitle')} />;
  return <OrganizationReport key={id} id={id} />;
}

function OrganizationReport({ id }: { id: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const state = readReportState(params);
  const dashboard = useResource<Dashboard>(reportingPaths.organization(id, state.fiscalYear), { keepPrevious: true });
  const change = (changes: Partial<ReportState>) => setParams(reportQuery({ ...state, ...changes }), { replace: true });
  const federationAdmin = isFederationAdmin(me);
  // Back to the federation's report for the same year and currency.
  const back = withQuery('/reports', reportQuery({ ...state, measure: 'turnover', prefecture: null }));

  return (
    <>
      {federationAdmin && (
        <BackLink to={back} mb="xs">{t('reports.backToFederation')}</BackLink>
      )}
      <PageHeader title={t('reports.organizationTitle')} subtitle={dashboard.data ? labels.organizationName(dashboard.data.scope) : undefined} />
      <Loaded resource={dashboard}>
        {(data) => {
          if (data.years.length === 0) return <Alert color="gray">{t('reports.noResults')}</Alert>;
          const currency = usableCurrency(state.currency, data.fxRates, data.fiscalYear);
          return (
            <Stack gap="lg">
              <ReportControls
                dashboard={data}
                currency={currency}
                loading={dashboard.loading}
                onYear={(fiscalYear) => change({ fiscalYear })}
                onCurrency={(chosen) => change({ currency: chosen })}
              />
              <HeadlineFigures dashboard={data} currency={currency} figures={ORGANIZATION_FIGURES} id="organization-headline-heading" />
              <DashboardCharts dashboard={data} currency={currency} idPrefix="organization-chart" />
              <SitesReport organizationId={id} sites={data.sites} fiscalYear={data.fiscalYear} currency={currency} rate={rateFor(data.fxRates, data.fiscalYear)} busy={dashboard.stale} />
            </Stack>
          );
        }}
      </Loaded>
    </>
  );
}
