import type { Fraction } from '../governance/resolutions.js';
import { addMonths } from './calendar.js';
import { complianceCheckCodes, complianceRules, meetsFloor, statusOf, type ComplianceCheckCode, type ComplianceStatus } from './checks.js';
import { officerChecks, officersOn, officerShortfalls, type OfficerSeat, type Officers } from './officers.js';
import type { CompositionCounts } from './series.js';
import { projectBreach, trendRules, type TrendPoint, type TrendRules } from './trend.js';

/**
 * The compliance board (法令遵守状況): every check of checks.ts on a date, with its trend and, where it still holds,
 * the date it is projected to break — for one organization, and for the federation as the sum of its members.
 */

/** What the registry, the board, the bylaws and the ledger say about one organization on each date of the trend. */
export interface OrganizationFacts {
  /** The trend's dates in order; the last is the board's date. */
  dates: string[];
  /** The law profile imposes the worker co-operative composition rules (LawProfile.workerCoopComposition). */
  compositionApplies: boolean;
  /** Per date. Workers and their counts are known only where the composition rules apply. */
  composition: CompositionCounts[];
  /** The board's seats, past, present and future. */
  seats: OfficerSeat[];
  /** The legal reserve's amount in the bylaws in force on each date (定款で定める準備金の額); null where none is stated. */
  reserveTargets: (number | null)[];
  /** Total capital subscribed on each date (出資総額), in yen. */
  totalCapital: number[];
  /** The legal reserve's balance on the board's date, in yen: shown beside its target, not checked. */
  reserveBalance: number;
}

/** Why a check that holds today is expected to break: its trend goes on, or officers' terms end with nobody to follow. */
export const projectionBases = ['trend', 'terms'] as const;

export interface Projection {
  date: string;
  basis: (typeof projectionBases)[number];
}

/** What a figure rests on, where it is not plain: the audit by a member audit council, or a reserve target not stated. */
export const complianceNotes = ['member_audit_council', 'member_audit_council_not_allowed', 'reserve_target_not_stated'] as const;
export type ComplianceNote = (typeof complianceNotes)[number];

export interface CheckResult {
  code: ComplianceCheckCode;
  article: string;
  floor: Fraction;
  strict: boolean;
  status: ComplianceStatus;
  /** On the board's date; null when not applicable or unknown. */
  figure: Fraction | null;
  trend: TrendPoint[];
  projection: Projection | null;
  note: ComplianceNote | null;
}

export interface OrganizationBoard {
  date: string;
  compositionApplies: boolean;
  counts: CompositionCounts;
  officers: Officers;
  reserve: { target: number | null; totalCapital: number; balance: number };
  checks: CheckResult[];
}

const count = (n: number): Fraction => ({ numerator: n, denominator: 1 });

/** The figure of a composition or reserve check on the i-th date; null where it is unknown. */
function ratioFigure(code: ComplianceCheckCode, facts: OrganizationFacts, i: number): Fraction | null {
  const c = facts.composition[i]!;
  switch (code) {
    case 'engaged_members':
      return { numerator: c.engagedMembers, denominator: c.members };
    case 'member_workers':
      return { numerator: c.engagedMembers, denominator: c.workers };
    case 'labour_contract_votes':
      return { numerator: c.labourContractMembers, denominator: c.members };
    default: {
      const target = facts.reserveTargets[i];
      return target === null || target === undefined ? null : { numerator: target, denominator: facts.totalCapital[i]! };
    }
  }
}

function checkFacts(facts: OrganizationFacts): void {
  const n = facts.dates.length;
  if (n === 0) throw new RangeError('a board needs at least its own date');
  if (facts.composition.length !== n || facts.reserveTargets.length !== n || facts.totalCapital.length !== n) {
    throw new RangeError('every series has one value per date of the trend');
  }
}

/** One organization's board on the last of `facts.dates`. */
export function organizationBoard(facts: OrganizationFacts, rules: TrendRules = trendRules): OrganizationBoard {
  checkFacts(facts);
  const last = facts.dates.length - 1;
  const date = facts.dates[last]!;
  const horizon = addMonths(date, rules.horizonMonths);
  const officersAt = facts.dates.map((d, i) => {
    const officers = officersOn(facts.seats, d);
    return { officers, checks: officerChecks(officers, facts.composition[i]!.members) };
  });
  const shortfalls = officerShortfalls(facts.seats, facts.composition[last]!.members, date, horizon);

  const checks = complianceCheckCodes.map((code): CheckResult => {
    const rule = complianceRules[code];
    const base = { code, article: rule.article, floor: rule.floor, strict: rule.strict };
    if (rule.composition && !facts.compositionApplies) return { ...base, status: 'not_applicable', figure: null, trend: [], projection: null, note: null };
    if (code === 'directors' || code === 'auditors') {
      const trend = facts.dates.map((d, i) => {
        const { officers, checks: held } = officersAt[i]!;
        return { date: d, figure: count(code === 'directors' ? officers.directors : officers.auditors), holds: code === 'directors' ? held.directors : held.auditors };
      });
      const holds = trend[last]!.holds;
      const shortOn = holds ? shortfalls[code] : null;
      const projection: Projection | null = shortOn ? { date: shortOn, basis: 'terms' } : null;
      const note = code === 'auditors' ? officersAt[last]!.checks.auditorNote : null;
      return { ...base, status: statusOf(holds, projection?.date ?? null), figure: trend[last]!.figure, trend, projection, note };
    }
    const trend = facts.dates.map((d, i) => {
      const figure = ratioFigure(code, facts, i);
      return { date: d, figure, holds: figure === null ? null : meetsFloor(figure, rule) };
    });
    const holds = trend[last]!.holds;
    const projected = holds ? projectBreach(trend, rule, rules) : null;
    const projection: Projection | null = projected ? { date: projected, basis: 'trend' } : null;
    const note = code === 'legal_reserve_target' && facts.reserveTargets[last] === null ? 'reserve_target_not_stated' : null;
    return { ...base, status: statusOf(holds, projected), figure: trend[last]!.figure, trend, projection, note };
  });

  return {
    date,
    compositionApplies: facts.compositionApplies,
    counts: facts.composition[last]!,
    officers: officersAt[last]!.officers,
    reserve: { target: facts.reserveTargets[last] ?? null, totalCapital: facts.totalCapital[last]!, balance: facts.reserveBalance },
    checks,
  };
}

// -----------------------------------------------------------------------------------------------------------------
// The federation

/**
 * How the federation's figure is made: `sum` adds up the members and workers of every organization the rule binds
 * (a federation-wide share); `organizations` counts the organizations that meet the rule out of those judged — a
 * board or a reserve cannot be added up across co-operatives, and every one of them must meet it.
 */
export const federationBases = ['sum', 'organizations'] as const;
export type FederationBasis = (typeof federationBases)[number];

export interface OrganizationAttention {
  organizationId: string;
  status: 'breach' | 'warning';
  projection: Projection | null;
}

export interface FederationCheck {
  code: ComplianceCheckCode;
  article: string;
  basis: FederationBasis;
  /** The floor of this figure: the rule's for a sum; every organization (1/1) for a count of organizations. */
  floor: Fraction;
  strict: boolean;
  /** The floor each organization must meet. */
  organizationFloor: Fraction;
  status: ComplianceStatus;
  figure: Fraction | null;
  trend: TrendPoint[];
  projection: Projection | null;
  /** Organizations by their own status for this check. */
  organizations: Record<ComplianceStatus, number>;
  /** The organizations in breach (first) or projected to breach (soonest first). */
  attention: OrganizationAttention[];
}

export interface FederationBoard {
  date: string;
  checks: FederationCheck[];
}

const everyOne: Fraction = { numerator: 1, denominator: 1 };
const sumBasis = (code: ComplianceCheckCode): boolean => complianceRules[code].composition;

function federationTrend(code: ComplianceCheckCode, results: readonly CheckResult[], dates: readonly string[]): TrendPoint[] {
  const rule = complianceRules[code];
  return dates.map((date, i) => {
    const points = results.map((r) => r.trend[i]).filter((p): p is TrendPoint => p !== undefined);
    if (sumBasis(code)) {
      const figure = points.reduce<Fraction>((sum, p) => ({
        numerator: sum.numerator + (p.figure?.numerator ?? 0), denominator: sum.denominator + (p.figure?.denominator ?? 0),
      }), { numerator: 0, denominator: 0 });
      return { date, figure, holds: meetsFloor(figure, rule) };
    }
    const judged = points.filter((p) => p.holds !== null);
    const figure = { numerator: judged.filter((p) => p.holds).length, denominator: judged.length };
    return { date, figure, holds: meetsFloor(figure, { floor: everyOne, strict: false }) };
  });
}

const attentionOrder = (a: OrganizationAttention, b: OrganizationAttention): number =>
  (a.status === b.status ? 0 : a.status === 'breach' ? -1 : 1) ||
  (a.projection?.date ?? '').localeCompare(b.projection?.date ?? '') ||
  a.organizationId.localeCompare(b.organizationId);

/**
 * The federation's board from its member organizations' boards, made over the same `dates`: a sum for the composition
 * rules, a count of organizations meeting the rule for the officers and the reserve, and which organizations need
 * attention.
 */
export function federationBoard(dates: readonly string[], boards: readonly { organizationId: string; board: OrganizationBoard }[], rules: TrendRules = trendRules): FederationBoard {
  const date = dates.at(-1);
  if (date === undefined) throw new RangeError('a board needs at least its own date');
  for (const { board } of boards) if (board.date !== date) throw new RangeError('the organizations\' boards must be on the federation board\'s date');
  const checks = complianceCheckCodes.map((code): FederationCheck => {
    const rule = complianceRules[code];
    const byOrganization = boards.map(({ organizationId, board }) => ({ organizationId, result: board.checks.find((c) => c.code === code)! }));
    const organizations: Record<ComplianceStatus, number> = { ok: 0, warning: 0, breach: 0, no_data: 0, not_applicable: 0 };
    for (const { result } of byOrganization) organizations[result.status] += 1;
    const attention = byOrganization
      .filter(({ result }) => result.status === 'breach' || result.status === 'warning')
      .map(({ organizationId, result }) => ({ organizationId, status: result.status as 'breach' | 'warning', projection: result.projection }))
      .sort(attentionOrder);
    const applicable = byOrganization.map(({ result }) => result).filter((r) => r.status !== 'not_applicable');
    const basis: FederationBasis = sumBasis(code) ? 'sum' : 'organizations';
    const floor = basis === 'sum' ? rule.floor : everyOne;
    const strict = basis === 'sum' ? rule.strict : false;
    const base = { code, article: rule.article, basis, floor, strict, organizationFloor: rule.floor, organizations, attention };
    if (applicable.length === 0) return { ...base, status: 'not_applicable', figure: null, trend: [], projection: null };
    const trend = federationTrend(code, applicable, dates);
    const holds = trend.at(-1)!.holds;
    let projection: Projection | null = null;
    if (holds && basis === 'sum') {
      const projected = projectBreach(trend, { floor, strict }, rules);
      projection = projected ? { date: projected, basis: 'trend' } : null;
    } else if (holds) {
      // Every organization meets the rule today: the federation's first expected breach is the soonest of theirs.
      projection = attention.find((a) => a.projection)?.projection ?? null;
    }
    return { ...base, status: statusOf(holds, projection?.date ?? null), figure: trend.at(-1)!.figure, trend, projection };
  });
  return { date, checks };
}
