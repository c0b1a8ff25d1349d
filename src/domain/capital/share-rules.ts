import { DomainError } from '../shared/errors.js';

/**
 * What an organization's bylaws say about capital (定款), from a date on. The Act fixes the frame (domain.md §2.7,
 * §2.13): every member holds at least one share, all shares have one value, one member holds at most 25% of all
 * shares (35% with the general meeting's approval when taking over a leaving member's shares), and the cap does
 * not apply with three members or fewer.
 */
export interface CapitalRules {
  effectiveFrom: string;
  /** 一口の金額, integer yen. */
  sharePrice: number;
  /** Shares every member must hold (at least 1). */
  minimumShares: number;
  /** Largest share of all shares one member may hold, percent; null: no cap (a profile without one). */
  capPercent: number | null;
  /** The cap when taking over a leaving member's shares with the general meeting's approval. */
  takeoverCapPercent: number | null;
  /** At or below this many members the cap does not apply. */
  capExemptUpTo: number;
  /** Days before the fiscal-year end by which notice of withdrawal is given; refunds are paid after the close. */
  refundNoticeDays: number;
}

export const defaultCapitalRules = (shareCapPercent: number | null, withdrawalNoticeDays: number): Omit<CapitalRules, 'effectiveFrom' | 'sharePrice'> => ({
  minimumShares: 1,
  capPercent: shareCapPercent,
  takeoverCapPercent: shareCapPercent === null ? null : Math.max(shareCapPercent, 35),
  capExemptUpTo: 3,
  refundNoticeDays: withdrawalNoticeDays,
});

/** Refuses bylaws the Act would not allow. */
export function checkCapitalRules(rules: CapitalRules): void {
  const errors: { field: string; code: string; message: string }[] = [];
  if (!Number.isSafeInteger(rules.sharePrice) || rules.sharePrice < 1) errors.push({ field: 'sharePrice', code: 'not_positive_integer', message: 'whole yen, at least 1' });
  if (!Number.isSafeInteger(rules.minimumShares) || rules.minimumShares < 1) errors.push({ field: 'minimumShares', code: 'minimum_shares_too_low', message: 'every member holds at least one share' });
  const percent = (value: number | null) => value === null || (Number.isInteger(value) && value >= 1 && value <= 100);
  if (!percent(rules.capPercent)) errors.push({ field: 'capPercent', code: 'out_of_range', message: '1–100' });
  if (!percent(rules.takeoverCapPercent)) errors.push({ field: 'takeoverCapPercent', code: 'out_of_range', message: '1–100' });
  else if (rules.capPercent !== null && (rules.takeoverCapPercent === null || rules.takeoverCapPercent < rules.capPercent)) {
    // Without a cap on takeovers an approved takeover would have none at all; the Act allows 35%.
    errors.push({ field: 'takeoverCapPercent', code: 'out_of_range', message: 'at least the ordinary cap' });
  }
  if (!Number.isSafeInteger(rules.capExemptUpTo) || rules.capExemptUpTo < 0) errors.push({ field: 'capExemptUpTo', code: 'out_of_range', message: '0 or more' });
  if (errors.length > 0) throw new DomainError('invalid', 'invalid_capital_rules', 'the capital rules are not valid', errors);
}

/** The rules in force on a date: the latest whose effective date is on or before it. */
export function rulesOn<T extends { effectiveFrom: string }>(history: readonly T[], date: string): T | null {
  let found: T | null = null;
  for (const rules of history) if (rules.effectiveFrom <= date && (!found || rules.effectiveFrom > found.effectiveFrom)) found = rules;
  return found;
}

/**
 * A member below the bylaws' minimum: refused unless they hold nothing at all (they have left). Applies after
 * every movement of shares.
 */
export function checkMinimumShares(shares: number, rules: Pick<CapitalRules, 'minimumShares'>): void {
  if (shares !== 0 && shares < rules.minimumShares) {
    throw new DomainError('rule_violation', 'below_minimum_shares', `a member holds at least ${rules.minimumShares} share(s)`, [
      { field: 'shares', code: 'below_minimum_shares', message: `at least ${rules.minimumShares}` },
    ]);
  }
}

/**
 * The single-member cap (Act: 25% of all shares; 35% with approval when taking over a leaving member's shares;
 * none with three members or fewer). `members` counts members holding shares after the movement.
 */
export function checkShareCap(
  memberShares: number,
  totalShares: number,
  members: number,
  rules: Pick<CapitalRules, 'capPercent' | 'takeoverCapPercent' | 'capExemptUpTo'>,
  options: { approvedTakeover?: boolean } = {},
): void {
  const percent = options.approvedTakeover ? (rules.takeoverCapPercent ?? rules.capPercent) : rules.capPercent;
  if (percent === null || members <= rules.capExemptUpTo || totalShares === 0) return;
  // Whole-number comparison: memberShares / totalShares ≤ percent / 100.
  if (memberShares * 100 > totalShares * percent) {
    const allowed = Math.floor((totalShares * percent) / 100);
    throw new DomainError('rule_violation', 'share_cap_exceeded', `one member may hold at most ${percent}% of all shares (${allowed} of ${totalShares})`, [
      { field: 'shares', code: 'share_cap_exceeded', message: `at most ${percent}% of all shares` },
    ]);
  }
}

/**
 * At founding the first payment is at least a quarter of each share subscribed (Act, founding provisions): a
 * quarter of the share price in whole yen, rounded up, for every share.
 */
export const foundingMinimum = (shares: number, sharePrice: number): number => shares * Math.ceil(sharePrice / 4);

export function checkFoundingPayment(shares: number, sharePrice: number, firstPayment: number): void {
  const required = foundingMinimum(shares, sharePrice);
  if (firstPayment < required) {
    throw new DomainError('rule_violation', 'founding_payment_too_low', `at founding at least a quarter of each share is paid: ${required} yen`, [
      { field: 'amount', code: 'founding_payment_too_low', message: `at least ${required}` },
    ]);
  }
}

/** A payment larger than what the member still owes on their shares. */
export function checkPaymentWithinUnpaid(amount: number, unpaid: number): void {
  if (amount > unpaid) {
    throw new DomainError('rule_violation', 'payment_exceeds_unpaid', `the member owes ${unpaid} yen on their shares`, [
      { field: 'amount', code: 'payment_exceeds_unpaid', message: `at most ${unpaid}` },
    ]);
  }
}
