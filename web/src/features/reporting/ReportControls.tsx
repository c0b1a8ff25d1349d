import { Group, Input, Loader, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { SdgReportLink } from '../sdg/SdgReportLink';
import { fiscalYearLabel, formatRate, rateFor, type Currency } from './report-format';
import type { Dashboard } from './reporting';

interface ReportControlsProps {
  dashboard: Dashboard;
  currency: Currency;
  loading: boolean;
  onYear: (fiscalYear: number) => void;
  onCurrency: (currency: Currency) => void;
}

/** The year shown (among the years with results) and the currency of its amounts, with the rate the dollars use. */
export function ReportControls({ dashboard, currency, loading, onYear, onCurrency }: ReportControlsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currencyId = useId();
  const rate = rateFor(dashboard.fxRates, dashboard.fiscalYear);
  // Latest first: the year most people look for.
  const years = [...dashboard.years].reverse();
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <NativeSelect
        label={t('reports.fiscalYear')}
        w={{ base: '100%', xs: 280 }}
        value={String(dashboard.fiscalYear)}
        onChange={(event) => onYear(Number(event.currentTarget.value))}
        data={years.map((year) => ({ value: String(year), label: fiscalYearLabel(year, locale) }))}
      />
      <Stack gap={4}>
        <Input.Label id={currencyId} component="span">
          {t('reports.currency')}
        </Input.Label>
        <SegmentedControl<Currency>
          aria-labelledby={currencyId}
          value={currency}
          onChange={onCurrency}
          data={[
            { value: 'JPY', label: t('reports.yen') },
            { value: 'USD', label: t('reports.usd'), disabled: !rate },
          ]}
        />
      </Stack>
      {loading && <Loader size="xs" mb={10} aria-label={t('common.loading')} />}
      <Text size="sm" c="dimmed" mb={6} role="status">
        {rate
          ? t(rate.source ? 'reports.rateUsedWithSource' : 'reports.rateUsed', { rate: formatRate(rate.yenPerUsd, locale), source: rate.source })
          : t('reports.noRateForYear', { year: fiscalYearLabel(dashboard.fiscalYear, locale) })}
      </Text>
      <SdgReportLink dashboard={dashboard} />
    </Group>
  );
}
