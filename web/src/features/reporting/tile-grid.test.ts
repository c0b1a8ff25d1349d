import { describe, expect, it } from 'vitest';
import { prefectures } from './prefectures';
import { GRID_COLUMNS, GRID_ROWS, tileGrid, tilePosition } from './tile-grid';

const at = (code: string) => {
  const position = tilePosition(code);
  if (!position) throw new Error(`no cell for ${code}`);
  return position;
};

describe('tile grid of the 47 prefectures', () => {
  it('places exactly the 47 JIS codes 01..47', () => {
    const expected = Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect([...tileGrid.keys()].sort()).toEqual(expected);
    expect(prefectures.map((p) => p.code)).toEqual(expected);
  });

  it('puts no two prefectures in one cell, and every cell inside the grid', () => {
    const taken = new Set<string>();
    for (const [code, { column, row }] of tileGrid) {
      expect(Number.isInteger(column) && Number.isInteger(row), code).toBe(true);
      expect(column, code).toBeGreaterThanOrEqual(0);
      expect(column, code).toBeLessThan(GRID_COLUMNS);
      expect(row, code).toBeGreaterThanOrEqual(0);
      expect(row, code).toBeLessThan(GRID_ROWS);
      const key = `${column},${row}`;
      expect(taken.has(key), `${code} at ${key}`).toBe(false);
      taken.add(key);
    }
    expect(taken.size).toBe(47);
  });

  it('uses every column and row it claims, so the drawing has no empty margin', () => {
    const columns = [...tileGrid.values()].map((p) => p.column);
    const rows = [...tileGrid.values()].map((p) => p.row);
    expect(Math.min(...columns)).toBe(0);
    expect(Math.max(...columns)).toBe(GRID_COLUMNS - 1);
    expect(Math.min(...rows)).toBe(0);
    expect(Math.max(...rows)).toBe(GRID_ROWS - 1);
  });

  it('keeps the country in its geographic order', () => {
    const hokkaido = at('01');
    const okinawa = at('47');
    // Hokkaido is the northernmost and easternmost cell, Okinawa the southernmost and westernmost.
    expect(hokkaido.row).toBe(0);
    expect(okinawa.row).toBe(GRID_ROWS - 1);
    expect(hokkaido.column).toBeGreaterThan(okinawa.column);
    for (const [code, position] of tileGrid) {
      if (code !== '01') expect(position.row, code).toBeGreaterThan(hokkaido.row);
      if (code !== '47') expect(position.row, code).toBeLessThan(okinawa.row);
    }
    // North of: Aomori of Tokyo, Tokyo of Kanagawa, Saitama of Tokyo… (rows grow southwards)
    const northOf = (a: string, b: string) => expect(at(a).row, `${a} north of ${b}`).toBeLessThan(at(b).row);
    northOf('02', '13');
    northOf('02', '03');
    northOf('05', '06');
    northOf('04', '07');
    northOf('13', '14');
    northOf('15', '10');
    northOf('26', '29');
    northOf('29', '30');
    northOf('34', '38');
    northOf('40', '43');
    northOf('43', '46');
    // West of (columns grow eastwards)
    const westOf = (a: string, b: string) => expect(at(a).column, `${a} west of ${b}`).toBeLessThan(at(b).column);
    westOf('27', '13');
    westOf('42', '41');
    westOf('41', '40');
    westOf('35', '34');
    westOf('34', '33');
    westOf('28', '26');
    westOf('38', '37');
    westOf('23', '22');
    westOf('11', '12');
    westOf('13', '12');
  });

  it('keeps each region together: every prefecture of Honshu (02..35) touches another', () => {
    const honshu = Array.from({ length: 34 }, (_, i) => String(i + 2).padStart(2, '0'));
    const cells = new Map([...tileGrid].map(([code, p]) => [`${p.column},${p.row}`, code]));
    for (const code of honshu) {
      const { column, row } = at(code);
      const neighbours = [[1, 0], [-1, 0], [0, 1], [0, -1]]
        .map(([dc, dr]) => cells.get(`${column + dc!},${row + dr!}`))
        .filter((c): c is string => c !== undefined && honshu.includes(c));
      expect(neighbours.length, code).toBeGreaterThan(0);
    }
  });
});
