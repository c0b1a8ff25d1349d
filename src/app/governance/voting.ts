import { sql, type Transaction } from 'kysely';
import { canRunMeetings, type Actor } from '../../domain/access/policy.js';
import { proxyCapReached } from '../../domain/governance/meetings.js';
import { motionChoices, receiptFrom, type ElectionMethod, type MotionKind, type VoteChannel } from '../../domain/governance/vocabulary.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { compileOnce, runWritesIn } from '../../db/compiled-query.js';
import type { Schema } from '../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, isUniqueViolation, localDate, type AppContext, type Tx } from '../shared/context.js';
import { freshRandomBytes } from '../shared/random-pool.js';
import { bylawSettingsOn } from './bylaws.js';
import { meetingFor, meetingVisibleTo } from './meetings.js';

/**
 * Casting votes: electronically by the member (or by their proxy), in writing (a clerk enters the paper form), and
 * the appointment of proxies. One member, one vote is the database's rule: `votes_cast` has one row per voter and
 * motion, written in the same transaction as the ballot, so a second ballot can never be stored. The ballot itself
 * carries only a fresh random receipt and the choice.
 */

export type BallotChoice = 'for' | 'against' | 'abstain' | string[];

interface MotionForVoting {
  motion_id: string;
  kind: string;
  voting: string;
  election_method: string | null;
  seats: number | null;
  motion_status: string;
  meeting_id: string;
  organization_id: string;
  meeting_status: string;
  starts_at: string;
  voting_deadline: string | null;
  written_voting: number;
  electronic_voting: number;
  /** The person asked about, when on the meeting's electorate. */
  voter: string | null;
}

/**
 * The motion, its meeting, and whether the member is on the meeting's electorate (`voter`), in one read. The
 * meeting's columns and the voter are scalar subqueries rather than joins: on SQLite, where this runs for every
 * ballot, a join of these tables costs several times as much as the lookups it is made of.
 */
const motionForVoter = compileOnce(({ db }, p: { motionId: string; personId: string }) =>
  db.selectFrom('motions')
    .select(['motions.id as motion_id', 'motions.kind', 'motions.voting', 'motions.election_method', 'motions.seats', 'motions.status as motion_status', 'motions.meeting_id'])
    .select((eb) => {
      const meeting = eb.selectFrom('meetings').whereRef('meetings.id', '=', 'motions.meeting_id');
      return [
        meeting.select('meetings.organization_id').as('organization_id'),
        meeting.select('meetings.status').as('meeting_status'),
        meeting.select('meetings.starts_at').as('starts_at'),
        meeting.select('meetings.voting_deadline').as('voting_deadline'),
        meeting.select('meetings.written_voting').as('written_voting'),
        meeting.select('meetings.electronic_voting').as('electronic_voting'),
        eb.selectFrom('electorate').select('electorate.person_id').whereRef('electorate.meeting_id', '=', 'motions.meeting_id')
          .where('electorate.person_id', '=', p.personId).as('voter'),
      ];
    })
    .where('motions.id', '=', p.motionId)
    // The meeting always exists (a motion's meeting_id is a foreign key, not null), so its columns are never null.
    .$castTo<MotionForVoting>(),
);

/**
 * The record that the member voted, written only while the motion is open: an `insert … select` from the motion,
 * which writes nothing once it has closed. On PostgreSQL the motion's row is read under a shared lock, so a close
 * (which takes the row's update lock) waits for the ballots in flight, and a ballot after the close finds it closed.
 */
const recordVoting = compileOnce(({ db, dialect }, p: { motionId: string; personId: string; channel: string; proxy: string | null; openChoice: string | null; recordedBy: string }) => {
  const text = (value: string | null) => sql<string>`cast(${value} as text)`;
  const motion = db.selectFrom('motions')
    .select(['motions.id', text(p.personId).as('person_id'), text(p.channel).as('channel'), text(p.proxy).as('proxy_person_id'),
      text(p.openChoice).as('open_choice'), text(p.recordedBy).as('recorded_by')])
    .where('motions.id', '=', p.motionId).where('motions.status', '=', 'open');
  return db.insertInto('votes_cast').columns(['motion_id', 'person_id', 'channel', 'proxy_person_id', 'open_choice', 'recorded_by'])
    .expression(dialect === 'postgresql' ? motion.forShare() : motion);
});

const storeSecretBallot = compileOnce(({ db }, p: { motionId: string; receipt: string; choice: string }) =>
  db.insertInto('ballots').values({ motion_id: p.motionId, receipt: p.receipt, choice: p.choice }),
);

const candidateIds = compileOnce(({ db }, p: { motionId: string }) => db.selectFrom('candidates').select('id').where('motion_id', '=', p.motionId));

const proxyOf = compileOnce(({ db }, p: { meetingId: string; grantor: string }) =>
  db.selectFrom('proxies').select('holder_person_id').where('meeting_id', '=', p.meetingId).where('grantor_person_id', '=', p.grantor));

const refuse = (kind: 'rule_violation' | 'conflict' | 'invalid', code: string, field: string, message: string) =>
  new DomainError(kind, code, message, [{ field, code, message }]);

/** The motion, refused when it is not open for votes, with whether `personId` is on its electorate. */
async function openMotion(ctx: AppContext, motionId: string, personId: string): Promise<MotionForVoting> {
  const [motion] = await motionForVoter(ctx, { motionId, personId });
  if (!motion) throw notFound('motion');
  if (motion.motion_status !== 'open') throw refuse('rule_violation', 'voting_not_open', 'motionId', motion.motion_status === 'closed' ? 'voting on this motion has closed' : 'the meeting has not been convened');
  return motion;
}

/** Checks a choice against the motion: for/against/abstain, or the candidates approved or ranked. */
async function checkChoice(ctx: AppContext, motion: MotionForVoting, choice: BallotChoice): Promise<string> {
  if ((motion.kind as MotionKind) !== 'election') {
    if (typeof choice !== 'string' || !(motionChoices as readonly string[]).includes(choice)) throw refuse('invalid', 'invalid_choice', 'choice', 'for, against or abstain');
    return choice;
  }
  if (!Array.isArray(choice)) throw refuse('invalid', 'invalid_choice', 'choice', 'a list of candidates');
  const known = new Set((await candidateIds(ctx, { motionId: motion.motion_id })).map((c) => c.id));
  if (new Set(choice).size !== choice.length) throw refuse('invalid', 'invalid_choice', 'choice', 'each candidate at most once');
  const unknown = choice.find((c) => !known.has(c));
  if (unknown !== undefined) throw refuse('invalid', 'invalid_choice', 'choice', `no such candidate: ${unknown}`);
  const method = motion.election_method as ElectionMethod;
  if (method !== 'approval' && choice.length === 0) throw refuse('invalid', 'invalid_choice', 'choice', 'rank at least one candidate');
  // Approval ballots are stored in candidate order, so that the list of choices does not reveal the order of clicks.
  return JSON.stringify(method === 'approval' ? [...choice].sort() : choice);
}

/**
 * Writes who voted and the ballot in one transaction, with `alsoIn` (an audit entry) when given; the receipt is
 * returned to the voter and kept nowhere else.
 */
async function storeBallot(ctx: AppContext, motion: MotionForVoting, vote: { voter: string; channel: VoteChannel; proxy: string | null; choice: string; recordedBy: string },
  alsoIn?: (trx: Transaction<Schema>) => Promise<void>): Promise<string> {
  const receipt = receiptFrom(freshRandomBytes(20));
  const steps = [
    recordVoting.bind(ctx, {
      motionId: motion.motion_id, personId: vote.voter, channel: vote.channel, proxy: vote.proxy, openChoice: motion.voting === 'roll_call' ? vote.choice : null, recordedBy: vote.recordedBy,
    }),
    storeSecretBallot.bind(ctx, { motionId: motion.motion_id, receipt, choice: vote.choice }),
  ];
  const closed = () => refuse('rule_violation', 'voting_not_open', 'motionId', 'voting on this motion has closed');
  try {
    if (!alsoIn) {
      if ((await ctx.runWrites(steps)) !== -1) throw closed();
    } else {
      await inTransaction(ctx, async (trx) => {
        if ((await runWritesIn(trx, steps)) !== -1) throw closed();
        await alsoIn(trx);
      });
    }
  } catch (error) {
    if (isUniqueViolation(error)) throw refuse('conflict', 'already_voted', 'motionId', 'this member has voted on this motion already');
    throw error;
  }
  return receipt;
}

/**
 * A member votes electronically, for themselves or — as a proxy — for a member who appointed them. Allowed while
 * the motion is open: before the voting deadline, or during the meeting for those taking part online.
 */
export async function castBallot(ctx: AppContext, actor: Actor, motionId: string, input: { choice: BallotChoice; forPersonId?: string | null }): Promise<{ receipt: string }> {
  if (!actor.personId) throw forbidden('only a member can vote: this account is not a member\'s own');
  const voter = input.forPersonId ?? actor.personId;
  const motion = await openMotion(ctx, motionId, voter);
  if (!motion.electronic_voting) throw refuse('rule_violation', 'electronic_voting_not_allowed', 'motionId', 'this meeting does not take electronic votes');
  const now = isoNow(ctx);
  if (motion.meeting_status !== 'in_session' && motion.voting_deadline !== null && now > motion.voting_deadline) {
    throw refuse('rule_violation', 'voting_deadline_passed', 'motionId', 'the deadline for votes before the meeting has passed: vote at the meeting');
  }
  if (motion.voter === null) throw forbidden(voter === actor.personId ? 'you are not a voter of this meeting' : 'that member is not a voter of this meeting');
  if (voter !== actor.personId) {
    const [proxy] = await proxyOf(ctx, { meetingId: motion.meeting_id, grantor: voter });
    if (proxy?.holder_person_id !== actor.personId) throw forbidden('you do not hold this member\'s proxy');
  }
  const choice = await checkChoice(ctx, motion, input.choice);
  const own = voter === actor.personId;
  const receipt = await storeBallot(ctx, motion, { voter, channel: own ? 'electronic' : 'proxy', proxy: own ? null : actor.personId, choice, recordedBy: actor.userId });
  return { receipt };
}

/** A clerk enters a written vote (書面議決) from the paper form, before the meeting starts. */
export async function recordWrittenBallot(ctx: AppContext, actor: Actor, motionId: string, input: { personId: string; choice: BallotChoice }): Promise<{ receipt: string }> {
  const motion = await openMotion(ctx, motionId, input.personId);
  if (!canRunMeetings(actor, motion.organization_id)) throw forbidden();
  if (!motion.written_voting) throw refuse('rule_violation', 'written_voting_not_allowed', 'motionId', 'this meeting does not take written votes');
  if (motion.meeting_status !== 'convened') throw refuse('rule_violation', 'voting_deadline_passed', 'motionId', 'written votes are entered before the meeting opens');
  if (motion.voter === null) throw refuse('rule_violation', 'not_a_voter', 'personId', 'not a voter of this meeting');
  const choice = await checkChoice(ctx, motion, input.choice);
  // The clerk's entry is audited, in the same transaction, as who voted, never what: the ballot is not named.
  const receipt = await storeBallot(ctx, motion, { voter: input.personId, channel: 'written', proxy: null, choice, recordedBy: actor.userId }, (trx) =>
    recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: motion.organization_id, entityType: 'vote_cast', entityId: `${motionId}:${input.personId}`, action: 'enter_written_vote', before: null, after: null,
    }, isoNow(ctx)));
  return { receipt };
}

/** A voter checks their receipt after the count: the choice recorded under it (the published list says the same). */
export async function ballotByReceipt(ctx: AppContext, actor: Actor, motionId: string, receipt: string): Promise<{ receipt: string; choice: string } | null> {
  const motion = await ctx.db.selectFrom('motions').select(['status', 'meeting_id']).where('id', '=', motionId).executeTakeFirst();
  if (!motion) throw notFound('motion');
  await meetingVisibleTo(ctx.db, actor, motion.meeting_id);
  if (motion.status !== 'closed') throw refuse('rule_violation', 'not_closed', 'motionId', 'receipts are checked after the vote has closed');
  const row = await ctx.db.selectFrom('ballots').select(['receipt', 'choice']).where('motion_id', '=', motionId).where('receipt', '=', receipt.trim().toUpperCase()).executeTakeFirst();
  return row ?? null;
}

async function lockVoter(trx: Tx, ctx: AppContext, meetingId: string, personId: string): Promise<boolean> {
  const read = trx.selectFrom('electorate').select('person_id').where('meeting_id', '=', meetingId).where('person_id', '=', personId);
  return Boolean(await (ctx.dialect === 'postgresql' ? read.forUpdate() : read).executeTakeFirst());
}

/**
 * Appoints a proxy (代理人) for a meeting: the member themselves, or a clerk entering the paper form. The proxy
 * must be a voter of the same meeting, may not have appointed a proxy of their own, and may carry no more votes
 * than the bylaws' cap. A member who has voted already has nothing left to delegate.
 */
export async function appointProxy(ctx: AppContext, actor: Actor, meetingId: string, input: { grantorPersonId?: string | null; holderPersonId: string }) {
  const grantor = input.grantorPersonId ?? actor.personId;
  if (!grantor) throw refuse('invalid', 'validation_failed', 'grantorPersonId', 'whose proxy this is');
  return inTransaction(ctx, async (trx) => {
    const meeting = await meetingAsVoterOrStaff(trx, actor, meetingId, grantor);
    if (!meeting.proxyAllowed) throw refuse('rule_violation', 'proxy_not_allowed', 'holderPersonId', 'this meeting does not take proxies');
    if (meeting.status !== 'convened') throw refuse('rule_violation', 'proxy_too_late', 'holderPersonId', 'proxies are appointed before the meeting opens');
    if (grantor === input.holderPersonId) throw refuse('rule_violation', 'proxy_self', 'holderPersonId', 'a member cannot be their own proxy');
    // The holder's row is locked first: two appointments of the same holder at once cannot both slip under the cap.
    if (!(await lockVoter(trx, ctx, meetingId, input.holderPersonId))) throw refuse('rule_violation', 'proxy_not_eligible', 'holderPersonId', 'the proxy must be a voter of this meeting');
    if (!(await trx.selectFrom('electorate').select('person_id').where('meeting_id', '=', meetingId).where('person_id', '=', grantor).executeTakeFirst())) {
      throw refuse('rule_violation', 'not_a_voter', 'grantorPersonId', 'not a voter of this meeting');
    }
    const holderGave = await trx.selectFrom('proxies').select('holder_person_id').where('meeting_id', '=', meetingId).where('grantor_person_id', '=', input.holderPersonId).executeTakeFirst();
    if (holderGave) throw refuse('rule_violation', 'proxy_has_proxy', 'holderPersonId', 'this member has appointed a proxy of their own');
    const carried = await trx.selectFrom('proxies').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', '=', meetingId).where('holder_person_id', '=', input.holderPersonId).executeTakeFirstOrThrow();
    const settings = await bylawSettingsOn(trx, meeting.organizationId, localDate(new Date(meeting.startsAt)));
    const cap = settings.proxyCapPerHolder.value as number;
    if (proxyCapReached(Number(carried.n), { proxyCapPerHolder: cap })) throw refuse('rule_violation', 'proxy_cap_reached', 'holderPersonId', `this proxy carries ${cap} votes already, the most the bylaws allow`);
    const voted = await trx.selectFrom('votes_cast').innerJoin('motions', 'motions.id', 'votes_cast.motion_id').select('votes_cast.person_id')
      .where('motions.meeting_id', '=', meetingId).where('votes_cast.person_id', '=', grantor).executeTakeFirst();
    if (voted) throw refuse('rule_violation', 'already_voted', 'grantorPersonId', 'this member has voted already');
    const at = isoNow(ctx);
    try {
      await trx.insertInto('proxies').values({ meeting_id: meetingId, grantor_person_id: grantor, holder_person_id: input.holderPersonId, appointed_at: at, recorded_by: actor.userId }).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw refuse('conflict', 'proxy_exists', 'grantorPersonId', 'a proxy is appointed already: revoke it first');
      throw error;
    }
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: meeting.organizationId, entityType: 'proxy', entityId: `${meetingId}:${grantor}`, action: 'appoint', before: null, after: { holderPersonId: input.holderPersonId },
    }, at);
    return { meetingId, grantorPersonId: grantor, holderPersonId: input.holderPersonId, appointedAt: at };
  });
}

/** Revokes a proxy before the meeting, unless the proxy has voted with it already. */
export async function revokeProxy(ctx: AppContext, actor: Actor, meetingId: string, grantorPersonId?: string | null): Promise<void> {
  const grantor = grantorPersonId ?? actor.personId;
  if (!grantor) throw refuse('invalid', 'validation_failed', 'grantorPersonId', 'whose proxy this is');
  await inTransaction(ctx, async (trx) => {
    const meeting = await meetingAsVoterOrStaff(trx, actor, meetingId, grantor);
    if (meeting.status !== 'convened') throw refuse('rule_violation', 'proxy_too_late', 'grantorPersonId', 'proxies are revoked before the meeting opens');
    const used = await trx.selectFrom('votes_cast').innerJoin('motions', 'motions.id', 'votes_cast.motion_id').select('votes_cast.person_id')
      .where('motions.meeting_id', '=', meetingId).where('votes_cast.person_id', '=', grantor).executeTakeFirst();
    if (used) throw refuse('rule_violation', 'proxy_used', 'grantorPersonId', 'the proxy has voted with it already');
    const removed = await trx.deleteFrom('proxies').where('meeting_id', '=', meetingId).where('grantor_person_id', '=', grantor).executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw notFound('proxy');
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: meeting.organizationId, entityType: 'proxy', entityId: `${meetingId}:${grantor}`, action: 'revoke', before: null, after: null,
    }, isoNow(ctx));
  });
}

/** Staff of the organization act for anyone; a member acts only for themselves. */
async function meetingAsVoterOrStaff(trx: Tx, actor: Actor, meetingId: string, personId: string) {
  const row = await trx.selectFrom('meetings').select(['organization_id']).where('id', '=', meetingId).executeTakeFirst();
  if (!row) throw notFound('meeting');
  if (canRunMeetings(actor, row.organization_id)) return meetingFor(trx, actor, meetingId, true);
  if (actor.personId !== personId) throw forbidden('a member appoints or revokes only their own proxy');
  const full = await trx.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
  return { organizationId: full.organization_id, proxyAllowed: Boolean(full.proxy_allowed), status: full.status, startsAt: full.starts_at };
}

/**
 * Who has voted or appointed a proxy, and how (electronically, in writing, by proxy) — never what. For the chair and
 * the clerks; paged over the electorate in member-number order.
 */
export async function participation(ctx: AppContext, actor: Actor, meetingId: string, options: { page: number; pageSize: number; q?: string }) {
  const meeting = await meetingFor(ctx.db, actor, meetingId);
  const base = ctx.db.selectFrom('electorate').innerJoin('people', 'people.id', 'electorate.person_id').leftJoin('memberships', 'memberships.id', 'electorate.membership_id')
    .where('electorate.meeting_id', '=', meetingId);
  const filtered = options.q ? base.where((eb) => eb.or([eb('memberships.member_number', '=', options.q!), eb('people.family_name', 'like', `${options.q}%`), eb('people.family_kana', 'like', `${options.q}%`)])) : base;
  const [rows, total, summary] = await Promise.all([
    filtered.select(['electorate.person_id', 'memberships.member_number', 'people.family_name', 'people.given_name', 'electorate.organization_id'])
      .orderBy('memberships.member_number_key').orderBy('people.family_kana').limit(options.pageSize).offset((options.page - 1) * options.pageSize).execute(),
    filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ctx.db.selectFrom('votes_cast').innerJoin('motions', 'motions.id', 'votes_cast.motion_id').select(['votes_cast.channel', (eb) => eb.fn.count<number>('votes_cast.person_id').distinct().as('n')])
      .where('motions.meeting_id', '=', meetingId).groupBy('votes_cast.channel').execute(),
  ]);
  const ids = rows.map((r) => r.person_id);
  const [cast, proxies, present] = ids.length
    ? await Promise.all([
        ctx.db.selectFrom('votes_cast').innerJoin('motions', 'motions.id', 'votes_cast.motion_id').select(['votes_cast.person_id', 'votes_cast.channel', 'votes_cast.motion_id'])
          .where('motions.meeting_id', '=', meetingId).where('votes_cast.person_id', 'in', ids).execute(),
        ctx.db.selectFrom('proxies').select(['grantor_person_id', 'holder_person_id']).where('meeting_id', '=', meetingId)
          .where((eb) => eb.or([eb('grantor_person_id', 'in', ids), eb('holder_person_id', 'in', ids)])).execute(),
        ctx.db.selectFrom('attendance').select(['person_id', 'mode', 'checked_out_at']).where('meeting_id', '=', meetingId).where('person_id', 'in', ids).execute(),
      ])
    : [[], [], []];
  const proxyCount = await ctx.db.selectFrom('proxies').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
  return {
    meetingId: meeting.id,
    total: Number(total.n),
    summary: { ...Object.fromEntries(summary.map((s) => [s.channel, Number(s.n)])), proxiesAppointed: Number(proxyCount.n) },
    items: rows.map((r) => {
      const mine = cast.filter((c) => c.person_id === r.person_id);
      const attendance = present.find((a) => a.person_id === r.person_id);
      return {
        personId: r.person_id, memberNumber: r.member_number, name: `${r.family_name} ${r.given_name}`, organizationId: r.organization_id,
        motionsVoted: mine.length, channels: [...new Set(mine.map((c) => c.channel))].sort(),
        proxyHolderPersonId: proxies.find((p) => p.grantor_person_id === r.person_id)?.holder_person_id ?? null,
        proxiesHeld: proxies.filter((p) => p.holder_person_id === r.person_id).length,
        attendance: attendance ? (attendance.checked_out_at ? 'left' : attendance.mode) : null,
      };
    }),
  };
}

/**
 * How each member voted on a roll-call (open) vote: part of the record by the chair's choice of voting method.
 * Refused for secret ballots, whose record of who voted never says how.
 */
export async function rollCall(ctx: AppContext, actor: Actor, motionId: string) {
  const motion = await ctx.db.selectFrom('motions').select(['meeting_id', 'voting']).where('id', '=', motionId).executeTakeFirst();
  if (!motion) throw notFound('motion');
  await meetingFor(ctx.db, actor, motion.meeting_id);
  if (motion.voting !== 'roll_call') throw refuse('rule_violation', 'secret_ballot', 'motionId', 'a secret ballot has no roll call');
  const rows = await ctx.db.selectFrom('votes_cast').innerJoin('people', 'people.id', 'votes_cast.person_id')
    .select(['votes_cast.person_id', 'votes_cast.channel', 'votes_cast.open_choice', 'people.family_name', 'people.given_name', 'people.family_kana'])
    .where('votes_cast.motion_id', '=', motionId).orderBy('people.family_kana').execute();
  return rows.map((r) => ({ personId: r.person_id, name: `${r.family_name} ${r.given_name}`, channel: r.channel, choice: r.open_choice }));
}
