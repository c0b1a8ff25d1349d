// What the work page shows — organization, month, status and page — kept in the address, so that back, reload and
// a shared link show the same records.

export interface WorkPageState {
  /** The organization a federation administrator chose; '' for none yet (staff always see their own). */
  organization: string;
  /** YYYY-MM. */
  month: string;
  status: '' | 'entered' | 'approved';
  page: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const monthOfDate = (date: string): string => date.slice(0, 7);

/** The page's state in an address's query: this month, every status, the first page unless readable others are given. */
export function readWorkState(params: URLSearchParams, today: string): WorkPageState {
  const month = params.get('month') ?? '';
  const status = params.get('status');
  const page = Number(params.get('page') ?? '1');
  return {
    organization: params.get('organization') ?? '',
    month: MONTH.test(month) ? month : monthOfDate(today),
    status: status === 'entered' || status === 'approved' ? status : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query of an address showing `state`; this month, every status and the first page are left out. */
export function workStateQuery(state: WorkPageState, today: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (state.organization) query.organization = state.organization;
  if (state.month !== monthOfDate(today)) query.month = state.month;
  if (state.status) query.status = state.status;
  if (state.page > 1) query.page = String(state.page);
  return query;
}

/** The first and last day of a month. */
export function monthRange(month: string): { from: string; until: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, until: `${month}-${String(last).padStart(2, '0')}` };
}

/** The month `months` after (negative: before) another. */
export function addMonths(month: string, months: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + m - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** A month can be closed once it is over: before the month `today` is in. */
export const monthHasEnded = (month: string, today: string): boolean => month < monthOfDate(today);
