import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import { useLabels } from '../features/reference/use-labels';
import { AnnualReportDownload } from '../features/reporting/AnnualReportDownload';
import { DashboardCharts } from '../features/reporting/DashboardCharts';
import { FxRatesPanel } from '../features/reporting/FxRatesPanel';
import { HeadlineFigures } from '../features/reporting/HeadlineFigures';
import { OrganizationsReport } from '../features/reporting/OrganizationsReport';
import { PrefectureSection } from '../features/reporting/PrefectureSection';
import { rateFor } from '../features/reporting/report-format';
import { readReportState, reportQuery, type ReportState } from '../features/reporting/report-query';
import { HEADLINE_FIGURES, usableCurrency } from '../features/reporting/report-series';
import { ReportControls } from '../features/reporting/ReportControls';
import { reportingPaths, type Dashboard } from '../features/reporting/reporting';
import { isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useResource } from '../use-resource';

/**
 * 報告・統計: the federation's figures year by year — members, sites, turnover, by business line and by prefecture —
 * its member organizations with the way down to each, the annual report, and the exchange rates of the USD view.
 * An organization's staff are taken to their own organization's report.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params] = useSearchParams();
  if (isFederationAdmin(me)) return <FederationReport />;
  if (me.organizationId && me.role !== 'member') {
    const query = params.toString();
    return <Navigate replace to={`/reports/organizations/${me.organizationId}${query ? `?${query}` : ''}`} />;
  }
  return <Forbidden title={t('reports.title')} />;
}

function FederationReport() {
  const { t } = useTranslation();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const state = readReportState(params);
  const dashboard = useResource<Dashboard>(reportingPaths.federation(state.fiscalYear), { keepPrevious: true });
  const change = (changes: Partial<ReportState>) => setParams(reportQuery({ ...state, ...changes }), { replace: true });

  return (
    <>
      <PageHeader title={t('reports.title')} subtitle={dashboard.data ? labels.organizationName(dashboard.data.scope) : t('reports.subtitle')} />
      <Loaded resource={dashboard}>
        {(data) => {
          if (data.years.length === 0) {
            return (
              <Stack gap="lg">
                <Alert color="gray">{t('reports.noResults')}</Alert>
                <FxRatesPanel onChanged={dashboard.reload} />
              </Stack>
            );
          }
          const currency = usableCurrency(state.currency, data.fxRates, data.fiscalYear);
          const rate = rateFor(data.fxRates, data.fiscalYear);
          return (
            <Stack gap="lg">
              <ReportControls
                dashboard={data}
                currency={currency}
                loading={dashboard.loading}
                onYear={(fiscalYear) => change({ fiscalYear })}
                onCurrency={(chosen) => change({ currency: chosen })}
              />
              <HeadlineFigures dashboard={data} currency={currency} figures={HEADLINE_FIGURES} id="federation-headline-heading" />
              <DashboardCharts dashboard={data} currency={currency} idPrefix="federation-chart" />
              <PrefectureSection
                dashboard={data}
                currency={currency}
                measure={state.measure}
                onMeasure={(measure) => change({ measure })}
                onSelect={(prefecture) => change({ prefecture: prefecture === state.prefecture ? null : prefecture })}
              />
              <OrganizationsReport
                organizations={data.organizations}
                fiscalYear={data.fiscalYear}
                currency={currency}
                rate={rate}
                prefecture={state.prefecture}
                onClearPrefecture={() => change({ prefecture: null })}
                busy={dashboard.stale}
              />
              <AnnualReportDownload fiscalYear={data.fiscalYear} />
              <FxRatesPanel onChanged={dashboard.reload} />
            </Stack>
          );
        }}
      </Loaded>
    </>
  );
}
