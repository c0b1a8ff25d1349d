import type { FieldErrors } from '../../errors';
import type { FxRate, FxRateInput } from './reporting';

/** An exchange rate as typed: the year, yen per dollar (108.4 or 108.40, full-width digits allowed), its source. */
export interface FxRateValues {
  fiscalYear: string;
  yenPerUsd: string;
  source: string;
}

export function fxRateValues(rate: FxRate | null): FxRateValues {
  return rate
    ? { fiscalYear: String(rate.fiscalYear), yenPerUsd: rate.yenPerUsd.toFixed(2), source: rate.source ?? '' }
    : { fiscalYear: '', yenPerUsd: '', source: '' };
}

/** A fiscal year as typed (2016, ２０１６): four digits from 1900 to 2100, else null. */
export function yearOf(text: string): number | null {
  const plain = text.normalize('NFKC').trim();
  if (!/^\d{4}$/.test(plain)) return null;
  const year = Number(plain);
  return year >= 1900 && year <= 2100 ? year : null;
}

/** Yen per dollar as typed: a positive number with at most two decimals (108, 108.4, 108.40, １０８．４), else null. */
export function yenPerUsdOf(text: string): number | null {
  const plain = text.normalize('NFKC').trim().replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return null;
  const value = Number(plain);
  return value > 0 && value < 100_000 ? value : null;
}

/** The checks of the form; adding a year that has a rate already is refused (that rate is edited instead). */
export function checkFxRate(values: FxRateValues, existing: readonly FxRate[], editing: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.fiscalYear.trim()) errors.fiscalYear = 'required';
  else {
    const year = yearOf(values.fiscalYear);
    if (year === null) errors.fiscalYear = 'invalid_format';
    else if (!editing && existing.some((rate) => rate.fiscalYear === year)) errors.fiscalYear = 'duplicate';
  }
  if (!values.yenPerUsd.trim()) errors.yenPerUsd = 'required';
  else if (yenPerUsdOf(values.yenPerUsd) === null) errors.yenPerUsd = 'invalid_format';
  if (values.source.trim().length > 200) errors.source = 'too_long';
  return errors;
}

/** What is sent for values that passed the checks. */
export function toFxRateInput(values: FxRateValues): { fiscalYear: number; input: FxRateInput } {
  return {
    fiscalYear: yearOf(values.fiscalYear) ?? 0,
    input: { yenPerUsd: yenPerUsdOf(values.yenPerUsd) ?? 0, source: values.source.normalize('NFKC').trim() || null },
  };
}
