import iconv from 'iconv-lite';
import { familyNames, givenNames, prefecturalCapitals } from '../src/domain/demo/japanese-names.js';
import { jaHeader } from '../src/domain/members/csv/test-fixtures.js';
import { prefectures } from '../src/domain/organizations/prefectures.js';

/** JWCU's membership in March 2017 (the seed): 13,420 worker members and 51,206 older persons' co-op members. */
export const seedMemberCount = 64_626;
const workerShare = 13_420 / seedMemberCount;

/**
 * The import file's columns as a table of similar width would hold them, in the file's column order: what the
 * baseline inserts. Values are the normalised ones the importer derives (ISO dates, seven-digit postal codes,
 * prefecture codes, 1/0 for 従事).
 */
export const memberColumns = [
  'member_number', 'family_name', 'given_name', 'family_kana', 'given_kana', 'kind', 'admitted_on', 'birth_date', 'email', 'phone',
  'postal_code', 'prefecture_code', 'address', 'engaged_in_work', 'labour_contract_from', 'labour_contract_until',
] as const;

export type MemberValues = (string | number | null)[];

export interface MemberFile {
  /** The CSV as Excel on Japanese Windows saves it: CP932 (Shift_JIS), CRLF line ends, no BOM. */
  bytes: Uint8Array<ArrayBuffer>;
  /** The same members already parsed and normalised, one array per row in `memberColumns` order. */
  rows: MemberValues[];
  workers: number;
}

/** A small deterministic generator (mulberry32), so every run imports the same file. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, int, pick };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * A member list as a co-operative keeps it in Excel and saves it as CSV: the importer's Japanese header
 * (組合員番号,姓,名,セイ,メイ,組合員の種類,加入日,…), names with their readings, dates as Excel writes them
 * (2015/4/1), the kind in words (労働者組合員, 利用者組合員), postal codes with a hyphen, prefectures by name,
 * 従事 as ○, optional cells left empty. Worker and user members in the seed's proportion.
 */
export function buildMemberFile(count: number, seed = 2017): MemberFile {
  const rng = random(seed);
  const lines: string[] = [jaHeader];
  const rows: MemberValues[] = [];
  let workers = 0;
  let users = 0;
  for (let i = 0; i < count; i++) {
    const worker = rng.next() < workerShare;
    const number = worker ? `W${pad((workers += 1), 6)}` : `U${pad((users += 1), 6)}`;
    const [familyName, familyKana] = rng.pick(familyNames);
    const [givenName, givenKana] = rng.pick(givenNames);
    const admitted = [rng.int(1990, 2024), rng.int(1, 12), 1] as const;
    const birth = rng.next() < 0.95 ? [worker ? rng.int(1950, 2004) : rng.int(1925, 1955), rng.int(1, 12), rng.int(1, 28)] as const : null;
    const email = rng.next() < 0.4 ? `member${number.toLowerCase()}@example.jp` : null;
    const phone = rng.next() < 0.7 ? `${rng.pick(['090', '080', '070'])}-${pad(rng.int(0, 9999), 4)}-${pad(rng.int(0, 9999), 4)}` : null;
    const prefecture = prefectures[rng.next() < 0.3 ? 12 : rng.int(0, prefectures.length - 1)]!;
    const postal = `${pad(rng.int(0, 999), 3)}${pad(rng.int(0, 9999), 4)}`;
    const building = rng.next() < 0.25 ? ` ${rng.pick(['コーポ', 'ハイツ', 'メゾン'])}${rng.pick(familyNames)[0]}${rng.int(1, 5)}0${rng.int(1, 9)}` : '';
    const address = `${prefecturalCapitals[Number(prefecture.code) - 1]}${rng.pick(['本町', '中央', '栄町', '緑町', '旭町'])}${rng.int(1, 9)}丁目${rng.int(1, 30)}-${rng.int(1, 20)}${building}`;
    const engaged = worker && rng.next() < 0.93;
    const contractEnd = engaged && rng.next() < 0.05 ? [admitted[0] + rng.int(1, 5), 3, 31] as const : null;

    const excelDate = (d: readonly [number, number, number] | null): string => (d ? `${d[0]}/${d[1]}/${d[2]}` : '');
    const isoDate = (d: readonly [number, number, number] | null): string | null => (d ? `${d[0]}-${pad(d[1])}-${pad(d[2])}` : null);
    lines.push([
      number, familyName, givenName, familyKana, givenKana, worker ? '労働者組合員' : '利用者組合員', excelDate(admitted), excelDate(birth), email ?? '',
      phone ?? '', `${postal.slice(0, 3)}-${postal.slice(3)}`, prefecture.nameJa, address, engaged ? '○' : '', engaged ? excelDate(admitted) : '',
      excelDate(contractEnd),
    ].join(','));
    rows.push([
      number, familyName, givenName, familyKana, givenKana, worker ? 'worker' : 'user', isoDate(admitted), isoDate(birth), email, phone,
      postal, prefecture.code, address, engaged ? 1 : null, engaged ? isoDate(admitted) : null, isoDate(contractEnd),
    ]);
  }
  const text = `${lines.join('\r\n')}\r\n`;
  const bytes = new Uint8Array(iconv.encode(text, 'cp932'));
  // iconv-lite writes '?' for what CP932 cannot hold: the file must say exactly what the baseline inserts.
  if (iconv.decode(Buffer.from(bytes.buffer), 'cp932') !== text) throw new Error('the generated member file does not round-trip through CP932');
  return { bytes, rows, workers };
}
