import type { BallotChoice, Candidate, ElectionMethod, MotionChoice, MotionKind } from './governance';

/** What a ballot form holds while the voter fills it in. */
export interface BallotDraft {
  /** For, against or abstain; '' before choosing. */
  choice: MotionChoice | '';
  /** Approval voting: every candidate the voter approves of. */
  approved: string[];
  /** STV: candidate id → the rank typed or chosen ('1' first); '' or missing when not ranked. */
  ranks: Record<string, string>;
}

export const emptyBallot = (): BallotDraft => ({ choice: '', approved: [], ranks: {} });

/** What a ballot needs to know of its motion. */
export interface BallotMotion {
  kind: MotionKind;
  electionMethod: ElectionMethod | null;
  candidates: Pick<Candidate, 'id' | 'name'>[];
}

export const isRanked = (motion: BallotMotion) => motion.kind === 'election' && motion.electionMethod !== 'approval';

/**
 * The choice the server takes, or the problem code to show: for/against/abstain; the approved candidates (none is a
 * valid, blank approval ballot); or the ranking, first preference first, from ranks 1, 2, 3 … without gaps or repeats.
 */
export function ballotOf(motion: BallotMotion, draft: BallotDraft): { choice: BallotChoice } | { problem: string } {
  if (motion.kind !== 'election') return draft.choice ? { choice: draft.choice } : { problem: 'no_choice' };
  const known = new Set(motion.candidates.map((c) => c.id));
  if (!isRanked(motion)) return { choice: draft.approved.filter((id) => known.has(id)) };
  const ranked = Object.entries(draft.ranks)
    .filter(([id, rank]) => known.has(id) && rank.trim() !== '')
    .map(([id, rank]) => ({ id, rank: Number(rank.trim()) }));
  if (ranked.length === 0) return { problem: 'rank_required' };
  if (ranked.some((r) => !Number.isInteger(r.rank) || r.rank < 1 || r.rank > motion.candidates.length)) return { problem: 'rank_out_of_range' };
  const ranks = ranked.map((r) => r.rank).sort((a, b) => a - b);
  if (new Set(ranks).size !== ranks.length) return { problem: 'rank_duplicate' };
  if (ranks.some((rank, i) => rank !== i + 1)) return { problem: 'rank_gap' };
  return { choice: [...ranked].sort((a, b) => a.rank - b.rank).map((r) => r.id) };
}

/**
 * Moves a candidate up (-1) or down (+1) in an STV ranking: the buttons beside each candidate, for those who do not
 * type ranks. An unranked candidate moved up joins the end of the ranking.
 */
export function moveInRanking(motion: BallotMotion, ranks: Record<string, string>, candidateId: string, step: -1 | 1): Record<string, string> {
  const order = rankingOrder(motion, ranks);
  const at = order.indexOf(candidateId);
  const next = [...order];
  if (at === -1) {
    if (step === 1) return ranks;
    next.push(candidateId);
  } else {
    const to = at + step;
    if (to < 0) return ranks;
    if (to >= next.length) next.splice(at, 1);
    else [next[at], next[to]] = [next[to]!, next[at]!];
  }
  return Object.fromEntries(motion.candidates.map((c) => [c.id, next.includes(c.id) ? String(next.indexOf(c.id) + 1) : '']));
}

/** The candidates ranked so far, first preference first (ties and gaps in the typed ranks kept in their order). */
export function rankingOrder(motion: BallotMotion, ranks: Record<string, string>): string[] {
  return motion.candidates
    .map((c, i) => ({ id: c.id, rank: Number((ranks[c.id] ?? '').trim() || NaN), i }))
    .filter((c) => Number.isFinite(c.rank))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((c) => c.id);
}

/**
 * A choice as the receipt check answers it, in words: 賛成, or the candidates named in the order stored (approval
 * ballots in candidate order, rankings first preference first).
 */
export function choiceNames(choice: string, candidates: Pick<Candidate, 'id' | 'name'>[]): string[] | null {
  if (!choice.startsWith('[')) return null;
  try {
    const ids = JSON.parse(choice) as unknown;
    if (!Array.isArray(ids)) return null;
    const names = new Map(candidates.map((c) => [c.id, c.name]));
    return ids.map((id) => names.get(String(id)) ?? String(id));
  } catch {
    return null;
  }
}
