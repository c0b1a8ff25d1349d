import { Alert, Box, Button, Paper, Skeleton, Stack, Table, Text, Title, useMantineTheme } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { withQuery } from '../api';
import { BackLink } from '../components/BackLink';
import { CardList } from '../components/CardList';
import { FigureList } from '../components/FigureList';
import { Forbidden } from '../components/Forbidden';
import { Loaded } from '../components/Loaded';
import { PageHeader } from '../components/PageHeader';
import type { SiteResult } from '../features/business/business';
import { formatDate, formatFiscalYear, formatNumber, formatPostalCode } from '../format';
import { useLabels } from '../features/reference/use-labels';
import { abbreviateMoney, fiscalYearLabel, formatMoney, moneyAxisFormatter, type Currency } from '../features/reporting/report-format';
import { readReportState, reportQuery, type ReportState } from '../features/reporting/report-query';
import { formatChange, usableCurrency } from '../features/reporting/report-series';
import { reportingPaths, type Dashboard, type FxRate } from '../features/reporting/reporting';
import { YearCurrencyControls } from '../features/reporting/YearCurrencyControls';
import {
  businessesHref,
  figureValue,
  recordedYears,
  SITE_MONEY_FIGURES,
  siteFigureValues,
  siteReportPaths,
  siteSeries,
  siteYear,
  type SiteFigure,
  type SiteHistory,
} from '../features/reporting/site-report';
import { isFederationAdmin } from '../features/session/permissions';
import { useMe } from '../features/session/session-context';
import { useLocale } from '../i18n';
import { useResource } from '../use-resource';

// echarts loads with the reports that draw it, not with every page.
const ReportChart = lazy(() => import('../features/reporting/ReportChart').then((module) => ({ default: module.ReportChart })));

const DETAILS_ID = 'site-report-details-heading';
const FIGURES_ID = 'site-report-figures-heading';
const CHART_ID = 'site-report-chart-heading';
const YEARS_ID = 'site-report-years-heading';

/** One site's report: the last step down from the federation's and an organization's reports. */
export function SiteReportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { siteId = '' } = useParams();
  // The federation administrator and the staff of the site's organization (the server decides, with a 404 to others).
  if (!isFederationAdmin(me) && me.role === 'member') return <Forbidden title={t('reports.site.title')} />;
  return <SiteReport key={siteId} siteId={siteId} />;
}

function SiteReport({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const history = useResource<SiteHistory>(siteReportPaths.history(siteId));
  const organizationId = history.data?.site.organizationId ?? null;
  // The organization's dashboard gives its name and the exchange rates the dollar view needs (both staff and the
  // federation administrator may read it; /fx-rates is the administrator's alone).
  const dashboard = useResource<Dashboard>(organizationId === null ? null : reportingPaths.organization(organizationId, null));
  if (history.data) return <SiteReportView history={history.data} organization={dashboard.data?.scope ?? null} rates={dashboard.data?.fxRates ?? []} />;
  // While it loads, or when it cannot (a site out of reach is not found), the page's generic title.
  return (
    <>
      <PageHeader title={t('reports.site.title')} />
      <Loaded resource={history}>{() => null}</Loaded>
    </>
  );
}

interface SiteReportViewProps {
  history: SiteHistory;
  organization: Dashboard['scope'] | null;
  rates: FxRate[];
}

function SiteReportView({ history, organization, rates }: SiteReportViewProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const state = readReportState(params);
  const { site, items } = history;
  const view = siteYear(items, state.fiscalYear);
  const currency = view.fiscalYear === null ? 'JPY' : usableCurrency(state.currency, rates, view.fiscalYear);
  const change = (changes: Partial<ReportState>) => setParams(reportQuery({ ...state, ...changes }), { replace: true });
  const name = labels.organizationName(site);
  // Back to the organization's report for the same year and currency.
  const back = withQuery(`/reports/organizations/${encodeURIComponent(site.organizationId)}`, reportQuery({ ...state, fiscalYear: view.fiscalYear, measure: 'turnover', prefecture: null }));
  const none = t('common.none');
  const operation =
    site.operation === 'commissioned' ? t('businesses.operation.commissionedBy', { name: site.commissionerName ?? '' }) : t('businesses.operation.own');
  const address = [site.postalCode ? `〒${formatPostalCode(site.postalCode)}` : null, site.address].filter(Boolean).join(' ');

  return (
    <>
      <BackLink to={back} mb="xs">{t('reports.site.back')}</BackLink>
      <PageHeader
        title={name}
        subtitle={organization ? t('reports.site.subtitle', { organization: labels.organizationName(organization) }) : t('reports.site.title')}
        actions={
          <Button component={Link} to={businessesHref(site.organizationId)} variant="default" leftSection={<IconPencil size={16} aria-hidden />}>
            {t('reports.site.edit')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Paper component="section" aria-labelledby={DETAILS_ID} withBorder p="md">
          <Title order={2} size="h4" id={DETAILS_ID} mb="sm">
            {t('reports.site.details')}
          </Title>
          <FigureList
            cols={{ base: 1, xs: 2, md: 3 }}
            figures={[
              [t('reports.site.businessLine'), labels.code('businessLine', site.businessLine)],
              [t('reports.site.prefecture'), site.prefectureCode ? labels.prefecture(site.prefectureCode) : none],
              [t('reports.site.address'), address || none],
              [t('reports.site.operation'), operation],
              [t('reports.site.openedOn'), site.openedOn ? formatDate(site.openedOn, locale) : none],
              [t('reports.site.closedOn'), site.closedOn ? formatDate(site.closedOn, locale) : t('reports.site.stillOpen')],
              [t('reports.site.capacity'), site.capacity === null ? none : t('reports.site.people', { number: formatNumber(site.capacity, locale) })],
            ]}
          />
        </Paper>
        {view.fiscalYear === null ? (
          <Alert color="gray">{t('reports.site.noResults')}</Alert>
        ) : (
          <>
            <YearCurrencyControls years={recordedYears(items)} fiscalYear={view.fiscalYear} currency={currency} rates={rates} onYear={(fiscalYear) => change({ fiscalYear })} onCurrency={(chosen) => change({ currency: chosen })} />
            <YearFigures items={items} fiscalYear={view.fiscalYear} currency={currency} rates={rates} />
            <Paper component="section" aria-labelledby={CHART_ID} withBorder p="md" miw={0}>
              <Title order={2} size="h4" id={CHART_ID} mb="xs">
                {t('reports.site.chartTitle')}
              </Title>
              <Suspense fallback={<Skeleton h={260} />}>
                <SiteChart items={items} currency={currency} rates={rates} />
              </Suspense>
            </Paper>
            <YearsTable name={name} items={items} currency={currency} rates={rates} />
          </>
        )}
      </Stack>
    </>
  );
}

/** The label of each of a site's figures. */
function useFigureLabel(): (figure: SiteFigure) => string {
  const { t } = useTranslation();
  const figureLabels: Record<SiteFigure, string> = {
    turnover: t('reports.site.figure.turnover'),
    expenses: t('reports.site.figure.expenses'),
    surplus: t('reports.site.figure.surplus'),
    peopleServed: t('reports.site.figure.peopleServed'),
    workersMembers: t('reports.site.figure.workersMembers'),
    workersNonMembers: t('reports.site.figure.workersNonMembers'),
  };
  return (figure) => figureLabels[figure];
}

/** The year's figures, each with its change from the year before. */
function YearFigures({ items, fiscalYear, currency, rates }: { items: SiteResult[]; fiscalYear: number; currency: Currency; rates: FxRate[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useFigureLabel();
  const view = siteYear(items, fiscalYear);
  const values = siteFigureValues(view, currency, rates);
  const format = (figure: SiteFigure) => (value: number) => (SITE_MONEY_FIGURES.has(figure) ? abbreviateMoney(value, currency, locale) : formatNumber(value, locale));
  return (
    <Paper component="section" aria-labelledby={FIGURES_ID} withBorder p="md">
      <Title order={2} size="h4" id={FIGURES_ID} mb="sm">
        {t('reports.site.figuresTitle', { year: fiscalYearLabel(fiscalYear, locale) })}
      </Title>
      {view.result === null ? (
        <Text c="dimmed">{t('reports.site.noResultForYear', { year: fiscalYearLabel(fiscalYear, locale) })}</Text>
      ) : (
        <FigureList
          cols={{ base: 2, sm: 3 }}
          figures={values.map(({ figure, value, noRate, change }) => [
            label(figure),
            <>
              {value === null ? (noRate ? t('reports.noRate') : t('reports.sites.noResult')) : format(figure)(value)}
              <Text component="span" display="block" size="xs" fw={400} c="dimmed">
                {change ? t('reports.change', { change: formatChange(change, format(figure), locale) }) : view.previous ? t('reports.noChange') : t('reports.firstYear')}
              </Text>
            </>,
          ])}
        />
      )}
    </Paper>
  );
}

/** Turnover by fiscal year as bars, with the surplus as a line. */
function SiteChart({ items, currency, rates }: { items: SiteResult[]; currency: Currency; rates: FxRate[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const theme = useMantineTheme();
  const series = siteSeries(items, currency, rates);
  const years = series.years.map((year) => formatFiscalYear(year, locale));
  const money = (value: number) => abbreviateMoney(value, currency, locale);
  const label = { color: theme.colors.gray[8], hideOverlap: true };
  const line = { lineStyle: { color: theme.colors.gray[5] } };
  const bar = theme.colors.indigo[7];
  const surplus = theme.colors.orange[8];
  const turnoverName = t('reports.site.figure.turnover');
  const surplusName = t('reports.site.figure.surplus');
  const max = Math.max(0, ...series.turnover.map((v) => v ?? 0), ...series.surplus.map((v) => Math.abs(v ?? 0)));
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same' },
      legend: { top: 0, textStyle: { color: theme.colors.gray[9] } },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? money(value) : t('reports.noRate')) },
      xAxis: { type: 'category', data: years, axisLabel: label, axisLine: line },
      yAxis: { type: 'value', axisLabel: { ...label, formatter: moneyAxisFormatter(max, currency, locale) } },
      series: [
        { type: 'bar', name: turnoverName, data: series.turnover, itemStyle: { color: bar }, barMaxWidth: 40 },
        { type: 'line', name: surplusName, data: series.surplus, symbol: 'circle', symbolSize: 7, lineStyle: { color: surplus, width: 2 }, itemStyle: { color: surplus } },
      ],
    }),
    // Rebuilt when what is drawn changes (the arrays are new at each render, their contents seldom).
    [JSON.stringify(series), currency, locale, theme, t],
  );
  const say = (value: number | null) => (value === null ? t('reports.noRate') : money(value));
  const description = series.years
    .map((_, i) => `${years[i]} ${turnoverName} ${say(series.turnover[i] ?? null)} ${surplusName} ${say(series.surplus[i] ?? null)}`)
    .join(t('common.listSeparator'));
  return <ReportChart option={option} height={260} label={t('reports.site.chartLabel', { values: description })} />;
}

/** Every year recorded, latest first: a table on wider screens, cards on a phone. */
function YearsTable({ name, items, currency, rates }: { name: string; items: SiteResult[]; currency: Currency; rates: FxRate[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useFigureLabel();
  const rows = [...items].sort((a, b) => b.fiscalYear - a.fiscalYear);
  const columns: SiteFigure[] = ['turnover', 'expenses', 'surplus', 'peopleServed', 'workersMembers', 'workersNonMembers'];
  const cell = (result: SiteResult, figure: SiteFigure) => {
    const value = figureValue(result, figure, currency, rates);
    if (value === null) return result[figure] === null ? t('common.none') : t('reports.noRate');
    return SITE_MONEY_FIGURES.has(figure) ? formatMoney(value, currency, locale) : formatNumber(value, locale);
  };
  const numeric = { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const;
  return (
    <Paper component="section" aria-labelledby={YEARS_ID} withBorder p="md">
      <Title order={2} size="h4" id={YEARS_ID} mb="sm">
        {t('reports.site.yearsTitle')}
      </Title>
      <Box hiddenFrom="sm">
        <CardList items={rows} itemKey={(row) => String(row.fiscalYear)} emptyText={t('reports.site.noResults')} labelledBy={YEARS_ID} busy={false}>
          {(row) => (
            <>
              <Text fw={700} mb={6}>
                {fiscalYearLabel(row.fiscalYear, locale)}
              </Text>
              <FigureList cols={2} figures={columns.map((figure) => [label(figure), cell(row, figure)])} />
            </>
          )}
        </CardList>
      </Box>
      <Box visibleFrom="sm">
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Caption>{t('reports.site.caption', { name })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reports.fiscalYear')}</Table.Th>
                {columns.map((figure) => (
                  <Table.Th key={figure} scope="col" style={numeric}>
                    {label(figure)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.fiscalYear}>
                  <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>
                    {fiscalYearLabel(row.fiscalYear, locale)}
                  </Table.Th>
                  {columns.map((figure) => (
                    <Table.Td key={figure} style={numeric}>
                      {cell(row, figure)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Box>
    </Paper>
  );
}
