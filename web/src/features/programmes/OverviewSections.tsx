import { Paper, Skeleton, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import type { PrefectureMapProps } from '../reporting/PrefectureMap';
import { FigureTable } from './ContractReportView';
import { cellText, chartValues, type Cell, type ProgrammesOverview } from './report';

// echarts and the prefectures' outlines load with this page, as with the other reports.
const ReportChart = lazy(() => import('../reporting/ReportChart').then((module) => ({ default: module.ReportChart })));
const PrefectureMap = lazy(async () => {
  const [{ PrefectureMap: Map }, { outlinesFromSvgMap }, japan] = await Promise.all([
    import('../reporting/PrefectureMap'),
    import('../reporting/outlines'),
    import('@svg-maps/japan'),
  ]);
  const outlines = outlinesFromSvgMap(japan.default);
  return { default: (props: Omit<PrefectureMapProps, 'outlines'>) => <Map {...props} outlines={outlines} /> };
});

/** A count that is public (contracts, offices) as a figure of a table. */
const shown = (value: number): Cell => ({ value, suppressed: false });

function Section({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md" miw={0}>
      <Title order={2} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {hint && <Text size="sm" c="dimmed" mb="sm">{hint}</Text>}
      {children}
    </Paper>
  );
}

/** People served and outcomes year by year: bars (a hidden figure is no bar), then the table with every figure. */
export function ByFiscalYear({ overview }: { overview: ProgrammesOverview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const theme = useMantineTheme();
  const { rows, outcomeKinds, total } = overview.byFiscalYear;
  const years = rows.map((row) => formatFiscalYear(row.fiscalYear, locale));
  const participants = chartValues(rows.map((row) => row.participants));
  const outcomes = chartValues(rows.map((row) => row.outcomesTotal));
  const colours = { participants: theme.colors.indigo[7], outcomes: theme.colors.teal[8] };
  const axis = { color: theme.colors.gray[8], hideOverlap: true };
  const number = (value: number) => formatNumber(value, locale);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      grid: { left: 8, right: 16, top: 40, bottom: 8, outerBoundsMode: 'same' },
      legend: { top: 0, textStyle: { color: theme.colors.gray[9] } },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? number(value) : t('programmes.report.hiddenShort')) },
      xAxis: { type: 'category', data: years, axisLabel: axis, axisLine: { lineStyle: { color: theme.colors.gray[5] } } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { ...axis, formatter: (value: number) => number(value) } },
      // The two series are told apart by a hatching as well as by colour (and every figure is in the table below).
      series: [
        { type: 'bar', name: t('programmes.overview.participants'), data: participants, itemStyle: { color: colours.participants }, barMaxWidth: 32 },
        { type: 'bar', name: t('programmes.overview.outcomes'), data: outcomes, itemStyle: { color: colours.outcomes, decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4 } }, barMaxWidth: 32 },
      ],
    }),
    // Rebuilt when what is drawn changes (the arrays are new at each render, their contents seldom).
    [JSON.stringify(years), JSON.stringify(participants), JSON.stringify(outcomes), locale, theme, t],
  );
  const description = rows
    .map((row, i) => t('programmes.overview.yearFigure', { year: years[i], participants: cellText(row.participants, locale), outcomes: cellText(row.outcomesTotal, locale) }))
    .join(t('common.listSeparator'));
  const kindName = (kind: string) => t(`casework.outcomeKind.${kind}`, { defaultValue: kind });

  return (
    <Section id="programmes-by-year-heading" title={t('programmes.overview.byYear')} hint={t('programmes.overview.byYearHint')}>
      <Stack gap="md">
        <Suspense fallback={<Skeleton h={260} />}>
          <ReportChart option={option} height={280} label={t('programmes.overview.byYearLabel', { values: description })} />
        </Suspense>
        <FigureTable
          caption={t('programmes.overview.byYearCaption')}
          headings={[t('programmes.overview.fiscalYear'), t('programmes.overview.participants'), ...outcomeKinds.map(kindName), t('programmes.overview.outcomes')]}
          rows={rows.map((row, i) => ({ key: String(row.fiscalYear), label: years[i]!, cells: [row.participants, ...row.outcomes, row.outcomesTotal] }))}
          total={[null, ...total.outcomes, total.outcomesTotal]}
        />
      </Stack>
    </Section>
  );
}

/** Contracts and people served by kind of commissioner and its prefecture (ministries have none). */
export function ByCommissioner({ overview }: { overview: ProgrammesOverview }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { rows, total } = overview.byCommissioner;
  const label = (row: (typeof rows)[number]) => {
    const kind = t(`programmes.commissionerKind.${row.kind}`, { defaultValue: row.kind });
    return row.prefectureCode ? t('programmes.overview.commissionerIn', { kind, prefecture: labels.prefecture(row.prefectureCode) }) : kind;
  };
  return (
    <Section id="programmes-by-commissioner-heading" title={t('programmes.overview.byCommissioner')}>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('programmes.overview.noData')}</Text>
      ) : (
        <FigureTable
          caption={t('programmes.overview.byCommissionerCaption')}
          headings={[t('programmes.contract.commissioner'), t('programmes.overview.contracts'), t('programmes.overview.participants')]}
          rows={rows.map((row) => ({ key: `${row.kind}/${row.prefectureCode ?? ''}`, label: label(row), cells: [shown(row.contracts), row.participants] }))}
          total={[shown(total.contracts), total.participants]}
        />
      )}
    </Section>
  );
}

/** Contracts by the prefecture of the offices that run them, on the map of Japan, and every figure in a table. */
export function ByPrefecture({ overview }: { overview: ProgrammesOverview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const { rows, total } = overview.byPrefecture;
  const values = rows.flatMap((row) => (row.prefectureCode ? [{ prefectureCode: row.prefectureCode, value: row.contracts }] : []));
  const format = (value: number) => t('programmes.overview.contractsValue', { value: formatNumber(value, locale) });
  const top = [...values].sort((a, b) => b.value - a.value).slice(0, 3);
  const label = t('programmes.overview.byPrefectureLabel', {
    prefectures: values.length,
    top: top.map((v) => `${labels.prefecture(v.prefectureCode)} ${format(v.value)}`).join(t('common.listSeparator')),
  });
  return (
    <Section id="programmes-by-prefecture-heading" title={t('programmes.overview.byPrefecture')} hint={t('programmes.overview.byPrefectureHint')}>
      <Stack gap="md">
        <Suspense fallback={<Skeleton h={320} />}>
          <PrefectureMap values={values} format={format} label={label} language={locale} />
        </Suspense>
        <FigureTable
          caption={t('programmes.overview.byPrefectureCaption')}
          headings={[t('programmes.overview.prefecture'), t('programmes.overview.contracts'), t('programmes.overview.offices'), t('programmes.overview.participants')]}
          rows={rows.map((row) => ({
            key: row.prefectureCode ?? 'none',
            label: row.prefectureCode ? labels.prefecture(row.prefectureCode) : t('programmes.overview.noPrefecture'),
            cells: [shown(row.contracts), shown(row.offices), row.participants],
          }))}
          total={[shown(total.contracts), shown(total.offices), total.participants]}
        />
      </Stack>
    </Section>
  );
}
