import type { CustomSeriesOption } from 'echarts/charts';
import type { TooltipComponentOption } from 'echarts/components';
import { format as echartsFormat, type ComposeOption } from 'echarts/core';
import { gridLayout, textEms, type PrefectureCell } from './map-layout';
import type { PrefectureOutlines } from './outlines';
import { GRID_COLUMNS, GRID_ROWS } from './tile-grid';

type RenderItem = Extract<CustomSeriesOption['renderItem'], (...args: never[]) => unknown>;
type Drawn = NonNullable<ReturnType<RenderItem>>;
type Drawing = NonNullable<Extract<Drawn, { type: 'group' }>['children']>[number];

export type MapOption = ComposeOption<CustomSeriesOption | TooltipComponentOption>;

export interface MapOptionInput {
  /** The 47 prefectures in JIS order, as mapCells gives them. */
  cells: readonly PrefectureCell[];
  format: (n: number) => string;
  /** Boundaries to draw; without them, the tile grid. */
  outlines?: PrefectureOutlines | undefined;
  fontFamily: string;
  /** Between prefectures. */
  border: string;
  /** The dashed edge of a square without a figure. */
  emptyBorder: string;
  /** Round the prefecture under the pointer. */
  highlight: string;
  /** Said for a prefecture without a figure. */
  noData: string;
  /** A pointer cursor over prefectures that can be clicked. */
  selectable: boolean;
}

/**
 * The echarts option of the prefecture map: a custom series (no axes) that draws each prefecture as a square of the
 * tile grid, with its short name and, where the square is large enough, its figure; or as its outline when there are
 * outlines. The data index of an item is the prefecture's place in `cells`.
 */
export const mapOption = ({ cells, format, outlines, fontFamily, border, emptyBorder, highlight, noData, selectable }: MapOptionInput): MapOption => {
  const renderItem: RenderItem = (params, api) => {
    const cell = cells[params.dataIndex];
    if (!cell) return null;
    const drawingWidth = api.getWidth();
    const drawingHeight = api.getHeight();

    if (outlines) {
      const { viewBox, paths } = outlines;
      const scale = Math.min(drawingWidth / viewBox.width, drawingHeight / viewBox.height);
      const pathData = paths.get(cell.code);
      if (!pathData || !(scale > 0)) return null;
      return {
        type: 'group',
        x: (drawingWidth - viewBox.width * scale) / 2 - viewBox.x * scale,
        y: (drawingHeight - viewBox.height * scale) / 2 - viewBox.y * scale,
        scaleX: scale,
        scaleY: scale,
        children: [{
          type: 'path',
          shape: { pathData },
          style: { fill: cell.fill, stroke: border, lineWidth: 0.8 / scale },
          emphasis: { style: { stroke: highlight, lineWidth: 2 / scale } },
        }],
      };
    }

    const gap = Math.max(2, Math.min(drawingWidth / GRID_COLUMNS, drawingHeight / GRID_ROWS) * 0.08);
    const box = gridLayout(drawingWidth, drawingHeight, gap).tile(cell.code);
    if (!box || box.size <= 0) return null;
    const inner = box.size * 0.86;
    // A square large enough shows the figure under the name, both sized to fit; a small one leaves the figure to the
    // tooltip and the table.
    const shown = cell.value === null ? '—' : format(cell.value);
    const valueSize = Math.min(13, inner / Math.max(2, textEms(shown)), box.size * 0.24);
    const withValue = box.size >= 40 && valueSize >= 8;
    const nameSize = Math.max(7, Math.min(16, inner / Math.max(2, textEms(cell.shortName)), box.size * (withValue ? 0.3 : 0.34)));
    const centre = { x: box.x + box.size / 2, y: box.y + box.size / 2 };
    const label = (text: string, y: number, fontSize: number, fontWeight: number): Drawing => ({
      type: 'text',
      silent: true,
      style: { text, x: centre.x, y, align: 'center', verticalAlign: 'middle', fill: cell.text, fontFamily, fontSize, fontWeight },
    });
    const children: Drawing[] = [
      {
        type: 'rect',
        shape: { x: box.x, y: box.y, width: box.size, height: box.size, r: Math.min(4, box.size * 0.08) },
        style: cell.value === null ? { fill: cell.fill, stroke: emptyBorder, lineWidth: 1, lineDash: [3, 2] } : { fill: cell.fill },
        emphasis: { style: { stroke: highlight, lineWidth: 2 } },
      },
      withValue
        ? label(cell.shortName, centre.y - valueSize * 0.6, nameSize, 500)
        : label(cell.shortName, centre.y, nameSize, 500),
    ];
    if (withValue) children.push(label(shown, centre.y + nameSize * 0.65, valueSize, 400));
    return { type: 'group', children };
  };

  return {
    // A map of standing figures: nothing to animate, and nothing moving for people who would rather it did not.
    animation: false,
    // The app's font: the bundled Noto Sans JP draws 鹿児島 where a system font may have no Japanese.
    textStyle: { fontFamily },
    tooltip: {
      trigger: 'item',
      formatter: (item: unknown) => {
        const cell = cells[(item as { dataIndex: number }).dataIndex];
        if (!cell) return '';
        const shown = cell.value === null ? noData : format(cell.value);
        return `${echartsFormat.encodeHTML(cell.name)}<br/><b>${echartsFormat.encodeHTML(shown)}</b>`;
      },
    },
    series: [{
      type: 'custom',
      coordinateSystem: 'none',
      renderItem,
      cursor: selectable ? 'pointer' : 'default',
      data: cells.map((cell) => ({ name: cell.name, value: cell.value ?? '-' })),
    }],
  };
};
