import { sql, type Selectable } from 'kysely';
import { resolutionRulesOf } from '../../domain/governance/bylaws.js';
import { decideResolution, threshold, type ResolutionDecision, type ResolutionRules, type VoteCount } from '../../domain/governance/resolutions.js';
import type { MotionTable } from '../../db/schema.js';
import { localDate, type AppContext, type Tx } from '../shared/context.js';
import { bylawSettingsOn } from './bylaws.js';
import { countElection, type ElectionResult } from './election-count.js';
import type { Meeting } from './meetings.js';
import type { Presence } from './room.js';

/** A teller's count of paper ballots: for/against/abstain/invalid, or approvals per candidate with `ballots` and `invalid`. */
export type TellerCounts = Record<string, number>;

export interface MotionResult {
  outcome: ResolutionDecision['outcome'] | 'elected';
  rule: ResolutionDecision['rule'] | ElectionResult['rule'];
  needed: number;
  got: number;
  /** Members entitled and present when the motion closed (written, electronic and proxy votes count as present). */
  attendance: { eligible: number; present: number };
  presence: Presence;
  /** Electronic, written and proxy ballots; and paper ballots counted by the tellers. */
  ballots: number;
  paperBallots: number;
  counts: VoteCount | null;
  rules: ResolutionRules;
  election: ElectionResult | null;
  /** Candidate ids elected, in order of election. */
  elected: string[] | null;
}

export async function tellerCountsOf(db: Tx, motionId: string): Promise<TellerCounts[]> {
  const rows = await db.selectFrom('teller_counts').select('counts_json').where('motion_id', '=', motionId).orderBy('entered_at').execute();
  return rows.map((r) => JSON.parse(r.counts_json) as TellerCounts);
}

/** The rules the meeting applies: the bylaws in force on its day, within the law. */
export async function rulesForMeeting(db: Tx, meeting: Pick<Meeting, 'organizationId' | 'startsAt'>): Promise<ResolutionRules> {
  return resolutionRulesOf(await bylawSettingsOn(db, meeting.organizationId, localDate(new Date(meeting.startsAt))));
}

/**
 * Counts a motion: the ballots grouped by choice in the database (tens of thousands of rows never leave it), plus
 * the tellers' paper counts, decided against the members present by the rules in force.
 */
export async function countMotion(db: Tx, meeting: Meeting, motion: Selectable<MotionTable>, presence: Presence): Promise<MotionResult> {
  const [rules, tellers] = await Promise.all([rulesForMeeting(db, meeting), tellerCountsOf(db, motion.id)]);
  const paperBallots = tellers.reduce((sum, t) => sum + (motion.kind === 'election' ? (t.ballots ?? 0) : Object.values(t).reduce((a, b) => a + b, 0)), 0);
  const attendance = { eligible: presence.eligible, present: presence.present };
  if (motion.kind === 'election') {
    // An election is decided only by a meeting that has its quorum, like an ordinary resolution.
    const quorum = Math.max(1, threshold(attendance.eligible, rules.quorum.ordinary));
    if (attendance.present < quorum) {
      const ballots = await db.selectFrom('ballots').select((eb) => eb.fn.countAll<number>().as('n')).where('motion_id', '=', motion.id).executeTakeFirstOrThrow();
      return { outcome: 'no_quorum', rule: 'quorum_not_met', needed: quorum, got: attendance.present, attendance, presence, ballots: Number(ballots.n), paperBallots, counts: null, rules, election: null, elected: null };
    }
    const ballots = await db.selectFrom('ballots').select('choice').where('motion_id', '=', motion.id).execute();
    const candidates = (await db.selectFrom('candidates').select('id').where('motion_id', '=', motion.id).orderBy('position').execute()).map((c) => c.id);
    const election = countElection({
      method: motion.election_method as 'approval' | 'stv_meek' | 'stv_scottish', seats: Number(motion.seats), candidates,
      ballots: ballots.map((b) => JSON.parse(b.choice) as string[]), tellerCounts: tellers, seed: motion.id,
    });
    return {
      outcome: 'elected', rule: election.rule, needed: election.quota ?? 0, got: election.elected.length, attendance, presence, ballots: ballots.length, paperBallots,
      counts: null, rules, election, elected: election.elected,
    };
  }
  const grouped = await db.selectFrom('ballots').select(['choice', (eb) => eb.fn.countAll<number>().as('n')]).where('motion_id', '=', motion.id).groupBy('choice').execute();
  const counts: VoteCount = { for: 0, against: 0, abstain: 0, invalid: 0 };
  for (const g of grouped) counts[g.choice as keyof VoteCount] += Number(g.n);
  const ballots = counts.for + counts.against + counts.abstain + counts.invalid;
  for (const t of tellers) for (const key of ['for', 'against', 'abstain', 'invalid'] as const) counts[key] += t[key] ?? 0;
  const decision = decideResolution(motion.kind as 'ordinary' | 'special', attendance, counts, rules);
  return { ...decision, attendance, presence, ballots, paperBallots, counts, rules, election: null, elected: null };
}

/**
 * After a motion closes its ballots are rewritten in receipt order in one new transaction. On PostgreSQL every
 * row carries the id of the transaction that wrote it (xmin), which the ballot shared with the record of who
 * voted; afterwards the ballots carry the sealing transaction's id and sit in receipt order, and VACUUM removes the
 * old row versions. SQLite keeps ballots in receipt order from the start (WITHOUT ROWID) and has no such ids.
 */
export async function sealBallots(ctx: AppContext, motionId: string): Promise<void> {
  if (ctx.dialect !== 'postgresql') return;
  await ctx.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('ballots').select(['receipt', 'choice']).where('motion_id', '=', motionId).orderBy('receipt').execute();
    await trx.deleteFrom('ballots').where('motion_id', '=', motionId).execute();
    for (let i = 0; i < rows.length; i += 5_000) {
      await trx.insertInto('ballots').values(rows.slice(i, i + 5_000).map((r) => ({ motion_id: motionId, receipt: r.receipt, choice: r.choice }))).execute();
    }
  });
  await sql`vacuum ballots`.execute(ctx.db);
}
