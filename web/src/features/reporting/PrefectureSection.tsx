import { Input, Paper, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { useLabels } from '../reference/use-labels';
import { abbreviateMoney, rateFor, type Currency } from './report-format';
import { prefectureValues, type MapMeasure } from './report-series';
import type { PrefectureMapProps } from './PrefectureMap';
import type { Dashboard } from './reporting';

// The map is drawn by echarts over the prefectures' outlines (@svg-maps/japan, CC BY 4.0), loaded with the reports,
// not with every page.
const PrefectureMap = lazy(async () => {
  const [{ PrefectureMap: Map }, { outlinesFromSvgMap }, japan] = await Promise.all([import('./PrefectureMap'), import('./outlines'), import('@svg-maps/japan')]);
  const outlines = outlinesFromSvgMap(japan.default);
  return { default: (props: Omit<PrefectureMapProps, 'outlines'>) => <Map {...props} outlines={outlines} /> };
});

const HEADING_ID = 'report-prefectures-heading';

interface PrefectureSectionProps {
  dashboard: Dashboard;
  currency: Currency;
  measure: MapMeasure;
  onMeasure: (measure: MapMeasure) => void;
  /** A prefecture chosen on the map: the organizations below are those in it. */
  onSelect: (prefectureCode: string) => void;
}

/** Turnover or sites by prefecture on a map of Japan; choosing a prefecture narrows the organizations to its own. */
export function PrefectureSection({ dashboard, currency, measure, onMeasure, onSelect }: PrefectureSectionProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const labels = useLabels();
  const measureId = useId();
  const values = prefectureValues(dashboard.byPrefecture, measure, currency, rateFor(dashboard.fxRates, dashboard.fiscalYear));
  const format = (value: number) => (measure === 'sites' ? t('reports.map.sitesValue', { count: value, value: formatNumber(value, locale) }) : abbreviateMoney(value, currency, locale));
  const biggest = [...values].sort((a, b) => b.value - a.value).slice(0, 3);
  const year = formatFiscalYear(dashboard.fiscalYear, locale);
  const label = t(measure === 'sites' ? 'reports.map.sitesLabel' : 'reports.map.turnoverLabel', {
    year,
    count: values.length,
    top: biggest.map((v) => `${labels.prefecture(v.prefectureCode)} ${format(v.value)}`).join(t('common.listSeparator')),
  });

  return (
    <Paper component="section" aria-labelledby={HEADING_ID} withBorder p="md">
      <Title order={2} size="h4" id={HEADING_ID} mb="xs">
        {t('reports.map.title')}
      </Title>
      <Stack gap="sm">
        <Stack gap={4}>
          <Input.Label id={measureId} component="span">
            {t('reports.map.measure')}
          </Input.Label>
          <SegmentedControl<MapMeasure>
            aria-labelledby={measureId}
            value={measure}
            onChange={onMeasure}
            data={[
              { value: 'turnover', label: t('reports.figure.turnover') },
              { value: 'sites', label: t('reports.figure.sites') },
            ]}
            w="fit-content"
          />
        </Stack>
        <Text size="sm" c="dimmed">
          {t('reports.map.hint')}
        </Text>
        <Suspense fallback={<Skeleton h={320} />}>
          <PrefectureMap values={values} format={format} label={label} onSelect={onSelect} language={locale} />
        </Suspense>
      </Stack>
    </Paper>
  );
}
