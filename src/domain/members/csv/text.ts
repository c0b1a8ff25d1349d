/**
 * Text clean-up shared by header matching and cell validation. Every regular expression is compiled once,
 * here: the importer runs these on every cell of files with tens of thousands of rows.
 */

const nonAscii = /[^\x00-\x7f]/;
const hiragana = /[\u3041-\u3096\u309d\u309e]/g;
const hasHiragana = /[\u3041-\u3096\u309d\u309e]/;
/** Dash look-alikes typed in phone numbers and postal codes (after NFKC): hyphens, minus, the long-vowel mark ー. */
const dashes = /[\u2010-\u2015\u2043\u2212\u30fc]/g;

/**
 * Excel drops leading zeros (0012 → 12) and evaluates cells starting with = + - @ when it opens a CSV. Our
 * exports therefore write such values as the formula ="0012", which Excel shows as the text 0012; the
 * importer takes the text back out, so an export re-imports unchanged whether or not Excel saved it again.
 */
export const unwrapExcelText = (raw: string): string =>
  raw.length >= 3 && raw.startsWith('="') && raw.endsWith('"') ? raw.slice(2, -1).replaceAll('""', '"') : raw;

/** A cell as the importer reads it: Excel's ="…" unwrapped, NFKC (full-width digits and letters → ASCII, half-width kana → full-width), trimmed. */
export const cleanCell = (raw: string): string => {
  const text = raw.charCodeAt(0) === 0x3d ? unwrapExcelText(raw) : raw;
  return (nonAscii.test(text) ? text.normalize('NFKC') : text).trim();
};

export const isAscii = (text: string): boolean => !nonAscii.test(text);

/** Hiragana → katakana (ふりがな → フリガナ): the two blocks are 0x60 apart. */
export const hiraganaToKatakana = (text: string): string =>
  hasHiragana.test(text) ? text.replace(hiragana, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)) : text;

export const normalizeDashes = (text: string): string => text.replace(dashes, '-');

const requiredMarker = /[(\[【](?:必須|任意|required|optional)[)\]】]/g;
const headerNoise = /[\s_\-.・:*※()[\]{}「」『』【】〔〕<>'"]/g;

/**
 * The key a header is matched by: case, spaces, full/half width, hiragana/katakana, brackets and
 * punctuation do not matter, and a （必須） marker is dropped. 「フリガナ（姓）」, 'ふりがな(姓)' and
 * 'フリガナ 姓' all give 'フリガナ姓'; 'Member_No.' and 'member no' give 'memberno'.
 */
export const headerKey = (header: string): string =>
  hiraganaToKatakana(header.normalize('NFKC').toLowerCase().replace(requiredMarker, '')).replace(headerNoise, '');

/** Length in characters as a person counts them: code points, so 𠮷 counts once. */
export const longerThan = (text: string, max: number): boolean => text.length > max && [...text].length > max;
