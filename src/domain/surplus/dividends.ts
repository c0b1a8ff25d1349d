import type { Fraction } from '../governance/resolutions.js';
import { DomainError, type FieldError } from '../shared/errors.js';

/**
 * The dividend by amount of work (従事分量配当): the distributable surplus divided among members in proportion to
 * the work each did in the year, as the bylaws measure it (Worker Cooperatives Act Art. 77(2); domain.md §2.12),
 * never by capital. Where the bylaws say so, a member's dividend is set against the capital they still owe on their
 * shares (Art. 78).
 *
 * Decisions:
 * - Work is a whole number, 0 or more, in the unit the bylaws measure: hours, minutes, days, or weighted hours
 *   with the weights made whole (a responsibility factor of 1.25 as hours × 125 against hours × 100 for the
 *   others). Whole numbers keep every share exact; the caller scales rational weights by their common denominator.
 * - Whole yen by the largest-remainder method (Hamilton): each member first gets the whole yen of their exact share
 *   total × work / totalWork; the yen left over (fewer than the members with a remainder) go one each to the largest
 *   remainders. So the parts add up exactly to the total and each is within one yen of its exact share.
 * - Ties in remainders go to the member with more work, then to the smaller member id (compared by UTF-16 code
 *   units, not by locale, so the order is the same everywhere). The rank is reported, so the tie-break can be shown.
 * - Members with no work get 0 and are never rounded up (their remainder is 0).
 * - Arithmetic on total × work is done in BigInt, so large totals lose nothing.
 */

export interface MemberWork {
  memberId: string;
  /** Amount of work in the bylaws' unit, a whole number, 0 or more. */
  work: number;
  /** Capital the member still owes on their shares (未払込出資金), whole yen; 0 when absent. */
  unpaidCapital?: number;
}

export interface DividendOptions {
  /** The bylaws set dividends against unpaid capital (Art. 78). Default false: everything is paid out. */
  withholdAgainstUnpaidCapital?: boolean;
}

/** total × work / totalWork written as whole yen plus a proper fraction: yen + remainder / denominator. */
export interface ExactAmount {
  yen: number;
  remainder: number;
  denominator: number;
}

/** One member's line on the statement: how their dividend was reached. */
export interface MemberDividend {
  memberId: string;
  work: number;
  /** work / totalWork, not reduced, so the statement can read "1,520 of 30,400 hours". 0/1 when nobody worked. */
  shareOfWork: Fraction;
  exact: ExactAmount;
  /** Whole yen after the largest-remainder rounding: exact.yen, or exact.yen + 1 when `roundedUp`. */
  amount: number;
  roundedUp: boolean;
  /** Place in the remainder order (1 = largest), among members with a remainder; null without one. */
  remainderRank: number | null;
  /** Set against unpaid capital: min(amount, unpaid capital) when the bylaws say so, else 0. */
  withheld: number;
  /** amount − withheld: what is paid to the member, never negative. */
  payment: number;
}

export interface DividendSplit {
  total: number;
  totalWork: number;
  /** One line per member, in the order given. */
  members: MemberDividend[];
  /** Σ withheld. */
  withheld: number;
  /** Σ payment; withheld + paid = total. */
  paid: number;
}

const refuse = (errors: FieldError[]): DomainError =>
  new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);

function checkInput(total: number, members: readonly MemberWork[]): number {
  const errors: FieldError[] = [];
  if (!Number.isSafeInteger(total) || total < 0) errors.push({ field: 'total', code: 'not_whole_yen', message: 'whole yen, 0 or more' });
  const seen = new Set<string>();
  let totalWork = 0;
  members.forEach((member, i) => {
    if (seen.has(member.memberId)) errors.push({ field: `members.${i}.memberId`, code: 'duplicate_member', message: `${member.memberId} appears twice` });
    seen.add(member.memberId);
    if (!Number.isSafeInteger(member.work) || member.work < 0) errors.push({ field: `members.${i}.work`, code: 'not_whole_number', message: 'a whole number, 0 or more' });
    else totalWork += member.work;
    const unpaid = member.unpaidCapital ?? 0;
    if (!Number.isSafeInteger(unpaid) || unpaid < 0) errors.push({ field: `members.${i}.unpaidCapital`, code: 'not_whole_yen', message: 'whole yen, 0 or more' });
  });
  if (!Number.isSafeInteger(totalWork)) errors.push({ field: 'members', code: 'work_too_large', message: 'the total work is too large to count exactly' });
  if (errors.length > 0) throw refuse(errors);
  if (total > 0 && totalWork === 0) {
    throw new DomainError('rule_violation', 'no_work_recorded', 'a dividend by amount of work needs some work recorded', [
      { field: 'members', code: 'no_work_recorded', message: 'no member has any work' },
    ]);
  }
  return totalWork;
}

/** The tie-break order of the remainders: larger remainder, then more work, then the smaller member id. */
function byRemainder(a: { remainder: bigint; work: number; memberId: string }, b: { remainder: bigint; work: number; memberId: string }): number {
  if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1;
  if (a.work !== b.work) return b.work - a.work;
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

/**
 * Splits `total` yen among the members by their work, so the parts add up exactly to the total, and sets each
 * dividend against unpaid capital where the bylaws say so. Refuses a positive total when nobody worked.
 */
export function splitDividends(total: number, members: readonly MemberWork[], options: DividendOptions = {}): DividendSplit {
  const totalWork = checkInput(total, members);
  const denominator = totalWork === 0 ? 1n : BigInt(totalWork);
  const lines = members.map((member) => {
    const product = BigInt(total) * BigInt(member.work);
    return { memberId: member.memberId, work: member.work, yen: product / denominator, remainder: product % denominator };
  });

  const floors = lines.reduce((sum, line) => sum + line.yen, 0n);
  // Σ remainder / totalWork = total − Σ floors, an integer below the number of members with a remainder.
  const leftOver = Number(BigInt(total) - floors);
  const ranked = lines.filter((line) => line.remainder > 0n).sort(byRemainder);
  const rankOf = new Map(ranked.map((line, i) => [line.memberId, i + 1]));

  const withhold = options.withholdAgainstUnpaidCapital ?? false;
  const result = lines.map((line, i): MemberDividend => {
    const rank = rankOf.get(line.memberId) ?? null;
    const roundedUp = rank !== null && rank <= leftOver;
    const amount = Number(line.yen) + (roundedUp ? 1 : 0);
    const withheld = withhold ? Math.min(amount, members[i]!.unpaidCapital ?? 0) : 0;
    return {
      memberId: line.memberId,
      work: line.work,
      shareOfWork: { numerator: line.work, denominator: totalWork === 0 ? 1 : totalWork },
      exact: { yen: Number(line.yen), remainder: Number(line.remainder), denominator: Number(denominator) },
      amount,
      roundedUp,
      remainderRank: rank,
      withheld,
      payment: amount - withheld,
    };
  });
  const withheld = result.reduce((sum, line) => sum + line.withheld, 0);
  return { total, totalWork, members: result, withheld, paid: total - withheld };
}
