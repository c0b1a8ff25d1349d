import { api, uploadFile, withQuery, type Items } from '../../api';

// The federation's and an organization's dashboards (報告・統計) and the exchange rates their USD view uses, as the
// server answers them (src/app/reporting/dashboard-types.ts).

/** The figures of one fiscal year, summed over what is in view (the federation, or one organization). */
export interface YearFigures {
  /** Named by the calendar year it starts in: 2016 is 2016年度 (平成28年度, FY2016). */
  fiscalYear: number;
  organizations: number;
  workerMembers: number;
  userMembers: number;
  otherMembers: number;
  sites: number;
  /** In yen. */
  turnover: number;
  expenses: number;
  surplus: number;
  peopleServed: number;
  workers: number;
  /** Sites with results recorded for the year: how complete the sums are. */
  sitesReporting: number;
}

export interface BusinessLineFigures {
  code: string;
  nameJa: string;
  nameEn: string;
  builtIn: boolean;
  sites: number;
  turnover: number;
  surplus: number;
  peopleServed: number;
  workers: number;
}

export interface PrefectureFigures {
  /** JIS X 0401 two-digit code: '01' Hokkaido … '47' Okinawa. */
  prefectureCode: string;
  organizations: number;
  sites: number;
  turnover: number;
  peopleServed: number;
}

/** A member organization's line in the federation's dashboard. */
export interface OrganizationFigures {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string | null;
  prefectureCode: string | null;
  workerMembers: number;
  userMembers: number;
  otherMembers: number;
  sites: number;
  turnover: number;
  surplus: number;
}

/** A site's line in an organization's dashboard. */
export interface SiteFigures {
  id: string;
  nameJa: string;
  nameEn: string | null;
  businessLine: string;
  prefectureCode: string | null;
  operation: string;
  commissionerName: string | null;
  /** Null when the site has no results for the year. */
  turnover: number | null;
  surplus: number | null;
  peopleServed: number | null;
  workers: number | null;
}

export interface FxRate {
  fiscalYear: number;
  /** Yen per US dollar, to two decimals (108.79). */
  yenPerUsd: number;
  source: string | null;
}

export interface Dashboard {
  scope: { kind: 'federation' | 'organization'; id: string; nameJa: string; nameEn: string | null };
  /** The year shown. */
  fiscalYear: number;
  /** Every fiscal year with results, ascending. */
  years: number[];
  headline: YearFigures;
  /** The year before; null when there is none. */
  previous: YearFigures | null;
  /** One entry per year in `years`. */
  trend: YearFigures[];
  byBusinessLine: BusinessLineFigures[];
  byPrefecture: PrefectureFigures[];
  /** Empty in an organization's dashboard. */
  organizations: OrganizationFigures[];
  /** Empty in the federation's dashboard. */
  sites: SiteFigures[];
  /** The recorded rates for the years in `years` (a year without one has no USD view). */
  fxRates: FxRate[];
}

export interface FxRateInput {
  yenPerUsd: number;
  source: string | null;
}

/** The annual report as the server streams it at the end. */
export interface AnnualReportFile {
  filename: string;
  /** The PDF, base64. */
  pdf: string;
}

const year = (fiscalYear: number | null) => ({ fiscalYear: fiscalYear === null ? null : String(fiscalYear) });

export const reportingPaths = {
  /** The latest year with results when no year is asked for. */
  federation: (fiscalYear: number | null) => withQuery('/federation/dashboard', year(fiscalYear)),
  organization: (organizationId: string, fiscalYear: number | null) => withQuery(`/organizations/${organizationId}/dashboard`, year(fiscalYear)),
  fxRates: '/fx-rates',
};

export const reportingApi = {
  saveFxRate: (fiscalYear: number, input: FxRateInput) => api.put<FxRate>(`/fx-rates/${fiscalYear}`, input),
  deleteFxRate: (fiscalYear: number) => api.delete(`/fx-rates/${fiscalYear}`),
  /**
   * Writes the federation's annual report as a PDF, telling the share written as it goes (0–1). The body is JSON;
   * uploadFile is the client that reads a JSON-lines answer while it arrives.
   */
  annualReport: (fiscalYear: number, language: 'ja' | 'en', onProgress: (share: number) => void) =>
    uploadFile<AnnualReportFile>('/federation/annual-report', new Blob([JSON.stringify({ fiscalYear, language })]), 'application/json', {
      onServerProgress: onProgress,
    }),
};

export type FxRates = Items<FxRate>;
