import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/errors.js';
import { parseDate } from './dates.js';
import { decodeCsv } from './decode.js';
import { suggestMapping } from './mapping.js';
import type { MemberImportRow } from './member-row.js';
import { parseCsv } from './parse.js';
import { prefectureCodeOf } from './prefecture-lookup.js';
import { buildMemberRow, cp932Bytes, csvLines, enHeader, jaHeader, utf8Bytes } from './test-fixtures.js';
import { validateRows, validateRowsInSteps } from './validate.js';

/** decode → parse → suggested mapping → validate, as an import does. */
const importBytes = (bytes: Uint8Array, defaultKind?: string) => {
  const { text } = decodeCsv(bytes);
  const { headers, records } = parseCsv(text);
  return validateRows(records, suggestMapping(headers), { headers, firstDataRow: 2, defaultKind });
};
const importText = (text: string) => importBytes(utf8Bytes(text));

/** A Japanese-header row with every column; override cells by field name. */
const jaLine = (cells: Partial<Record<keyof MemberImportRow, string>> = {}): string => {
  const base: Record<keyof MemberImportRow, string> = {
    memberNumber: '0001', familyName: '山田', givenName: '花子', familyKana: 'ヤマダ', givenKana: 'ハナコ', kind: '労働者組合員',
    admittedOn: '2024-04-01', birthDate: '1985-06-15', email: 'hanako@example.jp', phone: '090-1234-5678', postalCode: '150-0001',
    prefectureCode: '東京都', address: '渋谷区神宮前1-2-3 協同ビル5F', engagedInWork: 'はい', labourContractFrom: '2024-04-01', labourContractUntil: '',
  };
  return Object.values({ ...base, ...cells }).join(',');
};

describe('validateRows', () => {
  it('reads a CP932 file from Japanese Excel: kanji, half-width katakana, hiragana kana, full-width digits, era dates', () => {
    const text = csvLines(
      jaHeader,
      '０００１,髙橋,﨑子,ﾀｶﾊｼ,さきこ,労働者組合員,令和６年４月１日,昭和60年6月15日,ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ,０９０－１２３４－５６７８,〒１５０－０００１,東京,渋谷区神宮前１－２－３,○,R6.4.1,R7/3/31',
      '0002,佐藤,太郎,サトウ,タロウ,利用者組合員,2024/4/1,,,,,Osaka,,×,,',
    );
    const { rows, errors } = importBytes(cp932Bytes(text));
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        row: {
          memberNumber: '0001', familyName: '髙橋', givenName: '﨑子', familyKana: 'タカハシ', givenKana: 'サキコ', kind: 'worker',
          admittedOn: '2024-04-01', birthDate: '1985-06-15', email: 'hanako@example.jp', phone: '090-1234-5678', postalCode: '1500001',
          prefectureCode: '13', address: '渋谷区神宮前1-2-3', engagedInWork: true, labourContractFrom: '2024-04-01', labourContractUntil: '2025-03-31',
        },
      },
      {
        line: 3,
        row: buildMemberRow({
          memberNumber: '0002', familyName: '佐藤', givenName: '太郎', familyKana: 'サトウ', givenKana: 'タロウ', kind: 'user', birthDate: null,
          email: null, phone: null, postalCode: null, prefectureCode: '27', address: null, engagedInWork: false, labourContractFrom: null,
        }),
      },
    ]);
  });

  it('reads English headers and values, with or without a BOM', () => {
    const text = csvLines(enHeader, 'M-7,Smith,Anna,スミス,アンナ,worker,2024-04-01,,anna@example.org,+81 90 1234 5678,1000001,Tokyo,"Chiyoda, 1-1",yes,,');
    for (const bom of [false, true]) {
      const { rows, errors } = importBytes(utf8Bytes(text, bom));
      expect(errors).toEqual([]);
      expect(rows[0]?.row).toMatchObject({ memberNumber: 'M-7', kind: 'worker', phone: '+81 90 1234 5678', prefectureCode: '13', address: 'Chiyoda, 1-1', engagedInWork: true });
    }
  });

  it('lists every error of a bad row in the middle with row, column (as headed in the file), field, code and value', () => {
    const text = csvLines(
      jaHeader,
      jaLine({ memberNumber: '1' }),
      jaLine({ memberNumber: '2' }),
      jaLine({
        memberNumber: '3', familyName: '', familyKana: 'yamada', admittedOn: '2024-02-30', birthDate: '令和1年4月1日', email: 'hanako@',
        phone: '090-12', postalCode: '123456', prefectureCode: '東京府', engagedInWork: 'たぶん', labourContractFrom: '2024-04-01', labourContractUntil: '2024-03-31',
      }),
      jaLine({ memberNumber: '4' }),
    );
    const { rows, errors } = importText(text);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5]);
    expect(errors).toEqual([
      { line: 4, column: '姓', field: 'familyName', code: 'required', value: '' },
      { line: 4, column: 'セイ', field: 'familyKana', code: 'invalid_kana', value: 'yamada' },
      { line: 4, column: '加入日', field: 'admittedOn', code: 'invalid_date', value: '2024-02-30' },
      { line: 4, column: '生年月日', field: 'birthDate', code: 'invalid_date', value: '令和1年4月1日' },
      { line: 4, column: 'メールアドレス', field: 'email', code: 'invalid_email', value: 'hanako@' },
      { line: 4, column: '電話番号', field: 'phone', code: 'invalid_phone', value: '090-12' },
      { line: 4, column: '郵便番号', field: 'postalCode', code: 'invalid_postal_code', value: '123456' },
      { line: 4, column: '都道府県', field: 'prefectureCode', code: 'unknown_prefecture', value: '東京府' },
      { line: 4, column: '従事', field: 'engagedInWork', code: 'invalid_boolean', value: 'たぶん' },
      { line: 4, column: '労働契約終了日', field: 'labourContractUntil', code: 'contract_end_before_start', value: '2024-03-31' },
    ]);
  });

  it('reports the later rows of a member number used twice, after normalising (０００１ is 0001)', () => {
    const text = csvLines(jaHeader, jaLine({ memberNumber: '0001' }), jaLine({ memberNumber: '0002' }), jaLine({ memberNumber: '０００１' }), jaLine({ memberNumber: ' 0001 ' }));
    const { rows, errors } = importText(text);
    expect(rows.map((r) => r.line)).toEqual([2, 3]);
    expect(errors).toEqual([
      { line: 4, column: '組合員番号', field: 'memberNumber', code: 'duplicate_in_file', value: '０００１', firstLine: 2 },
      { line: 5, column: '組合員番号', field: 'memberNumber', code: 'duplicate_in_file', value: ' 0001 ', firstLine: 2 },
    ]);
  });

  it('reports rows with the wrong number of cells once, and skips blank rows without a word', () => {
    const text = csvLines(jaHeader, jaLine({ memberNumber: '1' }), `${jaLine({ memberNumber: '2' })},extra`, ',,,,,,,,,,,,,,,', '3,山田', `${jaLine({ memberNumber: '4' })},,`);
    const { rows, errors } = importText(text);
    expect(rows.map((r) => r.line)).toEqual([2, 6]);
    expect(errors).toEqual([
      { line: 3, column: '', field: null, code: 'wrong_column_count', value: '17', expectedColumns: 16 },
      { line: 5, column: '', field: null, code: 'wrong_column_count', value: '2', expectedColumns: 16 },
    ]);
  });

  it('counts rows as Excel does, even when a quoted cell spans lines', () => {
    const text = csvLines(jaHeader, jaLine({ memberNumber: '1', address: '"渋谷区\n神宮前"' }), jaLine({ memberNumber: '2', familyKana: 'x' }));
    const { rows, errors } = importText(text);
    expect(rows[0]?.row.address).toBe('渋谷区\n神宮前');
    expect(errors.map((e) => e.line)).toEqual([3]);
  });

  it('gives a default kind to rows without one', () => {
    const text = csvLines('組合員番号,姓,名,セイ,メイ,加入日', '1,山田,花子,ヤマダ,ハナコ,2024-04-01');
    expect(importBytes(utf8Bytes(text), 'worker').rows[0]?.row.kind).toBe('worker');
    const withColumn = csvLines(jaHeader, jaLine({ kind: '' }), jaLine({ memberNumber: '2', kind: '賛助' }));
    expect(importBytes(utf8Bytes(withColumn), 'user').rows.map((r) => r.row.kind)).toEqual(['user', '賛助']);
    expect(importText(withColumn).errors).toEqual([{ line: 2, column: '組合員の種類', field: 'kind', code: 'required', value: '' }]);
  });

  it('unwraps the ="0012" Excel text an export writes', () => {
    const text = csvLines(jaHeader, jaLine({ memberNumber: '"=""0012"""', phone: '"=""09012345678"""' }));
    expect(importText(text).rows[0]?.row).toMatchObject({ memberNumber: '0012', phone: '09012345678' });
  });

  it('refuses a mapping without the required fields, or with a field twice', () => {
    const run = (mapping: Record<number, keyof MemberImportRow | null>) => () => validateRows([['1', '山田']], mapping, { headers: ['組合員番号', '姓'] });
    expect(run({ 0: 'memberNumber', 1: 'familyName' })).toThrow(DomainError);
    expect(run({ 0: 'memberNumber', 1: 'familyName' })).toThrow(/familyKana/);
  });

  it('checks lengths in characters, so 𠮷 counts once', () => {
    const fifty = '𠮷'.repeat(50);
    expect(importText(csvLines(jaHeader, jaLine({ familyName: fifty }))).rows[0]?.row.familyName).toBe(fifty);
    expect(importText(csvLines(jaHeader, jaLine({ familyName: `${fifty}田` }))).errors[0]?.code).toBe('too_long');
  });

  it.each([
    ['ﾔﾏﾀﾞ', 'ヤマダ'],
    ['やまだ', 'ヤマダ'],
    ['ヴァン　デル', 'ヴァン デル'],
    ['  ヤマダ  ', 'ヤマダ'],
    ['スミス・ジョーンズ', 'スミス・ジョーンズ'],
  ])('normalises the kana %s to %s', (kana, expected) => {
    expect(importText(csvLines(jaHeader, jaLine({ familyKana: kana }))).rows[0]?.row.familyKana).toBe(expected);
  });

  it.each(['山田', 'Yamada', 'ヤマダ1', '゛'])('refuses the kana %s', (kana) => {
    expect(importText(csvLines(jaHeader, jaLine({ familyKana: kana }))).errors[0]?.code).toBe('invalid_kana');
  });

  it.each([
    ['はい', true], ['Yes', true], ['TRUE', true], ['1', true], ['○', true], ['〇', true],
    ['いいえ', false], ['no', false], ['False', false], ['0', false], ['×', false], ['', null],
  ])('reads 従事 %s as %s', (cell, expected) => {
    expect(importText(csvLines(jaHeader, jaLine({ engagedInWork: cell }))).rows[0]?.row.engagedInWork).toBe(expected);
  });
});

describe('validateRowsInSteps', () => {
  it('pauses after every step of records and ends with what validateRows finds, duplicates across steps included', () => {
    // 10 records with a bad date in the 3rd and the 1st member number again in the 9th: both span the steps of 4.
    const text = [jaHeader, ...Array.from({ length: 10 }, (_, i) => jaLine({
      memberNumber: i === 8 ? '0001' : String(i + 1).padStart(4, '0'), admittedOn: i === 2 ? '2024-13-01' : '2024-04-01',
    }))].join('\r\n');
    const { headers, records } = parseCsv(decodeCsv(utf8Bytes(text)).text);
    const options = { headers, firstDataRow: 2 };
    const steps = validateRowsInSteps(records, suggestMapping(headers), options, 4);
    const paused: number[] = [];
    let next = steps.next();
    while (!next.done) {
      paused.push(next.value);
      next = steps.next();
    }
    expect(paused).toEqual([4, 8]);
    expect(next.value).toEqual(validateRows(records, suggestMapping(headers), options));
    expect(next.value.errors.map((e) => [e.line, e.code])).toEqual([[4, 'invalid_date'], [10, 'duplicate_in_file']]);
    expect(next.value.rows).toHaveLength(8);
  });
});

describe('parseDate', () => {
  it.each([
    ['2024-04-01', '2024-04-01'],
    ['2024/4/1', '2024-04-01'],
    ['2024.4.1', '2024-04-01'],
    ['2024年4月1日', '2024-04-01'],
    ['2024 年 4 月 1 日', '2024-04-01'],
    ['20240401', '2024-04-01'],
    ['2024/4/1 0:00', '2024-04-01'],
    ['令和6年4月1日', '2024-04-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['令和元年5月1日', '2019-05-01'],
    ['R6.4.1', '2024-04-01'],
    ['r6.4.1', '2024-04-01'],
    ['H31.4.1', '2019-04-01'],
    ['S64.1.7', '1989-01-07'],
    ['平成元年1月8日', '1989-01-08'],
    ['昭和60年6月15日', '1985-06-15'],
    ['大正15年12月24日', '1926-12-24'],
    ['平成31年5月1日', '2019-05-01'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseDate(text.normalize('NFKC'))).toBe(expected);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '24/4/1', '令和1年4月1日', '令和0年5月1日', '平成1年1月7日', '明治5年1月1日', '0024-01-01', 'yesterday', '2024-04-01x'])(
    'refuses %s',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );

  it('reads the full-width and one-character era forms after NFKC', () => {
    expect(parseDate('㋿６年４月１日'.normalize('NFKC'))).toBe('2024-04-01');
    expect(parseDate('㍻31年4月30日'.normalize('NFKC'))).toBe('2019-04-30');
  });
});

describe('prefectureCodeOf', () => {
  it.each([
    ['東京都', '13'], ['東京', '13'], ['Tokyo', '13'], ['tokyo', '13'], ['Tōkyō', '13'], ['Toukyou', '13'], ['Tokyo-to', '13'],
    ['13', '13'], ['1', '01'], ['01', '01'], ['北海道', '01'], ['Hokkaido', '01'], ['京都府', '26'], ['京都', '26'], ['Kyoto Prefecture', '26'],
    ['Ōita', '44'], ['Osaka-fu', '27'], ['神奈川', '14'], ['沖縄県', '47'],
  ])('reads %s as %s', (text, code) => {
    expect(prefectureCodeOf(text)).toBe(code);
  });

  it.each(['東京府', '48', '0', '北海', 'Edo', ''])('does not know %s', (text) => {
    expect(prefectureCodeOf(text)).toBeNull();
  });
});
