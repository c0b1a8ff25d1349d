import { prefectures, type Prefecture } from '../../../../src/domain/organizations/prefectures';

// The 47 names (JIS X 0401 order, 01 北海道 … 47 沖縄県) live with the server's domain, as the CSV import reads them:
// the map reuses that list and adds only the short forms a small map cell has room for.
export { prefectures, type Prefecture };

export type MapLanguage = 'ja' | 'en';

/**
 * Three-letter English forms for map cells, in JIS order. Not a standard (ISO 3166-2:JP numbers the prefectures):
 * the full name is in the tooltip and the table.
 */
const shortEn = [
  'HKD', 'AOM', 'IWT', 'MYG', 'AKT', 'YGT', 'FKS', 'IBR', 'TCG', 'GNM',
  'STM', 'CHB', 'TKY', 'KNG', 'NGT', 'TYM', 'ISK', 'FKI', 'YMN', 'NGN',
  'GIF', 'SZO', 'AIC', 'MIE', 'SIG', 'KYT', 'OSK', 'HYG', 'NAR', 'WKY',
  'TTR', 'SMN', 'OKY', 'HRS', 'YGC', 'TKS', 'KGW', 'EHM', 'KOC', 'FKO',
  'SAG', 'NGS', 'KMM', 'OIT', 'MYZ', 'KGS', 'OKN',
] as const;

const byCode = new Map(prefectures.map((p, index) => [p.code, { prefecture: p, index }]));

/** True for the 47 JIS codes '01'..'47'. */
export const isPrefectureCode = (code: string): boolean => byCode.has(code);

/** The full name: 東京都 / Tokyo. An unknown code is shown as it is. */
export const prefectureName = (code: string, language: MapLanguage): string => {
  const entry = byCode.get(code);
  if (!entry) return code;
  return language === 'ja' ? entry.prefecture.nameJa : entry.prefecture.nameEn;
};

/** The name as Japanese maps and news graphics print it in a cell: 東京, 神奈川, 北海道 (kept whole); TKY in English. */
export const prefectureShortName = (code: string, language: MapLanguage): string => {
  const entry = byCode.get(code);
  if (!entry) return code;
  if (language === 'en') return shortEn[entry.index] ?? entry.prefecture.nameEn;
  const { nameJa } = entry.prefecture;
  return nameJa === '北海道' ? nameJa : nameJa.slice(0, -1);
};
