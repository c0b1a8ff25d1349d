import { describe, expect, it } from 'vitest';
import { duplicateFields, fieldForHeader, missingRequired, suggestMapping } from './mapping.js';
import { memberFields } from './member-row.js';
import { enHeader, jaHeader } from './test-fixtures.js';

describe('suggestMapping', () => {
  it('maps the Japanese and English headers an export writes, in order', () => {
    const fields = memberFields.map((d) => d.field);
    expect(Object.values(suggestMapping(jaHeader.split(',')))).toEqual(fields);
    expect(Object.values(suggestMapping(enHeader.split(',')))).toEqual(fields);
  });

  it.each([
    ['会員番号', 'memberNumber'],
    ['ｶｲｲﾝ番号', null],
    ['Member_No.', 'memberNumber'],
    ['MEMBER NUMBER', 'memberNumber'],
    ['member number', 'memberNumber'],
    ['組合員番号（必須）', 'memberNumber'],
    ['氏', 'familyName'],
    ['Last Name', 'familyName'],
    ['ｆｉｒｓｔ　ｎａｍｅ', 'givenName'],
    ['フリガナ（姓）', 'familyKana'],
    ['ふりがな(姓)', 'familyKana'],
    ['ﾌﾘｶﾞﾅ 名', 'givenKana'],
    ['【セイ】', 'familyKana'],
    ['加入年月日', 'admittedOn'],
    ['Joined', 'admittedOn'],
    ['E-mail', 'email'],
    ['ＴＥＬ', 'phone'],
    ['〒', 'postalCode'],
    ['zip code', 'postalCode'],
    ['No.', null],
    ['備考', null],
  ])('reads the header %s as %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('leaves unknown columns out, and a second column for the same field to the user', () => {
    expect(suggestMapping(['No.', '会員番号', '姓', '氏', '備考'])).toEqual({ 0: null, 1: 'memberNumber', 2: 'familyName', 3: null, 4: null });
  });
});

describe('missingRequired', () => {
  it('lists the required fields no column fills', () => {
    expect(missingRequired(suggestMapping(['組合員番号', '姓', '名', 'メールアドレス']))).toEqual(['familyKana', 'givenKana', 'kind', 'admittedOn']);
    expect(missingRequired(suggestMapping(jaHeader.split(',')))).toEqual([]);
  });

  it('does not ask for a kind column when a default kind is chosen', () => {
    expect(missingRequired(suggestMapping(['組合員番号', '姓', '名', 'セイ', 'メイ', '加入日']), { defaultKind: 'worker' })).toEqual([]);
  });
});

describe('duplicateFields', () => {
  it('finds a field the user mapped to two columns', () => {
    expect(duplicateFields({ 0: 'familyName', 1: 'givenName', 2: 'familyName', 3: null })).toEqual(['familyName']);
  });
});
