import { api, ApiError, withQuery } from '../../api';
import type { Locale } from '../../i18n';

// The fiscal-year close and the dividends by amount of work (決算・剰余金処分) as the server describes them. The
// close's and the allocation's shapes are the server's own domain modules, so the pages and the server can never
// disagree.

export { reserveFields as RESERVE_FIELDS, type ReserveField } from '../../../../src/domain/surplus/allocation';
export type { AllocationMinimums, AllocationProposal, MinimumBasis, ReserveMinimum, SurplusFacts } from '../../../../src/domain/surplus/allocation';
export { workMeasureBases as WORK_MEASURE_BASES, type WorkMeasure, type WorkMeasureBasis } from '../../../../src/domain/surplus/work-measure';
export {
  closingStatuses as CLOSING_STATUSES,
  type ClosingFacts,
  type ClosingInput,
  type ClosingStatus,
  type ClosingView as Closing,
  type DividendLine,
  type DividendStatement,
  type ExactShare,
  type OpeningBalances,
  type WorkUnit,
} from '../../../../src/domain/surplus/views';
import type { ClosingInput, ClosingView as Closing, DividendLine } from '../../../../src/domain/surplus/views';

/** What e-mailing the statements started with: the members with an address, and those without. */
export interface StatementsSending {
  recipients: number;
  withoutEmail: number;
  sending: boolean;
}

export interface DividendPage {
  total: number;
  offset: number;
  lines: DividendLine[];
}


/** A member's own statement in their list: closes the assembly has resolved. */
export interface MyDividend {
  closingId: string;
  membershipId: string;
  fiscalYear: number;
  organizationNameJa: string;
  organizationNameEn: string | null;
  amount: number;
  withheld: number;
  payment: number;
  postedAt: string | null;
}

export type DividendsEncoding = 'utf-8' | 'cp932';

const closingPath = (closingId: string) => `/closings/${encodeURIComponent(closingId)}`;
const statementPath = (closingId: string, membershipId: string) => `${closingPath(closingId)}/dividends/${encodeURIComponent(membershipId)}`;

export const surplusPaths = {
  closings: (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}/closings`,
  closing: closingPath,
  dividends: (closingId: string, offset: number, limit: number, q: string) =>
    withQuery(`${closingPath(closingId)}/dividends`, { offset: String(offset), limit: String(limit), q: q.trim() }),
  dividendsCsv: (closingId: string, encoding: DividendsEncoding, locale: Locale) => withQuery(`${closingPath(closingId)}/dividends.csv`, { encoding, locale }),
  statement: statementPath,
  statementPdf: (closingId: string, membershipId: string, locale: Locale) => withQuery(`${statementPath(closingId, membershipId)}/statement.pdf`, { locale }),
  myDividends: '/my/dividends',
};

/** The app's own pages of a close. */
export const surplusPages = {
  list: (organizationId: string | null) => withQuery('/surplus', { organization: organizationId }),
  closing: (closingId: string) => `/surplus/${encodeURIComponent(closingId)}`,
  statement: (closingId: string, membershipId: string) => `/surplus/${encodeURIComponent(closingId)}/members/${encodeURIComponent(membershipId)}`,
};

export const surplusApi = {
  propose: (organizationId: string, input: ClosingInput) => api.post<Closing>(surplusPaths.closings(organizationId), input),
  submit: (closingId: string, meetingId: string, version: number) => api.post<Closing>(`${closingPath(closingId)}/submit`, { meetingId, version }),
  withdraw: (closingId: string, version: number) => api.post<Closing>(`${closingPath(closingId)}/withdraw`, { version }),
  sendStatements: (closingId: string) => api.post<StatementsSending>(`${closingPath(closingId)}/statements/send`, {}),
};

/**
 * Sends a change of a close read at some version; when the close changed meanwhile, `onChanged` reads it again and
 * the problem is told as `closing_changed` (the generic conflict's text speaks of an organization).
 */
export async function changeClosing<T>(change: () => Promise<T>, onChanged: () => void): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof ApiError) || error.code !== 'version_conflict') throw error;
    onChanged();
    throw new ApiError({ ...error.problem, code: 'closing_changed' });
  }
}
