import { fiscalYearEraName } from '../../../../src/domain/shared/fiscal-year';
import { formatFiscalYear, formatYen } from '../../format';
import type { Locale } from '../../i18n';
import type { FxRate } from './reporting';

// How the dashboards write years and money: a fiscal year with its era in Japanese, amounts in yen or in US dollars
// at the year's recorded rate, big amounts shortened as each language says them (12.3億円, ¥1.2 billion).

export type Currency = 'JPY' | 'USD';

/** 2016 → 2016年度（平成28年度） in Japanese, FY2016 in English. */
export function fiscalYearLabel(fiscalYear: number, locale: Locale): string {
  return locale === 'ja' ? `${formatFiscalYear(fiscalYear, 'ja')}（${fiscalYearEraName(fiscalYear)}）` : formatFiscalYear(fiscalYear, 'en');
}

/** The rate recorded for a year, if any. */
export function rateFor(rates: readonly FxRate[], fiscalYear: number): FxRate | undefined {
  return rates.find((rate) => rate.fiscalYear === fiscalYear);
}

/**
 * An amount in yen in the currency shown: as it is in yen; in dollars at the year's rate, null when the year has
 * no rate (nothing can be said in dollars then).
 */
export function convert(yen: number, currency: Currency, rate: FxRate | undefined): number | null {
  if (currency === 'JPY') return yen;
  if (!rate || !(rate.yenPerUsd > 0)) return null;
  return yen / rate.yenPerUsd;
}

const decimals = (locale: Locale, maximum: number, minimum = 0) =>
  new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: maximum, minimumFractionDigits: minimum });

const withSign = (amount: number, text: string) => (amount < 0 ? `-${text}` : text);

/** An amount in full: 12,345,678円 / ¥12,345,678, or in dollars 123,457ドル / USD 123,457 (whole dollars). */
export function formatMoney(amount: number, currency: Currency, locale: Locale): string {
  if (currency === 'JPY') return formatYen(Math.round(amount), locale);
  const digits = decimals(locale, 0).format(Math.abs(Math.round(amount)));
  return withSign(Math.round(amount), locale === 'ja' ? `${digits}ドル` : `USD ${digits}`);
}

/** The unit a big amount is written in: its size and how an amount in it is written (12.3 → 12.3億円). */
interface MoneyUnit {
  size: number;
  write: (digits: string) => string;
}

/** The unit for amounts up to `size`, or null below a million (written in full). */
function unitFor(size: number, currency: Currency, locale: Locale): MoneyUnit | null {
  if (size < 1e6) return null;
  if (locale === 'ja') {
    const suffix = currency === 'JPY' ? '円' : 'ドル';
    return size >= 1e8 ? { size: 1e8, write: (d) => `${d}億${suffix}` } : { size: 1e6, write: (d) => `${d}百万${suffix}` };
  }
  const [unit, word] = size >= 1e9 ? [1e9, 'billion'] : [1e6, 'million'];
  return { size: unit, write: (d) => (currency === 'JPY' ? `¥${d} ${word}` : `USD ${d} ${word}`) };
}

/**
 * A big amount shortened, as reports write it: 12.3億円 or 456.8百万円 in Japanese, ¥1.2 billion or ¥456.8 million in
 * English; in dollars 12.3百万ドル, USD 12.3 million or USD 1.2 billion. Below a million it is written in full.
 * `fractionDigits` is the most decimals kept (1 by default).
 */
export function abbreviateMoney(amount: number, currency: Currency, locale: Locale, fractionDigits = 1): string {
  const unit = unitFor(Math.abs(amount), currency, locale);
  if (!unit) return formatMoney(amount, currency, locale);
  return withSign(amount, unit.write(decimals(locale, fractionDigits).format(Math.abs(amount) / unit.size)));
}

/**
 * The labels of a chart's money axis, all in the unit of its biggest amount (0, 0.5億円, 1億円, 1.5億円 rather than
 * 50百万円 beside 1億円), so the ticks read as one scale; zero is a plain 0.
 */
export function moneyAxisFormatter(max: number, currency: Currency, locale: Locale): (value: number) => string {
  const unit = unitFor(Math.abs(max), currency, locale);
  if (!unit) return (value) => formatMoney(value, currency, locale);
  const digits = decimals(locale, 2);
  return (value) => (value === 0 ? digits.format(0) : withSign(value, unit.write(digits.format(Math.abs(value) / unit.size))));
}

/** The rate as people read it: 1 USD = 108.40円 (ja), USD 1 = ¥108.40 (en), always two decimals. */
export function formatRate(yenPerUsd: number, locale: Locale): string {
  const digits = decimals(locale, 2, 2).format(yenPerUsd);
  return locale === 'ja' ? `1 USD = ${digits}円` : `USD 1 = ¥${digits}`;
}
