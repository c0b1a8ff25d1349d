import { Box, Group, Stack, Table, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatFiscalYear, formatYen, formatYenCompact } from '../../format';
import { useLocale } from '../../i18n';
import { niceScale, stackSegments, yearTotals, type ChartData } from './capital-chart';

const HEIGHT = 240;
const MARGIN = { top: 12, right: 8, bottom: 28, left: 72 };

/** Colours of the series in turn; more series than colours take the next shade of the same colours. */
const HUES = ['indigo', 'teal', 'orange', 'grape', 'cyan', 'lime', 'pink', 'yellow', 'blue', 'red', 'green', 'violet'] as const;
const SHADES = [6, 8, 4] as const;
const seriesColour = (index: number): string =>
  `var(--mantine-color-${HUES[index % HUES.length]}-${SHADES[Math.floor(index / HUES.length) % SHADES.length]})`;

interface CapitalChartProps {
  data: ChartData;
  /** The name of a series: an organization's, or paid / unpaid. */
  seriesName: (key: string) => string;
  /** Colours by series key, when the series have colours of their own (paid and unpaid). */
  colours?: Partial<Record<string, string>>;
  /** What the chart shows, in a sentence, for those who do not see it. */
  label: string;
}

/**
 * Stacked bars of capital by fiscal year, drawn in SVG at the width it is given; the same numbers follow as a table
 * (which screen readers read instead of the picture).
 */
export function CapitalChart({ data, seriesName, colours = {}, label }: CapitalChartProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { ref, width } = useElementSize();
  const totals = yearTotals(data);
  const scale = niceScale(Math.max(0, ...totals));
  const colour = (key: string, index: number) => colours[key] ?? seriesColour(index);
  const index = new Map(data.series.map((s, i) => [s.key, i]));

  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = data.years.length > 0 ? innerWidth / data.years.length : 0;
  const barWidth = Math.min(64, band * 0.6);
  const y = (value: number) => MARGIN.top + innerHeight - (value / scale.max) * innerHeight;

  return (
    <Stack gap="sm">
      <Box ref={ref} w="100%">
        {width > 0 && (
          <svg width={width} height={HEIGHT} role="img" aria-label={label} style={{ display: 'block' }}>
            {scale.ticks.map((tick) => (
              <g key={tick}>
                <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="var(--mantine-color-gray-3)" />
                <text x={MARGIN.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="var(--mantine-color-gray-8)">
                  {formatYenCompact(tick, locale)}
                </text>
              </g>
            ))}
            {stackSegments(data).map((segments, i) => {
              const year = data.years[i]!;
              const x = MARGIN.left + band * i + (band - barWidth) / 2;
              return (
                <g key={year}>
                  {segments.map((segment) => (
                    <rect
                      key={segment.key}
                      x={x}
                      y={y(segment.to)}
                      width={barWidth}
                      height={Math.max(0, y(segment.from) - y(segment.to))}
                      fill={colour(segment.key, index.get(segment.key) ?? 0)}
                    >
                      <title>{`${formatFiscalYear(year, locale)} ${seriesName(segment.key)}: ${formatYen(segment.value, locale)}`}</title>
                    </rect>
                  ))}
                  <text x={x + barWidth / 2} y={HEIGHT - 8} textAnchor="middle" fontSize={11} fill="var(--mantine-color-gray-8)">
                    {formatFiscalYear(year, locale)}
                  </text>
                </g>
              );
            })}
          </svg>
        )}
      </Box>
      <Group gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('capital.chart.legend')}>
        {data.series.map((s, i) => (
          <Group key={s.key} component="li" gap={6} wrap="nowrap">
            <Box w={12} h={12} style={{ background: colour(s.key, i), borderRadius: 2, flex: 'none' }} aria-hidden />
            <Text size="sm">{seriesName(s.key)}</Text>
          </Group>
        ))}
      </Group>
      <Box tabIndex={0} role="region" aria-label={t('capital.chart.tableLabel')} style={{ overflowX: 'auto' }}>
        <Table striped verticalSpacing={4} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('capital.chart.series')}</Table.Th>
              {data.years.map((year) => (
                <Table.Th key={year} scope="col" style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {formatFiscalYear(year, locale)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.series.map((s) => (
              <Table.Tr key={s.key}>
                <Table.Th scope="row" fw="normal">
                  {seriesName(s.key)}
                </Table.Th>
                {s.values.map((value, i) => (
                  <Table.Td key={data.years[i]} style={{ textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {formatYen(value, locale)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('capital.chart.total')}</Table.Th>
              {totals.map((total, i) => (
                <Table.Td key={data.years[i]} fw={700} style={{ textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {formatYen(total, locale)}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Box>
    </Stack>
  );
}
