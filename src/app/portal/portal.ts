import { sql, type Kysely } from 'kysely';
import { jsonArrayFrom as postgresJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import { compileOnce } from '../../db/compiled-query.js';
import type { Schema } from '../../db/schema.js';
import type { Actor } from '../../domain/access/policy.js';
import { addLineTo, emptyPosition, type CapitalPosition } from '../../domain/capital/ledger.js';
import type { RequestedChanges } from '../../domain/portal/contact-changes.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { today, type AppContext } from '../shared/context.js';

const api = '/api/v1';
/** How far back the work section reaches. */
const workMonths = 24;
type MonthParams = Record<`m${number}`, string>;
const monthKeys = Array.from({ length: workMonths }, (_, i) => `m${i}` as const);

/** The month `months` before the one of `date` (YYYY-MM-DD), as YYYY-MM-01. */
function monthsBefore(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The last 24 months up to the one of `date`, as YYYY-MM, keyed m0 (this month) … m23. */
const lastMonths = (date: string): MonthParams =>
  Object.fromEntries(monthKeys.map((k, i) => [k, monthsBefore(date, i).slice(0, 7)])) as MonthParams;

const nameOf = (r: { family_name: string; given_name: string }): string => `${r.family_name} ${r.given_name}`;

type Db = Kysely<Schema>;
type Own = { personId: string; organizationId: string };

/** The member's memberships in the account's organization. */
const ownMemberships = (db: Db, p: Own) => db.selectFrom('memberships').select('id').where('person_id', '=', p.personId).where('organization_id', '=', p.organizationId);

/** The meetings the member votes in: the electorate by person (its person index), never a scan of the electorate. */
const ownMeetings = (db: Db, p: Own) => db.selectFrom('meetings as om').select('om.id').where('om.status', '<>', 'draft')
  .where((eb) => eb.exists(eb.selectFrom('electorate as v').select('v.person_id').whereRef('v.meeting_id', '=', 'om.id').where('v.person_id', '=', p.personId)));

const membershipsOf = (db: Db, p: Own) =>
  db.selectFrom('memberships as m').leftJoin('membership_events as e', 'e.membership_id', 'm.id')
    .select(['m.id', 'm.kind', 'm.member_number', 'm.status', 'm.admitted_on', 'm.ended_on', 'm.created_at', 'e.seq', 'e.type', 'e.effective_date', 'e.reason'])
    .where('m.person_id', '=', p.personId).where('m.organization_id', '=', p.organizationId);

// The member's own capital lines with their entry's kind (the index on organization and membership).
const capitalOf = (db: Db, p: Own) =>
  db.selectFrom('journal_lines as l').innerJoin('journal_entries as e', 'e.id', 'l.entry_id')
    .select(['l.entry_id', 'l.account', 'l.amount', 'l.shares', 'e.entry_date', 'e.type'])
    .where('l.organization_id', '=', p.organizationId).where('l.membership_id', 'in', ownMemberships(db, p));

/**
 * Hours by month: closed months from their totals (one key lookup per month), the months after the organization's
 * last close from the member's records (the covering index on organization, person, date, minutes, role, status).
 */
const workOf = (db: Db, p: Own & { since: string } & MonthParams) =>
  db.selectFrom('work_month_totals')
    .select(['period as month', sql<string>`'approved'`.as('status'), (eb) => eb.ref('minutes').$castTo<number | string>().as('minutes'),
      (eb) => eb.ref('days').$castTo<number | string>().as('days')])
    .where('organization_id', '=', p.organizationId).where('period', 'in', monthKeys.map((k) => p[k] as string)).where('person_id', '=', p.personId)
    .unionAll(db.selectFrom('work_records')
      .select([sql<string>`substr(work_date, 1, 7)`.as('month'), 'status', (eb) => eb.fn.sum<number | string>('minutes').as('minutes'),
        (eb) => eb.fn.count<number | string>('work_date').distinct().as('days')])
      .where('organization_id', '=', p.organizationId).where('person_id', '=', p.personId).where('work_date', '>=', p.since)
      // After the last closed month: '2026-09' || '-99' sorts after every day of September and before October's.
      .where('work_date', '>', (eb) => eb.selectFrom('work_period_closes').select(sql<string>`coalesce(max(period), '') || '-99'`.as('after'))
        .where('organization_id', '=', p.organizationId))
      .groupBy([sql`substr(work_date, 1, 7)`, 'status']));

const dividendsOf = (db: Db, p: Own) =>
  db.selectFrom('surplus_dividends as d').innerJoin('surplus_closings as c', 'c.id', 'd.closing_id')
    .select(['c.id as closing_id', 'c.fiscal_year', 'd.membership_id', 'd.amount', 'd.withheld', 'd.payment'])
    .where('d.membership_id', 'in', ownMemberships(db, p)).where('c.status', '=', 'posted').where('c.organization_id', '=', p.organizationId);

// The meetings with their motions and whether the member has voted on each (never how): one row per motion.
const meetingsOf = (db: Db, p: Own) =>
  db.selectFrom('meetings as mt').innerJoin('bodies as b', 'b.id', 'mt.body_id').leftJoin('motions as mo', 'mo.meeting_id', 'mt.id')
    .leftJoin('votes_cast as vc', (join) => join.onRef('vc.motion_id', '=', 'mo.id').on('vc.person_id', '=', p.personId))
    .select(['mt.id', 'mt.title', 'mt.starts_at', 'mt.place', 'mt.online_url', 'mt.status', 'mt.notice_date', 'mt.proxy_allowed', 'mt.voting_deadline', 'b.kind as body_kind',
      'mo.id as motion_id', 'mo.position', 'mo.title as motion_title', 'mo.status as motion_status', 'vc.channel'])
    .where('mt.id', 'in', ownMeetings(db, p));

const proxiesOf = (db: Db, p: Own) =>
  db.selectFrom('proxies as x').innerJoin('people as g', 'g.id', 'x.grantor_person_id').innerJoin('people as h', 'h.id', 'x.holder_person_id')
    .select(['x.meeting_id', 'x.grantor_person_id', 'g.family_name as grantor_family', 'g.given_name as grantor_given', 'h.family_name as holder_family', 'h.given_name as holder_given'])
    .where('x.meeting_id', 'in', ownMeetings(db, p))
    .where((eb) => eb.or([eb('x.grantor_person_id', '=', p.personId), eb('x.holder_person_id', '=', p.personId)]));

const documentsOf = (db: Db, p: Own) =>
  db.selectFrom('meeting_documents').select(['id', 'meeting_id', 'file_name', 'uploaded_at']).where('meeting_id', 'in', ownMeetings(db, p));

/**
 * The rarer parts in one read: consents of a programme participant linked to the member, seats as a delegate (総代)
 * in force, and the member's pending change requests; `part` says which.
 */
const extrasOf = (db: Db, p: Own & { today: string }) =>
  db.selectFrom('participants as pa').innerJoin('participant_consents as pc', 'pc.participant_id', 'pa.id').innerJoin('programme_contracts as k', 'k.id', 'pa.contract_id')
    .select((eb) => [
      sql<string>`'consent'`.as('part'), 'pc.id', eb.ref('pc.purpose').$castTo<string | null>().as('a'), eb.ref('pc.given_on').$castTo<string | null>().as('b'),
      eb.ref('pc.withdrawn_on').as('c'), eb.ref('k.programme_ja').$castTo<string | null>().as('d'), eb.ref('k.programme_en').as('e'),
    ])
    .where('pa.person_id', '=', p.personId).where('pa.erased_at', 'is', null)
    .unionAll(db.selectFrom('body_seats as s').innerJoin('bodies as bo', 'bo.id', 's.body_id')
      .select((eb) => [
        sql<string>`'seat'`.as('part'), 's.id', eb.ref('s.represents_organization_id').$castTo<string | null>().as('a'), eb.ref('s.constituency').as('b'),
        sql<string | null>`null`.as('c'), eb.ref('bo.name_ja').$castTo<string | null>().as('d'), eb.ref('bo.name_en').as('e'),
      ])
      .where('s.person_id', '=', p.personId).where('s.role', '=', 'delegate').where('s.term_from', '<=', p.today)
      .where((eb) => eb.or([eb('s.term_until', 'is', null), eb('s.term_until', '>=', p.today)])))
    .unionAll(db.selectFrom('contact_change_requests as r')
      .select((eb) => [
        sql<string>`'change'`.as('part'), 'r.id', eb.ref('r.changes_json').$castTo<string | null>().as('a'), eb.ref('r.created_at').$castTo<string | null>().as('b'),
        eb.ref('r.status').$castTo<string | null>().as('c'), sql<string | null>`null`.as('d'), sql<string | null>`null`.as('e'),
      ])
      .where('r.organization_id', '=', p.organizationId).where('r.status', '=', 'pending').where('r.person_id', '=', p.personId));

/**
 * The whole page in one statement, built and compiled once (prepared on PostgreSQL): the member's person with each
 * section as a JSON array (Kysely's helpers write json_agg or json_group_array), keyed on the account's own person.
 */
const portalQuery = compileOnce(({ db, dialect }, p: Own & { userId: string; since: string; today: string } & MonthParams) => {
  const jsonArrayFrom = dialect === 'postgresql' ? postgresJsonArrayFrom : sqliteJsonArrayFrom;
  return db.selectFrom('people as p').innerJoin('organizations as o', (join) => join.on('o.id', '=', p.organizationId))
    .leftJoin('users as u', (join) => join.on('u.id', '=', p.userId))
    .select(['p.id', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana', 'p.email', 'p.phone', 'p.postal_code', 'p.prefecture_code', 'p.address',
      'o.name_ja', 'o.name_en', 'u.locale'])
    .select(() => [
      jsonArrayFrom(membershipsOf(db, p)).as('memberships'),
      jsonArrayFrom(capitalOf(db, p)).as('capital'),
      jsonArrayFrom(workOf(db, p)).as('work'),
      jsonArrayFrom(dividendsOf(db, p)).as('dividends'),
      jsonArrayFrom(meetingsOf(db, p)).as('meetings'),
      jsonArrayFrom(proxiesOf(db, p)).as('proxies'),
      jsonArrayFrom(documentsOf(db, p)).as('documents'),
      jsonArrayFrom(extrasOf(db, p)).as('extras'),
    ])
    .where('p.id', '=', p.personId);
});

/** SQLite hands JSON back as text; PostgreSQL's driver parses it. */
const rowsOf = <T>(value: T[] | string): T[] => (typeof value === 'string' ? (JSON.parse(value) as T[]) : value);

/**
 * マイページ: the signed-in member's own life in the co-op, in one read — their record, memberships and history,
 * capital, work by month, dividends, meetings with their documents and open votes, closed motions with their
 * published tallies, consents, proxies, what they represent as a delegate and their pending changes. Everything is
 * keyed on the account's own person and organization, never on anything the request names; one indexed statement.
 */
export async function memberPortal(ctx: AppContext, actor: Actor) {
  if (actor.role !== 'member' || !actor.personId || !actor.organizationId) throw forbidden('this account is not a member\'s own');
  const personId = actor.personId;
  const own: Own = { personId, organizationId: actor.organizationId };
  const now = today(ctx);

  const [me] = await portalQuery(ctx, { ...own, userId: actor.userId, since: monthsBefore(now, workMonths - 1), today: now, ...lastMonths(now) });
  if (!me) throw notFound('person');
  const [membershipRows, lines, work, dividends, meetingRows, proxies, documents, extras] = [
    rowsOf(me.memberships), rowsOf(me.capital), rowsOf(me.work), rowsOf(me.dividends), rowsOf(me.meetings), rowsOf(me.proxies), rowsOf(me.documents), rowsOf(me.extras),
  ];
  const seats = extras.filter((x) => x.part === 'seat');
  const represented = seats.length > 0 ? await representedMembers(ctx, seats.map((s) => ({ represents_organization_id: s.a!, constituency: s.b }))) : [];

  const memberships = groupBy(membershipRows, (r) => r.id).sort((a, b) => a[0]!.created_at.localeCompare(b[0]!.created_at)).map((rows) => {
    const m = rows[0]!;
    const events = rows.filter((e) => e.type !== null).sort((a, b) => Number(a.seq) - Number(b.seq)).map((e) => ({ event: e.type!, on: e.effective_date!, reason: e.reason }));
    return {
      id: m.id, kind: m.kind, memberNumber: m.member_number, status: m.status, appliedOn: events.find((e) => e.event === 'apply')?.on ?? null,
      admittedOn: m.admitted_on, endedOn: m.ended_on, events,
    };
  });
  const meetings = groupBy(meetingRows, (r) => r.id).sort((a, b) => b[0]!.starts_at.localeCompare(a[0]!.starts_at))
    .map((rows) => ({ meeting: rows[0]!, motions: rows.filter((r) => r.motion_id !== null).sort((a, b) => Number(a.position) - Number(b.position)) }));

  const workByMonth = new Map<string, { month: string; hours: number; days: number; pendingHours: number }>();
  for (const w of work) {
    const month = workByMonth.get(w.month) ?? { month: w.month, hours: 0, days: 0, pendingHours: 0 };
    const hours = Number(w.minutes) / 60;
    if (w.status === 'approved') {
      month.hours += hours;
      month.days += Number(w.days);
    } else month.pendingHours += hours;
    workByMonth.set(w.month, month);
  }
  const round = (h: number) => Math.round(h * 100) / 100;

  return {
    member: {
      personId: me.id, familyName: me.family_name, givenName: me.given_name, familyKana: me.family_kana, givenKana: me.given_kana, email: me.email, phone: me.phone,
      postalCode: me.postal_code, prefectureCode: me.prefecture_code, address: me.address, locale: me.locale ?? 'ja',
    },
    organization: { id: own.organizationId, nameJa: me.name_ja, nameEn: me.name_en },
    memberships,
    capital: {
      ...capitalPosition(lines),
      certificateUrl: memberships.length > 0 ? `${api}/memberships/${memberships.at(-1)!.id}/capital/certificate.pdf` : null,
    },
    work: { months: [...workByMonth.values()].sort((a, b) => b.month.localeCompare(a.month)).map((m) => ({ ...m, hours: round(m.hours), pendingHours: round(m.pendingHours) })) },
    dividends: dividends.sort((a, b) => Number(b.fiscal_year) - Number(a.fiscal_year)).map((d) => ({
      closingId: d.closing_id, fiscalYear: Number(d.fiscal_year), amount: Number(d.amount), withheld: Number(d.withheld), payment: Number(d.payment),
      statementUrl: `${api}/closings/${d.closing_id}/dividends/${d.membership_id}/statement.pdf`,
    })),
    meetings: meetings.map(({ meeting: m, motions }) => {
      const given = proxies.find((p) => p.meeting_id === m.id && p.grantor_person_id === personId);
      return {
        id: m.id, title: m.title, bodyKind: m.body_kind, status: m.status, startsAt: m.starts_at, place: m.place, online: m.online_url !== null,
        votingDeadline: m.voting_deadline, proxyAllowed: Boolean(m.proxy_allowed),
        noticeUrl: m.notice_date ? `${api}/meetings/${m.id}/notice.pdf` : null,
        documents: documents.filter((d) => d.meeting_id === m.id).sort((a, b) => a.uploaded_at.localeCompare(b.uploaded_at))
          .map((d) => ({ id: d.id, fileName: d.file_name, url: `${api}/meeting-documents/${d.id}` })),
        openMotions: motions.filter((mo) => mo.motion_status === 'open').map((mo) => ({ id: mo.motion_id!, title: mo.motion_title!, voted: mo.channel !== null })),
        proxy: given ? { holderName: `${given.holder_family} ${given.holder_given}` } : null,
      };
    }),
    receipts: meetings.flatMap(({ motions }) => motions.filter((mo) => mo.motion_status === 'closed').map((mo) => ({
      motionId: mo.motion_id!, meetingId: mo.id, motionTitle: mo.motion_title!, closed: true, voted: mo.channel !== null, tallyUrl: `${api}/motions/${mo.motion_id}/tally`,
    }))),
    consents: extras.filter((x) => x.part === 'consent').sort((a, b) => (a.b ?? '').localeCompare(b.b ?? ''))
      .map((c) => ({ id: c.id, programme: { ja: c.d ?? '', en: c.e }, purpose: c.a ?? '', givenOn: c.b ?? '', withdrawnOn: c.c })),
    proxies: {
      given: proxies.filter((p) => p.grantor_person_id === personId).map((p) => ({ meetingId: p.meeting_id, holderName: `${p.holder_family} ${p.holder_given}` })),
      held: proxies.filter((p) => p.grantor_person_id !== personId).map((p) => ({ meetingId: p.meeting_id, grantorName: `${p.grantor_family} ${p.grantor_given}` })),
    },
    delegate: seats.length > 0 ? { seats: seats.map((s) => ({ bodyNameJa: s.d ?? '', bodyNameEn: s.e, constituency: s.b })), represented } : null,
    pendingChanges: extras.filter((x) => x.part === 'change').sort((a, b) => (a.b ?? '').localeCompare(b.b ?? ''))
      .map((r) => ({ id: r.id, changes: JSON.parse(r.a ?? '{}') as RequestedChanges, createdAt: r.b ?? '', status: r.c ?? 'pending' })),
  };
}

/** Rows grouped by a key, groups in the order of their first row (JSON aggregation need not keep a subquery's order). */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return [...groups.values()];
}

/** The member's shares and capital now, summed over their memberships, with their payments and refunds. */
function capitalPosition(lines: { entry_id: string; account: string; amount: number | string; shares: number | string; entry_date: string; type: string }[]) {
  const position: CapitalPosition = { ...emptyPosition };
  const payments: { on: string; amount: number; kind: string }[] = [];
  let last = null as { entryId: string; item: { on: string; amount: number; kind: string } } | null;
  const ordered = [...lines].sort((a, b) => a.entry_date.localeCompare(b.entry_date) || a.entry_id.localeCompare(b.entry_id));
  for (const line of ordered) {
    const amount = Number(line.amount);
    addLineTo(position, line.account, amount, Number(line.shares));
    // A payment (or a dividend set against unpaid capital) pays the unpaid part; a refund pays out what is owed.
    const paid = (line.type === 'payment' || line.type === 'surplus-appropriation') && line.account === 'capital-unpaid' ? -amount
      : line.type === 'refund' && line.account === 'refund-payable' ? amount : 0;
    if (paid === 0) continue;
    if (last?.entryId === line.entry_id) last.item.amount += paid;
    else {
      last = { entryId: line.entry_id, item: { on: line.entry_date, amount: paid, kind: line.type } };
      payments.push(last.item);
    }
  }
  return {
    sharesHeld: position.shares, amountSubscribed: position.capital, amountPaid: position.paid, unpaid: position.unpaid, refundPayable: position.refundPayable,
    payments: payments.reverse(),
  };
}

/**
 * Whom a delegate (総代) represents, names only: the members of the organization their seat represents, limited to
 * the seat's constituency (the site they work at) when it names one. A seat without a constituency represents the
 * whole organization; the names are then not listed (it may be thousands), only the organization's count.
 */
async function representedMembers(ctx: AppContext, seats: { represents_organization_id: string; constituency: string | null }[]) {
  const bounded = seats.filter((s) => s.constituency !== null);
  if (bounded.length === 0) return [];
  const rows = await ctx.db.selectFrom('engagements as e').innerJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'e.person_id').onRef('m.organization_id', '=', 'e.organization_id'))
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana'])
    .where((eb) => eb.or(bounded.map((s) => eb.and([eb('e.organization_id', '=', s.represents_organization_id), eb('e.site', '=', s.constituency)]))))
    .where('e.ended_on', 'is', null).where('m.status', '=', 'admitted')
    .orderBy('p.family_kana').orderBy('p.given_kana').limit(1000).execute();
  return [...new Set(rows.map(nameOf))];
}
