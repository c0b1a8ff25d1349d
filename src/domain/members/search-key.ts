import { toHiragana, toRomaji } from 'wanakana';

/**
 * Search tokens for a person: names as written, kana (katakana, hiragana and half-width all alike) and their romaji,
 * so 「やまだ」, 「ヤマダ」, 「ﾔﾏﾀﾞ」, "yamada" and "Yamada" all find 山田 (ヤマダ). Long vowels are folded in romaji
 * ("ohno", "ono", "oono" are one name), since people type Japanese names in Latin letters in several ways.
 */
export function normalizeForSearch(text: string): string {
  // Printable ASCII without spaces (member numbers, romaji): NFKC and kana conversion leave it as it is. Member
  // numbers are unique, so memoizing them would only crowd the names out of the cache.
  if (printableAscii.test(text)) return text.toLowerCase();
  return memo(normalized, text, () => toHiragana(text.normalize('NFKC').toLowerCase().replace(/[\s\u3000・･]/g, ''), { passRomaji: true }));
}

const printableAscii = /^[\x21-\x7e]*$/;

/**
 * Names repeat a great deal (a registry of 65,000 people holds a few thousand distinct names), and kana to
 * romaji is the costly step of an import: each distinct string is converted once.
 */
const normalized = new Map<string, string>();
const romanized = new Map<string, string>();
function memo(cache: Map<string, string>, key: string, compute: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= 100_000) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** Folds the ways long vowels are written in romaji: ou/oo/oh → o, uu → u, ei stays. */
export function foldRomaji(romaji: string): string {
  return romaji.replace(/o[uoh](?![aiueo])/g, 'o').replace(/uu/g, 'u').replace(/aa/g, 'a').replace(/ii/g, 'i');
}

export interface NameParts {
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
}

/**
 * Every token a search may start with; a query matches a person when it is the prefix of one of them. The full
 * name (family then given) also serves searches for the family name alone, which is its prefix.
 */
export function searchTokens(person: NameParts, memberNumber: string | null): string[] {
  // Written names, kana, romaji, the member number: each distinct non-empty token once, in that order. An import
  // calls this for every row, so it builds no arrays or sets on the way.
  const tokens: string[] = [];
  addToken(tokens, normalizeForSearch(person.givenName));
  addToken(tokens, normalizeForSearch(person.familyName + person.givenName));
  const givenKana = normalizeForSearch(person.givenKana);
  const fullKana = normalizeForSearch(person.familyKana + person.givenKana);
  addToken(tokens, givenKana);
  addToken(tokens, fullKana);
  addToken(tokens, romanize(givenKana));
  addToken(tokens, romanize(fullKana));
  if (memberNumber) addToken(tokens, normalizeForSearch(memberNumber));
  return tokens;
}

const addToken = (tokens: string[], token: string): void => {
  if (token.length > 0 && !tokens.includes(token)) tokens.push(token);
};

const romanize = (kana: string): string => memo(romanized, kana, () => foldRomaji(toRomaji(kana)));

/** The query as it is compared with tokens: normalized, and in folded romaji when typed in Latin letters. */
export function searchQueryKey(query: string): string {
  const normalized = normalizeForSearch(query);
  return /^[a-z]+$/.test(normalized) ? foldRomaji(normalized) : normalized;
}
