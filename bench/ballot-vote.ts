import { sql } from 'kysely';
import { authenticateToken } from '../src/app/accounts/sessions.js';
import { jwcuScaleLatest } from '../src/app/demo/load-scale-demo.js';
import { addMotion, createMeeting, meetingFor, type Meeting } from '../src/app/governance/meetings.js';
import { conveneMeeting, noticeDelivered } from '../src/app/governance/notice.js';
import { inTransaction, localDate } from '../src/app/shared/context.js';
import type { Actor } from '../src/domain/access/policy.js';
import type { MotionChoice } from '../src/domain/governance/vocabulary.js';
import type { BenchEnv } from './env.js';

/**
 * The vote the ballot metrics measure: a general assembly with one ordinary motion, convened through the app, whose
 * electorate is every member of the jwcu dataset (13,420 worker members and 51,206 older persons' co-op members).
 *
 * The registry fixes a meeting's electorate per organization (the members of the convening co-op); there is no
 * federation-wide vote of every member. The meeting is convened at the co-op with the most members, which puts its
 * 15,755 members on the electorate the app's way, and the bench then adds the members of the 24 other organizations
 * with the same conditions (admitted by the record date, not ended): a setup shortcut, outside any timing.
 */

/** The host of the meeting: the organization with the most members. */
const hostOrganization = 'koreikyo-tokyo';

/**
 * Every member today: the electorate the issue sizes the vote at — the seed's 64,626 of March 2017, with the
 * admissions and withdrawals of the later years the dataset adds (67,149 since 31 March 2026).
 */
export const everyMember = jwcuScaleLatest.workerMembers + jwcuScaleLatest.userMembers;

export interface Voter {
  personId: string;
  organizationId: string;
  familyName: string;
  givenName: string;
  choice: MotionChoice;
}

export interface Vote {
  meeting: Meeting;
  motionId: string;
  /** Every voter once, in a seeded random order (the order they vote in), each with their choice. */
  voters: Voter[];
}

/** The demo federation's administrator, who convenes the meeting (any organization's, as the federation's). */
export async function administrator(env: BenchEnv): Promise<Actor> {
  const auth = await authenticateToken(env.runtime.ctx, env.fixture.authorization.replace(/^Bearer /, ''));
  if (!auth) throw new Error('the bench\'s API token for the demo administrator is not accepted');
  return auth.actor;
}

/** A small seeded generator (the demo's), so that every run votes in the same order. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Voters in a seeded random order: people's ids are time-ordered, so voting in id order would append every record
 * of voting at the end of its index, which real voters do not.
 */
function shuffled<T>(items: T[], seed: number): T[] {
  const next = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Six in ten for, three against, one abstaining, by position in the voting order. */
export const choiceAt = (position: number): MotionChoice => {
  const tenth = position % 10;
  return tenth < 6 ? 'for' : tenth < 9 ? 'against' : 'abstain';
};

/** How many of `voters` chose each option: what the count must find. */
export function expectedCounts(voters: readonly Pick<Voter, 'choice'>[]): Record<MotionChoice, number> {
  const counts: Record<MotionChoice, number> = { for: 0, against: 0, abstain: 0 };
  for (const v of voters) counts[v.choice] += 1;
  return counts;
}

/**
 * Creates, convenes and opens a vote of every member: a meeting (electronic voting until the day before it), one
 * ordinary motion, the electorate fixed by the app for the host co-op and extended by the bench to everyone else.
 */
export async function openVoteOfEveryMember(env: BenchEnv, title: string): Promise<Vote> {
  const { ctx } = env.runtime;
  const actor = await administrator(env);
  const host = await ctx.db.selectFrom('organizations').select('id').where('code', '=', hostOrganization).executeTakeFirst();
  if (!host) throw new Error(`no organization ${hostOrganization}: the jwcu dataset is not loaded`);
  const now = Date.now();
  const startsAt = new Date(now + 30 * 86_400_000).toISOString();
  const created = await createMeeting(ctx, actor, host.id, {
    bodyKind: 'general_assembly', title, startsAt, place: 'bench', recordDate: localDate(new Date(now)),
    votingDeadline: new Date(now + 29 * 86_400_000).toISOString(), electronicVoting: true,
  });
  const motion = await addMotion(ctx, actor, created.id, { kind: 'ordinary', title: `${title}: motion` });
  const convened = await conveneMeeting(ctx, actor, { mailer: null, from: 'bench@localhost' }, created.id, { sendEmail: false });
  // The notice is recorded in the background: let it land before the bench writes.
  await noticeDelivered(created.id);
  const recordDate = convened.meeting.recordDate;
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('electorate').columns(['meeting_id', 'person_id', 'membership_id', 'organization_id', 'email']).expression(
      trx.selectFrom('memberships').innerJoin('people', 'people.id', 'memberships.person_id')
        .select([sql.lit(created.id).as('meeting_id'), 'memberships.person_id', 'memberships.id', 'memberships.organization_id', 'people.email'])
        .where('memberships.organization_id', '!=', host.id).where('memberships.admitted_on', '<=', recordDate)
        .where((eb) => eb.or([eb('memberships.ended_on', 'is', null), eb('memberships.ended_on', '>', recordDate)])),
    ).execute();
  });
  const rows = await ctx.db.selectFrom('electorate').innerJoin('people', 'people.id', 'electorate.person_id')
    .select(['electorate.person_id', 'electorate.organization_id', 'people.family_name', 'people.given_name'])
    .where('electorate.meeting_id', '=', created.id).orderBy('electorate.person_id').execute();
  if (rows.length !== everyMember) {
    throw new Error(`the electorate has ${rows.length.toLocaleString('en')} voters, not the dataset's ${everyMember.toLocaleString('en')} members`);
  }
  env.log(`  ${title}: meeting of ${hostOrganization} convened, ${convened.electorate.toLocaleString('en')} voters fixed by the app, ${(rows.length - convened.electorate).toLocaleString('en')} added by the bench`);
  const voters = shuffled(rows, 2017).map((r, i): Voter => ({
    personId: r.person_id, organizationId: r.organization_id, familyName: r.family_name, givenName: r.given_name, choice: choiceAt(i),
  }));
  return { meeting: await meetingFor(ctx.db, actor, created.id), motionId: motion.id, voters };
}

/** The vote `openVoteOfEveryMember` opened under `title` earlier in this run, if any. */
export async function findVote(env: BenchEnv, title: string): Promise<{ meeting: Meeting; motionId: string } | null> {
  const { ctx } = env.runtime;
  const row = await ctx.db.selectFrom('meetings').innerJoin('motions', 'motions.meeting_id', 'meetings.id').select(['meetings.id', 'motions.id as motion_id'])
    .where('meetings.title', '=', title).executeTakeFirst();
  if (!row) return null;
  return { meeting: await meetingFor(ctx.db, await administrator(env), row.id), motionId: row.motion_id };
}
