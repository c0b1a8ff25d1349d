import { describe, expect, it } from 'vitest';
import { pdfBlob, reportFilename } from './annual-report';
import { checkFxRate, fxRateValues, toFxRateInput, yenPerUsdOf, yearOf } from './fx-rate-values';

const existing = [{ fiscalYear: 2016, yenPerUsd: 108.4, source: 'IMF' }];

describe('exchange rate form', () => {
  it('starts from a rate with two decimals', () => {
    expect(fxRateValues(existing[0]!)).toEqual({ fiscalYear: '2016', yenPerUsd: '108.40', source: 'IMF' });
    expect(fxRateValues(null)).toEqual({ fiscalYear: '', yenPerUsd: '', source: '' });
  });
  it('reads years and rates as people type them', () => {
    expect(yearOf('２０１７')).toBe(2017);
    expect(yearOf('17')).toBeNull();
    expect(yenPerUsdOf('108.4')).toBe(108.4);
    expect(yenPerUsdOf('１０８．４０')).toBe(108.4);
    expect(yenPerUsdOf('108.405')).toBeNull();
    expect(yenPerUsdOf('0')).toBeNull();
    expect(yenPerUsdOf('-1')).toBeNull();
  });
  it('checks the fields', () => {
    expect(checkFxRate({ fiscalYear: '', yenPerUsd: '', source: '' }, existing, false)).toEqual({ fiscalYear: 'required', yenPerUsd: 'required' });
    expect(checkFxRate({ fiscalYear: '2016', yenPerUsd: '1.234', source: '' }, existing, false)).toEqual({ fiscalYear: 'duplicate', yenPerUsd: 'invalid_format' });
    expect(checkFxRate({ fiscalYear: '2016', yenPerUsd: '110', source: '' }, existing, true)).toEqual({});
  });
  it('sends numbers, and no source when none was typed', () => {
    expect(toFxRateInput({ fiscalYear: '2017', yenPerUsd: '112.17', source: ' ' })).toEqual({ fiscalYear: 2017, input: { yenPerUsd: 112.17, source: null } });
  });
});

describe('annual report', () => {
  it('decodes the PDF', async () => {
    const blob = pdfBlob(btoa('%PDF-1.7'));
    expect(blob.type).toBe('application/pdf');
    expect(await blob.text()).toBe('%PDF-1.7');
  });
  it('saves under the server’s name, or one of its own', () => {
    expect(reportFilename('annual-report-2016-ja.pdf', 2016, 'ja')).toBe('annual-report-2016-ja.pdf');
    expect(reportFilename(undefined, 2016, 'en')).toBe('annual-report-2016-en.pdf');
  });
});
