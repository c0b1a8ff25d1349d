// What the compliance page shows — the organization (or the whole federation) and the date — kept in the address so
// that back, reload and a shared link show the same board.

export interface CompliancePageState {
  /** The organization a federation administrator chose; '' for the whole federation (staff always see their own). */
  organization: string;
  /** The board's date, YYYY-MM-DD. */
  date: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The page's state from an address's query; the date is today in Japan unless a readable one is given. */
export function readComplianceState(params: URLSearchParams, today: string): CompliancePageState {
  const date = params.get('date') ?? '';
  return { organization: params.get('organization') ?? '', date: ISO_DATE.test(date) ? date : today };
}

/** The query of an address showing `state`; today is left out so the plain address stays plain. */
export function complianceStateQuery(state: CompliancePageState, today: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (state.organization) query.organization = state.organization;
  if (state.date && state.date !== today) query.date = state.date;
  return query;
}
