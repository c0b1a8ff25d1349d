import { Box, Group, Text, UnstyledButton, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { CustomChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { mapCells, type MapColours, type PrefectureCell } from './map-layout';
import { mapOption } from './map-option';
import classes from './PrefectureMap.module.css';
import type { PrefectureOutlines } from './outlines';
import type { MapLanguage } from './prefectures';
import { GRID_COLUMNS, GRID_ROWS } from './tile-grid';

// Squares (or outlines) drawn one by one by a custom series, as SVG like the app's other charts.
use([CustomChart, TooltipComponent, SVGRenderer]);

const text = {
  ja: { prefecture: '都道府県', value: '値', noData: 'データなし', select: (name: string) => `${name}を選ぶ` },
  en: { prefecture: 'Prefecture', value: 'Value', noData: 'No data', select: (name: string) => `Select ${name}` },
} as const;

/** Height over width of the tile grid; the map never grows taller than this many pixels. */
const GRID_RATIO = GRID_ROWS / GRID_COLUMNS;
const MAX_HEIGHT = 560;

export interface PrefectureMapProps {
  /** A figure per prefecture by JIS code '01'..'47'; a prefecture without one is drawn grey as “no data”. */
  values: { prefectureCode: string; value: number }[];
  /** A value as people read it: 12人, ¥1.2M. */
  format: (n: number) => string;
  /** What the map shows, in a sentence, for those who do not see it. */
  label: string;
  /** Called with the JIS code of a prefecture clicked on the map or chosen in its table. */
  onSelect?: (prefectureCode: string) => void;
  language: MapLanguage;
  /**
   * Boundaries to draw a real map with (see outlines.ts); without them the map is a tile grid,
   * one equal square per prefecture.
   */
  outlines?: PrefectureOutlines;
}

/**
 * A figure per prefecture on a map of Japan, coloured light to dark by value, with a tooltip per prefecture.
 * For screen readers the drawing is one image with `label`, and a table beside it lists every prefecture's figure;
 * the table is hidden from sight until a keyboard user tabs into it (its names are buttons when `onSelect` is given).
 */
export function PrefectureMap({ values, format, label, onSelect, language, outlines }: PrefectureMapProps) {
  const theme = useMantineTheme();
  const { ref: sized, width } = useElementSize();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The click handler is bound once; it reads the latest callback and cells from here.
  const latest = useRef({ onSelect, cells: [] as PrefectureCell[] });

  const colours: MapColours = useMemo(() => ({
    // The lightest stop still tells from the page; no data is near-white with a dashed edge, unlike any blue.
    stops: [theme.colors.indigo[1], theme.colors.indigo[3], theme.colors.indigo[5], theme.colors.indigo[7], theme.colors.indigo[9]]
      .filter((c): c is string => c !== undefined),
    // Light enough to read dark text on, dark enough that Japan's outline shows where there is nothing to report.
    empty: theme.colors.gray[2] ?? '#e9ecef',
    // Pure black and white: on a mid-tone of the scale a dark grey would fall below 4.5:1 and so would white.
    darkText: '#000000',
    lightText: '#ffffff',
  }), [theme]);

  const { cells, range } = useMemo(() => mapCells(values, language, colours), [values, language, colours]);
  useEffect(() => {
    latest.current = { onSelect, cells };
  }, [onSelect, cells]);
  const words = text[language];
  const missing = cells.some((cell) => cell.value === null);

  const emptyBorder = theme.colors.gray[6] ?? '#868e96';
  const ratio = outlines ? outlines.viewBox.height / outlines.viewBox.width : GRID_RATIO;
  const height = Math.min(MAX_HEIGHT, Math.round((width || 600) * ratio));

  useEffect(() => {
    if (!element.current) return undefined;
    const instance = init(element.current, undefined, { renderer: 'svg' });
    instance.on('click', (event) => {
      const cell = latest.current.cells[event.dataIndex];
      if (cell) latest.current.onSelect?.(cell.code);
    });
    chart.current = instance;
    return () => {
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(mapOption({
      cells,
      format,
      outlines,
      fontFamily: theme.fontFamily ?? 'sans-serif',
      border: theme.white,
      emptyBorder,
      highlight: '#000000',
      noData: words.noData,
      selectable: onSelect !== undefined,
    }), true);
  }, [cells, format, onSelect, outlines, theme, words]);

  useEffect(() => {
    chart.current?.resize();
  }, [width, height]);

  const ramp = `linear-gradient(to right, ${colours.stops.join(', ')})`;

  return (
    <Box ref={sized} w="100%">
      <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />
      <Group gap="xs" mt={4} wrap="wrap" aria-hidden="true">
        {range && (
          <Group gap={6} wrap="nowrap">
            <Text size="xs">{format(range.min)}</Text>
            <Box w={120} h={10} style={{ background: ramp, borderRadius: 2 }} />
            <Text size="xs">{format(range.max)}</Text>
          </Group>
        )}
        {missing && (
          <Group gap={6} wrap="nowrap">
            <Box w={12} h={12} style={{ background: colours.empty, border: `1px dashed ${emptyBorder}`, borderRadius: 2 }} />
            <Text size="xs">{words.noData}</Text>
          </Group>
        )}
        {outlines && <Text size="xs" c="dimmed" ml="auto">{outlines.attribution}</Text>}
      </Group>
      <div className={classes.table}>
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">{words.prefecture}</th>
              <th scope="col">{words.value}</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr key={cell.code}>
                <th scope="row">
                  {onSelect ? (
                    <UnstyledButton className={classes.select} onClick={() => onSelect(cell.code)} aria-label={words.select(cell.name)}>
                      {cell.name}
                    </UnstyledButton>
                  ) : cell.name}
                </th>
                <td>{cell.value === null ? words.noData : format(cell.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Box>
  );
}
