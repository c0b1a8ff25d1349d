import { fiscalYearOf, fiscalYearPeriod } from '../shared/fiscal-year.js';
import type { IndicatorFields } from './contract.js';
import { activityKinds, ageBands, outcomeKinds, placementKinds } from './participant.js';

/**
 * What a commissioner is told about a contract (委託事業の実績報告) and what the federation sees across contracts: counts
 * only, read from the plain columns (kinds, dates, age bands), never from what is sealed. Erasing a participant leaves
 * every figure as it was.
 *
 * Small cells (少数セルの秘匿). A count of 1 to 4 people is hidden: with an age band, an office and a month a reader who
 * knows the town can tell who it is. 0 is shown, as Japanese official statistics show it (「－」 beside the 「X」 of a
 * hidden figure): it describes nobody, and hiding it would hide the many empty cells of a small programme for nothing.
 * A figure whose total is printed is also protected against subtraction (二次秘匿, complementary suppression): when
 * exactly one figure of a group is hidden, the next smallest non-zero figure of the group is hidden too; when there is
 * none, the total is hidden. Every hidden figure carries the same mark, whether it is small or hidden to protect another
 * (as 経済センサス marks both with X): a different mark would say which of the two is the small one.
 *
 * This is the standard group-by-group rule, not a linear-programming audit: it guarantees that no hidden figure equals a
 * printed total minus printed figures, which is what a reader can do by hand.
 */

/** Counts of 1 to this many are hidden. */
export const smallCellLimit = 4;

export const isSmallCount = (value: number): boolean => value >= 1 && value <= smallCellLimit;

/** A figure as published: its value, or null when hidden. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

/** Figures (by index) whose total (an index too) is printed: no single hidden member may be worked out from it. */
export interface SuppressionGroup {
  members: readonly number[];
  total: number;
}

export interface SuppressionTable {
  /** Every figure of the tables, totals included, as counted. */
  values: readonly number[];
  /**
   * Whether the 1–4 rule applies to a figure (counts of people, or of their sessions and outcomes); false for hours,
   * which are hidden only with the people they describe. Every figure by default.
   */
  counts?: readonly boolean[];
  groups?: readonly SuppressionGroup[];
  /** Figures about the same people (a row's participants, sessions and hours): hidden together. */
  linked?: readonly (readonly number[])[];
}

/** The figures with the small ones hidden and, group by group, what would reveal them by subtraction. */
export function suppress(table: SuppressionTable): Cell[] {
  const { values, groups = [], linked = [] } = table;
  const hidden = values.map((value, i) => (table.counts?.[i] ?? true) && isSmallCount(value));
  let changed = true;
  const hide = (i: number) => {
    if (!hidden[i]) {
      hidden[i] = true;
      changed = true;
    }
  };
  /** The smallest figure of a group still shown and not 0 (hiding a 0 protects nothing); the first on a tie. */
  const smallestShown = (members: readonly number[]): number | undefined =>
    members.filter((i) => !hidden[i] && values[i]! > 0).sort((a, b) => values[a]! - values[b]! || a - b)[0];
  // Each pass hides at least one more figure or ends: it ends.
  while (changed) {
    changed = false;
    for (const link of linked) if (link.some((i) => hidden[i])) link.forEach(hide);
    for (const group of groups) {
      const hiddenMembers = group.members.filter((i) => hidden[i]).length;
      if (hiddenMembers === 1 && !hidden[group.total]) {
        const partner = smallestShown(group.members);
        hide(partner ?? group.total);
      } else if (hiddenMembers === 0 && hidden[group.total] && values[group.total]! > 0) {
        // A hidden total whose members are all shown is their sum: one member is hidden with it.
        const partner = smallestShown(group.members);
        if (partner !== undefined) hide(partner);
      }
    }
  }
  return values.map((value, i) => (hidden[i] ? { value: null, suppressed: true } : { value, suppressed: false }));
}

// ---------------------------------------------------------------------------------------------------------------
// A contract's report

/** What the report counts, from the plain columns of the contract's participants. */
export interface ContractFacts {
  participants: readonly { id: string; intakeOn: string; ageBand: string }[];
  activities: readonly { participantId: string; kind: string; on: string; minutes: number | null }[];
  outcomes: readonly { participantId: string; kind: string; on: string }[];
  followUps: readonly { participantId: string; months: number; doneOn: string | null; status: string }[];
}

export interface Period {
  from: string;
  until: string;
}

/** The indicators Kyodo counts itself; any other code is counted outside Kyodo (its actual is null). */
export const countedIndicators = ['participants-supported', 'new-registrations', 'job-placements', 'job-retention'] as const;
export type CountedIndicator = (typeof countedIndicators)[number];

/** Follow-ups that count as still in work: at six months, in work or in education (定着). */
const retentionMonths = 6;
const retainedStatuses: readonly string[] = ['in-work', 'in-education'];

export interface IndicatorFigure extends IndicatorFields {
  /** null: counted outside Kyodo. */
  actual: Cell | null;
  /** actual / target; null without a target, when the actual is hidden or counted outside. */
  rate: number | null;
}

export interface ContractFigures extends Period {
  indicators: IndicatorFigure[];
  byActivityKind: {
    rows: { kind: string; participants: Cell; sessions: Cell; hours: Cell }[];
    /** Participants with any activity (each once, so not the sum of the rows), sessions and hours. */
    total: { participants: Cell; sessions: Cell; hours: Cell };
  };
  byOutcomeKind: { rows: { kind: string; outcomes: Cell }[]; total: Cell };
  /** Participants supported by age band; the total is the participants-supported figure. */
  byAgeBand: { rows: { ageBand: string; participants: Cell }[]; total: Cell };
}

const isPlacement = (kind: string): boolean => (placementKinds as readonly string[]).includes(kind);

const within = (date: string | null, period: Period): boolean => date !== null && date >= period.from && date <= period.until;

/** The known values first in their order, then any other seen (an old code), so none is dropped from a total. */
const ordered = (known: readonly string[], seen: Iterable<string>): string[] => [...known, ...[...new Set(seen)].filter((v) => !known.includes(v)).sort()];

/** Participants with an intake or an activity in the period: those the contract supported then. */
export function participantsServed(
  facts: { participants: readonly { id: string; intakeOn: string }[]; activities: readonly { participantId: string; on: string }[] },
  period: Period,
): Set<string> {
  const served = new Set(facts.participants.filter((p) => within(p.intakeOn, period)).map((p) => p.id));
  for (const a of facts.activities) if (within(a.on, period)) served.add(a.participantId);
  return served;
}

/** Raw counts of the four indicators Kyodo counts. */
export function countIndicators(facts: ContractFacts, period: Period): Record<CountedIndicator, number> {
  const placed = new Set(facts.outcomes.filter((o) => within(o.on, period) && isPlacement(o.kind)).map((o) => o.participantId));
  return {
    'participants-supported': participantsServed(facts, period).size,
    'new-registrations': facts.participants.filter((p) => within(p.intakeOn, period)).length,
    'job-placements': placed.size,
    'job-retention': facts.followUps.filter((f) => f.months === retentionMonths && retainedStatuses.includes(f.status) && within(f.doneOn, period)).length,
  };
}

/** Hours to one decimal from minutes. */
const hoursOf = (minutes: number): number => Math.round(minutes / 6) / 10;

/**
 * A contract's figures for a period, every small count hidden. All the figures are suppressed as one table, so that
 * figures printed in two places (participants supported and the total by age band; placements and the outcomes of
 * the placement kinds) cannot undo each other's protection.
 */
export function contractFigures(facts: ContractFacts, indicators: readonly IndicatorFields[], period: Period): ContractFigures {
  const values: number[] = [];
  const counts: boolean[] = [];
  const groups: SuppressionGroup[] = [];
  const linked: number[][] = [];
  const add = (value: number, isCount = true): number => {
    values.push(value);
    counts.push(isCount);
    return values.length - 1;
  };

  const raw = countIndicators(facts, period);
  const indicatorAt = Object.fromEntries(countedIndicators.map((code) => [code, add(raw[code])])) as Record<CountedIndicator, number>;

  const activities = facts.activities.filter((a) => within(a.on, period));
  const activityRows = ordered(activityKinds, activities.map((a) => a.kind)).map((kind) => {
    const ofKind = activities.filter((a) => a.kind === kind);
    const row = {
      kind,
      participants: add(new Set(ofKind.map((a) => a.participantId)).size),
      sessions: add(ofKind.length),
      minutes: add(ofKind.reduce((sum, a) => sum + (a.minutes ?? 0), 0), false),
    };
    linked.push([row.participants, row.sessions, row.minutes]);
    return row;
  });
  const activityTotal = {
    participants: add(new Set(activities.map((a) => a.participantId)).size),
    sessions: add(activities.length),
    minutes: add(activities.reduce((sum, a) => sum + (a.minutes ?? 0), 0), false),
  };
  linked.push([activityTotal.participants, activityTotal.sessions, activityTotal.minutes]);
  groups.push({ members: activityRows.map((r) => r.sessions), total: activityTotal.sessions });
  groups.push({ members: activityRows.map((r) => r.minutes), total: activityTotal.minutes });

  const outcomes = facts.outcomes.filter((o) => within(o.on, period));
  const outcomeRows = ordered(outcomeKinds, outcomes.map((o) => o.kind)).map((kind) => ({ kind, outcomes: add(outcomes.filter((o) => o.kind === kind).length) }));
  const outcomeTotal = add(outcomes.length);
  groups.push({ members: outcomeRows.map((r) => r.outcomes), total: outcomeTotal });
  // The placements figure is (nearly always) the sum of the placement kinds' outcomes: guarded as their total too.
  groups.push({ members: outcomeRows.filter((r) => isPlacement(r.kind)).map((r) => r.outcomes), total: indicatorAt['job-placements'] });

  const served = participantsServed(facts, period);
  const bandOf = new Map(facts.participants.map((p) => [p.id, p.ageBand]));
  const servedBands = [...served].map((id) => bandOf.get(id) ?? 'unknown');
  const bandRows = ordered(ageBands, servedBands).map((ageBand) => ({ ageBand, participants: add(servedBands.filter((b) => b === ageBand).length) }));
  groups.push({ members: bandRows.map((r) => r.participants), total: indicatorAt['participants-supported'] });

  const cells = suppress({ values, counts, groups, linked });
  const hours = (i: number): Cell => (cells[i]!.suppressed ? cells[i]! : { value: hoursOf(values[i]!), suppressed: false });
  return {
    ...period,
    indicators: indicators.map((indicator) => {
      const at = (indicatorAt as Record<string, number>)[indicator.code];
      const actual = at === undefined ? null : cells[at]!;
      const rate = actual?.value == null || indicator.target === null || indicator.target === 0 ? null : Math.round((actual.value / indicator.target) * 1000) / 1000;
      return { ...indicator, actual, rate };
    }),
    byActivityKind: {
      rows: activityRows.map((r) => ({ kind: r.kind, participants: cells[r.participants]!, sessions: cells[r.sessions]!, hours: hours(r.minutes) })),
      total: { participants: cells[activityTotal.participants]!, sessions: cells[activityTotal.sessions]!, hours: hours(activityTotal.minutes) },
    },
    byOutcomeKind: { rows: outcomeRows.map((r) => ({ kind: r.kind, outcomes: cells[r.outcomes]! })), total: cells[outcomeTotal]! },
    byAgeBand: { rows: bandRows.map((r) => ({ ageBand: r.ageBand, participants: cells[r.participants]! })), total: cells[indicatorAt['participants-supported']]! },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The federation's overview

/** Fiscal years run April to March here, as the commissioners' (国・自治体の会計年度). */
export const programmeFiscalYearStart = 4;

export interface OverviewFacts {
  contracts: readonly { id: string; commissionerKind: string; commissionerPrefectureCode: string | null; periodFrom: string; periodUntil: string; siteIds: readonly string[] }[];
  sites: readonly { id: string; prefectureCode: string | null }[];
  participants: readonly { id: string; contractId: string; siteId: string; intakeOn: string }[];
  activities: readonly { participantId: string; on: string }[];
  outcomes: readonly { participantId: string; kind: string; on: string }[];
}

export interface ProgrammesOverview {
  fromYear: number;
  untilYear: number;
  from: string;
  until: string;
  /** Contracts whose period meets the years, and the participants they served in them. */
  byCommissioner: { rows: { kind: string; prefectureCode: string | null; contracts: number; participants: Cell }[]; total: { contracts: number; participants: Cell } };
  /** Where the offices are: contracts with an office there, the offices, the participants served there. */
  byPrefecture: { rows: { prefectureCode: string | null; contracts: number; offices: number; participants: Cell }[]; total: { contracts: number; offices: number; participants: Cell } };
  /** Each fiscal year: participants served (a person may be served in several years: no total) and outcomes by kind. */
  byFiscalYear: {
    outcomeKinds: string[];
    rows: { fiscalYear: number; participants: Cell; outcomes: Cell[]; outcomesTotal: Cell }[];
    total: { outcomes: Cell[]; outcomesTotal: Cell };
  };
}

const yearPeriod = (fromYear: number, untilYear: number): Period => ({
  from: fiscalYearPeriod(fromYear, programmeFiscalYearStart).from, until: fiscalYearPeriod(untilYear, programmeFiscalYearStart).until,
});

/**
 * The federation's view of its programmes over fiscal years: by commissioner (kind and prefecture), by the offices'
 * prefecture, by fiscal year. Contract and office counts are public (tenders are published); counts of people are
 * hidden when small, table by table.
 */
export function programmesOverview(facts: OverviewFacts, fromYear: number, untilYear: number): ProgrammesOverview {
  const period = yearPeriod(fromYear, untilYear);
  const contracts = facts.contracts.filter((c) => c.periodFrom <= period.until && c.periodUntil >= period.from);
  const served = participantsServed({ participants: facts.participants, activities: facts.activities }, period);
  const participants = facts.participants.filter((p) => served.has(p.id));
  const key = (...parts: (string | null)[]) => JSON.stringify(parts);

  // By commissioner: a participant belongs to one contract, so the rows add up to the total.
  const contractOf = new Map(facts.contracts.map((c) => [c.id, c]));
  const commissionerKey = (c: { commissionerKind: string; commissionerPrefectureCode: string | null }) => key(c.commissionerKind, c.commissionerPrefectureCode);
  const participantKey = (p: { contractId: string }) => {
    const contract = contractOf.get(p.contractId);
    return contract === undefined ? null : commissionerKey(contract);
  };
  const commissioners = new Map<string, { kind: string; prefectureCode: string | null }>();
  for (const c of [...contracts, ...participants.flatMap((p) => contractOf.get(p.contractId) ?? [])]) {
    commissioners.set(commissionerKey(c), { kind: c.commissionerKind, prefectureCode: c.commissionerPrefectureCode });
  }
  const commissionerRows = [...commissioners]
    .sort(([, a], [, b]) => a.kind.localeCompare(b.kind) || (a.prefectureCode ?? '99').localeCompare(b.prefectureCode ?? '99'))
    .map(([k, c]) => ({ ...c, contracts: contracts.filter((x) => commissionerKey(x) === k).length, participants: participants.filter((p) => participantKey(p) === k).length }));
  const commissionerCells = suppress({
    values: [...commissionerRows.map((r) => r.participants), participants.length],
    groups: [{ members: commissionerRows.map((_, i) => i), total: commissionerRows.length }],
  });

  // By prefecture of the offices: a participant is counted where their office is.
  const prefectureOf = new Map(facts.sites.map((s) => [s.id, s.prefectureCode]));
  const officeIds = [...new Set(contracts.flatMap((c) => c.siteIds))];
  const prefectureCodes = [...new Set([...officeIds, ...participants.map((p) => p.siteId)].map((id) => prefectureOf.get(id) ?? null))]
    .sort((a, b) => (a ?? '99').localeCompare(b ?? '99'));
  const prefectureRows = prefectureCodes.map((code) => ({
    prefectureCode: code,
    contracts: contracts.filter((c) => c.siteIds.some((s) => (prefectureOf.get(s) ?? null) === code)).length,
    offices: officeIds.filter((s) => (prefectureOf.get(s) ?? null) === code).length,
    participants: participants.filter((p) => (prefectureOf.get(p.siteId) ?? null) === code).length,
  }));
  const prefectureCells = suppress({
    values: [...prefectureRows.map((r) => r.participants), participants.length],
    groups: [{ members: prefectureRows.map((_, i) => i), total: prefectureRows.length }],
  });

  // By fiscal year: years × outcome kinds, with the totals of each year and of each kind.
  const years = Array.from({ length: untilYear - fromYear + 1 }, (_, i) => fromYear + i);
  const outcomes = facts.outcomes.filter((o) => within(o.on, period));
  const kinds = ordered(outcomeKinds, outcomes.map((o) => o.kind));
  const yearOf = (date: string) => fiscalYearOf(date, programmeFiscalYearStart);
  const grid = years.map((year) => kinds.map((kind) => outcomes.filter((o) => o.kind === kind && yearOf(o.on) === year).length));
  const width = kinds.length + 1;
  const values = [
    ...grid.flatMap((row) => [...row, row.reduce((a, b) => a + b, 0)]),
    ...kinds.map((_, k) => grid.reduce((sum, row) => sum + row[k]!, 0)), outcomes.length,
  ];
  const totalRow = years.length * width;
  const groups: SuppressionGroup[] = [
    ...years.map((_, y) => ({ members: kinds.map((_k, k) => y * width + k), total: y * width + kinds.length })),
    ...kinds.map((_, k) => ({ members: years.map((_y, y) => y * width + k), total: totalRow + k })),
    { members: kinds.map((_, k) => totalRow + k), total: totalRow + kinds.length },
    { members: years.map((_, y) => y * width + kinds.length), total: totalRow + kinds.length },
  ];
  const gridCells = suppress({ values, groups });
  const servedIn = years.map((year) => participantsServed({ participants: facts.participants, activities: facts.activities }, yearPeriod(year, year)).size);
  const servedCells = suppress({ values: servedIn });

  return {
    fromYear, untilYear, ...period,
    byCommissioner: {
      rows: commissionerRows.map((r, i) => ({ ...r, participants: commissionerCells[i]! })),
      total: { contracts: contracts.length, participants: commissionerCells[commissionerRows.length]! },
    },
    byPrefecture: {
      rows: prefectureRows.map((r, i) => ({ ...r, participants: prefectureCells[i]! })),
      total: { contracts: contracts.length, offices: officeIds.length, participants: prefectureCells[prefectureRows.length]! },
    },
    byFiscalYear: {
      outcomeKinds: kinds,
      rows: years.map((fiscalYear, y) => ({
        fiscalYear, participants: servedCells[y]!, outcomes: kinds.map((_, k) => gridCells[y * width + k]!), outcomesTotal: gridCells[y * width + kinds.length]!,
      })),
      total: { outcomes: kinds.map((_, k) => gridCells[totalRow + k]!), outcomesTotal: gridCells[totalRow + kinds.length]! },
    },
  };
}

/** The contract a report is about, as its title names it. */
export interface ReportedContract {
  id: string;
  organizationId: string;
  organizationNameJa: string;
  organizationNameEn: string | null;
  commissionerNameJa: string;
  commissionerNameEn: string | null;
  programmeJa: string;
  programmeEn: string | null;
  periodFrom: string;
  periodUntil: string;
}

/** A contract's report to its commissioner for a period (委託事業実績報告): counts only, small ones hidden. */
export interface ContractReport extends ContractFigures {
  contract: ReportedContract;
}
