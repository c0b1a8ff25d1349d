import type { CsvEncoding } from '../members/csv/decode.js';
import { encodeTable, excelText, type EncodedCsv } from '../members/csv/encode.js';
import type { CapitalPosition } from './ledger.js';

export interface RegisterCsvRow extends CapitalPosition {
  memberNumber: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
}

const headers = {
  ja: ['組合員番号', '氏名', 'フリガナ', '出資口数', '出資金額', '払込済額', '未払込額', '払戻未払額'],
  en: ['Member number', 'Name', 'Kana', 'Shares', 'Capital', 'Paid', 'Unpaid', 'Refund owed'],
} as const;

/**
 * The capital register (出資者名簿) as a CSV file for Excel: a row per member and a totals row; amounts in whole
 * yen without separators (Excel formats them), member numbers kept as text.
 */
export function registerCsv(rows: readonly RegisterCsvRow[], totals: CapitalPosition, options: { encoding: CsvEncoding; locale: 'ja' | 'en' }): EncodedCsv {
  const amounts = (p: CapitalPosition) => [p.shares, p.capital, p.paid, p.unpaid, p.refundPayable].map(String);
  const table = rows.map((r) => [excelText(r.memberNumber, true), excelText(`${r.familyName} ${r.givenName}`, false), excelText(`${r.familyKana} ${r.givenKana}`, false), ...amounts(r)]);
  table.push([options.locale === 'ja' ? '合計' : 'Total', '', '', ...amounts(totals)]);
  return encodeTable(headers[options.locale], table, options.encoding);
}
