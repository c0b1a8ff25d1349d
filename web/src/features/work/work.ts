import { api, withQuery } from '../../api';
import type { WorkRecordChange, WorkRecordView as WorkRecord } from '../../../../src/domain/work/views';
import type { WorkRecordStatus } from '../../../../src/domain/work/work-record';

// Work records (就労記録): what the server sends and takes, and its addresses.

export { minutesPerDay as MINUTES_PER_DAY, workTextLimits as WORK_TEXT_LIMITS } from '../../../../src/domain/work/work-record';
export type { WorkRecordChange, WorkRecordView as WorkRecord } from '../../../../src/domain/work/views';

export interface WorkTotals {
  records: number;
  minutes: number;
  days: number;
  people: number;
  /** Records still to approve. */
  entered: number;
}

export interface WorkRecordPage {
  items: WorkRecord[];
  totals: WorkTotals;
}

export interface WorkPeriod {
  period: string;
  records: number;
  minutes: number;
  entered: number;
  closed: { at: string; by: string | null; records: number; minutes: number } | null;
}

export interface WorkEntryInput {
  site: string;
  businessLine: string;
  role: string;
  minutes: number;
  note: string | null;
}

export interface WorkDayInput {
  personId: string;
  date: string;
  entries: WorkEntryInput[];
}

export interface WorkRecordFilters {
  from: string;
  until: string;
  status?: WorkRecordStatus | '';
  page: number;
  pageSize: number;
}

const organizationPath = (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}`;
const recordPath = (id: string) => `/work-records/${encodeURIComponent(id)}`;

export const workPaths = {
  records: (organizationId: string, f: WorkRecordFilters) =>
    withQuery(`${organizationPath(organizationId)}/work-records`, { from: f.from, until: f.until, status: f.status, page: String(f.page), pageSize: String(f.pageSize) }),
  periods: (organizationId: string, from: string, until: string) => withQuery(`${organizationPath(organizationId)}/work-periods`, { from, until }),
  imports: (organizationId: string) => `${organizationPath(organizationId)}/work-imports`,
};

export const workApi = {
  record: (organizationId: string, day: WorkDayInput) => api.post<{ items: WorkRecord[] }>(`${organizationPath(organizationId)}/work-records`, day),
  update: (id: string, change: WorkRecordChange) => api.patch<WorkRecord>(recordPath(id), change),
  remove: (id: string, version: number) => api.delete(withQuery(recordPath(id), { version: String(version) })),
  unapprove: (id: string, version: number) => api.post<WorkRecord>(`${recordPath(id)}/unapprove`, { version }),
  approve: (organizationId: string, approval: { ids: string[] } | { from: string; until: string }) =>
    api.post<{ approved: number }>(`${organizationPath(organizationId)}/work-records/approve`, approval),
  closePeriod: (organizationId: string, period: string) => api.post<{ period: string; records: number; minutes: number }>(`${organizationPath(organizationId)}/work-periods/${period}/close`),
};
