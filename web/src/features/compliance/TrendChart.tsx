import { Box, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { axisRange, type FigureKind } from './compliance-values';

// Only what a line with a floor needs, drawn as SVG (crisp at any zoom, and text a browser test can read).
use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

const HEIGHT = 180;

export interface TrendChartProps {
  /** The axis label of each point (its month). */
  labels: string[];
  /** The figure at each point; null where there was nothing to judge. */
  values: (number | null)[];
  floor: number;
  kind: FigureKind;
  /** A value as people read it: 80%, 3人. */
  format: (value: number) => string;
  floorLabel: string;
  /** What the chart shows, in a sentence, for those who do not see it. */
  label: string;
}

/** A check's figure month by month with its legal floor as a dashed line (echarts, loaded with the page that needs it). */
export function TrendChart({ labels, values, floor, kind, format, floorLabel, label }: TrendChartProps) {
  const theme = useMantineTheme();
  const { ref: sized, width } = useElementSize();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    if (!element.current) return undefined;
    chart.current = init(element.current, undefined, { renderer: 'svg' });
    return () => {
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const { min, max, interval } = axisRange(values, floor, kind);
    const line = theme.colors.indigo[7];
    const limit = theme.colors.red[9];
    chart.current?.setOption({
      // Figures change month by month: nothing to animate, and nothing moving for people who would rather it did not.
      animation: false,
      // The app's font: the bundled Noto Sans JP draws 人 and 基準 where a system font may have no Japanese.
      textStyle: { fontFamily: theme.fontFamily },
      grid: { left: 56, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? format(value) : '—') },
      xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true, color: theme.colors.gray[8] } },
      yAxis: { type: 'value', min, max, interval, axisLabel: { formatter: (value: number) => format(value), color: theme.colors.gray[8] } },
      series: [{
        type: 'line',
        data: values,
        connectNulls: false,
        symbolSize: 5,
        lineStyle: { color: line, width: 2 },
        itemStyle: { color: line },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { type: 'dashed', color: limit, width: 1.5 },
          label: { formatter: floorLabel, position: 'insideEndTop', color: limit },
          data: [{ yAxis: floor }],
        },
      }],
    }, true);
  }, [labels, values, floor, kind, format, floorLabel, theme]);

  useEffect(() => {
    chart.current?.resize();
  }, [width]);

  return (
    <Box ref={sized} w="100%">
      <div ref={element} role="img" aria-label={label} style={{ width: '100%', height: HEIGHT }} />
    </Box>
  );
}
