import { describe, expect, it } from 'vitest';
import { ageBandLabel, anyHidden, cellText, chartValues, defaultYears, rateText, readPeriod, reportCells, reportPaths } from './report';

describe('a contract report', () => {
  it('shows a hidden figure with the one mark, never its number', () => {
    expect(cellText({ value: null, suppressed: true }, 'ja')).toBe('<5');
    expect(cellText({ value: 12, suppressed: true }, 'en')).toBe('<5');
    expect(cellText({ value: 1234, suppressed: false }, 'ja')).toBe('1,234');
    expect(cellText({ value: 7.5, suppressed: false }, 'en')).toBe('7.5');
    expect(cellText({ value: 0, suppressed: false }, 'ja')).toBe('0');
  });

  it('gives the rate as a percentage, or — where there is none', () => {
    expect(rateText(0.75, 'ja')).toBe('75%');
    expect(rateText(0.833, 'en')).toBe('83.3%');
    expect(rateText(null, 'ja')).toBe('—');
  });

  it('tells whether any figure is hidden, counted ones and those counted outside Kyodo alike', () => {
    const shown = { value: 6, suppressed: false };
    const hidden = { value: null, suppressed: true };
    const report = {
      from: '2026-04-01', until: '2027-03-31',
      indicators: [{ code: 'x', nameJa: 'x', nameEn: null, target: 3, actual: null, rate: null }],
      byActivityKind: { rows: [{ kind: 'counselling', participants: shown, sessions: shown, hours: shown }], total: { participants: shown, sessions: shown, hours: shown } },
      byOutcomeKind: { rows: [{ kind: 'employment', outcomes: shown }], total: shown },
      byAgeBand: { rows: [{ ageBand: '15-19', participants: shown }], total: shown },
    };
    expect(anyHidden(reportCells(report))).toBe(false);
    expect(anyHidden(reportCells({ ...report, byAgeBand: { rows: [{ ageBand: '15-19', participants: hidden }], total: hidden } }))).toBe(true);
    expect(chartValues([shown, hidden])).toEqual([6, null]);
  });

  it('covers the contract period unless the address asks for a valid one', () => {
    const contract = { from: '2026-04-01', until: '2027-03-31' };
    expect(readPeriod(new URLSearchParams(), contract)).toEqual(contract);
    expect(readPeriod(new URLSearchParams('from=2026-10-01&until=2026-12-31'), contract)).toEqual({ from: '2026-10-01', until: '2026-12-31' });
    expect(readPeriod(new URLSearchParams('from=2026-10-01'), contract)).toEqual({ from: '2026-10-01', until: '2027-03-31' });
    expect(readPeriod(new URLSearchParams('from=2027-01-01&until=2026-12-31'), contract)).toEqual(contract);
    expect(readPeriod(new URLSearchParams('from=nonsense&until=2026-13-45'), contract)).toEqual(contract);
  });

  it('asks for the downloads with the period, the encoding and the language', () => {
    const period = { from: '2026-04-01', until: '2027-03-31' };
    expect(reportPaths.csv('c1', period, 'cp932', 'ja')).toBe('/contracts/c1/report.csv?from=2026-04-01&until=2027-03-31&encoding=cp932&lang=ja');
    expect(reportPaths.pdf('c1', period, 'en')).toBe('/contracts/c1/report.pdf?from=2026-04-01&until=2027-03-31&lang=en');
  });
});

describe('the programmes overview', () => {
  it('covers the last five fiscal years by default, April to March', () => {
    expect(defaultYears('2026-11-27')).toEqual({ fromYear: 2022, untilYear: 2026 });
    expect(defaultYears('2027-02-01')).toEqual({ fromYear: 2022, untilYear: 2026 });
  });
});

describe('an age band', () => {
  it('reads as people say it', () => {
    expect(ageBandLabel('15-19', 'ja')).toBe('15〜19歳');
    expect(ageBandLabel('65+', 'ja')).toBe('65歳以上');
    expect(ageBandLabel('40-49', 'en')).toBe('40–49');
    expect(ageBandLabel('65+', 'en')).toBe('65 and over');
    expect(ageBandLabel('unknown', 'en')).toBe('unknown');
  });
});
