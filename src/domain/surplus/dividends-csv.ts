import type { CsvEncoding } from '../members/csv/decode.js';
import { encodeTable, excelText, type EncodedCsv } from '../members/csv/encode.js';

export interface DividendCsvRow {
  memberNumber: string;
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  minutes: number;
  days: number;
  work: number;
  amount: number;
  withheld: number;
  payment: number;
}

const headers = {
  ja: ['組合員番号', '氏名', 'フリガナ', '従事時間（分）', '従事日数', '従事分量', '従事分量配当金', '未払込出資金への充当', '支払額'],
  en: ['Member number', 'Name', 'Kana', 'Minutes worked', 'Days worked', 'Amount of work', 'Dividend', 'Set against unpaid capital', 'Payment'],
} as const;

/**
 * A close's dividends as a CSV for Excel and the bank transfer: a row per member and a totals row, amounts in whole
 * yen without separators, member numbers kept as text. The totals row shows that the parts add up to the dividend.
 */
export function dividendsCsv(rows: readonly DividendCsvRow[], options: { encoding: CsvEncoding; locale: 'ja' | 'en' }): EncodedCsv {
  const figures = (r: Pick<DividendCsvRow, 'minutes' | 'days' | 'work' | 'amount' | 'withheld' | 'payment'>) => [r.minutes, r.days, r.work, r.amount, r.withheld, r.payment].map(String);
  const table = rows.map((r) => [excelText(r.memberNumber, true), excelText(`${r.familyName} ${r.givenName}`, false), excelText(`${r.familyKana} ${r.givenKana}`, false), ...figures(r)]);
  const sum = (field: 'minutes' | 'days' | 'work' | 'amount' | 'withheld' | 'payment') => rows.reduce((total, r) => total + r[field], 0);
  table.push([options.locale === 'ja' ? '合計' : 'Total', '', '', ...figures({ minutes: sum('minutes'), days: sum('days'), work: sum('work'), amount: sum('amount'), withheld: sum('withheld'), payment: sum('payment') })]);
  return encodeTable(headers[options.locale], table, options.encoding);
}
