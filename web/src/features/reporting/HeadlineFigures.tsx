import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FigureList } from '../../components/FigureList';
import { formatFiscalYear, formatNumber } from '../../format';
import { useLocale } from '../../i18n';
import { abbreviateMoney, type Currency } from './report-format';
import { formatChange, headlineValues, MONEY_FIGURES, type HeadlineFigure } from './report-series';
import type { Dashboard } from './reporting';

interface HeadlineFiguresProps {
  dashboard: Dashboard;
  currency: Currency;
  /** The figures shown (an organization's dashboard leaves out the count of organizations). */
  figures: readonly HeadlineFigure[];
  id: string;
}

/** The year's figures, each with its change from the year before. */
export function HeadlineFigures({ dashboard, currency, figures, id }: HeadlineFiguresProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { headline, previous } = dashboard;
  const format = (figure: HeadlineFigure) => (value: number) => (MONEY_FIGURES.has(figure) ? abbreviateMoney(value, currency, locale) : formatNumber(value, locale));
  const values = headlineValues(dashboard, currency, figures);
  return (
    <Paper component="section" aria-labelledby={id} withBorder p="md">
      <Title order={2} size="h4" id={id} mb="sm">
        {t('reports.headline', { year: formatFiscalYear(dashboard.fiscalYear, locale) })}
      </Title>
      <FigureList
        cols={{ base: 2, sm: 4 }}
        figures={values.map(({ figure, value, change }) => [
          t(`reports.figure.${figure}`),
          <>
            {value === null ? t('reports.noRate') : format(figure)(value)}
            <Text component="span" display="block" size="xs" fw={400} c="dimmed">
              {change
                ? t('reports.change', { change: formatChange(change, format(figure), locale) })
                : previous
                  ? t('reports.noChange')
                  : t('reports.firstYear')}
            </Text>
          </>,
        ])}
      />
      <Text size="sm" c="dimmed" mt="sm">
        {t('reports.sitesReporting', { reporting: formatNumber(headline.sitesReporting, locale), sites: formatNumber(headline.sites, locale) })}
      </Text>
    </Paper>
  );
}
