import { colourAt, textOn, valueRange, type ValueRange } from './colour-scale';
import { prefectures, prefectureName, prefectureShortName, type MapLanguage } from './prefectures';
import { GRID_COLUMNS, GRID_ROWS, tileGrid } from './tile-grid';

/** What the map draws for one prefecture: pure data, so it is tested without a browser. */
export interface PrefectureCell {
  code: string;
  name: string;
  shortName: string;
  /** Null where the figures have nothing for the prefecture. */
  value: number | null;
  fill: string;
  text: string;
}

export interface MapColours {
  /** Light to dark, #rrggbb. */
  stops: readonly string[];
  /** For cells without a figure. */
  empty: string;
  darkText: string;
  lightText: string;
}

export interface MapCells {
  cells: PrefectureCell[];
  range: ValueRange | null;
}

/** Every prefecture in JIS order with its figure and colours; a figure for a code that is not a prefecture is left out. */
export const mapCells = (
  values: readonly { prefectureCode: string; value: number }[],
  language: MapLanguage,
  colours: MapColours,
): MapCells => {
  const byCode = new Map<string, number>();
  for (const { prefectureCode, value } of values) {
    if (Number.isFinite(value)) byCode.set(prefectureCode, value);
  }
  const range = valueRange(prefectures.map((p) => byCode.get(p.code)).filter((v): v is number => v !== undefined));
  const cells = prefectures.map((p): PrefectureCell => {
    const value = byCode.get(p.code) ?? null;
    const fill = value === null || range === null ? colours.empty : colourAt(value, range, colours.stops);
    return {
      code: p.code,
      name: prefectureName(p.code, language),
      shortName: prefectureShortName(p.code, language),
      value,
      fill,
      text: textOn(fill, colours.darkText, colours.lightText),
    };
  });
  return { cells, range };
};

/** Width of a text in ems, near enough to size it: kanji and kana are a full em, Latin letters and digits about 0.6. */
export const textEms = (text: string): number =>
  [...text].reduce((sum, ch) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6), 0);

export interface TileBox {
  x: number;
  y: number;
  size: number;
}

/** Square cells as large as the drawing allows, the grid centred in it. */
export const gridLayout = (width: number, height: number, gap: number) => {
  const cell = Math.max(0, Math.min(width / GRID_COLUMNS, height / GRID_ROWS));
  const left = (width - cell * GRID_COLUMNS) / 2;
  const top = (height - cell * GRID_ROWS) / 2;
  return {
    cell,
    tile: (code: string): TileBox | null => {
      const position = tileGrid.get(code);
      if (!position) return null;
      return { x: left + position.column * cell + gap / 2, y: top + position.row * cell + gap / 2, size: Math.max(0, cell - gap) };
    },
  };
};
