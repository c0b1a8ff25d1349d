import { officerRules } from '../governance/elections.js';
import type { Fraction } from '../governance/resolutions.js';
import { minimumMemberShareOfWorkers } from '../members/member.js';
import { actReserveTargetShareOfCapital } from '../surplus/allocation.js';

/**
 * The standing requirements of the Worker Cooperatives Act (労働者協同組合法) that a co-operative must keep meeting
 * from day to day, not only when it is founded (domain.md §2 items 3, 4, 9, 12). Each is a figure — a fraction of
 * whole numbers — held against a legal floor, so that every check is exact integer arithmetic:
 *
 * - engaged_members: members engaged in the work (従事する組合員) are at least 4/5 of all members (Art. 8(1));
 * - member_workers: members are at least 3/4 of everyone engaged in the work (従事者), Art. 8(2);
 * - labour_contract_votes: members with a labour contract hold more than half of the votes (Art. 3(2)(iv)); one
 *   member has one vote (Art. 11(1)), so the votes are counted as members;
 * - directors: at least three directors (理事), Art. 32;
 * - auditors: at least one auditor (監事), Art. 32, unless a co-op of 20 members or fewer has a member audit
 *   council (組合員監査会) instead, Art. 54;
 * - legal_reserve_target: the amount of the legal reserve (準備金) the bylaws set is at least half of total capital
 *   (出資総額の二分の一, Art. 76(2)). Total capital grows as members subscribe, so a target set once can fall
 *   below half of it; the figure is target / total capital.
 *
 * The floors are the ones the rules' own modules hold (officers in governance, the share of workers in members,
 * the reserve in surplus); only the two ratios nobody else checks are stated here.
 */
export const complianceCheckCodes = ['engaged_members', 'member_workers', 'labour_contract_votes', 'directors', 'auditors', 'legal_reserve_target'] as const;
export type ComplianceCheckCode = (typeof complianceCheckCodes)[number];

export interface ComplianceRule {
  /** The legal floor of the figure. */
  floor: Fraction;
  /** The figure must be more than the floor (過半数), not merely reach it. */
  strict: boolean;
  /** Where the Act says so, for people to look up. */
  article: string;
  /**
   * One of the worker co-operative composition rules, which bind only where the law profile says so
   * (`workerCoopComposition`): an older persons' co-op under the Consumer Co-operatives Act has user members.
   */
  composition: boolean;
}

/** 総組合員の五分の四以上の数の組合員は、組合の行う事業に従事しなければならない (Art. 8(1)). */
export const minimumEngagedShareOfMembers: Fraction = { numerator: 4, denominator: 5 };

/** 組合との間で労働契約を締結する組合員が総組合員の議決権の過半数を保有すること (Art. 3(2)(iv)): more than half. */
export const labourContractShareOfVotes: Fraction = { numerator: 1, denominator: 2 };

const count = (n: number): Fraction => ({ numerator: n, denominator: 1 });

export const complianceRules: Readonly<Record<ComplianceCheckCode, ComplianceRule>> = {
  engaged_members: { floor: minimumEngagedShareOfMembers, strict: false, article: 'Art. 8(1)', composition: true },
  member_workers: { floor: minimumMemberShareOfWorkers, strict: false, article: 'Art. 8(2)', composition: true },
  labour_contract_votes: { floor: labourContractShareOfVotes, strict: true, article: 'Art. 3(2)(iv)', composition: true },
  directors: { floor: count(officerRules.minDirectors), strict: false, article: 'Art. 32', composition: false },
  auditors: { floor: count(officerRules.minAuditors), strict: false, article: 'Art. 32, Art. 54', composition: false },
  legal_reserve_target: { floor: actReserveTargetShareOfCapital, strict: false, article: 'Art. 76(2)', composition: false },
};

/**
 * ok: the figure meets its floor and its trend does not reach the floor within the horizon; warning: it meets the
 * floor today but is projected to cross it; breach: it does not meet the floor on the date; no_data: there is
 * nothing to judge (no members, nobody engaged, no reserve target in the bylaws); not_applicable: the law profile
 * does not impose the rule.
 */
export const complianceStatuses = ['ok', 'warning', 'breach', 'no_data', 'not_applicable'] as const;
export type ComplianceStatus = (typeof complianceStatuses)[number];

/**
 * Whether `figure` meets a floor, by cross-multiplying (n/d ≥ a/b ⇔ n·b ≥ a·d) in BigInt so that yen amounts
 * times a denominator lose nothing; null when the figure has no denominator (nothing to judge: 0 of 0 members).
 */
export function meetsFloor(figure: Fraction, rule: Pick<ComplianceRule, 'floor' | 'strict'>): boolean | null {
  for (const n of [figure.numerator, figure.denominator]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('a figure is whole numbers, 0 or more');
  }
  if (figure.denominator === 0) return null;
  const left = BigInt(figure.numerator) * BigInt(rule.floor.denominator);
  const right = BigInt(rule.floor.numerator) * BigInt(figure.denominator);
  return rule.strict ? left > right : left >= right;
}

/** The status of a check from whether it holds on the date and whether a breach is projected. */
export function statusOf(holds: boolean | null, projectedBreach: string | null): Exclude<ComplianceStatus, 'not_applicable'> {
  if (holds === null) return 'no_data';
  if (!holds) return 'breach';
  return projectedBreach === null ? 'ok' : 'warning';
}
