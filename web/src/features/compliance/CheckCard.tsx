import { Alert, Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateWithEra, formatNumber, formatPercent } from '../../format';
import { useLocale } from '../../i18n';
import type { CheckResult } from './compliance';
import { formatArticle, formatYearMonth, fractionValue, statusColours, trendValues, type FigureKind } from './compliance-values';

// echarts is large: it comes with the first chart, not with the app.
const TrendChart = lazy(() => import('./TrendChart').then((module) => ({ default: module.TrendChart })));

type CheckShown = Pick<CheckResult, 'code' | 'article' | 'floor' | 'strict' | 'status' | 'figure' | 'trend' | 'projection'>;

interface CheckCardProps {
  check: CheckShown;
  kind: FigureKind;
  /** The figure on the date, in words. */
  figure: string;
  /** The rule the figure is held to, in words. */
  rule: string;
  children?: ReactNode;
}

/** 法令遵守の一項目: the requirement, its status, the figure against its floor, the warning of a projected breach and the trend. */
export function CheckCard({ check, kind, figure, rule, children }: CheckCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = `compliance-${check.code}`;
  const title = t(`compliance.check.${check.code}`);
  const format = useMemo(
    () => (value: number) => (kind === 'share' ? formatPercent(value, locale) : t('compliance.people', { count: value, number: formatNumber(value, locale) })),
    [kind, locale, t],
  );
  const labels = useMemo(() => check.trend.map((p) => formatYearMonth(p.date, locale)), [check.trend, locale]);
  const values = useMemo(() => trendValues(check.trend), [check.trend]);
  const floor = fractionValue(check.floor) ?? 0;
  const judged = values.filter((v): v is number => v !== null);

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Stack gap={2}>
            <Title order={2} size="h4" id={headingId}>
              {title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('compliance.article', { article: formatArticle(check.article, locale) })}
            </Text>
          </Stack>
          <Badge color={statusColours[check.status]} variant={check.status === 'breach' ? 'filled' : 'outline'} style={{ textTransform: 'none', flexShrink: 0 }}>
            {t(`compliance.status.${check.status}`)}
          </Badge>
        </Group>
        <Text size="sm">{rule}</Text>
        {check.status !== 'not_applicable' && <Text fw={700}>{figure}</Text>}
        {check.projection && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} p="xs">
            {t(`compliance.projection.${check.projection.basis}`, { date: formatDateWithEra(check.projection.date, locale) })}
          </Alert>
        )}
        {children}
        {judged.length > 0 && (
          <Suspense fallback={<Skeleton h={180} />}>
            <TrendChart
              labels={labels}
              values={values}
              floor={floor}
              kind={kind}
              format={format}
              floorLabel={t('compliance.chart.floor', { floor: format(floor) })}
              label={t('compliance.chart.label', {
                title,
                from: labels[0],
                to: labels.at(-1),
                first: format(judged[0]!),
                last: format(judged.at(-1)!),
                floor: format(floor),
              })}
            />
          </Suspense>
        )}
      </Stack>
    </Paper>
  );
}
