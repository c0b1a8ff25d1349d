import { describe, expect, it } from 'vitest';
import { decodeCsv } from './decode.js';
import { suggestMapping } from './mapping.js';
import { parseCsv } from './parse.js';
import { describeError, errorReportCsv, rejectedRowsCsv } from './report.js';
import { cp932Bytes, csvLines, utf8Bytes } from './test-fixtures.js';
import { validateRows, type MemberCsvError } from './validate.js';

const header = '組合員番号,姓,名,セイ,メイ,組合員の種類,加入日,郵便番号';
const file = csvLines(
  header,
  '0001,山田,花子,ヤマダ,ハナコ,労働者組合員,2024-04-01,150-0001',
  '0002,佐藤,太郎,sato,タロウ,労働者組合員,2024-02-30,150-0001',
  '0003,鈴木,一郎,スズキ,イチロウ,利用者組合員,2024-04-01,60001',
  '0001,田中,次郎,タナカ,ジロウ,労働者組合員,2024-04-01,',
);

const importFile = (bytes: Uint8Array) => {
  const { text, encoding } = decodeCsv(bytes);
  const { headers, records } = parseCsv(text);
  return { encoding, headers, records, ...validateRows(records, suggestMapping(headers), { headers }) };
};

const table = (bytes: Uint8Array) => parseCsv(decodeCsv(bytes).text);

describe('errorReportCsv', () => {
  const { errors } = importFile(cp932Bytes(file));

  it('lists every error with row, column, a Japanese sentence, the value and the code', () => {
    const { bytes, unencodable } = errorReportCsv(errors, { encoding: 'cp932', locale: 'ja' });
    expect(unencodable).toEqual([]);
    expect(decodeCsv(bytes).encoding).toBe('cp932');
    expect(table(bytes)).toEqual({
      headers: ['行', '列', '理由', '値', 'コード'],
      records: [
        ['3', 'セイ', 'カタカナで入力してください（ひらがな・半角カナも可）。', 'sato', 'invalid_kana'],
        ['3', '加入日', '日付として読めません。2024-04-01、2024/4/1、令和6年4月1日 のように入力してください。', '2024-02-30', 'invalid_date'],
        ['4', '郵便番号', '郵便番号は7桁の数字で入力してください（例: 123-4567）。Excel で先頭の0が消えていないか確認してください。', '60001', 'invalid_postal_code'],
        // The value keeps its leading zeros in Excel: written as ="0001".
        ['5', '組合員番号', 'この組合員番号は2行目と重複しています。', '="0001"', 'duplicate_in_file'],
      ],
    });
  });

  it('speaks English when asked, in UTF-8 with a BOM', () => {
    const { bytes } = errorReportCsv(errors, { encoding: 'utf-8', locale: 'en' });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { headers, records } = table(bytes);
    expect(headers).toEqual(['line', 'column', 'reason', 'value', 'code']);
    expect(records.map((r) => r[2])).toEqual([
      'Write it in katakana (hiragana and half-width kana are accepted).',
      'Not a date: write it like 2024-04-01, 2024/4/1 or 令和6年4月1日.',
      'A postal code has 7 digits (like 123-4567). Check that Excel did not drop a leading 0.',
      'This member number is already used on row 2.',
    ]);
  });

  it('describes every code validation produces, and shows a code it does not know as is', () => {
    const codes = ['required', 'too_long', 'invalid_kana', 'invalid_date', 'invalid_email', 'invalid_phone', 'invalid_postal_code', 'unknown_prefecture',
      'invalid_boolean', 'contract_end_before_start', 'duplicate_in_file', 'wrong_column_count', 'unknown_kind'];
    for (const locale of ['ja', 'en'] as const) {
      for (const code of codes) {
        const sentence = describeError({ line: 2, column: '姓', field: 'familyName', code, value: '' }, locale);
        expect(sentence).not.toBe(code);
      }
    }
    expect(describeError({ line: 2, column: '', field: null, code: 'something_new', value: '' }, 'ja')).toBe('something_new');
    expect(describeError({ line: 2, column: '姓', field: 'familyName', code: 'too_long', value: '' }, 'ja')).toBe('50文字以内にしてください。');
    const ragged: MemberCsvError = { line: 7, column: '', field: null, code: 'wrong_column_count', value: '9', expectedColumns: 8 };
    expect(describeError(ragged, 'en')).toBe('This row has 9 cells, the header 8. Put values that contain commas in double quotes.');
  });
});

describe('rejectedRowsCsv', () => {
  it('hands back the bad rows under the original header with what to fix; fixed, they import', () => {
    for (const encoding of ['utf-8', 'cp932'] as const) {
      const bytes = encoding === 'cp932' ? cp932Bytes(file) : utf8Bytes(file, true);
      const first = importFile(bytes);
      expect(first.encoding).toBe(encoding);
      const rejected = rejectedRowsCsv(
        { headers: first.headers, records: first.records, errors: first.errors, mapping: suggestMapping(first.headers) },
        { encoding, locale: 'ja' },
      );
      expect(rejected.unencodable).toEqual([]);

      const back = table(rejected.bytes);
      expect(back.headers).toEqual([...header.split(','), 'エラー']);
      expect(back.records.map((r) => r.slice(0, 8))).toEqual([
        ['="0002"', '佐藤', '太郎', 'sato', 'タロウ', '労働者組合員', '2024-02-30', '150-0001'],
        ['="0003"', '鈴木', '一郎', 'スズキ', 'イチロウ', '利用者組合員', '2024-04-01', '60001'],
        ['="0001"', '田中', '次郎', 'タナカ', 'ジロウ', '労働者組合員', '2024-04-01', ''],
      ]);
      expect(back.records[0]?.[8]).toBe(
        'セイ: カタカナで入力してください（ひらがな・半角カナも可）。 ／ 加入日: 日付として読めません。2024-04-01、2024/4/1、令和6年4月1日 のように入力してください。',
      );

      // The user fixes the cells in Excel and imports the same file again; the エラー column maps to nothing.
      const fixed = back.records.map((r) => [...r]);
      fixed[0]?.splice(3, 1, 'サトウ');
      fixed[0]?.splice(6, 1, '2024-03-01');
      fixed[1]?.splice(7, 1, '060-0001');
      fixed[2]?.splice(0, 1, '0004');
      const csv = csvLines(back.headers.join(','), ...fixed.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')));
      const again = importFile(utf8Bytes(csv));
      expect(again.errors).toEqual([]);
      expect(again.rows.map((r) => [r.row.memberNumber, r.row.familyKana, r.row.admittedOn, r.row.postalCode])).toEqual([
        ['0002', 'サトウ', '2024-03-01', '1500001'],
        ['0003', 'スズキ', '2024-04-01', '0600001'],
        ['0004', 'タナカ', '2024-04-01', null],
      ]);
    }
  });

  it('keeps the extra cells of a ragged row after the errors column, and pads short rows', () => {
    const text = csvLines('組合員番号,姓,名,セイ,メイ,組合員の種類,加入日', '1,山田,花子,ヤマダ,ハナコ,worker,2024-04-01,東京都, 渋谷区', '2,佐藤');
    const { headers, records, errors } = importFile(utf8Bytes(text));
    const { records: back } = table(rejectedRowsCsv({ headers, records, errors }, { encoding: 'utf-8', locale: 'en' }).bytes);
    expect(back[0]).toEqual(['1', '山田', '花子', 'ヤマダ', 'ハナコ', 'worker', '2024-04-01', 'This row has 9 cells, the header 7. Put values that contain commas in double quotes.', '東京都', ' 渋谷区']);
    expect(back[1]).toEqual(['2', '佐藤', '', '', '', '', '', 'This row has 2 cells, the header 7. Put values that contain commas in double quotes.']);
  });
});
