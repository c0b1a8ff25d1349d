import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The annual report's charts, drawn on the server by echarts (SSR) as SVG strings for pdfmake's `svg` node, which
 * draws them with svg-to-pdfkit in the document's own font: the text stays text (searchable, copyable) and Japanese
 * labels are set in the embedded Noto Sans JP like the rest of the page.
 *
 * Each chart is a plain function of its data: no animation, and the class names zrender numbers across all charts
 * renamed per chart, so the same data gives the same SVG (and the same PDF).
 */

use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

/** The family pdfmake's font table knows (pdf-kit.ts): svg-to-pdfkit asks pdfmake for the font by this name. */
export const CHART_FONT = 'NotoSansJP';

/** A calm palette: muted blue, sage, sand, plum, clay, teal, slate. */
export const PALETTE = ['#3b6e8f', '#7fa37a', '#c9a66b', '#8c7aa9', '#c27c62', '#5f9ea0', '#7d8791'] as const;

const TEXT = '#44474d';
const AXIS = '#8c9096';
const SPLIT = '#e3e5e8';
/** The bar of the report's own year, a shade darker than the others. */
const HIGHLIGHT = '#24506b';

export interface ChartSize {
  /** In SVG units; pdfmake scales the drawing to the width it is given. */
  width: number;
  height: number;
}

/** An axis value as the tables print it: grouped digits, no decimals. */
export type AxisFormat = (value: number) => string;

/**
 * zrender names the SVG's classes (hover styles) and ids (clip paths, gradients) by counters that run on over every
 * chart the process draws: renamed in order of appearance, so that a chart's SVG depends on its data only.
 */
function sameNames(svg: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bzr\d+-([a-z]+)-?(\d+)\b/g, (name, kind: string) => {
    let renamed = names.get(name);
    if (renamed === undefined) {
      renamed = `chart-${kind}${names.size}`;
      names.set(name, renamed);
    }
    return renamed;
  });
}

function render(option: EChartsCoreOption, size: ChartSize): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, fontSize: 9, color: TEXT }, ...option });
    return sameNames(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

const valueAxis = (name: string, format: AxisFormat) => ({
  type: 'value',
  name,
  nameTextStyle: { color: TEXT, fontSize: 9, align: 'left' },
  axisLabel: { formatter: (value: number) => format(value), color: TEXT, fontSize: 9 },
  splitLine: { lineStyle: { color: SPLIT } },
});

const categoryAxis = (labels: string[]) => ({
  type: 'category',
  data: labels,
  axisLine: { lineStyle: { color: AXIS } },
  axisTick: { alignWithLabel: true, lineStyle: { color: AXIS } },
  axisLabel: { color: TEXT, fontSize: 9 },
});

/**
 * Turnover year by year as columns, the report's year darker, each column labelled with its value.
 * `values` are already in the unit named by `unit` (百万円, ¥ million).
 */
export function turnoverTrendChart(options: { labels: string[]; values: number[]; highlight: number; unit: string; format: AxisFormat } & ChartSize): string {
  return render(
    {
      grid: { left: 64, right: 16, top: 36, bottom: 28 },
      xAxis: categoryAxis(options.labels),
      yAxis: valueAxis(options.unit, options.format),
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          data: options.values.map((value, index) => ({ value, itemStyle: { color: index === options.highlight ? HIGHLIGHT : PALETTE[0] } })),
          label: { show: true, position: 'top', color: TEXT, fontSize: 8.5, formatter: (item: { value: unknown }) => options.format(Number(item.value)) },
        },
      ],
    },
    options,
  );
}

/** Members year by year by kind, stacked: each band one kind, the top line the total. */
export function membersTrendChart(options: { labels: string[]; series: { name: string; values: number[] }[]; unit: string; format: AxisFormat } & ChartSize): string {
  return render(
    {
      color: [...PALETTE],
      legend: { top: 0, right: 8, itemWidth: 18, itemHeight: 10, textStyle: { color: TEXT, fontSize: 9 } },
      grid: { left: 64, right: 16, top: 44, bottom: 28 },
      xAxis: { ...categoryAxis(options.labels), boundaryGap: false },
      yAxis: valueAxis(options.unit, options.format),
      series: options.series.map((series) => ({
        type: 'line',
        name: series.name,
        stack: 'members',
        data: series.values,
        symbol: 'circle',
        symbolSize: 5,
        lineStyle: { width: 2 },
        areaStyle: { opacity: 0.35 },
      })),
    },
    options,
  );
}

/**
 * One horizontal bar per item, largest at the top, labelled with its value; each bar in its own colour when given
 * (an SDG goal's), else the palette's first. `values` are in the unit named by `unit`.
 */
export function horizontalBarChart(options: { items: { label: string; value: number; color?: string }[]; unit: string; format: AxisFormat; labelWidth: number } & ChartSize): string {
  // echarts draws the first category at the bottom: reversed, the list reads top down in the order given.
  const items = [...options.items].reverse();
  return render(
    {
      grid: { left: options.labelWidth, right: 72, top: 24, bottom: 24 },
      xAxis: { ...valueAxis(options.unit, options.format), nameLocation: 'end', nameTextStyle: { color: TEXT, fontSize: 9, align: 'right', verticalAlign: 'top', padding: [14, 0, 0, 0] } },
      yAxis: { ...categoryAxis(items.map((item) => item.label)), axisTick: { show: false }, axisLabel: { color: TEXT, fontSize: 9, width: options.labelWidth - 12, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: items.map((item) => ({ value: item.value, itemStyle: { color: item.color ?? PALETTE[0] } })),
          label: { show: true, position: 'right', color: TEXT, fontSize: 8.5, formatter: (item: { value: unknown }) => options.format(Number(item.value)) },
        },
      ],
    },
    options,
  );
}
