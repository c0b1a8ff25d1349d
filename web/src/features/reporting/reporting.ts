import { api, uploadFile, withQuery, type Items } from '../../api';

// The federation's and an organization's dashboards (報告・統計) and the exchange rates their USD view uses, as the
// server answers them (the types are the domain's: src/domain/reporting/dashboard.ts).

import type { FxRate } from '../../../../src/domain/reporting/dashboard';

export type {
  BusinessLineFigures, Dashboard, FxRate, OrganizationFigures, PrefectureFigures, SiteFigures, YearFigures,
} from '../../../../src/domain/reporting/dashboard';

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
