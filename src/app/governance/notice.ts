import type { Actor } from '../../domain/access/policy.js';
import { noticeCheck } from '../../domain/governance/meetings.js';
import { DomainError } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { sendMany, type Mailer, type MailOutcome } from '../mail/mailer.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, localDate, newId, type AppContext, type Tx } from '../shared/context.js';
import { bylawSettingsOn } from './bylaws.js';
import { meetingIcs } from './documents/meeting-ics.js';
import { noticePdf, type NoticeData } from './documents/notice-pdf.js';
import { dateTimeRange, itemLabel } from './documents/wording.js';
import { fixElectorate, meetingFor, meetingVisibleTo, motionsOf, type Meeting } from './meetings.js';

/**
 * Convening a meeting: the electorate is fixed on the record date, the agenda opens for written and electronic
 * votes and proxies, and the notice (招集通知) goes out — by e-mail with the PDF and an .ics invitation to every
 * voter with an address, and as a printable PDF for the others. A notice later than the bylaws' period is sent
 * with a warning, never silently.
 */

async function representativeOf(db: Tx, organizationId: string, date: string): Promise<string | null> {
  const row = await db.selectFrom('body_seats').innerJoin('bodies', 'bodies.id', 'body_seats.body_id').innerJoin('people', 'people.id', 'body_seats.person_id')
    .select(['people.family_name', 'people.given_name']).where('bodies.organization_id', '=', organizationId).where('body_seats.role', '=', 'representative_director')
    .where('body_seats.term_from', '<=', date).where((eb) => eb.or([eb('body_seats.term_until', 'is', null), eb('body_seats.term_until', '>=', date)])).executeTakeFirst();
  return row ? `${row.family_name} ${row.given_name}` : null;
}

async function noticeData(db: Tx, meeting: Meeting, locale: 'ja' | 'en', noticeDate: string): Promise<NoticeData> {
  const [organization, motions, documents, settings, representative] = await Promise.all([
    findOrganization(db, meeting.organizationId),
    motionsOf(db, meeting.id),
    db.selectFrom('meeting_documents').select('file_name').where('meeting_id', '=', meeting.id).orderBy('uploaded_at').execute(),
    bylawSettingsOn(db, meeting.organizationId, localDate(new Date(meeting.startsAt))),
    representativeOf(db, meeting.organizationId, noticeDate),
  ]);
  return {
    locale,
    organization: { nameJa: organization!.nameJa, nameEn: organization!.nameEn, address: organization!.address, representative },
    meeting: {
      title: meeting.title, bodyKind: meeting.bodyKind, startsAt: meeting.startsAt, endsAt: meeting.endsAt, place: meeting.place, onlineUrl: meeting.onlineUrl,
      recordDate: meeting.recordDate, votingDeadline: meeting.votingDeadline, electronicVoting: meeting.electronicVoting, writtenVoting: meeting.writtenVoting,
      proxyAllowed: meeting.proxyAllowed, proxyCap: settings.proxyCapPerHolder.value as number,
    },
    noticeDate,
    agenda: motions.filter((m) => !m.amendsMotionId).map((m) => ({ position: m.position, title: m.title, kind: m.kind, description: m.body })),
    documents: documents.map((d) => d.file_name),
  };
}

function invitation(meeting: Meeting, data: NoticeData, organizerEmail: string) {
  return meetingIcs({
    meetingId: meeting.id, title: meeting.title, startsAt: meeting.startsAt, endsAt: meeting.endsAt, place: meeting.place, onlineUrl: meeting.onlineUrl,
    agenda: data.agenda.map((a) => `${itemLabel(data.locale, a.position)} ${a.title}`), organizerName: data.organization.nameJa, organizerEmail, sequence: 0,
  });
}

/** The mail server (null when none is configured) and the sender address. */
export interface MailDeps {
  mailer: Mailer | null;
  from: string;
}

/** The bare address of `Kyodo <no-reply@example.jp>`: the invitation's organizer. */
const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from;

export interface ConveneInput {
  noticeDate?: string;
  sendEmail?: boolean;
  locale?: 'ja' | 'en';
}

export async function conveneMeeting(ctx: AppContext, actor: Actor, mail: MailDeps, meetingId: string, input: ConveneInput) {
  const { mailer } = mail;
  const noticeDate = input.noticeDate ?? localDate(ctx.now());
  const convened = await inTransaction(ctx, async (trx) => {
    const meeting = await meetingFor(trx, actor, meetingId, true);
    if (meeting.status !== 'draft') throw new DomainError('rule_violation', 'already_convened', 'the notice has gone out already');
    const motions = await motionsOf(trx, meetingId);
    if (motions.length === 0) throw new DomainError('rule_violation', 'agenda_empty', 'put at least one motion on the agenda first', [{ field: 'motions', code: 'agenda_empty', message: 'the notice names the agenda' }]);
    if (noticeDate > localDate(new Date(meeting.startsAt))) throw new DomainError('invalid', 'validation_failed', 'noticeDate: the notice goes out before the meeting', [{ field: 'noticeDate', code: 'after_meeting', message: 'before the meeting' }]);
    const electorate = await fixElectorate(trx, meeting);
    const at = isoNow(ctx);
    await trx.updateTable('motions').set({ status: 'open', opened_at: at }).where('meeting_id', '=', meetingId).where('status', '=', 'draft').execute();
    await trx.updateTable('meetings').set({ status: 'convened', notice_date: noticeDate, version: meeting.version + 1, updated_at: at }).where('id', '=', meetingId).execute();
    const settings = await bylawSettingsOn(trx, meeting.organizationId, localDate(new Date(meeting.startsAt)));
    const check = noticeCheck(noticeDate, localDate(new Date(meeting.startsAt)), { meetingNoticeDays: settings.meetingNoticeDays.value as number });
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: meeting.organizationId, entityType: 'meeting', entityId: meetingId, action: 'convene', before: { status: 'draft' }, after: { noticeDate, electorate, inTime: check.inTime },
    }, at);
    const recipients = await trx.selectFrom('electorate').innerJoin('people', 'people.id', 'electorate.person_id')
      .select(['electorate.email', 'people.family_name', 'people.given_name']).where('electorate.meeting_id', '=', meetingId).execute();
    return { meeting: { ...meeting, status: 'convened' as const, noticeDate, version: meeting.version + 1 }, electorate, check, recipients, noticeDays: settings.meetingNoticeDays };
  });
  const withEmail = convened.recipients.filter((r) => r.email);
  const warnings: { code: string; message: string }[] = [];
  if (!convened.check.inTime) {
    warnings.push({ code: 'notice_period_not_met', message: `the bylaws ask for ${convened.noticeDays.value as number} clear days; this notice gives ${convened.check.daysGiven} (it was due by ${convened.check.latestNoticeDate})` });
  }
  const sendEmail = input.sendEmail ?? true;
  if (sendEmail && !mailer) warnings.push({ code: 'mail_not_configured', message: 'no mail server is configured (SMTP_URL): print the notice PDF for every voter' });
  const noticeId = newId();
  let delivery: Promise<void> = Promise.resolve();
  if (sendEmail && mailer && withEmail.length) {
    const data = await noticeData(ctx.db, convened.meeting, input.locale ?? 'ja', noticeDate);
    const [pdf, ics] = [await noticePdf(data), invitation(convened.meeting, data, addressOf(mail.from))];
    const text = noticeText(data);
    const subject = data.locale === 'ja' ? `【招集通知】${convened.meeting.title}` : `Notice of meeting: ${convened.meeting.title}`;
    // Tens of thousands of messages take minutes: the notice is sent in the background and its outcome recorded.
    delivery = sendMany(mailer, withEmail.map((r) => ({
      to: r.email!, subject, text,
      attachments: [{ filename: data.locale === 'ja' ? '招集通知.pdf' : 'notice.pdf', content: pdf, contentType: 'application/pdf' }],
      icalEvent: { method: 'REQUEST' as const, content: ics, filename: 'invitation.ics' },
    }))).then((outcomes) => recordNotice(ctx, actor, convened.meeting, noticeId, noticeDate, convened.check.inTime, convened.recipients.length, outcomes));
  } else {
    delivery = recordNotice(ctx, actor, convened.meeting, noticeId, noticeDate, convened.check.inTime, convened.recipients.length, []);
  }
  deliveries.set(meetingId, delivery.catch(() => undefined));
  return {
    meeting: convened.meeting, electorate: convened.electorate, noticeCheck: convened.check, warnings,
    email: { recipients: withEmail.length, withoutEmail: convened.recipients.length - withEmail.length, sending: Boolean(sendEmail && mailer && withEmail.length) },
  };
}

/** Notices still being sent, by meeting (tests and a graceful shutdown wait for them). */
const deliveries = new Map<string, Promise<unknown>>();
export const noticeDelivered = (meetingId: string): Promise<unknown> => deliveries.get(meetingId) ?? Promise.resolve();

async function recordNotice(ctx: AppContext, actor: Actor, meeting: Meeting, id: string, noticeDate: string, inTime: boolean, recipients: number, outcomes: MailOutcome[]) {
  const failures = outcomes.filter((o) => o.status !== 'sent').map((o) => ({ email: o.to, reason: 'reason' in o ? o.reason : '' }));
  await inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    await trx.insertInto('meeting_notices').values({
      id, meeting_id: meeting.id, notice_date: noticeDate, in_time: inTime ? 1 : 0, recipients, sent: outcomes.length - failures.length,
      without_email: recipients - outcomes.length, failures_json: JSON.stringify(failures.slice(0, 1000)), sent_at: at, sent_by: actor.email,
    }).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: meeting.organizationId, entityType: 'meeting_notice', entityId: id, action: 'send', before: null, after: { sent: outcomes.length - failures.length, failed: failures.length },
    }, at);
  });
}

/** The e-mail's own text: the essentials, with the full notice attached as PDF. */
function noticeText(data: NoticeData): string {
  const when = dateTimeRange(data.locale, new Date(data.meeting.startsAt), data.meeting.endsAt ? new Date(data.meeting.endsAt) : null);
  const where = [data.meeting.place, data.meeting.onlineUrl].filter(Boolean).join(' / ');
  const agenda = data.agenda.map((a) => `  ${itemLabel(data.locale, a.position)} ${a.title}`).join('\n');
  const organization = data.locale === 'ja' ? data.organization.nameJa : (data.organization.nameEn ?? data.organization.nameJa);
  return data.locale === 'ja'
    ? `${organization}\n\n${data.meeting.title}を下記のとおり開催しますので、ご通知申し上げます。詳しくは添付の招集通知（PDF）をご覧ください。\n\n日時：${when}\n場所：${where}\n\n議案\n${agenda}\n\n出席できない方は、書面・電磁的方法による議決権行使または代理人の選任ができます。\n`
    : `${organization}\n\nYou are invited to ${data.meeting.title}. The full notice is attached as a PDF.\n\nWhen: ${when}\nWhere: ${where}\n\nAgenda\n${agenda}\n\nIf you cannot attend, you may vote in writing or electronically, or appoint a proxy.\n`;
}

export async function noticeDocument(ctx: AppContext, actor: Actor, meetingId: string, locale: 'ja' | 'en'): Promise<Buffer> {
  const meeting = await meetingVisibleTo(ctx.db, actor, meetingId);
  return noticePdf(await noticeData(ctx.db, meeting, locale, meeting.noticeDate ?? localDate(ctx.now())));
}

export async function invitationIcs(ctx: AppContext, actor: Actor, meetingId: string, from: string): Promise<string> {
  const meeting = await meetingVisibleTo(ctx.db, actor, meetingId);
  const data = await noticeData(ctx.db, meeting, 'ja', meeting.noticeDate ?? localDate(ctx.now()));
  return invitation(meeting, data, addressOf(from));
}
