import { sql, type Selectable, type Transaction } from 'kysely';
import { canRunMeetings, type Actor } from '../../domain/access/policy.js';
import type { SettingInForce, SettingName } from '../../domain/governance/bylaws.js';
import { noticeCheck } from '../../domain/governance/meetings.js';
import type { Candidate, Meeting, Motion } from '../../domain/governance/views.js';
import type { BodyKind, ElectionMethod, MeetingStatus, MotionKind, Office, VotingMode } from '../../domain/governance/vocabulary.js';
import { DomainError, forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import { storedFileName } from '../../domain/shared/file-name.js';
import type { MeetingTable, MotionTable, Schema } from '../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, localDate, newId, type AppContext, type Tx } from '../shared/context.js';
import { bodyOf } from './bodies.js';
import { bylawSettingsOn } from './bylaws.js';
import { checkCandidacy } from './seat-rules.js';

// Meetings of a body, their motions and candidates as the API shows them: one definition shared with the web app.
export type { Candidate, Meeting, Motion } from '../../domain/governance/views.js';

export const toMeeting = (r: Selectable<MeetingTable>, bodyKind: BodyKind): Meeting => ({
  id: r.id, organizationId: r.organization_id, bodyId: r.body_id, bodyKind, title: r.title, startsAt: r.starts_at, endsAt: r.ends_at, place: r.place,
  onlineUrl: r.online_url, recordDate: r.record_date, votingDeadline: r.voting_deadline, writtenVoting: Boolean(r.written_voting),
  electronicVoting: Boolean(r.electronic_voting), proxyAllowed: Boolean(r.proxy_allowed), status: r.status as MeetingStatus, noticeDate: r.notice_date,
  chairPersonId: r.chair_person_id, minutesSigners: r.minutes_signers ? (JSON.parse(r.minutes_signers) as string[]) : [], openedAt: r.opened_at,
  closedAt: r.closed_at, version: Number(r.version),
});

export const toMotion = (r: Selectable<MotionTable>, candidates: Candidate[] = []): Motion => ({
  id: r.id, meetingId: r.meeting_id, position: Number(r.position), amendsMotionId: r.amends_motion_id, kind: r.kind as MotionKind, title: r.title, body: r.body,
  voting: r.voting as VotingMode, electionMethod: r.election_method as ElectionMethod | null, office: r.office as Office | null,
  seats: r.seats === null ? null : Number(r.seats), bylawVersionId: r.bylaw_version_id, status: r.status as Motion['status'],
  result: r.result_json ? JSON.parse(r.result_json) : null, chairDecision: r.chair_decision as Motion['chairDecision'], openedAt: r.opened_at,
  closedAt: r.closed_at, candidates,
});

/** A meeting with its body's kind; for staff of its organization (or the federation administrator). */
export async function meetingFor(db: Tx, actor: Actor, meetingId: string, write = false): Promise<Meeting> {
  const row = await db.selectFrom('meetings').innerJoin('bodies', 'bodies.id', 'meetings.body_id').selectAll('meetings').select('bodies.kind as body_kind')
    .where('meetings.id', '=', meetingId).executeTakeFirst();
  if (!row) throw notFound('meeting');
  if (!canRunMeetings(actor, row.organization_id)) throw forbidden();
  const meeting = toMeeting(row, row.body_kind as BodyKind);
  if (write && meeting.status === 'closed') throw new DomainError('rule_violation', 'meeting_closed', 'the meeting is closed: its record is final');
  return meeting;
}

export async function motionsOf(db: Tx, meetingId: string): Promise<Motion[]> {
  const [rows, candidates] = await Promise.all([
    db.selectFrom('motions').selectAll().where('meeting_id', '=', meetingId).orderBy('position').orderBy('created_at').execute(),
    db.selectFrom('candidates').innerJoin('motions', 'motions.id', 'candidates.motion_id').selectAll('candidates').where('motions.meeting_id', '=', meetingId)
      .orderBy('candidates.position').execute(),
  ]);
  const byMotion = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const list = byMotion.get(c.motion_id) ?? [];
    list.push({ id: c.id, personId: c.person_id, name: c.name, statement: c.statement, position: Number(c.position) });
    byMotion.set(c.motion_id, list);
  }
  // Amendments right before the motion they amend: they are voted first.
  const motions = rows.map((r) => toMotion(r, byMotion.get(r.id) ?? []));
  const main = motions.filter((m) => !m.amendsMotionId);
  return main.flatMap((m) => [...motions.filter((a) => a.amendsMotionId === m.id), m]);
}

export interface NewMeeting {
  bodyKind: BodyKind;
  title: string;
  startsAt: string;
  endsAt?: string | null;
  place?: string | null;
  onlineUrl?: string | null;
  recordDate: string;
  votingDeadline?: string | null;
  writtenVoting?: boolean;
  electronicVoting?: boolean;
  proxyAllowed?: boolean;
}

function checkTimes(input: Pick<NewMeeting, 'startsAt' | 'endsAt' | 'place' | 'onlineUrl' | 'recordDate' | 'votingDeadline'>): void {
  const errors = [];
  if (input.endsAt && input.endsAt <= input.startsAt) errors.push({ field: 'endsAt', code: 'before_start', message: 'the meeting ends after it starts' });
  if (!input.place?.trim() && !input.onlineUrl?.trim()) errors.push({ field: 'place', code: 'required', message: 'a place, an online address, or both' });
  if (input.recordDate > localDate(new Date(input.startsAt))) errors.push({ field: 'recordDate', code: 'after_meeting', message: 'the record date is on or before the meeting day' });
  if (input.votingDeadline && input.votingDeadline > input.startsAt) errors.push({ field: 'votingDeadline', code: 'after_start', message: 'written and electronic votes close before the meeting starts' });
  if (errors.length) throw new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** Drafts a meeting; the voting methods default to what the bylaws in force on the meeting day allow. */
export async function createMeeting(ctx: AppContext, actor: Actor, organizationId: string, input: NewMeeting): Promise<Meeting> {
  if (!canRunMeetings(actor, organizationId)) throw forbidden();
  checkTimes(input);
  const settings = await bylawSettingsOn(ctx.db, organizationId, localDate(new Date(input.startsAt)));
  const allowed = (name: SettingName, wanted: boolean | undefined) => {
    const permitted = settings[name].value as boolean;
    if (wanted && !permitted) {
      throw new DomainError('rule_violation', 'voting_method_not_allowed', `the bylaws in force do not allow ${name === 'writtenVoting' ? 'written' : 'electronic'} voting`, [
        { field: name, code: 'voting_method_not_allowed', message: 'not allowed by the bylaws in force' },
      ]);
    }
    return wanted ?? permitted;
  };
  const written = allowed('writtenVoting', input.writtenVoting);
  const electronic = allowed('electronicVoting', input.electronicVoting);
  return inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    const body = await bodyOf(trx, organizationId, input.bodyKind, at);
    const row: Selectable<MeetingTable> = {
      id: newId(), organization_id: organizationId, body_id: body.id, title: input.title.trim(), starts_at: input.startsAt, ends_at: input.endsAt ?? null,
      place: input.place?.trim() || null, online_url: input.onlineUrl?.trim() || null, record_date: input.recordDate, voting_deadline: input.votingDeadline ?? null,
      written_voting: written ? 1 : 0, electronic_voting: electronic ? 1 : 0, proxy_allowed: (input.proxyAllowed ?? true) ? 1 : 0, status: 'draft',
      notice_date: null, chair_person_id: null, minutes_signers: null, opened_at: null, closed_at: null, version: 1, created_at: at, updated_at: at,
    };
    await trx.insertInto('meetings').values(row).execute();
    const meeting = toMeeting(row, body.kind);
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId, entityType: 'meeting', entityId: meeting.id, action: 'create', before: null, after: meeting }, at);
    return meeting;
  });
}

export async function listMeetings(ctx: AppContext, actor: Actor, organizationId: string): Promise<Meeting[]> {
  if (!canRunMeetings(actor, organizationId)) throw forbidden();
  const rows = await ctx.db.selectFrom('meetings').innerJoin('bodies', 'bodies.id', 'meetings.body_id').selectAll('meetings').select('bodies.kind as body_kind')
    .where('meetings.organization_id', '=', organizationId).orderBy('meetings.starts_at', 'desc').execute();
  return rows.map((r) => toMeeting(r, r.body_kind as BodyKind));
}

export async function getMeeting(ctx: AppContext, actor: Actor, meetingId: string) {
  const meeting = await meetingFor(ctx.db, actor, meetingId);
  const [motions, documents, notices, electorate] = await Promise.all([
    motionsOf(ctx.db, meetingId),
    ctx.db.selectFrom('meeting_documents').select(['id', 'file_name', 'content_type', 'size', 'uploaded_at']).where('meeting_id', '=', meetingId).orderBy('uploaded_at').execute(),
    ctx.db.selectFrom('meeting_notices').selectAll().where('meeting_id', '=', meetingId).orderBy('sent_at').execute(),
    ctx.db.selectFrom('electorate').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow(),
  ]);
  const settings = await bylawSettingsOn(ctx.db, meeting.organizationId, localDate(new Date(meeting.startsAt)));
  return {
    meeting,
    motions,
    documents: documents.map((d) => ({ id: d.id, fileName: d.file_name, contentType: d.content_type, size: Number(d.size), uploadedAt: d.uploaded_at })),
    notices: notices.map((n) => ({
      noticeDate: n.notice_date, inTime: Boolean(n.in_time), recipients: Number(n.recipients), sent: Number(n.sent), withoutEmail: Number(n.without_email),
      failures: JSON.parse(n.failures_json) as { email: string; reason: string }[], sentAt: n.sent_at,
    })),
    electorate: Number(electorate.n),
    noticeCheck: noticeCheck(meeting.noticeDate ?? localDate(ctx.now()), localDate(new Date(meeting.startsAt)), { meetingNoticeDays: settings.meetingNoticeDays.value as number }),
    settings: pick(settings, ['meetingNoticeDays', 'proxyCapPerHolder', 'writtenVoting', 'electronicVoting', 'ordinaryQuorum', 'ordinaryMajority', 'specialQuorum', 'specialMajority', 'tie']),
  };
}

const pick = (settings: Record<SettingName, SettingInForce>, names: SettingName[]) => Object.fromEntries(names.map((n) => [n, settings[n]]));

export type MeetingPatch = Partial<Omit<NewMeeting, 'bodyKind'>> & { chairPersonId?: string | null; minutesSigners?: string[] };

/** Changes a meeting; once convened, only the chair, the minutes' signers and the online address may change. */
export async function updateMeeting(ctx: AppContext, actor: Actor, meetingId: string, version: number, patch: MeetingPatch): Promise<Meeting> {
  return inTransaction(ctx, async (trx) => {
    const meeting = await meetingFor(trx, actor, meetingId, true);
    if (meeting.version !== version) throw new DomainError('conflict', 'version_conflict', 'the meeting was changed by someone else: reload it');
    const fixed = ['title', 'startsAt', 'endsAt', 'place', 'recordDate', 'votingDeadline', 'writtenVoting', 'electronicVoting', 'proxyAllowed'] as const;
    const changedFixed = fixed.filter((f) => patch[f] !== undefined && patch[f] !== meeting[f]);
    if (meeting.status !== 'draft' && changedFixed.length) {
      throw new DomainError('rule_violation', 'meeting_convened', 'the notice has gone out: convene a new meeting to change its date, place or record date',
        changedFixed.map((f) => ({ field: f, code: 'meeting_convened', message: 'fixed by the notice' })));
    }
    const next = { ...meeting, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as Meeting;
    checkTimes(next);
    const at = isoNow(ctx);
    await trx.updateTable('meetings').set({
      title: next.title, starts_at: next.startsAt, ends_at: next.endsAt, place: next.place, online_url: next.onlineUrl, record_date: next.recordDate,
      voting_deadline: next.votingDeadline, written_voting: next.writtenVoting ? 1 : 0, electronic_voting: next.electronicVoting ? 1 : 0,
      proxy_allowed: next.proxyAllowed ? 1 : 0, chair_person_id: next.chairPersonId, minutes_signers: JSON.stringify(next.minutesSigners),
      version: meeting.version + 1, updated_at: at,
    }).where('id', '=', meetingId).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId: meeting.organizationId, entityType: 'meeting', entityId: meetingId, action: 'update', before: meeting, after: next }, at);
    return { ...next, version: meeting.version + 1 };
  });
}

export interface NewMotion {
  kind: MotionKind;
  title: string;
  body?: string | null;
  voting?: VotingMode;
  amendsMotionId?: string | null;
  electionMethod?: ElectionMethod | null;
  office?: Office | null;
  seats?: number | null;
  bylawVersionId?: string | null;
  candidates?: { membershipId: string; statement?: string | null }[];
}

/**
 * Puts a motion on the agenda. Before the notice, any motion; once convened, amendments only (a motion's
 * amendment is moved at the meeting and voted before it). An election names its office, seats and method; a
 * bylaw change is a special resolution naming the proposed version.
 */
export async function addMotion(ctx: AppContext, actor: Actor, meetingId: string, input: NewMotion): Promise<Motion> {
  return inTransaction(ctx, (trx) => addMotionIn(trx, ctx, actor, meetingId, input));
}

/**
 * Puts a motion on a meeting's agenda inside the caller's transaction, so that what the motion decides (a bylaw
 * version, a fiscal-year close) is linked to it in the same step.
 */
export async function addMotionIn(trx: Transaction<Schema>, ctx: AppContext, actor: Actor, meetingId: string, input: NewMotion): Promise<Motion> {
  const meeting = await meetingFor(trx, actor, meetingId, true);
  const refuse = (field: string, code: string, message: string) => new DomainError('rule_violation', code, message, [{ field, code, message }]);
  let position: number;
  if (input.amendsMotionId) {
    const parent = await trx.selectFrom('motions').selectAll().where('id', '=', input.amendsMotionId).where('meeting_id', '=', meetingId).executeTakeFirst();
    if (!parent) throw refuse('amendsMotionId', 'not_found', 'no such motion in this meeting');
    if (parent.amends_motion_id || parent.kind === 'election') throw refuse('amendsMotionId', 'not_amendable', 'amend a motion, not an amendment or an election');
    if (parent.status === 'closed') throw refuse('amendsMotionId', 'motion_closed', 'the motion has been decided');
    if (input.kind !== parent.kind) throw refuse('kind', 'amendment_kind', `an amendment is decided like the motion it amends (${parent.kind})`);
    position = Number(parent.position);
  } else {
    if (meeting.status !== 'draft') throw refuse('amendsMotionId', 'agenda_fixed', 'the notice has gone out with the agenda: only amendments can be moved now');
    const last = await trx.selectFrom('motions').select((eb) => eb.fn.max('position').as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
    position = Number(last.n ?? 0) + 1;
  }
  if (input.kind === 'election') {
    if (!input.electionMethod || !input.office || !input.seats) throw refuse('electionMethod', 'election_incomplete', 'an election names its office, the number of seats and the method');
    const candidates = input.candidates ?? [];
    if (candidates.length < input.seats || (input.electionMethod !== 'approval' && candidates.length <= input.seats)) {
      throw refuse('candidates', 'too_few_candidates', input.electionMethod === 'approval' ? 'at least as many candidates as seats' : 'STV needs more candidates than seats');
    }
  } else if (input.candidates?.length || input.electionMethod || input.seats) {
    throw refuse('candidates', 'not_an_election', 'candidates, seats and methods belong to elections');
  }
  if (input.bylawVersionId) {
    if (input.kind !== 'special') throw refuse('kind', 'bylaws_need_special_resolution', 'a bylaw change is a special resolution');
    const version = await trx.selectFrom('bylaw_versions').select(['organization_id', 'status']).where('id', '=', input.bylawVersionId).executeTakeFirst();
    if (!version || version.organization_id !== meeting.organizationId || version.status !== 'proposed') throw refuse('bylawVersionId', 'not_proposed', 'a proposed bylaw version of this organization');
  }
  const at = isoNow(ctx);
  const row: Selectable<MotionTable> = {
    id: newId(), meeting_id: meetingId, position, amends_motion_id: input.amendsMotionId ?? null, kind: input.kind, title: input.title.trim(), body: input.body ?? null,
    voting: input.voting ?? 'secret', election_method: input.electionMethod ?? null, office: input.office ?? null, seats: input.seats ?? null,
    bylaw_version_id: input.bylawVersionId ?? null, status: meeting.status === 'draft' ? 'draft' : 'open', result_json: null, chair_decision: null,
    opened_at: meeting.status === 'draft' ? null : at, closed_at: null, created_at: at,
  };
  await trx.insertInto('motions').values(row).execute();
  const candidates: Candidate[] = [];
  for (const [i, c] of (input.candidates ?? []).entries()) {
    const person = await checkCandidacy(trx, meeting.organizationId, input.office!, c.membershipId, localDate(new Date(meeting.startsAt)), `candidates[${i}]`);
    if (candidates.some((x) => x.personId === person.personId)) throw refuse(`candidates[${i}]`, 'duplicate_candidate', 'this person is a candidate already');
    const candidate: Candidate = { id: newId(), personId: person.personId, name: person.name, statement: c.statement ?? null, position: i + 1 };
    await trx.insertInto('candidates').values({ id: candidate.id, motion_id: row.id, person_id: candidate.personId, name: candidate.name, statement: candidate.statement, position: candidate.position }).execute();
    candidates.push(candidate);
  }
  const motion = toMotion(row, candidates);
  await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId: meeting.organizationId, entityType: 'motion', entityId: motion.id, action: 'create', before: null, after: motion }, at);
  return motion;
}

/**
 * The electorate on the record date: every member for a general assembly; the seated delegates or directors for
 * the other bodies. Kept with the meeting so that later changes to the registry do not move it.
 */
export async function fixElectorate(trx: Transaction<Schema>, meeting: Meeting): Promise<number> {
  await trx.deleteFrom('electorate').where('meeting_id', '=', meeting.id).execute();
  const d = meeting.recordDate;
  if (meeting.bodyKind === 'general_assembly') {
    await trx.insertInto('electorate').columns(['meeting_id', 'person_id', 'membership_id', 'organization_id', 'email']).expression(
      trx.selectFrom('memberships').innerJoin('people', 'people.id', 'memberships.person_id')
        .select([sql.lit(meeting.id).as('meeting_id'), 'memberships.person_id', 'memberships.id', 'memberships.organization_id', 'people.email'])
        .where('memberships.organization_id', '=', meeting.organizationId).where('memberships.admitted_on', '<=', d)
        .where((eb) => eb.or([eb('memberships.ended_on', 'is', null), eb('memberships.ended_on', '>', d)])),
    ).execute();
  } else {
    const roles = meeting.bodyKind === 'board' ? ['director', 'representative_director'] : ['delegate'];
    const seats = await trx.selectFrom('body_seats').innerJoin('people', 'people.id', 'body_seats.person_id')
      .select(['body_seats.person_id', 'body_seats.membership_id', 'body_seats.represents_organization_id', 'people.email'])
      .where('body_seats.body_id', '=', meeting.bodyId).where('body_seats.role', 'in', roles).where('body_seats.term_from', '<=', d)
      .where((eb) => eb.or([eb('body_seats.term_until', 'is', null), eb('body_seats.term_until', '>=', d)])).execute();
    const unique = [...new Map(seats.map((s) => [s.person_id, s])).values()];
    if (unique.length) {
      await trx.insertInto('electorate').values(unique.map((s) => ({
        meeting_id: meeting.id, person_id: s.person_id, membership_id: s.membership_id, organization_id: s.represents_organization_id, email: s.email,
      }))).execute();
    }
  }
  const count = await trx.selectFrom('electorate').select((eb) => eb.fn.countAll<number>().as('n')).where('meeting_id', '=', meeting.id).executeTakeFirstOrThrow();
  return Number(count.n);
}

export async function addDocument(ctx: AppContext, actor: Actor, meetingId: string, upload: { fileName: string; contentType: string; content: Buffer }) {
  const fileName = storedFileName(upload.fileName);
  if (fileName === null) throw invalid([{ field: 'fileName', code: 'required', message: 'the document needs a file name' }]);
  const file = { ...upload, fileName };
  return inTransaction(ctx, async (trx) => {
    const meeting = await meetingFor(trx, actor, meetingId, true);
    const at = isoNow(ctx);
    const id = newId();
    await trx.insertInto('meeting_documents').values({
      id, meeting_id: meetingId, file_name: file.fileName, content_type: file.contentType, size: file.content.length, content: file.content, uploaded_at: at, uploaded_by: actor.email,
    }).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: meeting.organizationId, entityType: 'meeting_document', entityId: id, action: 'upload', before: null, after: { meetingId, fileName: file.fileName, size: file.content.length },
    }, at);
    return { id, fileName: file.fileName, contentType: file.contentType, size: file.content.length, uploadedAt: at };
  });
}

/** A meeting's document, for its staff and its voters. */
export async function readDocument(ctx: AppContext, actor: Actor, documentId: string) {
  const doc = await ctx.db.selectFrom('meeting_documents').selectAll().where('id', '=', documentId).executeTakeFirst();
  if (!doc) throw notFound('document');
  await meetingVisibleTo(ctx.db, actor, doc.meeting_id);
  return { fileName: doc.file_name, contentType: doc.content_type, content: Buffer.from(doc.content) };
}

/** Staff of the organization, or a voter of the meeting, may see it. */
export async function meetingVisibleTo(db: Tx, actor: Actor, meetingId: string): Promise<Meeting> {
  const row = await db.selectFrom('meetings').innerJoin('bodies', 'bodies.id', 'meetings.body_id').selectAll('meetings').select('bodies.kind as body_kind')
    .where('meetings.id', '=', meetingId).executeTakeFirst();
  if (!row) throw notFound('meeting');
  if (canRunMeetings(actor, row.organization_id)) return toMeeting(row, row.body_kind as BodyKind);
  if (actor.personId && row.status !== 'draft') {
    const voter = await db.selectFrom('electorate').select('person_id').where('meeting_id', '=', meetingId).where('person_id', '=', actor.personId).executeTakeFirst();
    if (voter) return toMeeting(row, row.body_kind as BodyKind);
  }
  throw forbidden();
}
