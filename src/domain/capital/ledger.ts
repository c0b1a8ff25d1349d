import { DomainError } from '../shared/errors.js';

/**
 * The accounts of a co-operative's capital ledger (出資金の勘定). Amounts are integer yen, debit positive and
 * credit negative, so a balanced entry sums to zero and a balance is a plain sum.
 */
export const capitalAccounts = [
  'capital', // 出資金 (equity): credited when shares are subscribed, debited when they leave
  'capital-unpaid', // 未払込出資金: what members still owe on the shares they subscribed
  'bank', // 現金預金: payments in and refunds out, in cash or by bank
  'wages-payable', // 未払給与: payments withheld from wages (給与天引き)
  'in-kind-assets', // 現物出資資産: assets contributed in kind, at their valuation
  'refund-payable', // 未払持分払戻金: refunds owed to members who left, paid after the fiscal-year close
  'capital-reduction', // 減資差益 / 欠損填補: capital written down to cover losses
  // The fiscal-year close (剰余金処分, Worker Cooperatives Act Art. 76–78), posted once the assembly resolves it:
  'unappropriated-surplus', // 当期未処分剰余金: the year's surplus (debited when appropriated) or loss (credited)
  'losses-carried-forward', // 繰越損失金: losses not yet covered, a debit balance
  'legal-reserve', // 準備金
  'job-creation-fund', // 就労創出等積立金
  'education-carry-forward', // 教育繰越金
  'retained-surplus', // 次期繰越剰余金: what the general meeting chose not to distribute
  'dividends-payable', // 未払従事分量配当金: each member's dividend by amount of work until it is paid
  'opening-balances', // 開始残高: reserves and losses a co-op had before it kept its books in Kyodo
] as const;
export type CapitalAccount = (typeof capitalAccounts)[number];

/** One line of a journal entry. `shares` moves shares on `capital` lines (+ held, − gone); it is 0 elsewhere. */
export interface JournalLine {
  account: CapitalAccount;
  /** The member the line concerns: members' capital, unpaid amounts and refunds are kept per membership. */
  membershipId: string | null;
  amount: number;
  shares: number;
}

export const entryTypes = ['subscription', 'payment', 'transfer', 'withdrawal', 'refund', 'write-down', 'reversal', 'surplus-appropriation', 'opening-balance'] as const;
export type EntryType = (typeof entryTypes)[number];

export const paymentMethods = ['bank', 'cash', 'payroll', 'in-kind'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

const debitAccountOf: Record<PaymentMethod, CapitalAccount> = { bank: 'bank', cash: 'bank', payroll: 'wages-payable', 'in-kind': 'in-kind-assets' };

const invalid = (code: string, message: string, field = 'amount') => new DomainError('rule_violation', code, message, [{ field, code, message }]);

const requirePositiveInteger = (value: number, field: string): void => {
  if (!Number.isSafeInteger(value) || value <= 0) throw new DomainError('invalid', 'not_positive_integer', `${field} must be a positive whole number`, [{ field, code: 'not_positive_integer', message: 'a positive whole number' }]);
};

/**
 * Refuses an entry that does not balance to the yen, moves nothing, or has amounts that are not whole yen. One line
 * is enough when it moves shares worth nothing (shares whose capital was all written down).
 */
export function assertBalanced(lines: readonly JournalLine[]): void {
  if (lines.every((line) => line.amount === 0 && line.shares === 0)) throw invalid('unbalanced_entry', 'an entry must move some yen or shares');
  let sum = 0;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amount) || !Number.isSafeInteger(line.shares)) throw invalid('unbalanced_entry', 'amounts and shares are whole numbers');
    if (line.shares !== 0 && line.account !== 'capital') throw invalid('unbalanced_entry', 'shares move only on the capital account');
    sum += line.amount;
  }
  if (sum !== 0) throw invalid('unbalanced_entry', `debits and credits differ by ${sum} yen`);
}

/** Subscribing shares (出資の引受け): the member owes their value until it is paid. */
export function subscriptionLines(membershipId: string, shares: number, sharePrice: number): JournalLine[] {
  requirePositiveInteger(shares, 'shares');
  requirePositiveInteger(sharePrice, 'sharePrice');
  const value = shares * sharePrice;
  return [
    { account: 'capital-unpaid', membershipId, amount: value, shares: 0 },
    { account: 'capital', membershipId, amount: -value, shares },
  ];
}

/** A payment on subscribed shares (払込み): in cash or by bank, withheld from wages, or in kind at its valuation. */
export function paymentLines(membershipId: string, amount: number, method: PaymentMethod): JournalLine[] {
  requirePositiveInteger(amount, 'amount');
  return [
    { account: debitAccountOf[method], membershipId: method === 'bank' || method === 'cash' ? null : membershipId, amount, shares: 0 },
    { account: 'capital-unpaid', membershipId, amount: -amount, shares: 0 },
  ];
}

/** Fully paid shares passing from one member to another (持分の譲渡), at their book value per share. */
export function transferLines(from: string, to: string, shares: number, valuePerShare: number): JournalLine[] {
  requirePositiveInteger(shares, 'shares');
  // Shares whose capital was all written down pass at no value.
  if (!Number.isSafeInteger(valuePerShare) || valuePerShare < 0) throw invalid('not_whole_yen', 'the value per share is whole yen, 0 or more', 'sharePrice');
  if (from === to) throw invalid('transfer_to_self', 'a member cannot transfer shares to themselves', 'to');
  const value = shares * valuePerShare;
  return [
    { account: 'capital', membershipId: from, amount: value, shares: -shares },
    { account: 'capital', membershipId: to, amount: -value, shares },
  ];
}

/** What one member holds, derived from the lines that name them. */
export interface CapitalPosition {
  shares: number;
  /** Capital on the member's account: subscribed value less what left (transfers, withdrawal, write-downs). */
  capital: number;
  unpaid: number;
  /** capital − unpaid: what the member has actually paid in and still has in the co-operative. */
  paid: number;
  /** Refunds owed to the member and not yet paid. */
  refundPayable: number;
}

export const emptyPosition: CapitalPosition = { shares: 0, capital: 0, unpaid: 0, paid: 0, refundPayable: 0 };

/**
 * Adds one line's effect to a position, in place: the one place that says which account moves what. The capital
 * account carries shares and capital (a credit raises it), capital-unpaid what is owed, refund-payable refunds owed.
 */
export function addLineTo(position: CapitalPosition, account: CapitalAccount | string, amount: number, shares: number): void {
  if (account === 'capital') {
    position.shares += shares;
    position.capital -= amount;
  } else if (account === 'capital-unpaid') {
    position.unpaid += amount;
  } else if (account === 'refund-payable') {
    position.refundPayable -= amount;
  } else {
    return;
  }
  position.paid = position.capital - position.unpaid;
}

/** Adds lines to a position: balances are always sums of entries, never numbers kept by hand. */
export function applyLines(position: CapitalPosition, lines: readonly JournalLine[], membershipId: string): CapitalPosition {
  const next = { ...position };
  for (const line of lines) if (line.membershipId === membershipId) addLineTo(next, line.account, line.amount, line.shares);
  return next;
}

/**
 * A member leaving with some or all of their shares (持分の払戻し, Act art. 17): the unpaid part is cancelled and
 * what was paid in on those shares becomes a refund owed, paid after the fiscal-year close. The refund can never
 * exceed what the member paid.
 */
export function withdrawalLines(membershipId: string, position: CapitalPosition, shares: number): JournalLine[] {
  requirePositiveInteger(shares, 'shares');
  if (shares > position.shares) throw invalid('more_shares_than_held', `the member holds ${position.shares} share(s)`, 'shares');
  if (position.unpaid < 0 || position.unpaid > position.capital) {
    throw invalid('inconsistent_position', `the member's capital (${position.capital} yen) and unpaid amount (${position.unpaid} yen) do not fit together`);
  }
  const capital = shares === position.shares ? position.capital : Math.floor((position.capital * shares) / position.shares);
  const unpaid = shares === position.shares ? position.unpaid : Math.min(position.unpaid, Math.floor((position.unpaid * shares) / position.shares));
  const refund = capital - unpaid;
  if (refund > position.paid) throw invalid('refund_exceeds_paid', `a refund of ${refund} yen is more than the ${position.paid} yen paid`);
  // The capital line always moves the shares, even when they are worth nothing after a write-down.
  const lines: JournalLine[] = [{ account: 'capital', membershipId, amount: capital, shares: -shares }];
  if (unpaid > 0) lines.push({ account: 'capital-unpaid', membershipId, amount: -unpaid, shares: 0 });
  if (refund > 0) lines.push({ account: 'refund-payable', membershipId, amount: -refund, shares: 0 });
  return lines;
}

/** Paying out a refund owed (払戻金の支払): never more than is owed. */
export function refundLines(membershipId: string, position: CapitalPosition, amount: number): JournalLine[] {
  requirePositiveInteger(amount, 'amount');
  if (amount > position.refundPayable) throw invalid('refund_exceeds_owed', `${position.refundPayable} yen is owed to the member`);
  return [
    { account: 'refund-payable', membershipId, amount, shares: 0 },
    { account: 'bank', membershipId: null, amount: -amount, shares: 0 },
  ];
}

/** Capital written down to cover losses (減資による欠損填補): the shares stay, their book value falls. */
export function writeDownLines(membershipId: string, position: CapitalPosition, amount: number): JournalLine[] {
  requirePositiveInteger(amount, 'amount');
  if (amount > position.paid) throw invalid('write_down_exceeds_paid', `only ${position.paid} yen paid in can be written down`);
  return [
    { account: 'capital', membershipId, amount, shares: 0 },
    { account: 'capital-reduction', membershipId: null, amount: -amount, shares: 0 },
  ];
}

/** The entry that undoes another (取消仕訳): every line negated. Entries are never edited or deleted. */
export const reversalLines = (lines: readonly JournalLine[]): JournalLine[] =>
  lines.map((line) => ({ ...line, amount: 0 - line.amount, shares: 0 - line.shares }));
