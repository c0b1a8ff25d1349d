import { randomBytes } from 'node:crypto';
import { countMotion, type MotionResult } from '../../src/app/governance/results.js';
import { presenceOf } from '../../src/app/governance/room.js';
import { inTransaction } from '../../src/app/shared/context.js';
import { bulkInsert } from '../../src/db/bulk-insert.js';
import { receiptFrom } from '../../src/domain/governance/vocabulary.js';
import { everyMember, expectedCounts, findVote, openVoteOfEveryMember, type Vote } from '../ballot-vote.js';
import type { BenchEnv } from '../env.js';
import type { Metric } from '../metric.js';
import { latencyResult } from '../results.js';
import { alternatingRounds, ms, percentile, sequential } from '../timing.js';
import { castMeetingTitle } from './ballots-cast.js';

const name = 'ballots.tally';
/** The issue's target for counting one motion's ballots. */
const boundMs = 200;
/** Counts per side and round at the least, however short `--duration` is. */
const minimumPerRound = 3;
/** The meeting this metric convenes when ballots.cast has not run before it. */
const tallyMeetingTitle = 'bench ballots.tally';

const bareTallySql = 'select choice, count(*) as n from ballots where motion_id = ? group by choice';

/**
 * Without ballots.cast: every voter's record of voting and secret ballot, written as `castBallot` writes them
 * (electronic, by the voter; a random receipt and the choice), in bulk in one transaction: a setup shortcut.
 */
async function recordEveryBallot(env: BenchEnv, vote: Vote): Promise<void> {
  const { ctx } = env.runtime;
  await inTransaction(ctx, async (trx) => {
    await bulkInsert(trx, ctx.dialect, 'votes_cast', vote.voters.map((v) => ({
      motion_id: vote.motionId, person_id: v.personId, channel: 'electronic', proxy_person_id: null, open_choice: null, recorded_by: 'bench',
    })));
    await bulkInsert(trx, ctx.dialect, 'ballots', vote.voters.map((v) => ({ motion_id: vote.motionId, receipt: receiptFrom(randomBytes(20)), choice: v.choice })));
  });
}

/**
 * Counting one motion's 67,149 ballots as closing it does: who is present (`presenceOf`: checked in, voted before
 * the meeting, represented by a proxy) and the count (`countMotion`: the ballots grouped by choice in the database,
 * the tellers' paper counts, the bylaws in force, the decision), in one transaction that only reads. In the bench's
 * process, no HTTP. Against the bare `group by choice` over the same rows.
 */
export const ballotsTally: Metric = {
  name,
  description: 'ms (median) to count one motion\'s 64,626 ballots: presenceOf and countMotion in one transaction',
  dataset: 'jwcu',
  async run(env) {
    const { ctx } = env.runtime;
    // The ballots Kyodo wrote under load in ballots.cast when it ran before in this run; else a vote set up here.
    let source: string;
    let found = await findVote(env, castMeetingTitle);
    let expected: ReturnType<typeof expectedCounts> | null = null;
    if (found) {
      source = `the ${everyMember.toLocaleString('en')} ballots cast through the app by ballots.cast in this run`;
    } else {
      const vote = await openVoteOfEveryMember(env, tallyMeetingTitle);
      const started = performance.now();
      await recordEveryBallot(env, vote);
      env.log(`  ${vote.voters.length.toLocaleString('en')} records of voting and ballots inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      found = { meeting: vote.meeting, motionId: vote.motionId };
      expected = expectedCounts(vote.voters);
      source = `${everyMember.toLocaleString('en')} records of voting and ballots inserted in bulk by the bench (ballots.cast did not run before it)`;
    }
    const { meeting, motionId } = found;
    const motion = await ctx.db.selectFrom('motions').selectAll().where('id', '=', motionId).executeTakeFirstOrThrow();
    const bareTally = env.bare.prepareAll(bareTallySql);
    const sides = {
      app: () => ctx.db.transaction().execute(async (trx) => countMotion(trx, meeting, motion, await presenceOf(trx, meeting.id))),
      baseline: () => bareTally([motionId]),
    };

    // Both sides must count the same ballots, and everyone who voted is present.
    const result: MotionResult = await sides.app();
    const bare = new Map((await sides.baseline()).map((r) => [String(r.choice), Number(r.n)]));
    const counts = result.counts;
    const problems: string[] = [];
    if (result.ballots !== everyMember || result.presence.eligible !== everyMember || result.presence.present !== everyMember) {
      problems.push(`${result.ballots} ballots, ${result.presence.present} present of ${result.presence.eligible} eligible`);
    }
    if (!counts || (['for', 'against', 'abstain'] as const).some((c) => counts[c] !== (bare.get(c) ?? 0) || (expected !== null && counts[c] !== expected[c]))) {
      problems.push(`Kyodo counted ${JSON.stringify(counts)}, the bare query ${JSON.stringify(Object.fromEntries(bare))}${expected ? `, the bench inserted ${JSON.stringify(expected)}` : ''}`);
    }
    if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`);
    env.log(`  ${result.ballots.toLocaleString('en')} ballots: ${counts!.for.toLocaleString('en')} for, ${counts!.against.toLocaleString('en')} against, ${counts!.abstain.toLocaleString('en')} abstaining: ${result.outcome} (${result.rule})`);

    const { warmupSeconds, durationSeconds, rounds } = env.options;
    const samples = await alternatingRounds(sides, { warmupSeconds, durationSeconds, rounds, minimumPerRound, noun: 'counts', log: env.log });
    // Where the time goes: who is present, on its own.
    const presence = await sequential(() => ctx.db.transaction().execute((trx) => presenceOf(trx, meeting.id)), durationSeconds / rounds, minimumPerRound);
    env.log(`  presenceOf alone: median ${ms(percentile(presence, 0.5))} over ${presence.length} calls`);
    const context =
      `value: presenceOf and countMotion (src/app/governance) in one transaction that only reads, called in the bench's process (no HTTP): who is present, ` +
      `the ballots grouped by choice, the tellers' counts, the bylaws in force and the decision; baseline: ${env.bare.description} ` +
      `(${bareTallySql.replace('?', ':motion')}) over the same rows; median of ${samples.app.length} (app) and ${samples.baseline.length} (baseline) counts, ` +
      `one at a time; p95 ${ms(percentile(samples.app, 0.95))} (app), ${ms(percentile(samples.baseline, 0.95))} (baseline); ` +
      `presenceOf alone (in its own transaction): median ${ms(percentile(presence, 0.5))}; ` +
      `${env.dialect}, ${env.dataset} dataset, ${rounds} alternating round(s) totalling ${durationSeconds} s per side after ${warmupSeconds} s warm-up; ` +
      `the motion: ${source}, ${counts!.for.toLocaleString('en')} for, ${counts!.against.toLocaleString('en')} against, ${counts!.abstain.toLocaleString('en')} abstaining, every voter present by their vote`;
    return [latencyResult({ name, value: percentile(samples.app, 0.5), baseline: percentile(samples.baseline, 0.5), context, absolute: { kind: 'max', bound: boundMs } })];
  },
};
