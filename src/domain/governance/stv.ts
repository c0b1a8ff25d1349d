import { checkCandidates, drawLot, type LotDraw } from './elections.js';

/**
 * The single transferable vote (単記移譲式投票) for electing several officers at once, counted by one of two
 * published rules. Both count in exact fixed-point integers, never floating point, so that the same ballots give the
 * same count sheet, to the last digit, on every machine.
 *
 * **Scottish STV** — The Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1, rules 45–52
 * (https://www.legislation.gov.uk/ssi/2007/42/schedule/1/made). Votes are kept to five decimal places
 * (scaled by 10^5):
 * - rule 45–46: the quota is floor(valid ballot papers / (seats + 1)) + 1; an empty ballot paper is not valid;
 * - rule 47: a candidate whose votes equal or exceed the quota at the end of any stage is deemed elected;
 * - rules 48–49: while seats remain, the largest untransferred surplus is transferred, one surplus per stage. All
 *   the ballot papers the candidate holds pass to their next continuing preference (weighted inclusive Gregory),
 *   each at the transfer value (surplus × the paper's value when received) ÷ the candidate's votes, calculated to
 *   five decimal places with any remainder ignored; the elected candidate keeps the quota. Papers with no further
 *   preference are non-transferable at the same value, and the truncated remainders are reported as
 *   `roundingLoss`. Equal surpluses: the candidate with more votes at the end of the most recent preceding stage at
 *   which they differed goes first, else a lot;
 * - rules 50–51: with no surplus to transfer, the continuing candidate with fewest votes is excluded and all their
 *   papers pass on at the value they carry (1 for a first preference). Equal lowest: the one with fewest votes at
 *   the most recent preceding stage at which they differed is excluded, else a lot. Where earlier stages separate
 *   only some of the tied candidates, the look-back continues among those still level;
 * - rule 52: when the continuing candidates are no more than the seats left, they are all deemed elected and no
 *   further transfer is made.
 *
 * **Meek STV** — I. D. Hill, B. A. Wichmann and D. R. Woodall, "Algorithm 123 — Single Transferable Vote by Meek's
 * method", The Computer Journal 30(3):277–281 (1987), in the form of the Proportional Representation Foundation's
 * Reference Meek Rule (https://prfound.org/resources/reference/reference-meek-rule/), which follows Hill's 2006
 * revision (Voting Matters 22) and the New Zealand Local Electoral Regulations 2001, Schedule 1A:
 * - votes, keep values and the quota are kept to nine decimal places (scaled by 10^9);
 * - every candidate has a keep value: 1 while hopeful, 0 once excluded, and for an elected candidate the share of
 *   each vote reaching them that they keep. Each ballot starts with weight 1; at each candidate in its order it
 *   gives them weight × keep value (rounded up to 9 places) and carries the rest on; what is left after the last
 *   preference is exhausted;
 * - after each distribution the quota is recalculated: (sum of all candidates' votes) ÷ (seats + 1), truncated to
 *   9 places, plus 0.000000001; hopefuls at or above it are elected;
 * - the total surplus is the sum over elected candidates of (votes − quota), at least 0. The iteration stops when
 *   someone was elected, when the surplus is below ω = 0.000001 (the convergence tolerance), or when it stopped
 *   falling (the fixed-point limit); otherwise each elected candidate's keep value becomes
 *   keep × quota (rounded up) ÷ votes (rounded up), at most 1, and the ballots are distributed again;
 * - when the iteration has settled without electing anyone, the hopeful with fewest votes is excluded (keep value
 *   0). Hopefuls whose votes are within the total surplus of the lowest count as tied with it, since more
 *   iterations could still reorder them. Ties are broken as in Scottish rule 51 (most recent earlier stage at which
 *   they differed, then a lot); the Reference Rule leaves the tie procedure open and Schedule 1A uses its own
 *   pseudo-random draw, so this is Kyodo's choice, stated in the count sheet;
 * - when the hopefuls are no more than the seats left, they are all elected.
 *
 * Lots are drawn with `drawLot` from the seed passed in: reproducible by anyone holding the seed, and reported in the
 * stage where they decided (`tieBreak.decidedBy === 'lot'`, and `decidedByLot` on the result).
 */

export const stvMethods = ['meek', 'scottish'] as const;
export type StvMethod = (typeof stvMethods)[number];

/** Identical ballots grouped: a ranking (first preference first) and how many ballots carry it. */
export interface RankedBallots {
  ranking: readonly string[];
  count: number;
}

/** An exact fixed-point quantity: `value` as a decimal string with the method's places, `scaled` as the integer. */
export interface Amount {
  value: string;
  scaled: number;
}

export type CandidateStatus = 'hopeful' | 'elected' | 'excluded';

export interface Standing {
  candidate: string;
  votes: Amount;
  status: CandidateStatus;
  /** Meek only: the keep value the stage's distribution used. */
  keepValue?: Amount;
}

export type StageAction =
  | { kind: 'first_count' }
  | { kind: 'surplus_transfer'; candidate: string; surplus: Amount; transferValues: Amount[] }
  | { kind: 'exclusion'; candidate: string }
  /** Meek: the iteration brought one or more hopefuls to the quota. */
  | { kind: 'quota_reached' }
  | { kind: 'remaining_seats_filled' };

/** How a tie was broken, for the count sheet. */
export interface TieBreak {
  purpose: 'exclusion' | 'surplus_order';
  among: string[];
  chosen: string;
  decidedBy: 'earlier_stage' | 'lot';
  /** The earlier stage that separated them. */
  stage?: number;
  lot?: LotDraw;
}

/** One column of the count sheet: what the stage did and where every candidate stood after it. */
export interface CountStage {
  stage: number;
  action: StageAction;
  tieBreak?: TieBreak;
  /** Deemed elected at this stage: by reaching the quota, or (`remaining_seats_filled`) as the seats left. */
  elected: string[];
  quota: Amount;
  /** In the order of the candidate list. */
  standings: Standing[];
  /** Non-transferable (exhausted) votes so far. */
  exhausted: Amount;
  /** Scottish: votes lost so far by truncating transfer values. Meek loses none (it is always zero). */
  roundingLoss: Amount;
  /** Meek: distributions in this stage, and the total surplus after the last one. */
  iterations?: number;
  surplus?: Amount;
}

export interface StvResult {
  method: StvMethod;
  seats: number;
  /** Decimal places kept: 5 (Scottish) or 9 (Meek). */
  decimals: number;
  validBallots: number;
  /** Empty rankings: no first preference, so not valid ballot papers. */
  invalidBallots: number;
  /** The quota at the first stage. */
  quota: Amount;
  /** In order of election. */
  elected: string[];
  decidedByLot: boolean;
  stages: CountStage[];
}

export interface StvInput {
  candidates: readonly string[];
  ballots: readonly RankedBallots[];
  seats: number;
  method: StvMethod;
  /** Seed of any lot the count needs (see drawLot); '' when none was fixed. */
  seed?: string;
}

/**
 * The most valid ballots a count accepts: with votes scaled by 10^9, every total must stay a safe integer
 * (2^53 − 1), which leaves room for 9,007,199 ballots.
 */
export const maxStvBallots = Math.floor(Number.MAX_SAFE_INTEGER / 1e9);

/** Distinct candidate ids a ranking key can tell apart: one code point each, skipping the surrogate range. */
const maxDistinctIds = 0x10ffff - 0x800;

/** Groups identical rankings, so that a count walks each distinct ranking once. Keeps the order of first sight. */
export function groupRankings(rankings: Iterable<readonly string[]>): RankedBallots[] {
  const ids = new Map<string, number>();
  const groups = new Map<string, RankedBallots & { count: number }>();
  for (const ranking of rankings) {
    // The key spells the ranking with one code point per distinct id, so that no two rankings share a key.
    let key = '';
    for (const id of ranking) {
      let n = ids.get(id);
      if (n === undefined) {
        if (ids.size === maxDistinctIds) throw new RangeError('too many distinct candidate ids in the rankings');
        n = ids.size < 0xd800 ? ids.size : ids.size + 0x800;
        ids.set(id, n);
      }
      key += String.fromCodePoint(n);
    }
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { ranking: [...ranking], count: 1 });
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Fixed-point helpers: all operands are non-negative safe integers.

const floorDiv = (a: number, b: number): number => (a - (a % b)) / b;

function fixed(scaled: number, decimals: number): Amount {
  const unit = 10 ** decimals;
  const whole = floorDiv(scaled, unit);
  return { value: `${whole}.${String(scaled - whole * unit).padStart(decimals, '0')}`, scaled };
}

const meekOne = 1e9;

/**
 * ceil(w × k / 10^9) for w, k in [0, 10^9], exactly, in doubles: k is split at 10^5 so that every partial product
 * stays below 2^53.
 */
function mulUp(w: number, k: number): number {
  const kl = k % 1e5;
  const kh = (k - kl) / 1e5;
  const y = w * kl;
  const yr = y % 1e5;
  const s = w * kh + (y - yr) / 1e5;
  const sr = s % 1e4;
  const q = (s - sr) / 1e4;
  return sr !== 0 || yr !== 0 ? q + 1 : q;
}

const bigCeilDiv = (a: bigint, b: bigint): bigint => (a + b - 1n) / b;

// ---------------------------------------------------------------------------------------------------------------
// The ballots as flat integer arrays

interface Prepared {
  candidates: readonly string[];
  seats: number;
  seed: string;
  method: StvMethod;
  /** Candidate indices of every ranking, one after another; ranking g is prefs[starts[g]] … prefs[ends[g] − 1]. */
  prefs: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  counts: Float64Array;
  valid: number;
  invalid: number;
}

function prepare(input: StvInput): Prepared {
  const { candidates, ballots, seats, method } = input;
  checkCandidates(candidates);
  if (!stvMethods.includes(method)) throw new RangeError(`method must be one of ${stvMethods.join(', ')}`);
  if (!Number.isSafeInteger(seats) || seats < 1 || seats >= candidates.length) {
    throw new RangeError(`seats must be a whole number, at least 1 and fewer than the ${candidates.length} candidates`);
  }
  const index = new Map(candidates.map((c, i) => [c, i]));
  const kept = ballots.filter((b, i) => {
    if (!Number.isSafeInteger(b.count) || b.count < 1) throw new RangeError(`ballots[${i}].count must be a whole number, 1 or more`);
    return b.ranking.length > 0;
  });
  const prefs = new Int32Array(kept.reduce((n, b) => n + b.ranking.length, 0));
  const starts = new Int32Array(kept.length);
  const ends = new Int32Array(kept.length);
  const counts = new Float64Array(kept.length);
  const seen = new Int32Array(candidates.length).fill(-1);
  let p = 0;
  let valid = 0;
  kept.forEach((b, g) => {
    starts[g] = p;
    for (const id of b.ranking) {
      const c = index.get(id);
      if (c === undefined) throw new RangeError(`ballots[${ballots.indexOf(b)}] ranks unknown candidate "${id}"`);
      if (seen[c] === g) throw new RangeError(`ballots[${ballots.indexOf(b)}] ranks "${id}" twice`);
      seen[c] = g;
      prefs[p++] = c;
    }
    ends[g] = p;
    counts[g] = b.count;
    valid += b.count;
  });
  if (valid > maxStvBallots) throw new RangeError(`an STV count takes at most ${maxStvBallots} valid ballots`);
  const invalid = ballots.reduce((n, b) => n + (b.ranking.length === 0 ? b.count : 0), 0);
  return { candidates, seats, seed: input.seed ?? '', method, prefs, starts, ends, counts, valid, invalid };
}

// ---------------------------------------------------------------------------------------------------------------
// What both counts share: statuses, the stage history, tie-breaks, the count sheet

const HOPEFUL = 0;
const ELECTED = 1;
const EXCLUDED = 2;
const statusNames: readonly CandidateStatus[] = ['hopeful', 'elected', 'excluded'];

class CountSheet {
  readonly status: Uint8Array;
  readonly votes: Float64Array;
  readonly elected: number[] = [];
  readonly stages: CountStage[] = [];
  /** Votes per candidate at the end of each recorded stage, for looking back at ties. */
  private readonly history: Float64Array[] = [];

  constructor(
    readonly ballots: Prepared,
    readonly decimals: number,
  ) {
    this.status = new Uint8Array(ballots.candidates.length);
    this.votes = new Float64Array(ballots.candidates.length);
  }

  hopefuls(): number[] {
    const found: number[] = [];
    this.status.forEach((s, c) => {
      if (s === HOPEFUL) found.push(c);
    });
    return found;
  }

  seatsLeft(): number {
    return this.ballots.seats - this.elected.length;
  }

  /** Elects the given candidates, most votes first (equal votes in the order of the candidate list). */
  elect(candidates: number[]): string[] {
    const ordered = [...candidates].sort((a, b) => this.votes[b]! - this.votes[a]! || a - b);
    for (const c of ordered) {
      this.status[c] = ELECTED;
      this.elected.push(c);
    }
    return ordered.map((c) => this.ballots.candidates[c]!);
  }

  /**
   * Picks one of `tied`: by the most recent recorded stage at which their votes differed (fewest votes for an
   * exclusion, most for the order of surpluses), narrowing to those still level, then by lot.
   */
  breakTie(tied: number[], purpose: TieBreak['purpose']): { chosen: number; tieBreak?: TieBreak } {
    if (tied.length === 1) return { chosen: tied[0]! };
    const ids = this.ballots.candidates;
    const among = tied.map((c) => ids[c]!);
    let remaining = tied;
    for (let s = this.history.length - 1; s >= 0 && remaining.length > 1; s--) {
      const votes = this.history[s]!;
      const values = remaining.map((c) => votes[c]!);
      const target = purpose === 'exclusion' ? Math.min(...values) : Math.max(...values);
      const narrowed = remaining.filter((c) => votes[c] === target);
      if (narrowed.length < remaining.length) remaining = narrowed;
      if (remaining.length === 1) return { chosen: remaining[0]!, tieBreak: { purpose, among, chosen: ids[remaining[0]!]!, decidedBy: 'earlier_stage', stage: s + 1 } };
    }
    const lot = drawLot(this.ballots.seed, `${this.ballots.method}:stage ${this.stages.length + 1}:${purpose}`, remaining.map((c) => ids[c]!));
    return { chosen: ids.indexOf(lot.chosen), tieBreak: { purpose, among, chosen: lot.chosen, decidedBy: 'lot', lot } };
  }

  record(stage: Omit<CountStage, 'stage' | 'standings' | 'quota' | 'exhausted' | 'roundingLoss'>, figures: { quota: number; exhausted: number; roundingLoss: number; keep?: ArrayLike<number> }): void {
    const d = this.decimals;
    const standings = this.ballots.candidates.map((candidate, c): Standing => {
      const standing: Standing = { candidate, votes: fixed(this.votes[c]!, d), status: statusNames[this.status[c]!]! };
      if (figures.keep) standing.keepValue = fixed(figures.keep[c]!, d);
      return standing;
    });
    this.stages.push({
      stage: this.stages.length + 1,
      ...stage,
      quota: fixed(figures.quota, d),
      standings,
      exhausted: fixed(figures.exhausted, d),
      roundingLoss: fixed(figures.roundingLoss, d),
    });
    this.history.push(Float64Array.from(this.votes));
  }

  result(): StvResult {
    const first = this.stages[0]!;
    return {
      method: this.ballots.method,
      seats: this.ballots.seats,
      decimals: this.decimals,
      validBallots: this.ballots.valid,
      invalidBallots: this.ballots.invalid,
      quota: first.quota,
      elected: this.elected.map((c) => this.ballots.candidates[c]!),
      decidedByLot: this.stages.some((s) => s.tieBreak?.decidedBy === 'lot'),
      stages: this.stages,
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Scottish STV (SSI 2007/42 Schedule 1 rules 45–52)

const scottishOne = 1e5;

function countScottish(ballots: Prepared): StvResult {
  const sheet = new CountSheet(ballots, 5);
  const { prefs, starts, ends, counts } = ballots;
  const { status, votes } = sheet;
  // The ballot papers each candidate holds, in parcels: a group of identical rankings, where it stands on them, and
  // the value each paper carries. Identical papers always travel together, so a parcel never splits.
  const parcels = ballots.candidates.map(() => ({ group: [] as number[], position: [] as number[], value: [] as number[] }));
  const surplusTransferred = new Uint8Array(ballots.candidates.length);
  const quota = (floorDiv(ballots.valid, ballots.seats + 1) + 1) * scottishOne;
  let exhausted = 0;
  let roundingLoss = 0;

  const give = (c: number, group: number, position: number, value: number) => {
    const parcel = parcels[c]!;
    parcel.group.push(group);
    parcel.position.push(position);
    parcel.value.push(value);
    votes[c] = votes[c]! + value * counts[group]!;
  };
  const nextContinuing = (group: number, position: number): number => {
    for (let p = position + 1; p < ends[group]!; p++) if (status[prefs[p]!] === HOPEFUL) return p;
    return -1;
  };
  /** Moves all papers of `from` to their next continuing preference at `valueOf(value)`; returns the value moved. */
  const transferAll = (from: number, valueOf: (value: number) => number): number => {
    const { group, position, value } = parcels[from]!;
    parcels[from] = { group: [], position: [], value: [] };
    let moved = 0;
    for (let i = 0; i < group.length; i++) {
      const g = group[i]!;
      const carried = valueOf(value[i]!);
      moved += carried * counts[g]!;
      const p = nextContinuing(g, position[i]!);
      if (p < 0) exhausted += carried * counts[g]!;
      else give(prefs[p]!, g, p, carried);
    }
    return moved;
  };
  const reachedQuota = () => sheet.hopefuls().filter((c) => votes[c]! >= quota);
  const figures = () => ({ quota, exhausted, roundingLoss });

  // Rule 45: first preferences.
  for (let g = 0; g < starts.length; g++) give(prefs[starts[g]!]!, g, starts[g]!, scottishOne);
  sheet.record({ action: { kind: 'first_count' }, elected: sheet.elect(reachedQuota()) }, figures());

  while (sheet.seatsLeft() > 0) {
    const hopefuls = sheet.hopefuls();
    // Rule 52: as many continuing candidates as seats left (or fewer).
    if (hopefuls.length <= sheet.seatsLeft()) {
      sheet.record({ action: { kind: 'remaining_seats_filled' }, elected: sheet.elect(hopefuls) }, figures());
      break;
    }
    const pending = sheet.elected.filter((c) => !surplusTransferred[c] && votes[c]! > quota);
    if (pending.length > 0) {
      // Rules 48–49: the largest surplus first.
      const largest = Math.max(...pending.map((c) => votes[c]!));
      const { chosen: from, tieBreak } = sheet.breakTie(pending.filter((c) => votes[c] === largest), 'surplus_order');
      const total = votes[from]!;
      const surplus = total - quota;
      const transferValues = new Map<number, number>();
      const moved = transferAll(from, (value) => {
        let tv = transferValues.get(value);
        if (tv === undefined) {
          // (surplus × value) ÷ total, to five places, remainder ignored; in BigInt, as the product can pass 2^53.
          tv = Number((BigInt(surplus) * BigInt(value)) / BigInt(total));
          transferValues.set(value, tv);
        }
        return tv;
      });
      surplusTransferred[from] = 1;
      votes[from] = quota;
      roundingLoss += surplus - moved;
      const action: StageAction = {
        kind: 'surplus_transfer',
        candidate: ballots.candidates[from]!,
        surplus: fixed(surplus, 5),
        transferValues: [...new Set(transferValues.values())].sort((a, b) => b - a).map((tv) => fixed(tv, 5)),
      };
      sheet.record({ action, ...(tieBreak && { tieBreak }), elected: sheet.elect(reachedQuota()) }, figures());
      continue;
    }
    // Rules 50–51: exclude the lowest.
    const lowest = Math.min(...hopefuls.map((c) => votes[c]!));
    const { chosen: out, tieBreak } = sheet.breakTie(hopefuls.filter((c) => votes[c] === lowest), 'exclusion');
    status[out] = EXCLUDED;
    transferAll(out, (value) => value);
    votes[out] = 0;
    sheet.record({ action: { kind: 'exclusion', candidate: ballots.candidates[out]! }, ...(tieBreak && { tieBreak }), elected: sheet.elect(reachedQuota()) }, figures());
  }
  return sheet.result();
}

// ---------------------------------------------------------------------------------------------------------------
// Meek STV (Algorithm 123; PRF Reference Meek Rule)

/** ω: the iteration has converged when the total surplus is below 0.000001 (scaled by 10^9). */
const meekOmega = 1_000;

/**
 * The rankings as a prefix tree: one node per distinct prefix, with the ballots passing through it and those ending
 * there. A ballot's weight after a prefix depends on the prefix alone, so distributing node by node gives the same
 * integers as distributing ballot by ballot, while ballots that share a beginning share the work.
 */
interface PrefixTree {
  /** Node 0 is the root; its children are the first preferences. */
  candidate: Int32Array;
  through: Float64Array;
  ending: Float64Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  size: number;
}

function prefixTree(ballots: Prepared): PrefixTree {
  const capacity = ballots.prefs.length + 1;
  const candidate = new Int32Array(capacity);
  const through = new Float64Array(capacity);
  const ending = new Float64Array(capacity);
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  let size = 1;
  for (let g = 0; g < ballots.starts.length; g++) {
    const count = ballots.counts[g]!;
    let node = 0;
    for (let p = ballots.starts[g]!; p < ballots.ends[g]!; p++) {
      const c = ballots.prefs[p]!;
      let child = firstChild[node]!;
      while (child >= 0 && candidate[child] !== c) child = nextSibling[child]!;
      if (child < 0) {
        child = size++;
        candidate[child] = c;
        nextSibling[child] = firstChild[node]!;
        firstChild[node] = child;
      }
      through[child] = through[child]! + count;
      node = child;
    }
    ending[node] = ending[node]! + count;
  }
  return { candidate, through, ending, firstChild, nextSibling, size };
}

function countMeek(ballots: Prepared): StvResult {
  const sheet = new CountSheet(ballots, 9);
  const { status, votes } = sheet;
  const tree = prefixTree(ballots);
  const keep = new Float64Array(ballots.candidates.length).fill(meekOne);
  const total = ballots.valid * meekOne;
  const stackNode = new Int32Array(tree.size);
  const stackWeight = new Float64Array(tree.size);
  let exhausted = 0;

  /**
   * Step B.2.a: every ballot shares its weight down its ranking by the keep values: each candidate keeps weight ×
   * keep value (rounded up), the rest goes on, and what is left after the last preference is exhausted. Walked over
   * the prefix tree; a branch ends at the first hopeful, who keeps everything.
   */
  const distribute = () => {
    votes.fill(0);
    exhausted = 0;
    let top = 0;
    for (let child = tree.firstChild[0]!; child >= 0; child = tree.nextSibling[child]!) {
      stackNode[top] = child;
      stackWeight[top++] = meekOne;
    }
    while (top > 0) {
      const node = stackNode[--top]!;
      const w = stackWeight[top]!;
      const c = tree.candidate[node]!;
      const k = keep[c]!;
      let rest = w;
      if (k !== 0) {
        const kept = k === meekOne ? w : mulUp(w, k);
        votes[c] = votes[c]! + kept * tree.through[node]!;
        rest = w - kept;
      }
      if (rest === 0) continue;
      exhausted += rest * tree.ending[node]!;
      for (let child = tree.firstChild[node]!; child >= 0; child = tree.nextSibling[child]!) {
        stackNode[top] = child;
        stackWeight[top++] = rest;
      }
    }
  };
  /** Step B.2.b: the sum of all votes is what the ballots did not exhaust. */
  const currentQuota = () => floorDiv(total - exhausted, ballots.seats + 1) + 1;
  const totalSurplus = (quota: number) => Math.max(0, sheet.elected.reduce((s, c) => s + votes[c]! - quota, 0));
  const figures = (quota: number, keepValues: Float64Array) => ({ quota, exhausted, roundingLoss: 0, keep: keepValues });

  // Step B.1: rounds while seats are open and more hopefuls than seats left.
  while (sheet.seatsLeft() > 0 && sheet.hopefuls().length > sheet.seatsLeft()) {
    let previousSurplus = Infinity;
    let iterations = 0;
    let quota = 0;
    let surplus = 0;
    let settled = false;
    while (!settled) {
      distribute();
      iterations++;
      quota = currentQuota();
      const usedKeep = Float64Array.from(keep);
      // Step B.2.c: hopefuls at or above the quota are elected.
      const elected = sheet.elect(sheet.hopefuls().filter((c) => votes[c]! >= quota));
      surplus = totalSurplus(quota);
      const firstCount = sheet.stages.length === 0;
      if (elected.length > 0 || firstCount) {
        sheet.record({ action: { kind: firstCount ? 'first_count' : 'quota_reached' }, elected, iterations, surplus: fixed(surplus, 9) }, figures(quota, usedKeep));
        if (elected.length > 0) break;
      }
      // Step B.2.e: converged, or stuck at the limit of the arithmetic.
      if (surplus < meekOmega || surplus >= previousSurplus) {
        settled = true;
        continue;
      }
      previousSurplus = surplus;
      // Step B.2.f: new keep values, kf × q (rounded up) ÷ v (rounded up).
      for (const c of sheet.elected) {
        const v = votes[c]!;
        if (v === 0) continue;
        const kq = bigCeilDiv(BigInt(keep[c]!) * BigInt(quota), BigInt(meekOne));
        keep[c] = Math.min(meekOne, Number(bigCeilDiv(kq * BigInt(meekOne), BigInt(v))));
      }
    }
    if (!settled) continue;
    // Step B.3: exclude the lowest hopeful; those within the surplus of it are tied with it.
    const hopefuls = sheet.hopefuls();
    const lowest = Math.min(...hopefuls.map((c) => votes[c]!));
    const { chosen: out, tieBreak } = sheet.breakTie(hopefuls.filter((c) => votes[c]! <= lowest + surplus), 'exclusion');
    const usedKeep = Float64Array.from(keep);
    status[out] = EXCLUDED;
    keep[out] = 0;
    sheet.record({ action: { kind: 'exclusion', candidate: ballots.candidates[out]! }, ...(tieBreak && { tieBreak }), elected: [], iterations, surplus: fixed(surplus, 9) }, figures(quota, usedKeep));
  }

  // Step C: the hopefuls left fill the seats left.
  if (sheet.seatsLeft() > 0) {
    distribute();
    const quota = currentQuota();
    const usedKeep = Float64Array.from(keep);
    sheet.record({ action: { kind: 'remaining_seats_filled' }, elected: sheet.elect(sheet.hopefuls()), iterations: 1, surplus: fixed(totalSurplus(quota), 9) }, figures(quota, usedKeep));
  }
  return sheet.result();
}

/**
 * Counts an STV election. Throws a RangeError for input that cannot be counted: an unknown or repeated candidate in
 * a ranking, a ballot count that is not a whole number from 1, fewer than one seat or no fewer seats than
 * candidates. Empty rankings are counted as invalid ballots.
 */
export function countStv(input: StvInput): StvResult {
  const ballots = prepare(input);
  return ballots.method === 'meek' ? countMeek(ballots) : countScottish(ballots);
}
