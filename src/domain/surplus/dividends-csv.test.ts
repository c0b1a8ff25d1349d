import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { dividendsCsv } from './dividends-csv.js';

const rows = [
  { memberNumber: '0001', familyName: '髙橋', givenName: '和子', familyKana: 'タカハシ', givenKana: 'カズコ', minutes: 96_000, days: 200, work: 96_000, amount: 600_000, withheld: 0, payment: 600_000 },
  { memberNumber: '0002', familyName: '佐藤', givenName: '一', familyKana: 'サトウ', givenKana: 'ハジメ', minutes: 32_000, days: 80, work: 32_000, amount: 200_000, withheld: 30_000, payment: 170_000 },
];

describe('dividendsCsv', () => {
  it('writes a row per member and a totals row of 800,000 yen (770,000 paid, 30,000 set against capital)', () => {
    const csv = dividendsCsv(rows, { encoding: 'utf-8', locale: 'ja' });
    const lines = new TextDecoder().decode(csv.bytes).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('組合員番号,氏名,フリガナ,従事時間（分）,従事日数,従事分量,従事分量配当金,未払込出資金への充当,支払額');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('合計,,,128000,280,128000,800000,30000,770000');
  });

  it('writes Shift_JIS (CP932) for older Excel, keeping 髙 (an IBM extension character)', () => {
    const csv = dividendsCsv(rows, { encoding: 'cp932', locale: 'en' });
    const text = iconv.decode(Buffer.from(csv.bytes), 'cp932');
    expect(text).toContain('髙橋 和子');
    expect(text.split(/\r?\n/)[0]).toBe('Member number,Name,Kana,Minutes worked,Days worked,Amount of work,Dividend,Set against unpaid capital,Payment');
  });
});
