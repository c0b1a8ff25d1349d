import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.js';
import { parseCsv } from './parse.js';
import { csvLines } from './test-fixtures.js';

const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('parseCsv', () => {
  it('reads quoted cells holding commas, quotes and line breaks, with CRLF or LF', () => {
    const text = 'a,b,c\r\n"東京都, 渋谷区","say ""hi""","line 1\nline 2"\r\n1,2,3\n';
    expect(parseCsv(text)).toEqual({
      headers: ['a', 'b', 'c'],
      records: [
        ['東京都, 渋谷区', 'say "hi"', 'line 1\nline 2'],
        ['1', '2', '3'],
      ],
    });
  });

  it('keeps one record per spreadsheet row: blank rows inside stay, blank rows at the end go', () => {
    const { records } = parseCsv(csvLines('a,b', '1,2', '', ',', '3,4', '', ',', '  ,  ', ''));
    expect(records).toEqual([['1', '2'], [''], ['', ''], ['3', '4']]);
  });

  it('returns ragged rows as they are, for validation to report', () => {
    expect(parseCsv(csvLines('a,b,c', '1,2', '1,2,3,4')).records).toEqual([['1', '2'], ['1', '2', '3', '4']]);
  });

  it('keeps a stray quote inside an unquoted cell', () => {
    expect(parseCsv(csvLines('a,b', '5" disk,x')).records).toEqual([['5" disk', 'x']]);
  });

  it.each([
    ['an empty file', ''],
    ['blank lines only', '\r\n\r\n  \r\n'],
    ['a header alone', csvLines('組合員番号,姓,名')],
    ['a header and blank rows', csvLines('組合員番号,姓,名', ',,', '')],
  ])('refuses %s as empty_file', (_name, text) => {
    expect(codeOf(() => parseCsv(text))).toBe('empty_file');
  });

  it.each([
    ['HTML', '<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>'],
    ['Excel XML', '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'],
    ['JSON', '[{"memberNumber": "1", "familyName": "山田"},\n {"memberNumber": "2", "familyName": "佐藤"}]'],
    ['a JSON object', '{\n  "members": []\n}\n'],
    ['one column of text', 'xK3jd93kdlsa\nqpowieur0923\nzmxncbv\n'],
  ])('refuses %s as not_csv', (_name, text) => {
    expect(codeOf(() => parseCsv(text))).toBe('not_csv');
  });

  it('refuses a quote that never closes as malformed_csv', () => {
    expect(codeOf(() => parseCsv('a,b\r\n"1,2\r\n3,4\r\n'))).toBe('malformed_csv');
  });
});

/** csv-parse, the well-kept library, as the oracle for the hand-written reader (which is ten times faster). */
const oracle = (text: string): string[][] =>
  parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });

describe('parseCsv against csv-parse', () => {
  const cell = fc.array(fc.constantFrom('a', 'Z', '9', 'あ', '髙', ' ', ',', '"', '\n', '\r\n', '𠮷'), { maxLength: 6 }).map((a) => a.join(''));
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 8 });

  it('reads any table csv-stringify writes as csv-parse does, with CRLF or LF line ends', () => {
    fc.assert(
      fc.property(table, fc.constantFrom<'windows' | 'unix'>('windows', 'unix'), (rows, delimiter) => {
        const text = stringify([['h1', 'h2'], ...rows, ['end', 'end']], { record_delimiter: delimiter, quoted_match: /[\r\n]/ });
        expect(parseCsv(text).records).toEqual(oracle(text).slice(1));
      }),
      { numRuns: 500 },
    );
  });

  it('reads unquoted text with mixed line ends and stray quotes inside cells as csv-parse does', () => {
    const raw = fc.array(fc.constantFrom('a', 'あ', ' ', ',', '\n', '\r\n', '\r', 'b"c'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(raw, (body) => {
        const text = `h1,h2\r\n${body}\r\nend,end`;
        expect(parseCsv(text).records).toEqual(oracle(text).slice(1));
      }),
      { numRuns: 500 },
    );
  });
});
