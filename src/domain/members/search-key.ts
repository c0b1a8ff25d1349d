import { toHiragana, toRomaji } from 'wanakana';

/**
 * Search tokens for a person: names as written, kana (katakana, hiragana and half-width all alike) and their romaji,
 * so 「やまだ」, 「ヤマダ」, 「ﾔﾏﾀﾞ」, "yamada" and "Yamada" all find 山田 (ヤマダ). Long vowels are folded in romaji
 * ("ohno", "ono", "oono" are one name), since people type Japanese names in Latin letters in several ways.
 */
export function normalizeForSearch(text: string): string {
  return toHiragana(text.normalize('NFKC').toLowerCase().replace(/[\s\u3000・･]/g, ''), { passRomaji: true });
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

/** Every token a search may start with; a query matches a person when it is the prefix of one of them. */
export function searchTokens(person: NameParts, memberNumber: string | null): string[] {
  const written = [person.familyName, person.givenName, person.familyName + person.givenName].map(normalizeForSearch);
  const kana = [person.familyKana, person.givenKana, person.familyKana + person.givenKana].map(normalizeForSearch);
  const romaji = kana.map((k) => foldRomaji(toRomaji(k)));
  const tokens = [...written, ...kana, ...romaji, ...(memberNumber ? [normalizeForSearch(memberNumber)] : [])];
  return [...new Set(tokens.filter((t) => t.length > 0))];
}

/** The query as it is compared with tokens: normalized, and in folded romaji when typed in Latin letters. */
export function searchQueryKey(query: string): string {
  const normalized = normalizeForSearch(query);
  return /^[a-z]+$/.test(normalized) ? foldRomaji(normalized) : normalized;
}
