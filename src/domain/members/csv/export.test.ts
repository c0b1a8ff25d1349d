import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prefectureCodes } from '../../organizations/prefectures.js';
import { decodeCsv, type CsvEncoding } from './decode.js';
import { membersCsv, type CsvLocale } from './export.js';
import { suggestMapping } from './mapping.js';
import type { MemberImportRow } from './member-row.js';
import { parseCsv } from './parse.js';
import { buildMemberRow, enHeader, jaHeader } from './test-fixtures.js';
import { validateRows } from './validate.js';

/** decode → parse → suggested mapping → validate, as an import of the exported file does. */
const reimport = (bytes: Uint8Array, encoding: CsvEncoding) => {
  const decoded = decodeCsv(bytes);
  expect(decoded.encoding).toBe(encoding);
  const { headers, records } = parseCsv(decoded.text);
  return validateRows(records, suggestMapping(headers), { headers });
};

const textOf = (bytes: Uint8Array): string => decodeCsv(bytes).text;

const combinations: [CsvEncoding, CsvLocale][] = [['utf-8', 'ja'], ['utf-8', 'en'], ['cp932', 'ja'], ['cp932', 'en']];

const sampleRows: MemberImportRow[] = [
  buildMemberRow(),
  buildMemberRow({
    memberNumber: '0002', familyName: '髙橋', givenName: '﨑子', familyKana: 'タカハシ', givenKana: 'サキコ', kind: 'user', birthDate: null,
    email: null, phone: '0312345678', postalCode: '0600001', prefectureCode: '01', address: '札幌市中央区北1条西2丁目, "時計台"\n2階',
    engagedInWork: false, labourContractFrom: null,
  }),
  buildMemberRow({ memberNumber: '3', kind: '賛助', phone: null, postalCode: null, prefectureCode: null, address: null, engagedInWork: null, labourContractUntil: '2025-03-31' }),
];

describe('membersCsv', () => {
  it('writes UTF-8 with a BOM and CP932 without, CRLF line ends, and the headers the importer reads', () => {
    const utf8 = membersCsv(sampleRows, { encoding: 'utf-8', locale: 'ja' }).bytes;
    expect([...utf8.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const cp932 = membersCsv(sampleRows, { encoding: 'cp932', locale: 'en' }).bytes;
    expect(cp932[0]).toBe(enHeader.charCodeAt(0));
    for (const [bytes, header] of [[utf8, jaHeader], [cp932, enHeader]] as const) {
      const text = textOf(bytes);
      expect(text.startsWith(`${header}\r\n`)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replaceAll('\r\n', '').includes('\r')).toBe(false);
    }
  });

  it('writes codes Excel would mangle (leading zeros, long numbers) and formula-like text as ="…" text', () => {
    const rows = [buildMemberRow({ memberNumber: '0012', familyName: '=HYPERLINK("http://evil.example","click")', phone: '09012345678', postalCode: '0600001' })];
    const text = textOf(membersCsv(rows, { encoding: 'utf-8', locale: 'ja' }).bytes);
    const line = text.split('\r\n')[1] ?? '';
    expect(line.startsWith('"=""0012""","=""=HYPERLINK(""""http://evil.example"""",""""click"""")"""')).toBe(true);
    expect(line).toContain('"=""09012345678"""');
    // A hyphenated postal code stays text in Excel and keeps its leading zero.
    expect(line).toContain(',060-0001,');
    expect(reimport(membersCsv(rows, { encoding: 'utf-8', locale: 'ja' }).bytes, 'utf-8').rows[0]?.row).toEqual(rows[0]);
  });

  it.each(combinations)('round-trips through %s with %s headers: export → decode → parse → validate gives the rows back', (encoding, locale) => {
    const { bytes, unencodable } = membersCsv(sampleRows, { encoding, locale });
    expect(unencodable).toEqual([]);
    const { rows, errors } = reimport(bytes, encoding);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual(sampleRows);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('reports characters CP932 cannot hold, writes 〓 for them rather than ?, and keeps them in UTF-8', () => {
    const rows = [buildMemberRow({ familyName: '𠮷田' }), buildMemberRow({ memberNumber: '0002', address: '渋谷区 😀 ビル' })];
    const cp932 = membersCsv(rows, { encoding: 'cp932', locale: 'ja' });
    expect(cp932.unencodable).toEqual([
      { line: 2, column: '姓', char: '𠮷' },
      { line: 3, column: '住所', char: '😀' },
    ]);
    const text = textOf(cp932.bytes);
    expect(text).toContain(',〓田,');
    expect(text).toContain('渋谷区 〓 ビル');
    expect(text).not.toContain('?');

    const utf8 = membersCsv(rows, { encoding: 'utf-8', locale: 'ja' });
    expect(utf8.unencodable).toEqual([]);
    expect(reimport(utf8.bytes, 'utf-8').rows.map((r) => r.row)).toEqual(rows);
  });

  it('writes the Mac/JIS forms of 〜 and − as their CP932 look-alikes instead of reporting them', () => {
    const { bytes, unencodable } = membersCsv([buildMemberRow({ address: '1〜3番地 A−1' })], { encoding: 'cp932', locale: 'ja' });
    expect(unencodable).toEqual([]);
    expect(textOf(bytes)).toContain('1～3番地 A－1');
  });
});

// Valid rows as the importer returns them: NFKC-stable, trimmed, kana in single-spaced words.
const chars = (pool: string, min: number, max: number) =>
  fc.array(fc.constantFrom(...pool), { minLength: min, maxLength: max }).map((a) => a.join(''));
const trimmedText = (pool: string, max: number) =>
  chars(pool, 1, max)
    .map((text) => text.trim())
    .filter((text) => text !== '');
const cp932NamePool = '山田佐藤鈴木髙橋﨑花子太郎あいうアイウabcXYZ =+-@",\'';
const unicodeNamePool = `${cp932NamePool}𠮷😀`;
const katakanaWord = chars('アイウエオカガキクサシスタチツテトナニハバパマヤユヨラリルレロワヲンヴャュョッー', 1, 8);
const kana = fc.array(katakanaWord, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const orNull = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const memberRow = (namePool: string): fc.Arbitrary<MemberImportRow> =>
  fc
    .record({
      memberNumber: fc.stringMatching(/^[0-9A-Z][0-9A-Z-]{0,9}$/),
      familyName: trimmedText(namePool, 12),
      givenName: trimmedText(namePool, 12),
      familyKana: kana,
      givenKana: kana,
      kind: fc.constantFrom('worker', 'user', '賛助', 'supporter', 'S-1'),
      admittedOn: isoDate,
      birthDate: orNull(isoDate),
      email: orNull(fc.stringMatching(/^[a-z0-9._+]{1,12}$/).map((local) => `${local}@example.jp`)),
      phone: orNull(fc.constantFrom('090-1234-5678', '09012345678', '03-1234-5678', '+81 90 1234 5678', '(03) 1234-5678')),
      postalCode: orNull(fc.stringMatching(/^\d{7}$/)),
      prefectureCode: orNull(fc.constantFrom(...prefectureCodes)),
      address: orNull(trimmedText(`${namePool}0123456789\n`, 40)),
      engagedInWork: orNull(fc.boolean()),
      contract: orNull(fc.tuple(isoDate, orNull(isoDate))),
    })
    .map(({ contract, ...row }) => {
      const [from, until] = contract ?? [null, null];
      const ordered = from !== null && until !== null && until < from ? [until, from] : [from, until];
      return { ...row, labourContractFrom: ordered[0] ?? null, labourContractUntil: ordered[1] ?? null };
    });

const memberRows = (namePool: string) =>
  fc.uniqueArray(memberRow(namePool), { minLength: 1, maxLength: 20, selector: (row) => row.memberNumber });

describe('membersCsv (property)', () => {
  it('any valid rows survive export → import unchanged, in UTF-8 and in CP932, with either locale', () => {
    fc.assert(
      fc.property(memberRows(unicodeNamePool), fc.constantFrom<CsvLocale>('ja', 'en'), (rows, locale) => {
        const { rows: back, errors } = reimport(membersCsv(rows, { encoding: 'utf-8', locale }).bytes, 'utf-8');
        expect(errors).toEqual([]);
        expect(back.map((r) => r.row)).toEqual(rows);
      }),
      { numRuns: 150 },
    );
    fc.assert(
      fc.property(memberRows(cp932NamePool), fc.constantFrom<CsvLocale>('ja', 'en'), (rows, locale) => {
        const exported = membersCsv(rows, { encoding: 'cp932', locale });
        expect(exported.unencodable).toEqual([]);
        const { rows: back, errors } = reimport(exported.bytes, 'cp932');
        expect(errors).toEqual([]);
        expect(back.map((r) => r.row)).toEqual(rows);
      }),
      { numRuns: 150 },
    );
  });
});

