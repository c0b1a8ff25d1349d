/**
 * The registry's counts on each date of a trend, swept in memory from intervals read once: members from their
 * admission and end dates, and for the people who work in the co-op, the days they were engaged, were members and
 * had a labour contract. One pass over the rows serves all the dates, instead of one query per date.
 *
 * The registry's conventions: a membership is current from its admission to the day before it ended
 * (admitted_on ≤ d < ended_on); an engagement and a labour contract include their last day (≤ ended_on).
 *
 * Work recorded in a month (work records) also makes someone engaged in the work in that month and the month after:
 * a month's work is often entered once the month is over, and the month of the date itself may have no day recorded
 * yet. Recorded work gives no labour contract: that is the registry's.
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

/** A month (YYYY-MM) in which someone has work recorded. */
export interface WorkMonth {
  personId: string;
  month: string;
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

/** The index of the first date after `date` in ascending `dates`: the end of a range that includes its last day. */
const firstAfter = (dates: readonly string[], date: string): number => firstAtOrAfter(dates, `${date}\u0000`);

/** The later of two dates, and the earlier of two last days where null is open-ended. */
const later = (a: string, b: string): string => (a > b ? a : b);
const earlier = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a < b ? a : b);

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

/** The month before a YYYY-MM month. */
function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The composition counts on each of `dates` (ascending). Each person's days are marked on the dates as ranges found
 * by binary search — engaged, a member, under contract — and then counted once per date: a few operations per
 * person and date, so a federation of thousands of workers over two years stays within milliseconds.
 */
export function compositionCounts(
  dates: readonly string[],
  spans: readonly MembershipSpan[],
  engagements: readonly EngagementSpan[],
  workerMemberships: readonly WorkerMembership[],
  workMonths: readonly WorkMonth[] = [],
): CompositionCounts[] {
  const counts: CompositionCounts[] = memberCounts(dates, spans).map((members) => ({ members, workers: 0, engagedMembers: 0, labourContractMembers: 0 }));
  const people = new Map<string, { engagements: EngagementSpan[]; memberships: WorkerMembership[]; months: string[] }>();
  const personOf = (personId: string) => {
    const person = people.get(personId) ?? { engagements: [], memberships: [], months: [] };
    people.set(personId, person);
    return person;
  };
  for (const e of engagements) personOf(e.personId).engagements.push(e);
  for (const w of workMonths) personOf(w.personId).months.push(w.month);
  for (const m of workerMemberships) people.get(m.personId)?.memberships.push(m);
  // The dates a month of work counts on: those in that month and in the month after.
  const datesOfWorkMonth = new Map<string, number[]>();
  dates.forEach((date, i) => {
    for (const month of [date.slice(0, 7), previousMonth(date.slice(0, 7))]) datesOfWorkMonth.set(month, [...(datesOfWorkMonth.get(month) ?? []), i]);
  });
  const n = dates.length;
  const engaged = new Uint8Array(n);
  const member = new Uint8Array(n);
  const contract = new Uint8Array(n);
  for (const person of people.values()) {
    engaged.fill(0);
    member.fill(0);
    contract.fill(0);
    for (const e of person.engagements) {
      engaged.fill(1, firstAtOrAfter(dates, e.startedOn), e.endedOn === null ? n : firstAfter(dates, e.endedOn));
      if (e.labourContractFrom === null) continue;
      const until = earlier(e.endedOn, e.labourContractUntil);
      contract.fill(1, firstAtOrAfter(dates, later(e.startedOn, e.labourContractFrom)), until === null ? n : firstAfter(dates, until));
    }
    for (const month of person.months) for (const i of datesOfWorkMonth.get(month) ?? []) engaged[i] = 1;
    // Current while the date is before the end: up to the first date on or after it.
    for (const m of person.memberships) member.fill(1, firstAtOrAfter(dates, m.admittedOn), m.endedOn === null ? n : firstAtOrAfter(dates, m.endedOn));
    for (let i = 0; i < n; i += 1) {
      if (!engaged[i]) continue;
      const c = counts[i]!;
      c.workers += 1;
      if (!member[i]) continue;
      c.engagedMembers += 1;
      if (contract[i]) c.labourContractMembers += 1;
    }
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
