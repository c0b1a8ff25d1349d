import { Group, Input, Loader, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n';
import { fiscalYearLabel, formatRate, rateFor, type Currency } from './report-format';
import type { FxRate } from './reporting';

interface YearCurrencyControlsProps {
  /** The years to choose from, and the one shown (listed even when it has no figures). */
  years: readonly number[];
  fiscalYear: number;
  currency: Currency;
  rates: readonly FxRate[];
  loading?: boolean;
  onYear: (fiscalYear: number) => void;
  onCurrency: (currency: Currency) => void;
  /** What follows the controls on the same line (a link to the SDG view). */
  children?: ReactNode;
}

/** The year shown and the currency of its amounts, with the rate the dollars use: the same on every report page. */
export function YearCurrencyControls({ years, fiscalYear, currency, rates, loading = false, onYear, onCurrency, children }: YearCurrencyControlsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currencyId = useId();
  const rate = rateFor(rates, fiscalYear);
  // Latest first: the year most people look for.
  const shown = [...new Set([...years, fiscalYear])].sort((a, b) => b - a);
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <NativeSelect
        label={t('reports.fiscalYear')}
        w={{ base: '100%', xs: 280 }}
        value={String(fiscalYear)}
        onChange={(event) => onYear(Number(event.currentTarget.value))}
        data={shown.map((year) => ({ value: String(year), label: fiscalYearLabel(year, locale) }))}
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
          : t('reports.noRateForYear', { year: fiscalYearLabel(fiscalYear, locale) })}
      </Text>
      {children}
    </Group>
  );
}
