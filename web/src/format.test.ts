import { describe, expect, it } from 'vitest';
import {
  fiscalYearEndMonth,
  formatDate,
  formatDateTime,
  formatDateWithEra,
  formatFiscalYear,
  formatMonth,
  formatNumber,
  formatPercent,
  formatPostalCode,
  formatYen,
  formatYenChange,
  formatYenCompact,
  todayInJapan,
} from './format';

describe('formatDate', () => {
  it('shows the Japanese era in Japanese and day-month-year in English', () => {
    expect(formatDate('2026-11-26', 'ja')).toBe('令和8年11月26日');
    expect(formatDate('2026-11-26', 'en')).toBe('26 November 2026');
  });

  it('names the first year of an era 元年', () => {
    expect(formatDate('2019-05-01', 'ja')).toBe('令和元年5月1日');
    expect(formatDate('2019-04-30', 'ja')).toBe('平成31年4月30日');
  });

  it('returns text it cannot read unchanged', () => {
    expect(formatDate('not a date', 'ja')).toBe('not a date');
  });
});

describe('formatDateTime', () => {
  it('shows Japan time whatever the zone of the timestamp', () => {
    // 15:30 UTC is 00:30 the next day in Tokyo.
    expect(formatDateTime('2026-11-26T15:30:00Z', 'ja')).toBe('令和8年11月27日 0:30');
    expect(formatDateTime('2026-11-26T15:30:00Z', 'en')).toBe('27 November 2026 at 00:30');
  });
});

describe('fiscal year months', () => {
  it('ends the month before it starts', () => {
    expect(fiscalYearEndMonth(4)).toBe(3);
    expect(fiscalYearEndMonth(1)).toBe(12);
    expect(fiscalYearEndMonth(12)).toBe(11);
  });

  it('names months in each language', () => {
    expect(formatMonth(4, 'ja')).toBe('4月');
    expect(formatMonth(3, 'en')).toBe('March');
  });
});

describe('formatPostalCode', () => {
  it('puts the hyphen after the third digit of seven', () => {
    expect(formatPostalCode('1700013')).toBe('170-0013');
    expect(formatPostalCode('170')).toBe('170');
  });
});

describe('formatDateWithEra', () => {
  it('gives the era and the Gregorian year in Japanese, the Gregorian date in English', () => {
    expect(formatDateWithEra('2026-11-26', 'ja')).toBe('令和8年（2026年）11月26日');
    expect(formatDateWithEra('2019-05-01', 'ja')).toBe('令和元年（2019年）5月1日');
    expect(formatDateWithEra('2019-04-30', 'ja')).toBe('平成31年（2019年）4月30日');
    expect(formatDateWithEra('2026-11-26', 'en')).toBe('26 November 2026');
  });

  it('returns text it cannot read unchanged', () => {
    expect(formatDateWithEra('someday', 'ja')).toBe('someday');
  });
});

describe('todayInJapan', () => {
  it('is the date in Tokyo, which is ahead of UTC', () => {
    expect(todayInJapan(new Date('2026-03-31T15:30:00Z'))).toBe('2026-04-01');
    expect(todayInJapan(new Date('2026-03-31T14:59:00Z'))).toBe('2026-03-31');
  });
});

describe('formatNumber', () => {
  it('groups thousands', () => {
    expect(formatNumber(65000, 'ja')).toBe('65,000');
    expect(formatNumber(65000, 'en')).toBe('65,000');
  });
});

describe('formatPercent', () => {
  it('shows a share as a percentage with at most one decimal', () => {
    expect(formatPercent(0.75, 'ja')).toBe('75%');
    expect(formatPercent(5 / 6, 'en')).toBe('83.3%');
    expect(formatPercent(1, 'en')).toBe('100%');
  });
});

describe('formatYen', () => {
  it('writes integer yen with thousands separators: 円 after in Japanese, ¥ before in English', () => {
    expect(formatYen(12000, 'ja')).toBe('12,000円');
    expect(formatYen(12000, 'en')).toBe('¥12,000');
    expect(formatYen(0, 'ja')).toBe('0円');
    expect(formatYen(1_234_567_890, 'en')).toBe('¥1,234,567,890');
  });

  it('keeps the sign of a negative amount in front', () => {
    expect(formatYen(-3000, 'ja')).toBe('-3,000円');
    expect(formatYen(-3000, 'en')).toBe('-¥3,000');
  });

  it('shows the sign of a change, none for nothing', () => {
    expect(formatYenChange(5000, 'ja')).toBe('+5,000円');
    expect(formatYenChange(-5000, 'en')).toBe('-¥5,000');
    expect(formatYenChange(0, 'en')).toBe('¥0');
  });

  it('writes large amounts short for a chart axis', () => {
    expect(formatYenCompact(1_200_000, 'ja')).toBe('120万円');
    expect(formatYenCompact(150_000_000, 'ja')).toBe('1.5億円');
    expect(formatYenCompact(1_200_000, 'en')).toBe('¥1.2M');
    expect(formatYenCompact(0, 'en')).toBe('¥0');
  });
});

describe('formatFiscalYear', () => {
  it('names a fiscal year by the year it starts in', () => {
    expect(formatFiscalYear(2025, 'ja')).toBe('2025年度');
    expect(formatFiscalYear(2025, 'en')).toBe('FY2025');
  });
});
