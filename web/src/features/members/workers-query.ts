import type { Worker } from './member';

// What the workers page shows — organization, date and whether only non-member workers — kept in the address so
// that back, reload and a shared link show the same list.

export interface WorkersState {
  /** The organization a federation administrator chose; '' for none yet (staff always see their own). */
  organization: string;
  /** The date (YYYY-MM-DD) on which people are engaged in the work. */
  date: string;
  nonMembersOnly: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The page's state in an address's query; the date is today in Japan unless a readable one is given. */
export function readWorkersState(params: URLSearchParams, today: string): WorkersState {
  const date = params.get('date') ?? '';
  return {
    organization: params.get('organization') ?? '',
    date: ISO_DATE.test(date) ? date : today,
    nonMembersOnly: params.get('nonMembersOnly') === 'true',
  };
}

/** The query of an address showing `state`; today and the whole list are left out so the plain address stays plain. */
export function workersStateQuery(state: WorkersState, today: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (state.organization) query.organization = state.organization;
  if (state.date !== today) query.date = state.date;
  if (state.nonMembersOnly) query.nonMembersOnly = 'true';
  return query;
}

/**
 * The rows the table shows. The whole list is loaded once, for the summary, which counts members against everyone
 * engaged; the non-members are picked from it rather than asked for again.
 */
export function visibleWorkers(rows: readonly Worker[], nonMembersOnly: boolean): Worker[] {
  return nonMembersOnly ? rows.filter((row) => !row.member) : [...rows];
}
