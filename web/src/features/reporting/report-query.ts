import type { Currency } from './report-format';
import type { MapMeasure } from './report-series';

// What a report page shows — the year, the currency, the map's measure and the prefecture chosen on it — kept in
// the address, so that back, reload and a shared link show the same report, and a drill-down keeps the year.

export interface ReportState {
  /** Null for the latest year with results (the server's choice). */
  fiscalYear: number | null;
  currency: Currency;
  measure: MapMeasure;
  /** The prefecture chosen on the map: the organizations table shows only its organizations. */
  prefecture: string | null;
}

export function readReportState(params: URLSearchParams): ReportState {
  const year = params.get('fiscalYear') ?? '';
  const prefecture = params.get('prefecture') ?? '';
  return {
    fiscalYear: /^\d{4}$/.test(year) ? Number(year) : null,
    currency: params.get('currency') === 'USD' ? 'USD' : 'JPY',
    measure: params.get('map') === 'sites' ? 'sites' : 'turnover',
    prefecture: /^\d{2}$/.test(prefecture) ? prefecture : null,
  };
}

/** The query of an address showing `state`; the defaults are left out so the plain address stays plain. */
export function reportQuery(state: ReportState): Record<string, string> {
  const query: Record<string, string> = {};
  if (state.fiscalYear !== null) query.fiscalYear = String(state.fiscalYear);
  if (state.currency === 'USD') query.currency = 'USD';
  if (state.measure === 'sites') query.map = 'sites';
  if (state.prefecture) query.prefecture = state.prefecture;
  return query;
}

/** The address of an organization's report for a year, in a currency. */
export function organizationReportHref(organizationId: string, fiscalYear: number, currency: Currency): string {
  const query = new URLSearchParams({ fiscalYear: String(fiscalYear) });
  if (currency === 'USD') query.set('currency', 'USD');
  return `/reports/organizations/${organizationId}?${query.toString()}`;
}
