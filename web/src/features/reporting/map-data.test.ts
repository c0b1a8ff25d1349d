import { describe, expect, it } from 'vitest';
import { colourAt, contrast, textOn, valueRange } from './colour-scale';
import { gridLayout, mapCells, textEms } from './map-layout';
import { outlinesFromSvgMap } from './outlines';
import { prefectureName, prefectures, prefectureShortName } from './prefectures';
import { GRID_COLUMNS, GRID_ROWS } from './tile-grid';

// Mantine's indigo 0, 2, 4, 6, 9 as the map uses them.
const colours = {
  stops: ['#edf2ff', '#bac8ff', '#748ffc', '#4c6ef5', '#364fc7'],
  empty: '#e9ecef',
  darkText: '#000000',
  lightText: '#ffffff',
};

describe('prefecture names', () => {
  it('has the 47 in JIS order, from the domain list', () => {
    expect(prefectures).toHaveLength(47);
    expect(prefectureName('01', 'ja')).toBe('北海道');
    expect(prefectureName('13', 'ja')).toBe('東京都');
    expect(prefectureName('13', 'en')).toBe('Tokyo');
    expect(prefectureName('47', 'en')).toBe('Okinawa');
  });

  it('shortens names for the cells, each short name distinct', () => {
    expect(prefectureShortName('01', 'ja')).toBe('北海道');
    expect(prefectureShortName('13', 'ja')).toBe('東京');
    expect(prefectureShortName('26', 'ja')).toBe('京都');
    expect(prefectureShortName('14', 'ja')).toBe('神奈川');
    expect(prefectureShortName('13', 'en')).toBe('TKY');
    for (const language of ['ja', 'en'] as const) {
      const names = prefectures.map((p) => prefectureShortName(p.code, language));
      expect(new Set(names).size, language).toBe(47);
      for (const name of names) expect(textEms(name), name).toBeLessThanOrEqual(3);
    }
  });
});

describe('colour scale', () => {
  it('runs from the first stop to the last', () => {
    const range = { min: 10, max: 20 };
    expect(colourAt(10, range, colours.stops)).toBe('#edf2ff');
    expect(colourAt(20, range, colours.stops)).toBe('#364fc7');
    expect(colourAt(5, range, colours.stops)).toBe('#edf2ff');
    expect(colourAt(15, range, colours.stops)).toBe('#748ffc');
    expect(colourAt(7, { min: 7, max: 7 }, colours.stops)).toBe('#748ffc');
  });

  it('finds the range of finite values only', () => {
    expect(valueRange([])).toBeNull();
    expect(valueRange([3, Number.NaN, -1, 8])).toEqual({ min: -1, max: 8 });
  });

  it('keeps names readable (WCAG AA, 4.5:1) on every colour of the scale', () => {
    for (let i = 0; i <= 100; i += 1) {
      const fill = colourAt(i, { min: 0, max: 100 }, colours.stops);
      const text = textOn(fill, colours.darkText, colours.lightText);
      expect(contrast(fill, text), `${text} on ${fill}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast('#fff', '#000')).toBeCloseTo(21);
    expect(contrast(colours.empty, textOn(colours.empty, colours.darkText, colours.lightText))).toBeGreaterThanOrEqual(4.5);
  });
});

describe('map cells', () => {
  it('lists all 47 with their figures, grey where there is none, ignoring unknown codes', () => {
    const { cells, range } = mapCells(
      [{ prefectureCode: '13', value: 40 }, { prefectureCode: '27', value: 10 }, { prefectureCode: '99', value: 1000 }],
      'en',
      colours,
    );
    expect(cells).toHaveLength(47);
    expect(range).toEqual({ min: 10, max: 40 });
    const tokyo = cells.find((c) => c.code === '13');
    expect(tokyo).toMatchObject({ name: 'Tokyo', shortName: 'TKY', value: 40, fill: '#364fc7', text: '#ffffff' });
    expect(cells.find((c) => c.code === '27')).toMatchObject({ value: 10, fill: '#edf2ff', text: '#000000' });
    expect(cells.find((c) => c.code === '01')).toMatchObject({ value: null, fill: colours.empty });
  });

  it('draws nothing coloured when there are no figures', () => {
    const { cells, range } = mapCells([], 'ja', colours);
    expect(range).toBeNull();
    expect(cells.every((c) => c.fill === colours.empty && c.value === null)).toBe(true);
  });

  it('lays the grid out in square cells inside the drawing, none overlapping', () => {
    const { cell, tile } = gridLayout(650, 480, 4);
    expect(cell).toBeCloseTo(Math.min(650 / GRID_COLUMNS, 480 / GRID_ROWS));
    const boxes = prefectures.map((p) => tile(p.code)!);
    for (const box of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.size).toBeLessThanOrEqual(650);
      expect(box.y + box.size).toBeLessThanOrEqual(480);
    }
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        const apart = a.x + a.size <= b.x || b.x + b.size <= a.x || a.y + a.size <= b.y || b.y + b.size <= a.y;
        expect(apart).toBe(true);
      }
    }
    expect(tile('48')).toBeNull();
  });
});

describe('outlines from an @svg-maps style map', () => {
  const map = {
    viewBox: '0 0 438 516',
    locations: prefectures.map((p) => ({ name: p.nameEn, id: p.nameEn.toLowerCase(), path: `M 0,0 L ${p.code},1 Z` })),
  };

  it('keys every path by JIS code', () => {
    const outlines = outlinesFromSvgMap(map);
    expect(outlines.viewBox).toEqual({ x: 0, y: 0, width: 438, height: 516 });
    expect(outlines.paths.size).toBe(47);
    expect(outlines.paths.get('13')).toBe('M 0,0 L 13,1 Z');
    expect(outlines.attribution).toMatch(/CC BY 4\.0/);
  });

  it('reads long-vowel spellings and refuses an incomplete map', () => {
    const spelled = { ...map, locations: map.locations.map((l) => (l.name === 'Tokyo' ? { ...l, name: 'Tōkyō', id: 'toukyou' } : l)) };
    expect(outlinesFromSvgMap(spelled).paths.get('13')).toBeDefined();
    expect(() => outlinesFromSvgMap({ ...map, locations: map.locations.slice(1) })).toThrow(/Hokkaido/);
    expect(() => outlinesFromSvgMap({ ...map, viewBox: '0 0 0' })).toThrow(/view box/);
    expect(() => outlinesFromSvgMap({ ...map, locations: [...map.locations, { name: 'Atlantis', id: 'atlantis', path: '' }] })).toThrow(/Atlantis/);
  });
});
