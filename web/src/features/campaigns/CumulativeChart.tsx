import { Paper, Skeleton, Text, Title, useMantineTheme } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { cumulativeHighlights, formatYearMonth } from './campaign-values';

// echarts loads with the campaign's page, not with every page.
const ReportChart = lazy(() => import('../reporting/ReportChart').then((module) => ({ default: module.ReportChart })));

const HEADING_ID = 'campaign-cumulative-heading';

/** Local governments adopted so far, month by month: the climb to 878. */
export function CumulativeChart({ series }: { series: { month: string; adopted: number }[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const theme = useMantineTheme();
  const months = series.map((point) => formatYearMonth(point.month, locale));
  const values = series.map((point) => point.adopted);
  const color = theme.colors.teal[8];
  const axisText = theme.colors.gray[8];
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, outerBoundsMode: 'same' },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? formatNumber(value, locale) : '—') },
      xAxis: { type: 'category', data: months, axisLabel: { color: axisText, hideOverlap: true }, axisLine: { lineStyle: { color: theme.colors.gray[5] } } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: axisText, formatter: (value: number) => formatNumber(value, locale) } },
      series: [{ type: 'line', step: 'end', name: t('campaigns.chart.adopted'), data: values, symbol: 'none', lineStyle: { color, width: 2 }, areaStyle: { color, opacity: 0.15 } }],
    }),
    // Rebuilt when what is drawn changes (the arrays are new at each render, their contents seldom).
    [JSON.stringify(series), locale, color, axisText, theme, t],
  );
  const description = cumulativeHighlights(series)
    .map((point) => `${formatYearMonth(point.month, locale)} ${formatNumber(point.adopted, locale)}`)
    .join(t('common.listSeparator'));

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md" miw={0}>
      <Title order={2} size="h4" id={HEADING_ID} mb="xs">
        {t('campaigns.chart.title')}
      </Title>
      {series.length === 0 ? (
        <Text c="dimmed">{t('campaigns.chart.none')}</Text>
      ) : (
        <Suspense fallback={<Skeleton h={260} />}>
          <ReportChart option={option} height={280} label={t('campaigns.chart.label', { values: description })} />
        </Suspense>
      )}
    </Paper>
  );
}
