import { api, uploadFile, withQuery, type Items } from '../../api';
import type { SiteFields } from '../../../../src/domain/business/site';

// Businesses (事業): the federation's business lines, an organization's sites (事業所) and their fiscal-year results.

export { siteOperations as SITE_OPERATIONS, type SiteOperation } from '../../../../src/domain/business/site';
export { fiscalYearEraName, fiscalYearOf } from '../../../../src/domain/shared/fiscal-year';

export interface BusinessLine {
  code: string;
  nameJa: string;
  nameEn: string;
  /** The seed's eight, which the app translates itself. */
  builtIn: boolean;
}

/** What a site form sends: the domain's fields of a site. */
export type SiteInput = SiteFields;

export interface Site extends SiteInput {
  id: string;
  organizationId: string;
  version: number;
}

export interface SiteResult {
  siteId: string;
  fiscalYear: number;
  turnover: number;
  expenses: number;
  surplus: number;
  peopleServed: number | null;
  workersMembers: number | null;
  workersNonMembers: number | null;
  source: 'entered' | 'import';
  version: number;
}

export interface SiteYear {
  site: Site;
  result: SiteResult | null;
  /** From the work records at the site's name where there are any, else as entered, else unknown. */
  workers: { members: number | null; nonMembers: number | null; source: 'work_records' | 'entered' | null };
}

export interface OrganizationYear {
  fiscalYear: number;
  period: { from: string; until: string };
  items: SiteYear[];
  totals: { sites: number; turnover: number; expenses: number; surplus: number; peopleServed: number };
}

export interface ResultInput {
  turnover: number;
  expenses: number;
  peopleServed: number | null;
  workersMembers: number | null;
  workersNonMembers: number | null;
  version?: number;
}

export const businessPaths = {
  lines: '/business-lines',
  sites: (organizationId: string) => `/organizations/${organizationId}/sites`,
  year: (organizationId: string, fiscalYear: number) => withQuery(`/organizations/${organizationId}/site-results`, { fiscalYear: String(fiscalYear) }),
};

export const businessApi = {
  addBusinessLine: (input: { code: string; nameJa: string; nameEn: string }) => api.post<BusinessLine>(businessPaths.lines, input),
  createSite: (organizationId: string, input: SiteInput) => api.post<Site>(businessPaths.sites(organizationId), input),
  updateSite: (site: Site, input: SiteInput) => api.patch<Site>(`/sites/${site.id}`, { ...input, version: site.version }),
  /** One write for a year's result, new or corrected (with the version seen). */
  recordResult: (siteId: string, fiscalYear: number, input: ResultInput) => api.put<SiteResult>(`/sites/${siteId}/results/${fiscalYear}`, input),
  importResults: (organizationId: string, file: Blob) =>
    uploadFile<{ created: number; replaced: number; fiscalYears: number[] }>(`/organizations/${organizationId}/site-results/import`, file, 'text/csv'),
};

export type BusinessLines = Items<BusinessLine>;
