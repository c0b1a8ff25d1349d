import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { describeWorkError, workErrorReportCsv } from './work-csv-report.js';
import type { WorkCsvError } from './work-csv.js';

const errors: WorkCsvError[] = [
  { line: 3, column: '組合員番号', field: 'memberNumber', code: 'unknown_member', value: '0099' },
  { line: 4, column: '時間', field: 'hours', code: 'day_over_24_hours', value: '1500' },
  { line: 5, column: '組合員番号', field: 'memberNumber', code: 'duplicate_in_file', value: '0001', firstLine: 2 },
];

describe('the error report of a refused time-clock file', () => {
  it('says what is wrong in Japanese or English', () => {
    expect(describeWorkError(errors[1]!, 'ja')).toBe('この人のこの日の就労時間が合計1500分になり、24時間を超えます。');
    expect(describeWorkError(errors[2]!, 'en')).toBe('Row 2 has the same person, day, site and business line.');
    expect(describeWorkError({ ...errors[0]!, code: 'something_new' }, 'en')).toBe('something_new');
  });

  it('is a CSV for Excel, keeping the leading zeros of member numbers, in UTF-8 with BOM or CP932', () => {
    const utf8 = workErrorReportCsv(errors, { encoding: 'utf-8', locale: 'ja' });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(utf8.bytes);
    expect(text.startsWith('\ufeff行,列,理由,値,コード\r\n')).toBe(true);
    expect(text).toContain('3,組合員番号,この組合員番号の組合員はいません。,"=""0099""",unknown_member');
    const cp932 = workErrorReportCsv(errors, { encoding: 'cp932', locale: 'en' });
    expect(iconv.decode(Buffer.from(cp932.bytes), 'cp932').split('\r\n')[0]).toBe('line,column,reason,value,code');
  });
});
