import { describe, expect, it } from 'vitest';
import { abbreviateMoney, convert, fiscalYearLabel, formatMoney, formatRate, moneyAxisFormatter, rateFor } from './report-format';

const rates = [
  { fiscalYear: 2016, yenPerUsd: 108.4, source: 'IMF' },
  { fiscalYear: 2017, yenPerUsd: 112.17, source: null },
];

describe('fiscalYearLabel', () => {
  it('names a year with its era in Japanese and as FY in English', () => {
    expect(fiscalYearLabel(2016, 'ja')).toBe('2016年度（平成28年度）');
    expect(fiscalYearLabel(2019, 'ja')).toBe('2019年度（令和元年度）');
    expect(fiscalYearLabel(2016, 'en')).toBe('FY2016');
  });
});

describe('convert', () => {
  it('keeps yen as they are', () => {
    expect(convert(1_000_000, 'JPY', undefined)).toBe(1_000_000);
  });
  it('turns yen into dollars at the year’s rate', () => {
    expect(convert(10_840_000, 'USD', rateFor(rates, 2016))).toBeCloseTo(100_000, 6);
  });
  it('has no dollar amount for a year without a rate', () => {
    expect(convert(10_840_000, 'USD', rateFor(rates, 2018))).toBeNull();
  });
});

describe('formatMoney', () => {
  it('writes amounts in full', () => {
    expect(formatMoney(12_345_678, 'JPY', 'ja')).toBe('12,345,678円');
    expect(formatMoney(12_345_678, 'JPY', 'en')).toBe('¥12,345,678');
    expect(formatMoney(123_456.6, 'USD', 'ja')).toBe('123,457ドル');
    expect(formatMoney(-123_456.6, 'USD', 'en')).toBe('-USD 123,457');
  });
});

describe('abbreviateMoney', () => {
  it('shortens yen to 億円 and 百万円 in Japanese', () => {
    expect(abbreviateMoney(1_234_000_000, 'JPY', 'ja')).toBe('12.3億円');
    expect(abbreviateMoney(45_600_000, 'JPY', 'ja')).toBe('45.6百万円');
    expect(abbreviateMoney(100_000_000, 'JPY', 'ja')).toBe('1億円');
    expect(abbreviateMoney(-250_000_000, 'JPY', 'ja')).toBe('-2.5億円');
  });
  it('shortens yen to billion and million in English', () => {
    expect(abbreviateMoney(1_234_000_000, 'JPY', 'en')).toBe('¥1.2 billion');
    expect(abbreviateMoney(45_600_000, 'JPY', 'en')).toBe('¥45.6 million');
  });
  it('shortens dollars', () => {
    expect(abbreviateMoney(12_300_000, 'USD', 'en')).toBe('USD 12.3 million');
    expect(abbreviateMoney(12_300_000, 'USD', 'ja')).toBe('12.3百万ドル');
  });
  it('writes amounts below a million in full', () => {
    expect(abbreviateMoney(999_999, 'JPY', 'ja')).toBe('999,999円');
    expect(abbreviateMoney(0, 'USD', 'en')).toBe('USD 0');
  });
  it('keeps fewer decimals when asked (a chart’s axis)', () => {
    expect(abbreviateMoney(1_260_000_000, 'JPY', 'ja', 0)).toBe('13億円');
  });
});

describe('moneyAxisFormatter', () => {
  it('writes every tick in the unit of the biggest amount', () => {
    const ja = moneyAxisFormatter(180_000_000, 'JPY', 'ja');
    expect([0, 30_000_000, 150_000_000].map(ja)).toEqual(['0', '0.3億円', '1.5億円']);
    const en = moneyAxisFormatter(80_000_000, 'JPY', 'en');
    expect([0, 20_000_000, 80_000_000].map(en)).toEqual(['0', '¥20 million', '¥80 million']);
    expect(moneyAxisFormatter(1_250_000, 'USD', 'en')(250_000)).toBe('USD 0.25 million');
  });
  it('writes small amounts in full', () => {
    expect(moneyAxisFormatter(900_000, 'JPY', 'ja')(300_000)).toBe('300,000円');
  });
});

describe('formatRate', () => {
  it('always shows two decimals', () => {
    expect(formatRate(108.4, 'ja')).toBe('1 USD = 108.40円');
    expect(formatRate(108.4, 'en')).toBe('USD 1 = ¥108.40');
  });
});
