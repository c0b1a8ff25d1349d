/**
 * The registry's counts on each date of a trend, swept in memory from intervals read once: members from their
 * admission and end dates, and for the people who work in the co-op, the days they were engaged, were members and
 * had a labour contract. One pass over the rows serves all the dates, instead of one query per date.
 *
 * The registry's conventions: a membership is current from its admission to the day before it ended
 * (admitted_on ≤ d < ended_on); an engagement and a labour contract include their last day (≤ ended_on).
 */

/** Memberships grouped by their dates: `count` members admitted on `admittedOn` and ended on `endedOn`. */
export interface MembershipSpan {
  admittedOn: string;
  endedOn: string | null;
  count: number;
}

/** A membership of someone who has been engaged in the work. */
export interface WorkerMembership {
  personId: string;
  admittedOn: string;
  endedOn: string | null;
}

/** An engagement in the work (従事), with its labour contract if any. */
export interface EngagementSpan {
  personId: string;
  startedOn: string;
  endedOn: string | null;
  labourContractFrom: string | null;
  labourContractUntil: string | null;
}

/** The counts the composition rules compare, on one date; people working at two sites count once. */
export interface CompositionCounts {
  members: number;
  /** Everyone engaged in the work (従事者), members or not. */
  workers: number;
  /** Members engaged in the work: the numerator of both Art. 8 ratios. */
  engagedMembers: number;
  /** Members engaged in the work under a labour contract (their votes, one each). */
  labourContractMembers: number;
}

/** The index of the first date ≥ `date` in ascending `dates`. */
function firstAtOrAfter(dates: readonly string[], date: string): number {
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (dates[mid]! < date) low = mid + 1;
    else high = mid;
  }
  return low;
}

const isMember = (m: { admittedOn: string; endedOn: string | null }, date: string): boolean => m.admittedOn <= date && (m.endedOn === null || m.endedOn > date);
const isEngaged = (e: EngagementSpan, date: string): boolean => e.startedOn <= date && (e.endedOn === null || e.endedOn >= date);
const hasContract = (e: EngagementSpan, date: string): boolean =>
  isEngaged(e, date) && e.labourContractFrom !== null && e.labourContractFrom <= date && (e.labourContractUntil === null || e.labourContractUntil >= date);

/** Members on each of `dates` (ascending): each span adds its count over the dates it covers. */
export function memberCounts(dates: readonly string[], spans: readonly MembershipSpan[]): number[] {
  const delta = new Array<number>(dates.length + 1).fill(0);
  for (const span of spans) {
    const from = firstAtOrAfter(dates, span.admittedOn);
    // Current while the date is before the end: up to the first date on or after it.
    const to = span.endedOn === null ? dates.length : firstAtOrAfter(dates, span.endedOn);
    if (from >= to) continue;
    delta[from]! += span.count;
    delta[to]! -= span.count;
  }
  const counts: number[] = [];
  let running = 0;
  for (let i = 0; i < dates.length; i += 1) {
    running += delta[i]!;
    counts.push(running);
  }
  return counts;
}

/** The composition counts on each of `dates` (ascending). */
export function compositionCounts(
  dates: readonly string[],
  spans: readonly MembershipSpan[],
  engagements: readonly EngagementSpan[],
  workerMemberships: readonly WorkerMembership[],
): CompositionCounts[] {
  const counts: CompositionCounts[] = memberCounts(dates, spans).map((members) => ({ members, workers: 0, engagedMembers: 0, labourContractMembers: 0 }));
  const people = new Map<string, { engagements: EngagementSpan[]; memberships: WorkerMembership[] }>();
  for (const e of engagements) {
    const person = people.get(e.personId) ?? { engagements: [], memberships: [] };
    person.engagements.push(e);
    people.set(e.personId, person);
  }
  for (const m of workerMemberships) people.get(m.personId)?.memberships.push(m);
  for (const person of people.values()) {
    dates.forEach((date, i) => {
      if (!person.engagements.some((e) => isEngaged(e, date))) return;
      const c = counts[i]!;
      c.workers += 1;
      if (!person.memberships.some((m) => isMember(m, date))) return;
      c.engagedMembers += 1;
      if (person.engagements.some((e) => hasContract(e, date))) c.labourContractMembers += 1;
    });
  }
  return counts;
}

/** A ledger account's balance on each of `dates` (ascending), from its sums per entry date: everything up to the date. */
export function balances(dates: readonly string[], sums: readonly { entryDate: string; amount: number }[]): number[] {
  const sorted = [...sums].sort((a, b) => (a.entryDate < b.entryDate ? -1 : a.entryDate > b.entryDate ? 1 : 0));
  const result: number[] = [];
  let next = 0;
  let running = 0;
  for (const date of dates) {
    while (next < sorted.length && sorted[next]!.entryDate <= date) running += sorted[next++]!.amount;
    result.push(running);
  }
  return result;
}
