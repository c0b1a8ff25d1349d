import type { FieldErrors } from '../../errors';
import type {
  CapitalEntry,
  CapitalPosition,
  CapitalRulesInput,
  JournalLine,
  PaymentInput,
  PaymentMethod,
  RefundInput,
  ReversalInput,
  SubscriptionInput,
  TransferInput,
  WithdrawalInput,
  WriteDownInput,
} from './capital';

// What the capital forms hold (text, as typed), the checks made before sending, and the bodies the server takes.
// Amounts are integer yen, never floats.

/** The largest amount the server takes (1 trillion yen). */
const MAX_YEN = 1_000_000_000_000;
const MAX_SHARES = 1_000_000;

/** Full-width digits (１２０００) as half-width. */
const halfWidthDigits = (text: string) => text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));

/**
 * Yen as people type them: 12000, 12,000, ¥12,000, 12,000円, full-width digits. Null unless it is a whole number of
 * yen from 1 up to the largest the server takes.
 */
export function parseYen(text: string): number | null {
  const cleaned = halfWidthDigits(text.trim()).replace(/[，]/g, ',').replace(/^[¥￥]\s*/, '').replace(/\s*円$/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(cleaned)) return null;
  const amount = Number(cleaned.replaceAll(',', ''));
  return Number.isSafeInteger(amount) && amount >= 1 && amount <= MAX_YEN ? amount : null;
}

/** A whole number from `min` to `max` (shares, percentages, days); null otherwise. */
export function parseWhole(text: string, min = 1, max = MAX_SHARES): number | null {
  const cleaned = halfWidthDigits(text.trim()).replaceAll(',', '');
  if (!/^\d+$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : null;
}

const text = (value: string): string | null => value.trim() || null;

function required(errors: FieldErrors, field: string, value: string): boolean {
  if (value.trim() !== '') return true;
  errors[field] = 'required';
  return false;
}

function yenField(errors: FieldErrors, field: string, value: string): void {
  if (required(errors, field, value) && parseYen(value) === null) errors[field] = 'invalid_amount';
}

function sharesField(errors: FieldErrors, field: string, value: string): void {
  if (required(errors, field, value) && parseWhole(value) === null) errors[field] = 'invalid_shares';
}

// ---- the bylaws' capital rules ----

export interface RulesValues {
  effectiveFrom: string;
  sharePrice: string;
  minimumShares: string;
  capPercent: string;
  takeoverCapPercent: string;
  capExemptUpTo: string;
  refundNoticeDays: string;
}

export const emptyRules = (today: string): RulesValues => ({
  effectiveFrom: today,
  sharePrice: '',
  minimumShares: '1',
  capPercent: '',
  takeoverCapPercent: '',
  capExemptUpTo: '',
  refundNoticeDays: '',
});

/** The settings a person may leave empty (the law profile's value applies), with their ranges. */
const RULE_SETTINGS = {
  minimumShares: [1, 10_000],
  capPercent: [1, 100],
  takeoverCapPercent: [1, 100],
  capExemptUpTo: [0, 100],
  refundNoticeDays: [0, 366],
} as const;

export function checkRules(values: RulesValues): FieldErrors {
  const errors: FieldErrors = {};
  required(errors, 'effectiveFrom', values.effectiveFrom);
  yenField(errors, 'sharePrice', values.sharePrice);
  for (const [field, [min, max]] of Object.entries(RULE_SETTINGS)) {
    const value = values[field as keyof typeof RULE_SETTINGS];
    if (value.trim() !== '' && parseWhole(value, min, max) === null) errors[field] = 'out_of_range';
  }
  const cap = parseWhole(values.capPercent, 1, 100);
  const takeover = parseWhole(values.takeoverCapPercent, 1, 100);
  // The Act's takeover cap (35%) is above the ordinary one (25%); a lower one would forbid what the ordinary allows.
  if (cap !== null && takeover !== null && takeover < cap) errors.takeoverCapPercent = 'takeover_below_cap';
  return errors;
}

export function toRulesInput(values: RulesValues): CapitalRulesInput {
  const input: CapitalRulesInput = { effectiveFrom: values.effectiveFrom, sharePrice: parseYen(values.sharePrice) ?? 0 };
  for (const [field, [min, max]] of Object.entries(RULE_SETTINGS)) {
    const value = parseWhole(values[field as keyof typeof RULE_SETTINGS], min, max);
    if (value !== null) input[field as keyof typeof RULE_SETTINGS] = value;
  }
  return input;
}

// ---- movements ----

export interface SubscriptionValues {
  date: string;
  shares: string;
  description: string;
  /** A first payment goes in with the subscription. */
  withPayment: boolean;
  amount: string;
  method: PaymentMethod;
  /** At founding: at least a quarter of each share (the Act's founding provisions). */
  founding: boolean;
}

export const emptySubscription = (today: string, minimumShares: number): SubscriptionValues => ({
  date: today,
  shares: String(minimumShares),
  description: '',
  withPayment: false,
  amount: '',
  method: 'bank',
  founding: false,
});

export function checkSubscription(values: SubscriptionValues): FieldErrors {
  const errors: FieldErrors = {};
  required(errors, 'date', values.date);
  sharesField(errors, 'shares', values.shares);
  if (values.withPayment) yenField(errors, 'amount', values.amount);
  return errors;
}

export function toSubscriptionInput(values: SubscriptionValues): SubscriptionInput {
  return {
    date: values.date,
    shares: parseWhole(values.shares) ?? 0,
    description: text(values.description),
    firstPayment: values.withPayment ? { amount: parseYen(values.amount) ?? 0, method: values.method, founding: values.founding } : null,
  };
}

/** Where a field the subscription's server problem names sits in the form: the first payment's fields are at the top. */
export const subscriptionField = (field: string): string => field.replace(/^firstPayment\./, '').split('.')[0] ?? field;

/** The value of `shares` shares at the share price, for the form's hint; null while the count is not readable. */
export function subscriptionValue(shares: string, sharePrice: number): number | null {
  const count = parseWhole(shares);
  return count === null ? null : count * sharePrice;
}

/** At founding the first payment is at least a quarter of each share, rounded up to the yen: the rule of the domain. */
export { foundingMinimum } from '../../../../src/domain/capital/share-rules';

export interface PaymentValues {
  date: string;
  amount: string;
  method: PaymentMethod;
  description: string;
}

/** A payment form starts with what the member still owes. */
export const emptyPayment = (today: string, unpaid: number): PaymentValues => ({
  date: today,
  amount: unpaid > 0 ? String(unpaid) : '',
  method: 'bank',
  description: '',
});

export function checkPayment(values: PaymentValues): FieldErrors {
  const errors: FieldErrors = {};
  required(errors, 'date', values.date);
  yenField(errors, 'amount', values.amount);
  return errors;
}

export const toPaymentInput = (values: PaymentValues): PaymentInput => ({
  date: values.date,
  amount: parseYen(values.amount) ?? 0,
  method: values.method,
  description: text(values.description),
});

export interface TransferValues {
  date: string;
  toMembershipId: string;
  shares: string;
  approval: string;
  approvedTakeover: boolean;
  description: string;
}

export const emptyTransfer = (today: string): TransferValues => ({
  date: today,
  toMembershipId: '',
  shares: '',
  approval: '',
  approvedTakeover: false,
  description: '',
});

export function checkTransfer(values: TransferValues, membershipId: string): FieldErrors {
  const errors: FieldErrors = {};
  required(errors, 'date', values.date);
  if (required(errors, 'toMembershipId', values.toMembershipId) && values.toMembershipId === membershipId) errors.toMembershipId = 'transfer_to_self';
  sharesField(errors, 'shares', values.shares);
  required(errors, 'approval', values.approval);
  return errors;
}

export const toTransferInput = (values: TransferValues): TransferInput => ({
  date: values.date,
  toMembershipId: values.toMembershipId,
  shares: parseWhole(values.shares) ?? 0,
  approval: values.approval.trim(),
  approvedTakeover: values.approvedTakeover,
  description: text(values.description),
});

/**
 * The transfer's server problems by field: the receiver is `to` in the ledger's checks and `membershipId` when they
 * are not a member (the giving member is not checked for that).
 */
export const transferField = (field: string): string => (field === 'to' || field === 'membershipId' ? 'toMembershipId' : (field.split('.')[0] ?? field));

export interface WithdrawalValues {
  date: string;
  /** Empty: all the shares (leaving). */
  shares: string;
  description: string;
}

export const emptyWithdrawal = (today: string): WithdrawalValues => ({ date: today, shares: '', description: '' });

export function checkWithdrawal(values: WithdrawalValues): FieldErrors {
  const errors: FieldErrors = {};
  required(errors, 'date', values.date);
  if (values.shares.trim() !== '' && parseWhole(values.shares) === null) errors.shares = 'invalid_shares';
  return errors;
}

export const toWithdrawalInput = (values: WithdrawalValues): WithdrawalInput => ({
  date: values.date,
  shares: values.shares.trim() === '' ? null : parseWhole(values.shares),
  description: text(values.description),
});

export interface RefundValues {
  date: string;
  /** Empty: all that is owed. */
  amount: string;
  description: string;
}

export const emptyRefund = (today: string): RefundValues => ({ date: today, amount: '', description: '' });

export function checkRefund(values: RefundValues): FieldErrors {
  const errors: FieldErrors = {};
  required(errors, 'date', values.date);
  if (values.amount.trim() !== '' && parseYen(values.amount) === null) errors.amount = 'invalid_amount';
  return errors;
}

export const toRefundInput = (values: RefundValues): RefundInput => ({
  date: values.date,
  amount: values.amount.trim() === '' ? null : parseYen(values.amount),
  description: text(values.description),
});

export interface WriteDownValues {
  date: string;
  amount: string;
  reason: string;
  description: string;
}

export const emptyWriteDown = (today: string): WriteDownValues => ({ date: today, amount: '', reason: '', description: '' });

export function checkWriteDown(values: WriteDownValues): FieldErrors {
  const errors: FieldErrors = {};
  required(errors, 'date', values.date);
  yenField(errors, 'amount', values.amount);
  required(errors, 'reason', values.reason);
  return errors;
}

export const toWriteDownInput = (values: WriteDownValues): WriteDownInput => ({
  date: values.date,
  amount: parseYen(values.amount) ?? 0,
  reason: values.reason.trim(),
  description: text(values.description),
});

export interface ReversalValues {
  date: string;
  reason: string;
}

export const emptyReversal = (today: string): ReversalValues => ({ date: today, reason: '' });

export function checkReversal(values: ReversalValues): FieldErrors {
  const errors: FieldErrors = {};
  required(errors, 'date', values.date);
  required(errors, 'reason', values.reason);
  return errors;
}

export const toReversalInput = (values: ReversalValues): ReversalInput => ({ date: values.date, reason: values.reason.trim() });

// ---- what may happen next ----

export const MOVEMENTS = ['subscribe', 'pay', 'transfer', 'withdraw', 'refund', 'writeDown'] as const;
export type Movement = (typeof MOVEMENTS)[number];

/** Membership statuses in which a person subscribes or pays for shares (a member, or an applicant). */
const MEMBER_STATUSES = ['applied', 'admitted', 'withdrawal_notified'];

/**
 * The movements worth offering for a member's position (the server checks again): shares are subscribed by members
 * and applicants, paid while something is unpaid, transferred only when fully paid, withdrawn while held, refunded
 * while owed, and written down while something paid in remains. Nothing moves before the organization has rules.
 */
export function offeredMovements(position: CapitalPosition, status: string, hasRules: boolean): Movement[] {
  if (!hasRules) return [];
  const offered: Movement[] = [];
  if (MEMBER_STATUSES.includes(status)) offered.push('subscribe');
  if (position.unpaid > 0) offered.push('pay');
  if (position.shares > 0 && position.unpaid === 0 && MEMBER_STATUSES.includes(status)) offered.push('transfer');
  if (position.shares > 0) offered.push('withdraw');
  if (position.refundPayable > 0) offered.push('refund');
  if (position.paid > 0) offered.push('writeDown');
  return offered;
}

/** Only an entry not yet reversed, and not itself a reversal, can be reversed. */
export const reversible = (entry: Pick<CapitalEntry, 'type' | 'reversedByEntryId'>): boolean => entry.type !== 'reversal' && entry.reversedByEntryId === null;

// ---- reading the entries ----

const ZERO: CapitalPosition = { shares: 0, capital: 0, unpaid: 0, paid: 0, refundPayable: 0 };

/** What each entry changed in the member's position: its position after, less the one before (entries oldest first). */
export function positionChanges(entries: readonly Pick<CapitalEntry, 'id' | 'positionAfter'>[]): Map<string, CapitalPosition> {
  const changes = new Map<string, CapitalPosition>();
  let before = ZERO;
  for (const entry of entries) {
    const after = entry.positionAfter;
    changes.set(entry.id, {
      shares: after.shares - before.shares,
      capital: after.capital - before.capital,
      unpaid: after.unpaid - before.unpaid,
      paid: after.paid - before.paid,
      refundPayable: after.refundPayable - before.refundPayable,
    });
    before = after;
  }
  return changes;
}

/** The figures of a change worth naming, in the order they are read: shares, capital, paid, unpaid, refund owed. */
export function changedFigures(change: CapitalPosition): (keyof CapitalPosition)[] {
  return (['shares', 'capital', 'paid', 'unpaid', 'refundPayable'] as const).filter((figure) => change[figure] !== 0);
}

/**
 * How a payment came in, from the account it was debited to: withheld from wages, in kind, or in cash or by bank
 * (one account holds both). Null for other entries.
 */
export function paymentChannel(lines: readonly JournalLine[]): 'payroll' | 'in-kind' | 'bank' | null {
  const debit = lines.find((line) => line.amount > 0 && line.account !== 'capital-unpaid');
  if (!debit) return null;
  if (debit.account === 'wages-payable') return 'payroll';
  if (debit.account === 'in-kind-assets') return 'in-kind';
  return debit.account === 'bank' ? 'bank' : null;
}

/** The other member of a transfer, from its lines. */
export function transferCounterpart(lines: readonly JournalLine[], membershipId: string): string | null {
  return lines.find((line) => line.account === 'capital' && line.membershipId !== null && line.membershipId !== membershipId)?.membershipId ?? null;
}

/** The rules in force on a date from their history (the latest that took effect on or before it). */
export { rulesOn } from '../../../../src/domain/capital/share-rules';
