import { Paper, SimpleGrid, Skeleton, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { abbreviateMoney, moneyAxisFormatter, rateFor, type Currency } from './report-format';
import { businessLineSlices, memberSeries, turnoverSeries } from './report-series';
import type { Dashboard } from './reporting';

// echarts loads with the reports that draw it, not with every page.
const ReportChart = lazy(() => import('./ReportChart').then((module) => ({ default: module.ReportChart })));

interface DashboardChartsProps {
  dashboard: Dashboard;
  currency: Currency;
  /** Prefix of the ids of the charts' headings (two dashboards never share a page, but stay unique anyway). */
  idPrefix: string;
}

/** Turnover and members over the years, and the year's turnover by business line. */
export function DashboardCharts({ dashboard, currency, idPrefix }: DashboardChartsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard id={`${idPrefix}-turnover`} title={t('reports.chart.turnover')}>
          <TurnoverChart dashboard={dashboard} currency={currency} />
        </ChartCard>
        <ChartCard id={`${idPrefix}-members`} title={t('reports.chart.members')}>
          <MembersChart dashboard={dashboard} />
        </ChartCard>
      </SimpleGrid>
      <ChartCard id={`${idPrefix}-lines`} title={t('reports.chart.byLine')}>
        <BusinessLineChart dashboard={dashboard} currency={currency} />
      </ChartCard>
    </Stack>
  );
}

function ChartCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" miw={0}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      <Suspense fallback={<Skeleton h={200} />}>{children}</Suspense>
    </Paper>
  );
}

/** The axis colours of the theme, readable on white. */
function useAxisStyle() {
  const theme = useMantineTheme();
  const text = theme.colors.gray[8];
  return { label: { color: text, hideOverlap: true }, line: { lineStyle: { color: theme.colors.gray[5] } } };
}

function TurnoverChart({ dashboard, currency }: { dashboard: Dashboard; currency: Currency }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const theme = useMantineTheme();
  const axis = useAxisStyle();
  const years = dashboard.trend.map((year) => formatFiscalYear(year.fiscalYear, locale));
  const values = turnoverSeries(dashboard.trend, currency, dashboard.fxRates);
  const money = (value: number) => abbreviateMoney(value, currency, locale);
  const color = theme.colors.indigo[7];
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: 'same' },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? money(value) : t('reports.noRate')) },
      xAxis: { type: 'category', data: years, axisLabel: axis.label, axisLine: axis.line },
      yAxis: { type: 'value', axisLabel: { ...axis.label, formatter: moneyAxisFormatter(Math.max(0, ...values.map((v) => v ?? 0)), currency, locale) } },
      series: [{ type: 'bar', name: t('reports.figure.turnover'), data: values, itemStyle: { color }, barMaxWidth: 40 }],
    }),
    // Rebuilt when what is drawn changes (the arrays are new at each render, their contents seldom).
    [JSON.stringify(years), JSON.stringify(values), currency, locale, color, t],
  );
  const description = values.map((value, i) => `${years[i]} ${value === null ? t('reports.noRate') : money(value)}`).join(t('common.listSeparator'));
  return <ReportChart option={option} height={240} label={t('reports.chart.turnoverLabel', { values: description })} />;
}

function MembersChart({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const theme = useMantineTheme();
  const axis = useAxisStyle();
  const years = dashboard.trend.map((year) => formatFiscalYear(year.fiscalYear, locale));
  const series = memberSeries(dashboard.trend);
  const colors = { workerMembers: theme.colors.indigo[7], userMembers: theme.colors.teal[8], otherMembers: theme.colors.orange[8] };
  const symbols = { workerMembers: 'circle', userMembers: 'rect', otherMembers: 'triangle' };
  const number = (value: number) => formatNumber(value, locale);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same' },
      legend: { top: 0, textStyle: { color: theme.colors.gray[9] } },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? number(value) : '—') },
      xAxis: { type: 'category', data: years, axisLabel: axis.label, axisLine: axis.line },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { ...axis.label, formatter: (value: number) => number(value) } },
      // A line per kind, told apart by its marks as well as its colour.
      series: series.map(({ kind, values }) => ({
        type: 'line',
        name: t(`reports.figure.${kind}`),
        data: values,
        symbol: symbols[kind],
        symbolSize: 7,
        lineStyle: { color: colors[kind], width: 2, type: kind === 'userMembers' ? 'dashed' : 'solid' },
        itemStyle: { color: colors[kind] },
      })),
    }),
    [JSON.stringify(years), JSON.stringify(series), locale, theme, t],
  );
  const description = series.map(({ kind, values }) => `${t(`reports.figure.${kind}`)} ${values.map((v, i) => `${years[i]} ${number(v)}`).join(t('common.listSeparator'))}`).join(' / ');
  return <ReportChart option={option} height={260} label={t('reports.chart.membersLabel', { values: description })} />;
}

function BusinessLineChart({ dashboard, currency }: { dashboard: Dashboard; currency: Currency }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const theme = useMantineTheme();
  const axis = useAxisStyle();
  const rate = rateFor(dashboard.fxRates, dashboard.fiscalYear);
  const slices = businessLineSlices(dashboard.byBusinessLine, currency, rate, (line) => (line.builtIn ? labels.code('businessLine', line.code) : locale === 'en' ? line.nameEn : line.nameJa));
  const money = (value: number) => abbreviateMoney(value, currency, locale);
  const color = theme.colors.teal[8];
  // Biggest at the top: echarts draws a category axis from the bottom up.
  const shown = [...slices].reverse();
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, outerBoundsMode: 'same' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: unknown) => (typeof value === 'number' ? money(value) : '—') },
      xAxis: { type: 'value', axisLabel: { ...axis.label, formatter: moneyAxisFormatter(slices[0]?.value ?? 0, currency, locale) }, splitNumber: 3 },
      yAxis: {
        type: 'category',
        data: shown.map((slice) => slice.name),
        axisLabel: { color: theme.colors.gray[8], width: 120, overflow: 'truncate' },
        axisLine: axis.line,
      },
      series: [{ type: 'bar', name: t('reports.figure.turnover'), data: shown.map((slice) => slice.value), itemStyle: { color }, barMaxWidth: 24 }],
    }),
    [JSON.stringify(shown), currency, locale, color, theme, t],
  );
  if (slices.length === 0) return <Text c="dimmed">{t('reports.noData')}</Text>;
  const description = slices.map((slice) => `${slice.name} ${money(slice.value)}`).join(t('common.listSeparator'));
  return <ReportChart option={option} height={Math.max(160, 36 * slices.length + 40)} label={t('reports.chart.byLineLabel', { year: formatFiscalYear(dashboard.fiscalYear, locale), values: description })} />;
}
