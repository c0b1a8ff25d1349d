import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../domain/access/policy.js';
import type { AttendanceMode } from '../../domain/governance/vocabulary.js';
import { DomainError, notFound } from '../../domain/shared/errors.js';
import type { Schema } from '../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, localDate, newId, type AppContext, type Tx } from '../shared/context.js';
import { addSeatsForElected } from './elected.js';
import { settleBylawVersion } from './bylaws.js';
import { settleSurplusClosing } from '../surplus/settle-closing.js';
import { meetingFor, motionsOf, type Meeting } from './meetings.js';
import { countMotion, sealBallots, type TellerCounts } from './results.js';

/**
 * The meeting room: opening the session, check-in in person or online, the live quorum, the tellers' paper
 * counts, and closing each motion with its result. Written and electronic votes and proxies count as present
 * (domain.md §2 item 8).
 */

const refuse = (code: string, field: string, message: string) => new DomainError('rule_violation', code, message, [{ field, code, message }]);

export interface Presence {
  eligible: number;
  inPerson: number;
  online: number;
  /** Voted before the meeting (in writing or electronically) and not checked in. */
  votedBeforehand: number;
  /** Represented by a proxy who is checked in or who voted for them. */
  byProxy: number;
  present: number;
}

/** Who is present now: checked in, or voted before the meeting, or represented by a proxy who is present or voted. */
export async function presenceOf(db: Tx, meetingId: string): Promise<Presence> {
  const { rows } = await sql<{ eligible: number | string; in_person: number | string; online: number | string; beforehand: number | string; by_proxy: number | string; present: number | string }>`
    with here as (
      select person_id, mode from attendance where meeting_id = ${meetingId} and checked_out_at is null
    ), voted as (
      select distinct vc.person_id from votes_cast vc join motions m on m.id = vc.motion_id where m.meeting_id = ${meetingId} and vc.channel <> 'in_room'
    ), proxied as (
      select p.grantor_person_id as person_id from proxies p where p.meeting_id = ${meetingId}
        and (p.holder_person_id in (select person_id from here) or p.grantor_person_id in (select person_id from voted))
    ), everyone as (
      select person_id from here union select person_id from voted union select person_id from proxied
    )
    select
      (select count(*) from electorate where meeting_id = ${meetingId}) as eligible,
      (select count(*) from here where mode = 'in_person') as in_person,
      (select count(*) from here where mode = 'online') as online,
      (select count(*) from voted where person_id not in (select person_id from here) and person_id not in (select person_id from proxied)) as beforehand,
      (select count(*) from proxied where person_id not in (select person_id from here)) as by_proxy,
      (select count(*) from everyone) as present`.execute(db);
  const r = rows[0]!;
  return { eligible: Number(r.eligible), inPerson: Number(r.in_person), online: Number(r.online), votedBeforehand: Number(r.beforehand), byProxy: Number(r.by_proxy), present: Number(r.present) };
}

async function changeMeeting(trx: Transaction<Schema>, ctx: AppContext, actor: Actor, meeting: Meeting, action: string, set: { status?: string; opened_at?: string; closed_at?: string; chair_person_id?: string | null }) {
  const at = isoNow(ctx);
  await trx.updateTable('meetings').set({ ...set, version: meeting.version + 1, updated_at: at }).where('id', '=', meeting.id).execute();
  await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId: meeting.organizationId, entityType: 'meeting', entityId: meeting.id, action, before: { status: meeting.status }, after: set }, at);
}

/** Opens the session: written votes and proxies close, check-in and the count in the room begin. */
export async function openSession(ctx: AppContext, actor: Actor, meetingId: string, input: { chairPersonId?: string | null }) {
  return inTransaction(ctx, async (trx) => {
    const meeting = await meetingFor(trx, actor, meetingId, true);
    if (meeting.status !== 'convened') throw refuse('not_convened', 'meetingId', meeting.status === 'draft' ? 'send the notice first' : 'the session is open already');
    await changeMeeting(trx, ctx, actor, meeting, 'open_session', { status: 'in_session', opened_at: isoNow(ctx), chair_person_id: input.chairPersonId ?? meeting.chairPersonId });
    return presenceOf(trx, meetingId);
  });
}

export async function checkIn(ctx: AppContext, actor: Actor, meetingId: string, input: { personId: string; mode: AttendanceMode }) {
  return inTransaction(ctx, async (trx) => {
    const meeting = await meetingFor(trx, actor, meetingId, true);
    if (meeting.status !== 'in_session' && meeting.status !== 'convened') throw refuse('not_convened', 'meetingId', 'check-in begins once the meeting is convened');
    const voter = await trx.selectFrom('electorate').select('person_id').where('meeting_id', '=', meetingId).where('person_id', '=', input.personId).executeTakeFirst();
    if (!voter) throw refuse('not_a_voter', 'personId', 'not a voter of this meeting');
    const at = isoNow(ctx);
    const existing = await trx.selectFrom('attendance').select(['checked_out_at']).where('meeting_id', '=', meetingId).where('person_id', '=', input.personId).executeTakeFirst();
    if (existing) {
      await trx.updateTable('attendance').set({ mode: input.mode, checked_out_at: null }).where('meeting_id', '=', meetingId).where('person_id', '=', input.personId).execute();
    } else {
      await trx.insertInto('attendance').values({ meeting_id: meetingId, person_id: input.personId, mode: input.mode, checked_in_at: at, checked_out_at: null, recorded_by: actor.userId }).execute();
    }
    return presenceOf(trx, meetingId);
  });
}

export async function checkOut(ctx: AppContext, actor: Actor, meetingId: string, personId: string) {
  return inTransaction(ctx, async (trx) => {
    await meetingFor(trx, actor, meetingId, true);
    const done = await trx.updateTable('attendance').set({ checked_out_at: isoNow(ctx) }).where('meeting_id', '=', meetingId).where('person_id', '=', personId).where('checked_out_at', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw notFound('attendance');
    return presenceOf(trx, meetingId);
  });
}

/** The motion, locked against ballots in flight when `lock` (PostgreSQL): the count sees every ballot or refuses it. */
async function motionInSession(trx: Tx, actor: Actor, motionId: string, lock = false) {
  const read = trx.selectFrom('motions').selectAll().where('id', '=', motionId);
  const motion = await (lock ? read.forUpdate() : read).executeTakeFirst();
  if (!motion) throw notFound('motion');
  const meeting = await meetingFor(trx, actor, motion.meeting_id, true);
  if (meeting.status !== 'in_session') throw refuse('not_in_session', 'motionId', 'the meeting is not in session');
  if (motion.status !== 'open') throw refuse('voting_not_open', 'motionId', 'this motion is not open for voting');
  return { motion, meeting };
}

/**
 * The tellers' count of paper ballots cast in the room. Never more ballots than members in the room who have not
 * voted otherwise on this motion, counting the proxies they carry.
 */
export async function addTellerCount(ctx: AppContext, actor: Actor, motionId: string, counts: TellerCounts) {
  return inTransaction(ctx, async (trx) => {
    const { motion, meeting } = await motionInSession(trx, actor, motionId);
    const ballots = tellerBallots(motion.kind, counts, (await trx.selectFrom('candidates').select('id').where('motion_id', '=', motionId).execute()).map((c) => c.id), motion.election_method);
    const { rows } = await sql<{ n: number | string }>`
      with here as (select person_id from attendance where meeting_id = ${meeting.id} and checked_out_at is null and mode = 'in_person'),
      voters as (select person_id from here union select grantor_person_id from proxies where meeting_id = ${meeting.id} and holder_person_id in (select person_id from here))
      select count(*) as n from voters where person_id not in (select person_id from votes_cast where motion_id = ${motionId})`.execute(trx);
    const counted = await trx.selectFrom('teller_counts').select((eb) => eb.fn.sum<number>('ballots').as('n')).where('motion_id', '=', motionId).executeTakeFirstOrThrow();
    const room = Number(rows[0]!.n) - Number(counted.n ?? 0);
    if (ballots > room) throw refuse('more_ballots_than_voters', 'counts', `${ballots} paper ballots, but only ${room} members in the room have not voted on this motion`);
    const at = isoNow(ctx);
    const id = newId();
    await trx.insertInto('teller_counts').values({ id, motion_id: motionId, counts_json: JSON.stringify(counts), ballots, entered_at: at, entered_by: actor.email }).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId: meeting.organizationId, entityType: 'teller_count', entityId: id, action: 'create', before: null, after: { motionId, counts } }, at);
    return { id, ballots };
  });
}

/** How many paper ballots a teller count stands for; checks its options against the motion. */
function tellerBallots(kind: string, counts: TellerCounts, candidates: string[], method: string | null): number {
  const whole = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;
  if (kind !== 'election') {
    const keys = ['for', 'against', 'abstain', 'invalid'];
    const bad = Object.keys(counts).find((k) => !keys.includes(k) || !whole(counts[k]));
    if (bad !== undefined) throw new DomainError('invalid', 'validation_failed', `counts.${bad}: for, against, abstain or invalid, each a whole number`, [{ field: `counts.${bad}`, code: 'invalid', message: 'a whole number of ballots for, against, abstain or invalid' }]);
    return keys.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  }
  if (method !== 'approval') throw refuse('stv_paper_by_ballot', 'counts', 'a ranked (STV) paper ballot is entered ballot by ballot, not as a count');
  const bad = Object.keys(counts).find((k) => (k !== 'ballots' && k !== 'invalid' && !candidates.includes(k)) || !whole(counts[k]));
  if (bad !== undefined) throw new DomainError('invalid', 'validation_failed', `counts.${bad}: a candidate of this election with a whole number`, [{ field: `counts.${bad}`, code: 'invalid', message: 'a candidate of this election, or ballots / invalid' }]);
  if (!whole(counts.ballots)) throw new DomainError('invalid', 'validation_failed', 'counts.ballots: the number of paper ballots', [{ field: 'counts.ballots', code: 'required', message: 'the number of paper ballots counted' }]);
  return counts.ballots!;
}

/**
 * Closes a motion and declares its result: amendments first; the ballots (electronic, written, by proxy) and the
 * tellers' counts against the members present. A tie in an ordinary resolution needs the chair's decision.
 * A special resolution adopting a bylaw version puts it in force; an election seats those elected; an adopted
 * surplus appropriation is posted to the ledger.
 */
export async function closeMotion(ctx: AppContext, actor: Actor, motionId: string, input: { chairDecision?: 'adopted' | 'rejected' | null }) {
  const result = await inTransaction(ctx, async (trx) => {
    const { motion, meeting } = await motionInSession(trx, actor, motionId, ctx.dialect === 'postgresql');
    const pending = await trx.selectFrom('motions').select('id').where('amends_motion_id', '=', motionId).where('status', '<>', 'closed').executeTakeFirst();
    if (pending) throw refuse('amendment_pending', 'motionId', 'vote on the amendments to this motion first');
    const presence = await presenceOf(trx, meeting.id);
    const counted = await countMotion(trx, meeting, motion, presence);
    let chairDecision: 'adopted' | 'rejected' | null = null;
    if (counted.outcome === 'tie_for_chair') {
      if (!input.chairDecision) {
        throw new DomainError('conflict', 'chair_must_decide', 'the votes are tied: the chair decides (adopted or rejected)', [{ field: 'chairDecision', code: 'chair_must_decide', message: 'adopted or rejected' }]);
      }
      chairDecision = input.chairDecision;
    }
    const at = isoNow(ctx);
    await trx.updateTable('motions').set({ status: 'closed', result_json: JSON.stringify(counted), chair_decision: chairDecision, closed_at: at }).where('id', '=', motionId).execute();
    const adopted = counted.outcome === 'adopted' || counted.outcome === 'elected' || chairDecision === 'adopted';
    if (motion.bylaw_version_id) await settleBylawVersion(trx, actor, motion.bylaw_version_id, motionId, adopted, localDate(ctx.now()), at);
    if (motion.kind === 'election' && counted.elected?.length) await addSeatsForElected(trx, ctx, actor, meeting, motion, counted.elected);
    await settleSurplusClosing(trx, ctx, actor, motionId, adopted, at);
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: meeting.organizationId, entityType: 'motion', entityId: motionId, action: 'close', before: { status: 'open' }, after: { result: counted, chairDecision },
    }, at);
    return { ...counted, chairDecision };
  });
  await sealBallots(ctx, motionId);
  return result;
}

/** Closes the meeting once every motion is decided. */
export async function closeMeeting(ctx: AppContext, actor: Actor, meetingId: string) {
  return inTransaction(ctx, async (trx) => {
    const meeting = await meetingFor(trx, actor, meetingId, true);
    if (meeting.status !== 'in_session') throw refuse('not_in_session', 'meetingId', 'the meeting is not in session');
    const open = (await motionsOf(trx, meetingId)).filter((m) => m.status !== 'closed');
    if (open.length) throw refuse('motions_open', 'meetingId', `decide every motion first: ${open.map((m) => m.title).join(', ')}`);
    await changeMeeting(trx, ctx, actor, meeting, 'close', { status: 'closed', closed_at: isoNow(ctx) });
  });
}

/** What the projector shows and the chair watches: presence, quorum, and each motion with its ballots so far or its result. */
export async function liveView(ctx: AppContext, actor: Actor, meetingId: string) {
  const meeting = await meetingFor(ctx.db, actor, meetingId);
  const [presence, motions, cast] = await Promise.all([
    presenceOf(ctx.db, meetingId),
    motionsOf(ctx.db, meetingId),
    ctx.db.selectFrom('votes_cast').innerJoin('motions', 'motions.id', 'votes_cast.motion_id').select(['votes_cast.motion_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('motions.meeting_id', '=', meetingId).groupBy('votes_cast.motion_id').execute(),
  ]);
  const tellers = await ctx.db.selectFrom('teller_counts').innerJoin('motions', 'motions.id', 'teller_counts.motion_id')
    .select(['teller_counts.motion_id', (eb) => eb.fn.sum<number>('teller_counts.ballots').as('n')]).where('motions.meeting_id', '=', meetingId).groupBy('teller_counts.motion_id').execute();
  const castBy = new Map(cast.map((c) => [c.motion_id, Number(c.n)]));
  const paperBy = new Map(tellers.map((c) => [c.motion_id, Number(c.n)]));
  return {
    meeting: { id: meeting.id, title: meeting.title, status: meeting.status, startsAt: meeting.startsAt, place: meeting.place, bodyKind: meeting.bodyKind },
    presence,
    motions: motions.map((m) => ({
      id: m.id, position: m.position, amendsMotionId: m.amendsMotionId, kind: m.kind, title: m.title, status: m.status, voting: m.voting,
      electionMethod: m.electionMethod, seats: m.seats, candidates: m.candidates.map((c) => ({ id: c.id, name: c.name })),
      ballotsCast: castBy.get(m.id) ?? 0, paperBallots: paperBy.get(m.id) ?? 0, result: m.result, chairDecision: m.chairDecision,
    })),
  };
}
