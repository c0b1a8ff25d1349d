import { describe, expect, it } from 'vitest';
import { organizationReportHref, readReportState, reportQuery } from './report-query';

describe('report state in the address', () => {
  it('reads the defaults from a plain address', () => {
    expect(readReportState(new URLSearchParams())).toEqual({ fiscalYear: null, currency: 'JPY', measure: 'turnover', prefecture: null });
  });
  it('reads what was chosen, ignoring what does not read', () => {
    expect(readReportState(new URLSearchParams('fiscalYear=2016&currency=USD&map=sites&prefecture=13'))).toEqual({
      fiscalYear: 2016,
      currency: 'USD',
      measure: 'sites',
      prefecture: '13',
    });
    expect(readReportState(new URLSearchParams('fiscalYear=last&currency=EUR&prefecture=tokyo'))).toEqual({ fiscalYear: null, currency: 'JPY', measure: 'turnover', prefecture: null });
  });
  it('writes only what differs from the defaults', () => {
    expect(reportQuery({ fiscalYear: null, currency: 'JPY', measure: 'turnover', prefecture: null })).toEqual({});
    expect(reportQuery({ fiscalYear: 2016, currency: 'USD', measure: 'sites', prefecture: '01' })).toEqual({ fiscalYear: '2016', currency: 'USD', map: 'sites', prefecture: '01' });
  });
  it('links an organization’s report for the year', () => {
    expect(organizationReportHref('org-1', 2016, 'JPY')).toBe('/reports/organizations/org-1?fiscalYear=2016');
    expect(organizationReportHref('org-1', 2016, 'USD')).toBe('/reports/organizations/org-1?fiscalYear=2016&currency=USD');
  });
});
