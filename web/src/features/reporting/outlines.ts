import { prefectures } from './prefectures';

/**
 * Prefecture boundaries for drawing a real map instead of the tile grid: one SVG path per prefecture,
 * all in the coordinates of one view box.
 */
export interface PrefectureOutlines {
  viewBox: { x: number; y: number; width: number; height: number };
  /** SVG path data by JIS code '01'..'47'. */
  paths: ReadonlyMap<string, string>;
  /** The credit the data's licence asks for, shown under the map. */
  attribution: string;
}

/**
 * The shape of an `@svg-maps/*` package (`@svg-maps/japan` 2.0.0, CC BY 4.0, based on MapSVG's map):
 * `{ label, viewBox: '0 0 438 516', locations: [{ name: 'Aichi', id: 'aichi', path: 'm 260.2,277.8 …' }] }`.
 */
export interface SvgMap {
  label?: string;
  viewBox: string;
  locations: readonly { name: string; id: string; path: string }[];
}

export const SVG_MAPS_JAPAN_ATTRIBUTION = 'Map: MapSVG / @svg-maps/japan (CC BY 4.0)';

const key = (text: string): string =>
  text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '').replaceAll('ou', 'o').replaceAll('oo', 'o');

const codeByKey = new Map(prefectures.map((p) => [key(p.nameEn), p.code]));

/**
 * Reads an `@svg-maps`-style map of Japan into outlines by JIS code, matching each location by its English name
 * (Tōkyō, Tokyo and tokyo alike). Throws unless all 47 prefectures are there, each once.
 *
 * Once the package is installed: `import japan from '@svg-maps/japan'` and
 * `<PrefectureMap outlines={outlinesFromSvgMap(japan)} … />`.
 */
export const outlinesFromSvgMap = (map: SvgMap, attribution = SVG_MAPS_JAPAN_ATTRIBUTION): PrefectureOutlines => {
  const numbers = map.viewBox.trim().split(/[\s,]+/).map(Number);
  const [x, y, width, height] = numbers;
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n)) || !(width! > 0) || !(height! > 0)) {
    throw new Error(`not a view box: ${map.viewBox}`);
  }
  const paths = new Map<string, string>();
  for (const location of map.locations) {
    const code = codeByKey.get(key(location.name)) ?? codeByKey.get(key(location.id));
    if (!code) throw new Error(`not a prefecture: ${location.name}`);
    if (paths.has(code)) throw new Error(`prefecture twice: ${location.name}`);
    paths.set(code, location.path);
  }
  const missing = prefectures.filter((p) => !paths.has(p.code)).map((p) => p.nameEn);
  if (missing.length > 0) throw new Error(`prefectures missing from the map: ${missing.join(', ')}`);
  return { viewBox: { x: x!, y: y!, width: width!, height: height! }, paths, attribution };
};
