import { api, withQuery } from '../../api';
import type { Locale } from '../../i18n';

// The capital ledger (出資) as the server describes it. The vocabularies and the views are the server's own domain
// modules, so the page and the server can never disagree.

export { entryTypes as ENTRY_TYPES, paymentMethods as PAYMENT_METHODS, type EntryType, type PaymentMethod } from '../../../../src/domain/capital/ledger';
export type { CapitalPosition, JournalLine } from '../../../../src/domain/capital/ledger';
export type { CapitalRules } from '../../../../src/domain/capital/share-rules';
export type { CapitalByYear, CapitalRegister, MemberCapital, MemberCapitalEntry as CapitalEntry, RegisterRow } from '../../../../src/domain/capital/views';
import type { PaymentMethod } from '../../../../src/domain/capital/ledger';
import type { CapitalRules } from '../../../../src/domain/capital/share-rules';


export interface PayrollBatchResult {
  batchId: string;
  payments: number;
  total: number;
}

export type RegisterEncoding = 'utf-8' | 'cp932';
export const PAYROLL_ENCODINGS = ['auto', 'utf-8', 'cp932'] as const;
export type PayrollEncoding = (typeof PAYROLL_ENCODINGS)[number];

/** The rules as an administrator records them; settings left out come from the organization's law profile. */
export interface CapitalRulesInput {
  effectiveFrom: string;
  sharePrice: number;
  minimumShares?: number;
  capPercent?: number;
  takeoverCapPercent?: number;
  capExemptUpTo?: number;
  refundNoticeDays?: number;
}

export interface SubscriptionInput {
  date: string;
  shares: number;
  description: string | null;
  firstPayment: { amount: number; method: PaymentMethod; founding: boolean } | null;
}

export interface PaymentInput {
  date: string;
  amount: number;
  method: PaymentMethod;
  description: string | null;
}

export interface TransferInput {
  date: string;
  toMembershipId: string;
  shares: number;
  approval: string;
  approvedTakeover: boolean;
  description: string | null;
}

export interface WithdrawalInput {
  date: string;
  /** Null: all the shares the member holds (leaving). */
  shares: number | null;
  description: string | null;
}

export interface RefundInput {
  date: string;
  /** Null: all that is owed. */
  amount: number | null;
  description: string | null;
}

export interface WriteDownInput {
  date: string;
  amount: number;
  reason: string;
  description: string | null;
}

export interface ReversalInput {
  date: string;
  reason: string;
}

const organizationPath = (organizationId: string) => `/organizations/${encodeURIComponent(organizationId)}`;
const memberCapitalPath = (membershipId: string) => `/memberships/${encodeURIComponent(membershipId)}/capital`;

export const capitalPaths = {
  rules: (organizationId: string) => `${organizationPath(organizationId)}/capital-rules`,
  member: memberCapitalPath,
  register: (organizationId: string, date: string) => withQuery(`${organizationPath(organizationId)}/capital/register`, { date }),
  registerCsv: (organizationId: string, date: string, encoding: RegisterEncoding, locale: Locale) =>
    withQuery(`${organizationPath(organizationId)}/capital/register.csv`, { date, encoding, locale }),
  registerPdf: (organizationId: string, date: string, locale: Locale) => withQuery(`${organizationPath(organizationId)}/capital/register.pdf`, { date, locale }),
  journal: (organizationId: string) => `${organizationPath(organizationId)}/capital/journal.hledger`,
  certificate: (membershipId: string, date: string, locale: Locale) => withQuery(`${memberCapitalPath(membershipId)}/certificate.pdf`, { date, locale }),
  byFiscalYear: (years: number) => withQuery('/capital/by-fiscal-year', { years: String(years) }),
  payrollDeductions: (organizationId: string, date: string, encoding: PayrollEncoding) =>
    withQuery(`${organizationPath(organizationId)}/capital/payroll-deductions`, { date, encoding }),
};

export const capitalApi = {
  setRules: (organizationId: string, input: CapitalRulesInput) => api.post<CapitalRules>(capitalPaths.rules(organizationId), input),
  subscribe: (membershipId: string, input: SubscriptionInput) => api.post<unknown[]>(`${memberCapitalPath(membershipId)}/subscriptions`, input),
  pay: (membershipId: string, input: PaymentInput) => api.post<unknown>(`${memberCapitalPath(membershipId)}/payments`, input),
  transfer: (membershipId: string, input: TransferInput) => api.post<unknown>(`${memberCapitalPath(membershipId)}/transfers`, input),
  withdraw: (membershipId: string, input: WithdrawalInput) => api.post<{ refundDueAfter: string }>(`${memberCapitalPath(membershipId)}/withdrawals`, input),
  refund: (membershipId: string, input: RefundInput) => api.post<unknown>(`${memberCapitalPath(membershipId)}/refunds`, input),
  writeDown: (membershipId: string, input: WriteDownInput) => api.post<unknown>(`${memberCapitalPath(membershipId)}/write-downs`, input),
  reverse: (entryId: string, input: ReversalInput) => api.post<unknown>(`/capital/entries/${encodeURIComponent(entryId)}/reversal`, input),
};
