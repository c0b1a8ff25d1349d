import iconv from 'iconv-lite';
import type { MemberImportRow } from './member-row.js';

/** Builders for the CSV tests (kept out of *.test.ts so several test files can share them). */

export const buildMemberRow = (overrides: Partial<MemberImportRow> = {}): MemberImportRow => ({
  memberNumber: '0001',
  familyName: '山田',
  givenName: '花子',
  familyKana: 'ヤマダ',
  givenKana: 'ハナコ',
  kind: 'worker',
  admittedOn: '2024-04-01',
  birthDate: '1985-06-15',
  email: 'hanako@example.jp',
  phone: '090-1234-5678',
  postalCode: '1500001',
  prefectureCode: '13',
  address: '渋谷区神宮前1-2-3 協同ビル5F',
  engagedInWork: true,
  labourContractFrom: '2024-04-01',
  labourContractUntil: null,
  ...overrides,
});

/** CSV text from rows of cells, CRLF line ends as Excel writes them; cells are written as given (quote them yourself). */
export const csvLines = (...lines: string[]): string => `${lines.join('\r\n')}\r\n`;

export const cp932Bytes = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, 'cp932'));

export const utf8Bytes = (text: string, bom = false): Uint8Array => {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
};

export const jaHeader = '組合員番号,姓,名,セイ,メイ,組合員の種類,加入日,生年月日,メールアドレス,電話番号,郵便番号,都道府県,住所,従事,労働契約開始日,労働契約終了日';
export const enHeader =
  'Member number,Family name,Given name,Family name kana,Given name kana,Kind,Admitted on,Birth date,Email,Phone,Postal code,Prefecture,Address,Engaged in work,Labour contract from,Labour contract until';
