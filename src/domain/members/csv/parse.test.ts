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
