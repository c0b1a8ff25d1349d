import { ApiError } from '../../api';

// What the capital page shows — organization and date of the register — kept in the address so that back, reload
// and a shared link show the same register.

export interface CapitalPageState {
  /** The organization a federation administrator chose; '' for all (staff always see their own). */
  organization: string;
  /** The date (YYYY-MM-DD) of the register. */
  date: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The page's state in an address's query; the date is today in Japan unless a readable one is given. */
export function readCapitalState(params: URLSearchParams, today: string): CapitalPageState {
  const date = params.get('date') ?? '';
  return { organization: params.get('organization') ?? '', date: ISO_DATE.test(date) ? date : today };
}

/** The query of an address showing `state`; today is left out so the plain address stays plain. */
export function capitalStateQuery(state: CapitalPageState, today: string): Record<string, string> {
  const query: Record<string, string> = {};
  if (state.organization) query.organization = state.organization;
  if (state.date && state.date !== today) query.date = state.date;
  return query;
}

/** One problem of a refused payroll file: the line of the file, the field and why. */
export interface PayrollProblem {
  line: number | null;
  field: string;
  code: string;
  /** The column and the value as the file has them (`金額: 99999`), for people to find the cell. */
  detail: string | null;
}

/**
 * The problems of a refused payroll-deduction file, by line: the server names each `rows.N.field` with its code
 * (unknown_member, payment_exceeds_unpaid, invalid_amount, required…); a missing column comes as the field alone.
 */
export function payrollProblems(error: unknown): PayrollProblem[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).map(({ field, code, message }) => {
    const row = /^rows\.(\d+)\.(.+)$/.exec(field);
    return {
      line: row ? Number(row[1]) : null,
      field: row ? row[2]! : field,
      code,
      detail: message?.trim() || null,
    };
  });
}

/**
 * The date a rule problem names for a field (`after 2027-03-31` for a refund before the year close), so the form can
 * say which date would do.
 */
export function dateInProblem(error: unknown, field: string): string | null {
  if (!(error instanceof ApiError)) return null;
  for (const problem of error.problem.errors ?? []) {
    if (problem.field !== field) continue;
    const date = /\d{4}-\d{2}-\d{2}/.exec(problem.message ?? '');
    if (date) return date[0];
  }
  return null;
}
