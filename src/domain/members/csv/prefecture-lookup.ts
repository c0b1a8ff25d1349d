import { prefectures } from '../../organizations/prefectures.js';

/**
 * Reads a prefecture as people write it: 東京都, 東京, Tokyo, Tōkyō, Toukyou, Tokyo-to, Tokyo Prefecture,
 * 13 or 1 (for 01). The text has been through NFKC already.
 */

const diacritics = /[\u0300-\u036f]/g;
const suffix = /(?:\s*(?:prefecture|metropolis|pref\.?)|-(?:ken|fu|to))$/;
const spaces = /\s+/g;
const digits = /^\d{1,2}$/;

/** Romanisations differ in long vowels (Tōkyō, Toukyou, Tokyo; Ōita, Ooita, Oita): fold them all to one key. */
const latinKey = (text: string): string =>
  text.toLowerCase().normalize('NFD').replace(diacritics, '').replace(suffix, '').replace(spaces, '').replaceAll('ou', 'o').replaceAll('oo', 'o');

const byName = new Map<string, string>();
for (const p of prefectures) {
  byName.set(p.nameJa, p.code);
  // 東京都 → 東京, 大阪府 → 大阪, 神奈川県 → 神奈川; 北海道 is only ever written whole.
  if (p.nameJa !== '北海道') byName.set(p.nameJa.slice(0, -1), p.code);
  byName.set(latinKey(p.nameEn), p.code);
}
// The Hepburn spelling Gumma is still on some old documents.
byName.set('gumma', '10');

/** The JIS X 0401 code ('01'..'47') of the prefecture a cell names, or null. */
export const prefectureCodeOf = (text: string): string | null => {
  if (digits.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= prefectures.length ? (n < 10 ? `0${n}` : String(n)) : null;
  }
  return byName.get(text) ?? byName.get(latinKey(text)) ?? null;
};
