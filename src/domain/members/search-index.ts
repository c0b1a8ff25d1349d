import type { MembershipStatus } from './lifecycle.js';
import { searchTokens } from './search-key.js';
import type { MemberListItem, MemberSort } from './views.js';

/** A member as the registry's list shows them, with the key their number sorts by. */
export interface IndexedMember extends MemberListItem {
  memberNumberKey: string;
}

/** What the list narrows to: a search key (`searchQueryKey` of what was typed), a kind, a status, members on a date. */
export interface MemberFilter {
  key?: string | undefined;
  kind?: string | undefined;
  status?: MembershipStatus | undefined;
  /** Admitted on or before this date and not ended by it. */
  memberOn?: string | undefined;
}

export interface MemberOrder {
  sort: MemberSort;
  descending: boolean;
  /**
   * Where a member with no admission date goes when sorting by it, as the database puts a null: SQLite takes it for
   * the smallest value, PostgreSQL for the largest. The list answers the same on either, whichever path serves it.
   */
  nullsSmallest: boolean;
}

export const memberNumberOrder: MemberOrder = { sort: 'memberNumber', descending: false, nullsSmallest: true };

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A nullable value against another, a null placed as the database places it. */
const compareNullable = (a: string | null, b: string | null, nullsSmallest: boolean): number => {
  if (a === b) return 0;
  if (a === null) return nullsSmallest ? -1 : 1;
  if (b === null) return nullsSmallest ? 1 : -1;
  return compare(a, b);
};

type Comparator = (a: IndexedMember, b: IndexedMember) => number;

/**
 * The list's order, as the registry's SQL gives it: the sort's columns in the direction asked, then the membership id,
 * always ascending. In member-number order the number's sort key comes first ("0003" before "10"), then the number.
 */
export function memberComparator(order: MemberOrder): Comparator {
  const direction = order.descending ? -1 : 1;
  const columns: Comparator =
    order.sort === 'memberNumber' ? (a, b) => compare(a.memberNumberKey, b.memberNumberKey) || compare(a.memberNumber, b.memberNumber)
    : order.sort === 'kana' ? (a, b) => compare(a.familyKana, b.familyKana) || compare(a.givenKana, b.givenKana)
    : (a, b) => compareNullable(a.admittedOn, b.admittedOn, order.nullsSmallest);
  return (a, b) => direction * columns(a, b) || compare(a.membershipId, b.membershipId);
}

const byNumber = memberComparator(memberNumberOrder);
const orderKey = (order: MemberOrder): string => `${order.sort}|${order.descending}|${order.sort === 'admittedOn' && order.nullsSmallest}`;

/** A member on a date: admitted on or before it, and not ended by it. */
export const isMemberOn = (member: Pick<IndexedMember, 'admittedOn' | 'endedOn'>, date: string): boolean =>
  member.admittedOn !== null && member.admittedOn <= date && (member.endedOn === null || member.endedOn > date);

const passes = (member: IndexedMember, filter: MemberFilter): boolean =>
  (filter.kind === undefined || member.kind === filter.kind)
  && (filter.status === undefined || member.status === filter.status)
  && (filter.memberOn === undefined || isMemberOn(member, filter.memberOn));

/** Two lists sorted by `comparator`, as one. */
function merge(a: IndexedMember[], b: IndexedMember[], comparator: Comparator): IndexedMember[] {
  if (b.length === 0) return a;
  const out: IndexedMember[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(comparator(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/**
 * One organization's members, and every search token (names as written, kana, romaji, the member number; see
 * `searchTokens`) sorted, each pointing at the members it belongs to. A search is the tokens that start with the key:
 * a binary search for the first, then the run of them that share the prefix.
 *
 * Built once from the registry, then kept up to date member by member: `put` lays a member's new state over the base
 * (a few at a time, searched directly), and once those are many the base is built again from memory. Each order the
 * list is asked for is sorted once per base and kept.
 */
export class MemberSearchIndex {
  private base: readonly IndexedMember[] = [];
  private tokens: string[] = [];
  private postings: Uint32Array[] = [];
  /** Positions of the base in each order asked for so far, and each position's rank in that order. */
  private orders = new Map<string, { positions: Uint32Array; ranks: Uint32Array }>();
  /** Members whose state changed since the base was built (their base entry, if any, no longer counts). */
  private readonly changed = new Map<string, IndexedMember>();

  constructor(members: readonly IndexedMember[]) {
    this.build(members);
  }

  private build(members: readonly IndexedMember[]): void {
    const sorted = [...members].sort(byNumber);
    const byToken = new Map<string, number[]>();
    sorted.forEach((member, position) => {
      for (const token of searchTokens(member, member.memberNumber)) {
        const positions = byToken.get(token);
        if (positions) positions.push(position);
        else byToken.set(token, [position]);
      }
    });
    this.base = sorted;
    this.tokens = [...byToken.keys()].sort(compare);
    this.postings = this.tokens.map((token) => Uint32Array.from(byToken.get(token)!));
    this.orders = new Map();
    this.changed.clear();
    this.inBaseIds = null;
  }

  /** How many members the index holds. */
  get size(): number {
    let size = this.base.length;
    for (const id of this.changed.keys()) if (!this.inBase.has(id)) size += 1;
    return size;
  }

  private inBaseIds: Set<string> | null = null;
  private get inBase(): Set<string> {
    this.inBaseIds ??= new Set(this.base.map((m) => m.membershipId));
    return this.inBaseIds;
  }

  /** Records a member's current state: new to the index, or changed (names, number, kind, status, dates). */
  put(member: IndexedMember): void {
    this.changed.set(member.membershipId, member);
    // A search reads every changed member: past a few hundred (or an eighth of the base), building again is cheaper.
    if (this.changed.size > Math.max(256, this.base.length / 8)) this.build(this.all());
  }

  /** Every member, the changed ones as they are now. */
  all(): IndexedMember[] {
    if (this.changed.size === 0) return [...this.base];
    const members = new Map(this.base.map((m) => [m.membershipId, m]));
    for (const [id, m] of this.changed) members.set(id, m);
    return [...members.values()];
  }

  /** The positions (in the base) of those with a token that starts with `key`, each once, in member-number order. */
  private matching(key: string): number[] {
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.tokens[middle]! < key) low = middle + 1;
      else high = middle;
    }
    const found = new Uint8Array(this.base.length);
    let count = 0;
    for (let t = low; t < this.tokens.length && this.tokens[t]!.startsWith(key); t++) {
      for (const position of this.postings[t]!) {
        if (found[position] === 0) {
          found[position] = 1;
          count += 1;
        }
      }
    }
    const positions = new Array<number>(count);
    let next = 0;
    for (let position = 0; next < count; position++) if (found[position] === 1) positions[next++] = position;
    return positions;
  }

  private orderOf(order: MemberOrder): { positions: Uint32Array; ranks: Uint32Array } {
    const key = orderKey(order);
    let kept = this.orders.get(key);
    if (!kept) {
      const comparator = memberComparator(order);
      const positions = Uint32Array.from(this.base.keys()).sort((a, b) => comparator(this.base[a]!, this.base[b]!));
      const ranks = new Uint32Array(positions.length);
      positions.forEach((position, rank) => {
        ranks[position] = rank;
      });
      kept = { positions, ranks };
      this.orders.set(key, kept);
    }
    return kept;
  }

  /** The members that pass the filter, in the order asked (member-number order unless told). */
  select(filter: MemberFilter, order: MemberOrder = memberNumberOrder): IndexedMember[] {
    const inNumberOrder = order.sort === 'memberNumber' && !order.descending;
    // Positions in the base, in the order asked; null for all of them in member-number order.
    let positions: ArrayLike<number> | null = null;
    if (filter.key !== undefined) {
      const found = this.matching(filter.key);
      if (!inNumberOrder) {
        const { ranks } = this.orderOf(order);
        found.sort((a, b) => ranks[a]! - ranks[b]!);
      }
      positions = found;
    } else if (!inNumberOrder) {
      positions = this.orderOf(order).positions;
    }
    const selected: IndexedMember[] = [];
    const changed = this.changed.size > 0 ? this.changed : null;
    const count = positions ? positions.length : this.base.length;
    for (let i = 0; i < count; i++) {
      const member = this.base[positions ? positions[i]! : i]!;
      if (changed?.has(member.membershipId)) continue;
      if (passes(member, filter)) selected.push(member);
    }
    if (!changed) return selected;
    const key = filter.key;
    const comparator = memberComparator(order);
    const extra = [...changed.values()]
      .filter((m) => (key === undefined || searchTokens(m, m.memberNumber).some((t) => t.startsWith(key))) && passes(m, filter))
      .sort(comparator);
    return merge(selected, extra, comparator);
  }
}

/** The members of one or more organizations that pass the filter, in the list's order (see `memberComparator`). */
export function selectMembers(indexes: readonly MemberSearchIndex[], filter: MemberFilter, order: MemberOrder): IndexedMember[] {
  if (indexes.length === 1) return indexes[0]!.select(filter, order);
  // Each organization's part is sorted already: the sort merges those runs.
  return indexes.flatMap((index) => index.select(filter, order)).sort(memberComparator(order));
}

/**
 * One page of that list and how many are on it in all. Across organizations (the federation's search), each one's
 * part is already in order and only the members up to the page's end are merged, not the whole federation sorted.
 */
export function pageOfMembers(indexes: readonly MemberSearchIndex[], filter: MemberFilter, order: MemberOrder, offset: number, limit: number): { items: IndexedMember[]; total: number } {
  const parts = indexes.map((index) => index.select(filter, order)).filter((part) => part.length > 0);
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  if (parts.length <= 1) return { items: (parts[0] ?? []).slice(offset, offset + limit), total };
  const comparator = memberComparator(order);
  const next = parts.map(() => 0);
  const items: IndexedMember[] = [];
  for (let taken = 0; taken < offset + limit; taken++) {
    let best = -1;
    for (let p = 0; p < parts.length; p++) {
      if (next[p]! < parts[p]!.length && (best === -1 || comparator(parts[p]![next[p]!]!, parts[best]![next[best]!]!) < 0)) best = p;
    }
    if (best === -1) break;
    const member = parts[best]![next[best]!++]!;
    if (taken >= offset) items.push(member);
  }
  return { items, total };
}
