import { Box, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboards draw (bars and lines with a legend), as SVG: crisp at any zoom, and text a browser test can read.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

interface ReportChartProps {
  /** The chart's series and axes; the font and the absence of animation are added here. */
  option: EChartsCoreOption;
  /** What the chart shows, in a sentence, for those who do not see it. */
  label: string;
  height: number;
}

/** A dashboard chart (echarts, loaded with the reports pages that need it). */
export function ReportChart({ option, label, height }: ReportChartProps) {
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
    chart.current?.setOption(
      {
        // Yearly figures: nothing to animate, and nothing moving for people who would rather it did not.
        animation: false,
        // The app's font: the bundled Noto Sans JP draws 億円 and 年度 where a system font may have no Japanese.
        textStyle: { fontFamily: theme.fontFamily },
        ...option,
      },
      true,
    );
  }, [option, theme]);

  useEffect(() => {
    chart.current?.resize();
  }, [width, height]);

  return (
    <Box ref={sized} w="100%">
      <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />
    </Box>
  );
}
