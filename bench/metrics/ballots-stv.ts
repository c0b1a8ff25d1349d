import { seededRandom } from '../../src/domain/governance/elections.js';
import { countStv, groupRankings, type StvMethod } from '../../src/domain/governance/stv.js';
import { motionChoices, tallyMotion, type MotionChoice } from '../../src/domain/governance/tally.js';
import type { Metric } from '../metric.js';
import { latencyResult, type BenchResult } from '../results.js';

/** One ballot per member of the seed's federation. */
const ballotCount = 64_626;
const seats = 5;
/** The issue's bound for one STV count of the federation, and "a few ms" for a motion. */
const stvBoundMs = 1_000;
const tallyBoundMs = 5;
/** Timed runs per side after one warm-up run each, alternating baseline and Kyodo; the median is reported. */
const minimumRuns = 5;

const candidates = Array.from({ length: 15 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);

/**
 * Share of voters ranking 1, 2, … 15 candidates: most rank a handful, a few rank everyone (as in published STV
 * preference profiles, where the share falls with the length).
 */
const lengthShares = [0.14, 0.14, 0.17, 0.14, 0.12, 0.08, 0.06, 0.04, 0.03, 0.02, 0.02, 0.01, 0.01, 0.01, 0.01];

/**
 * 64,626 ranked ballots, the same on every run (seeded). Candidates differ in popularity (c01 most, falling off
 * like 1/rank^0.9) and stand in three slates of five (c01, c04, … share a slate): after each preference, a voter
 * stays in that slate two times in three while it has candidates left, as party voters do.
 */
export function generateRankedBallots(count = ballotCount, seed = 'kyodo bench ballots.stv'): string[][] {
  const random = seededRandom(seed);
  const weight = candidates.map((_, i) => 1 / (i + 1) ** 0.9);
  const pick = (pool: number[]): number => {
    let r = random() * pool.reduce((sum, c) => sum + weight[c]!, 0);
    for (const c of pool) {
      r -= weight[c]!;
      if (r < 0) return c;
    }
    return pool[pool.length - 1]!;
  };
  const drawLength = (): number => {
    let r = random();
    for (let i = 0; i < lengthShares.length; i++) {
      r -= lengthShares[i]!;
      if (r < 0) return i + 1;
    }
    return lengthShares.length;
  };
  return Array.from({ length: count }, () => {
    const length = drawLength();
    const left = candidates.map((_, i) => i);
    const ranking: number[] = [];
    while (ranking.length < length) {
      const previous = ranking[ranking.length - 1];
      const slate = previous === undefined ? [] : left.filter((c) => c % 3 === previous % 3);
      const chosen = pick(slate.length > 0 && random() < 2 / 3 ? slate : left);
      ranking.push(chosen);
      left.splice(left.indexOf(chosen), 1);
    }
    return ranking.map((c) => candidates[c]!);
  });
}

/** 64,626 choices on a motion, seeded: about 62% for, 28% against, 7% abstaining, 3% invalid. */
export function generateMotionChoices(count = ballotCount, seed = 'kyodo bench ballots.tally'): MotionChoice[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const r = random();
    return r < 0.62 ? 'for' : r < 0.9 ? 'against' : r < 0.97 ? 'abstain' : 'invalid';
  });
}

/** Median ms of `runs` timed runs of each side after a warm-up run each, the sides alternating to share any drift. */
function compareMedians(runs: number, app: () => void, baseline: () => void): { app: number; baseline: number } {
  app();
  baseline();
  const times = { app: [] as number[], baseline: [] as number[] };
  const time = (side: 'app' | 'baseline', work: () => void) => {
    const started = performance.now();
    work();
    times[side].push(performance.now() - started);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      time('baseline', baseline);
      time('app', app);
    } else {
      time('app', app);
      time('baseline', baseline);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  return { app: median(times.app), baseline: median(times.baseline) };
}

/** The least any count of these ballots does: one pass over the rankings, counting first preferences. */
function firstPreferenceCount(rankings: readonly string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ranking of rankings) {
    const first = ranking[0];
    if (first !== undefined) counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return counts;
}

/**
 * An STV count of the federation: 64,626 ranked ballots, 15 candidates, 5 seats, grouped by ranking and counted in
 * full (every stage of the count sheet), by Meek (`ballots.stv`) and by Scottish STV (`ballots.stv.scottish`).
 * Pure computation, no database. The target is absolute: under 1,000 ms each.
 */
export const ballotsStv: Metric = {
  name: 'ballots.stv',
  description: `ms to count ${ballotCount.toLocaleString('en')} ranked ballots by STV (15 candidates, ${seats} seats): Meek, and Scottish as .scottish`,
  async run(env) {
    const rankings = generateRankedBallots();
    const distinct = groupRankings(rankings).length;
    const firstPreferences = firstPreferenceCount(rankings);
    if ([...firstPreferences.values()].reduce((a, b) => a + b, 0) !== ballotCount) throw new Error('the baseline did not count every ballot');
    const meanLength = rankings.reduce((n, r) => n + r.length, 0) / rankings.length;
    const runs = Math.max(minimumRuns, 2 * env.options.rounds + 1);
    const results: BenchResult[] = [];
    for (const method of ['meek', 'scottish'] as StvMethod[]) {
      const count = () => countStv({ candidates, ballots: groupRankings(rankings), seats, method });
      const result = count();
      if (result.elected.length !== seats || result.validBallots !== ballotCount) throw new Error(`${method} STV elected ${result.elected.length} of ${seats} from ${result.validBallots} ballots`);
      const iterations = result.stages.reduce((n, s) => n + (s.iterations ?? 0), 0);
      env.log(`  ${method}: elected ${result.elected.join(', ')} in ${result.stages.length} stages${iterations ? ` (${iterations} distributions)` : ''}`);
      const { app, baseline } = compareMedians(runs, count, () => firstPreferenceCount(rankings));
      results.push(latencyResult({
        name: method === 'meek' ? 'ballots.stv' : 'ballots.stv.scottish',
        value: app,
        baseline,
        context: `baseline: one pass over the same rankings counting first preferences (a plurality count); pure computation; ` +
          `${ballotCount} ballots (${distinct} distinct rankings, ${meanLength.toFixed(1)} preferences on average), 15 candidates, ${seats} seats; ` +
          `grouping and the full count sheet (${result.stages.length} stages${iterations ? `, ${iterations} Meek distributions` : ''}) included; median of ${runs} runs per side`,
        absolute: { kind: 'max', bound: stvBoundMs },
      }));
    }
    return results;
  },
};

/** The bare counting loop the tally is compared with: no checks, one property increment per ballot. */
function bareTally(choices: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = { for: 0, against: 0, abstain: 0, invalid: 0 };
  for (const choice of choices) counts[choice]!++;
  return counts;
}

/** Tallying one motion for the federation: 64,626 choices into a VoteCount, as a closed ballot is counted. */
export const ballotsTallyPure: Metric = {
  name: 'ballots.tally.pure',
  description: `ms to tally ${ballotCount.toLocaleString('en')} ballots on a motion (tallyMotion, pure computation)`,
  async run(env) {
    const choices = generateMotionChoices();
    const votes = tallyMotion(choices);
    const bare = bareTally(choices);
    if (motionChoices.some((c) => votes[c] !== bare[c])) throw new Error(`tallyMotion counted ${JSON.stringify(votes)}, the bare loop ${JSON.stringify(bare)}`);
    const runs = Math.max(minimumRuns, 2 * env.options.rounds + 1) * 4;
    const { app, baseline } = compareMedians(runs, () => tallyMotion(choices), () => bareTally(choices));
    return [latencyResult({
      name: 'ballots.tally.pure',
      value: app,
      baseline,
      context: `baseline: a bare loop incrementing one counter per choice, without checks; ${ballotCount} choices ` +
        `(${votes.for} for, ${votes.against} against, ${votes.abstain} abstain, ${votes.invalid} invalid); median of ${runs} runs per side`,
      absolute: { kind: 'max', bound: tallyBoundMs },
    })];
  },
};
