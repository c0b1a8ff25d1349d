import { describe, expect, it } from 'vitest';
import { decodeCsv, type CsvEncoding } from './decode.js';
import { membersCsv } from './export.js';
import { suggestMapping } from './mapping.js';
import { parseCsv } from './parse.js';
import { buildMemberRow } from './test-fixtures.js';
import { validateRows } from './validate.js';

/** The bench's file size. The rate is printed, not asserted: a shared CI machine's speed varies. */
const rowCount = 64_626;

const kanaNames = ['ヤマダ', 'サトウ', 'スズキ', 'タカハシ', 'タナカ'];
const names = ['山田', '佐藤', '鈴木', '髙橋', '田中'];

const generatedRows = Array.from({ length: rowCount }, (_, i) =>
  buildMemberRow({
    memberNumber: String(i + 1).padStart(6, '0'),
    familyName: names[i % 5] ?? '山田',
    familyKana: kanaNames[i % 5] ?? 'ヤマダ',
    kind: i % 3 === 0 ? 'user' : 'worker',
    postalCode: String(1000000 + (i % 8999999)).padStart(7, '0'),
    prefectureCode: String((i % 47) + 1).padStart(2, '0'),
    engagedInWork: i % 2 === 0,
  }),
);

describe('import throughput', () => {
  it.each<CsvEncoding>(['cp932', 'utf-8'])(`decodes, parses and validates ${rowCount} rows of %s`, (encoding) => {
    const { bytes } = membersCsv(generatedRows, { encoding, locale: 'ja' });
    const started = performance.now();
    const { text } = decodeCsv(bytes);
    const decoded = performance.now();
    const { headers, records } = parseCsv(text);
    const parsed = performance.now();
    const { rows, errors } = validateRows(records, suggestMapping(headers), { headers });
    const validated = performance.now();
    const rate = (ms: number) => Math.round((rowCount / ms) * 1000).toLocaleString('en');
    console.log(
      `${encoding}: ${(bytes.length / 2 ** 20).toFixed(1)} MiB, decode ${(decoded - started).toFixed(0)} ms, parse ${(parsed - decoded).toFixed(0)} ms, ` +
        `validate ${(validated - parsed).toFixed(0)} ms (${rate(validated - parsed)} rows/s); decode+parse+validate ${rate(validated - started)} rows/s`,
    );
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(rowCount);
  });
});
