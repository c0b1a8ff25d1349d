import { sql } from 'kysely';
import type { Actor } from '../../domain/access/policy.js';
import { threshold } from '../../domain/governance/resolutions.js';
import { DomainError, notFound } from '../../domain/shared/errors.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { localDate, type AppContext, type Tx } from '../shared/context.js';
import { minutesPdf, type MinutesAttendance, type MinutesData, type MinutesResult } from './documents/minutes-pdf.js';
import { meetingFor, meetingVisibleTo, motionsOf, type Motion } from './meetings.js';
import { rulesForMeeting, tellerCountsOf, type MotionResult } from './results.js';
import { presenceOf, type Presence } from './room.js';
import { approvalsOf } from './election-count.js';
import { buildPublishedTally, type PublishedTally } from '../../domain/governance/bulletin.js';
import type { MotionChoice } from '../../domain/governance/tally.js';

/**
 * What a meeting leaves behind: the minutes (議事録) drafted from the record, and for each closed secret vote the
 * published tally anyone entitled to see the meeting can check with `kyodo verify-tally`.
 */

async function nameOf(db: Tx, personId: string | null): Promise<string | null> {
  if (!personId) return null;
  const p = await db.selectFrom('people').select(['family_name', 'given_name']).where('id', '=', personId).executeTakeFirst();
  return p ? `${p.family_name} ${p.given_name}` : null;
}

/** Members counted present by how they took part: in the room, online, in writing or electronically beforehand, by proxy. */
async function attendanceOf(db: Tx, meetingId: string, presence: Presence, quorumNeeded: number): Promise<MinutesAttendance> {
  const { rows } = await sql<{ channel: string; n: number | string }>`
    select vc.channel, count(distinct vc.person_id) as n from votes_cast vc join motions m on m.id = vc.motion_id
    where m.meeting_id = ${meetingId} and vc.channel in ('written', 'electronic')
      and vc.person_id not in (select person_id from attendance where meeting_id = ${meetingId} and checked_out_at is null)
    group by vc.channel`.execute(db);
  const by = Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
  return {
    entitled: presence.eligible, inPerson: presence.inPerson, online: presence.online, written: by.written ?? 0, electronic: by.electronic ?? 0,
    proxy: presence.byProxy, present: presence.present, quorumNeeded, quorumMet: presence.present >= quorumNeeded,
  };
}

function minutesResult(motion: Motion): MinutesResult | null {
  if (motion.status !== 'closed' || !motion.result) return null;
  const result = motion.result as MotionResult;
  if (result.election) {
    const e = result.election;
    const names = new Map(motion.candidates.map((c) => [c.id, c.name]));
    const votes = e.approval
      ? e.approval.approvals.map((a) => ({ id: a.candidate, votes: a.approvals }))
      : (e.stv?.stages[0]?.standings ?? []).map((s) => ({ id: s.candidate, votes: Number(s.votes.value) }));
    return {
      type: 'election', method: e.method, seats: e.seats, ballots: e.ballots, invalid: e.invalid, quota: e.quota,
      candidates: votes.map((v) => ({ name: names.get(v.id) ?? v.id, votes: v.votes, elected: e.elected.includes(v.id) })), outcome: 'elected', rule: e.rule,
    };
  }
  return {
    type: 'resolution', votes: result.counts ?? { for: 0, against: 0, abstain: 0, invalid: 0 }, outcome: result.outcome as 'adopted',
    rule: result.rule as 'majority_of_present', needed: result.needed, got: result.got, chairDecision: motion.chairDecision,
  };
}

export async function minutesData(ctx: AppContext, actor: Actor, meetingId: string, locale: 'ja' | 'en'): Promise<MinutesData> {
  const meeting = await meetingFor(ctx.db, actor, meetingId);
  if (meeting.status === 'draft' || meeting.status === 'convened') {
    throw new DomainError('rule_violation', 'not_held', 'the minutes are drafted once the meeting has been held', [{ field: 'meetingId', code: 'not_held', message: 'open the session first' }]);
  }
  const [organization, motions, presence, rules, chair] = await Promise.all([
    findOrganization(ctx.db, meeting.organizationId),
    motionsOf(ctx.db, meetingId),
    presenceOf(ctx.db, meetingId),
    rulesForMeeting(ctx.db, meeting),
    nameOf(ctx.db, meeting.chairPersonId),
  ]);
  const attendance = await attendanceOf(ctx.db, meetingId, presence, Math.max(1, threshold(presence.eligible, rules.quorum.ordinary)));
  const main = motions.filter((m) => !m.amendsMotionId);
  const words = locale === 'ja' ? { chair: '議長', signer: '議事録署名人' } : { chair: 'Chair', signer: 'Minutes signer' };
  const closedAt = meeting.closedAt ?? ctx.now().toISOString();
  return {
    locale,
    organization: { nameJa: organization!.nameJa, nameEn: organization!.nameEn, address: organization!.address },
    meeting: { title: meeting.title, bodyKind: meeting.bodyKind, openedAt: meeting.openedAt ?? meeting.startsAt, closedAt, place: meeting.place, onlineUrl: meeting.onlineUrl },
    attendance,
    chair: chair ?? '',
    recorder: null,
    items: main.map((m) => ({
      position: m.position, title: m.title, kind: m.kind, proceedings: m.body,
      motions: [{
        title: m.title, proposer: null,
        amendments: motions.filter((a) => a.amendsMotionId === m.id).map((a) => ({ title: a.title, proposer: null, result: minutesResult(a) })),
        result: minutesResult(m),
      }],
    })),
    // The chair signs, with the minutes signers; names not recorded are left blank to be written in by hand.
    signers: [{ role: words.chair, name: chair ?? '' }, ...(meeting.minutesSigners.length ? meeting.minutesSigners : ['', '']).map((name) => ({ role: words.signer, name }))],
    draftedOn: localDate(new Date(closedAt)),
  };
}

export async function meetingMinutesPdf(ctx: AppContext, actor: Actor, meetingId: string, locale: 'ja' | 'en'): Promise<Buffer> {
  return minutesPdf(await minutesData(ctx, actor, meetingId, locale));
}

/**
 * The published tally of a closed motion (kyodo-tally/1): every ballot by its receipt, the tellers' counts, the
 * attendance and the rules the result was decided by, the result recounted from them, and the digest. Anyone who
 * may see the meeting may read it; `kyodo verify-tally` checks it without the database.
 */
export async function publishedTally(ctx: AppContext, actor: Actor, motionId: string): Promise<PublishedTally> {
  const row = await ctx.db.selectFrom('motions').selectAll().where('id', '=', motionId).executeTakeFirst();
  if (!row) throw notFound('motion');
  await meetingVisibleTo(ctx.db, actor, row.meeting_id);
  if (row.status !== 'closed' || !row.result_json) {
    throw new DomainError('rule_violation', 'not_closed', 'the tally is published once the vote has closed', [{ field: 'motionId', code: 'not_closed', message: 'close the vote first' }]);
  }
  const declared = JSON.parse(row.result_json) as MotionResult;
  const [ballots, tellers, candidates] = await Promise.all([
    ctx.db.selectFrom('ballots').select(['receipt', 'choice']).where('motion_id', '=', motionId).orderBy('receipt').execute(),
    tellerCountsOf(ctx.db, motionId),
    ctx.db.selectFrom('candidates').select(['id', 'name']).where('motion_id', '=', motionId).orderBy('position').execute(),
  ]);
  const question = { id: row.id, title: row.title };
  if (row.kind === 'election' && declared.outcome === 'no_quorum') {
    // The tally format recounts elections without a quorum rule: an election the meeting could not decide is not published as if it had been.
    throw new DomainError('rule_violation', 'no_quorum', `the election was not decided: ${declared.got} members were present and the quorum was ${declared.needed}`);
  }
  if (row.kind === 'election') {
    const base = { attendance: declared.attendance, ballots: ballots.map((b) => ({ receipt: b.receipt, choice: JSON.parse(b.choice) as string[] })) };
    // The quorum the election was decided under: the ordinary one of the rules in force at the meeting.
    const named = { seats: Number(row.seats), candidates: candidates.map((c) => ({ id: c.id, name: c.name })), seed: row.id, quorum: declared.rules.quorum.ordinary };
    return row.election_method === 'approval'
      ? buildPublishedTally({ ...base, question: { ...question, kind: 'approval', ...named }, tellerCounts: tellers.map(approvalsOf) })
      : buildPublishedTally({ ...base, question: { ...question, kind: 'stv', method: row.election_method === 'stv_meek' ? 'meek' : 'scottish', ...named }, tellerCounts: [] });
  }
  return buildPublishedTally({
    question: { ...question, kind: row.kind as 'ordinary' | 'special', rules: declared.rules },
    attendance: declared.attendance,
    tellerCounts: tellers.map((t) => ({ for: t.for ?? 0, against: t.against ?? 0, abstain: t.abstain ?? 0, invalid: t.invalid ?? 0 })),
    ballots: ballots.map((b) => ({ receipt: b.receipt, choice: b.choice as MotionChoice })),
  });
}
