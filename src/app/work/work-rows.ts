import { sql, type Selectable, type Transaction } from 'kysely';
import type { Schema, WorkRecordTable } from '../../db/schema.js';
import { DomainError, notFound } from '../../domain/shared/errors.js';
import { monthOf } from '../../domain/work/period.js';
import type { WorkRecordView } from '../../domain/work/views.js';
import type { WorkRecordSource, WorkRecordStatus, WorkRules } from '../../domain/work/work-record.js';
import { businessLinesOf, findOrganization } from '../organizations/organization-rows.js';
import { today, type AppContext, type Tx } from '../shared/context.js';

// A record of work as the API shows it: one definition shared with the web app.
export type { WorkRecordView } from '../../domain/work/views.js';

/** The columns of a record and its person, as the views read them. */
export function workRecordQuery(db: Tx) {
  return db.selectFrom('work_records as w').innerJoin('people as p', 'p.id', 'w.person_id')
    .select((eb) => [
      'w.id', 'w.organization_id', 'w.person_id', 'w.work_date', 'w.site', 'w.business_line', 'w.role', 'w.minutes', 'w.status', 'w.source',
      'w.import_batch_id', 'w.note', 'w.approved_at', 'w.approved_by', 'w.version', 'w.created_at', 'w.updated_at', 'w.recorded_by',
      'p.family_name', 'p.given_name',
      // A person admitted again after leaving has two memberships: the latest number is theirs.
      eb.selectFrom('memberships as m').select('m.member_number').whereRef('m.person_id', '=', 'w.person_id')
        .whereRef('m.organization_id', '=', 'w.organization_id').orderBy('m.created_at', 'desc').limit(1).as('member_number'),
      eb.exists(eb.selectFrom('work_period_closes as c').select(sql`1`.as('one')).whereRef('c.organization_id', '=', 'w.organization_id')
        .where(sql<boolean>`c.period = substr(w.work_date, 1, 7)`)).as('period_closed'),
    ]);
}

type WorkRecordRow = Selectable<WorkRecordTable> & { family_name: string; given_name: string; member_number: string | null; period_closed: unknown };

export function toWorkRecordView(row: WorkRecordRow): WorkRecordView {
  return {
    id: row.id,
    organizationId: row.organization_id,
    personId: row.person_id,
    familyName: row.family_name,
    givenName: row.given_name,
    memberNumber: row.member_number,
    date: row.work_date,
    site: row.site,
    businessLine: row.business_line,
    role: row.role,
    minutes: Number(row.minutes),
    status: row.status as WorkRecordStatus,
    source: row.source as WorkRecordSource,
    importBatchId: row.import_batch_id,
    note: row.note,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    periodClosed: row.period_closed === true || Number(row.period_closed) === 1,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    recordedBy: row.recorded_by,
  };
}

export async function readWorkRecords(db: Tx, ids: readonly string[]): Promise<WorkRecordView[]> {
  if (ids.length === 0) return [];
  const rows = await workRecordQuery(db).where('w.id', 'in', [...ids]).execute();
  const byId = new Map(rows.map((r) => [r.id, toWorkRecordView(r)]));
  return ids.map((id) => byId.get(id)!);
}

/** The organization's rules for records: its business lines, and today. Not found when there is no such organization. */
export async function workRulesOf(ctx: AppContext, db: Tx, organizationId: string): Promise<WorkRules> {
  if (!(await findOrganization(db, organizationId))) throw notFound('organization');
  return { businessLines: (await businessLinesOf(db, [organizationId])).get(organizationId) ?? [], today: today(ctx) };
}

/**
 * Writers of work take the organization's work lock shared, closing a month takes it exclusive: a month cannot be
 * closed while a record is being written into it, nor written into while it closes. On SQLite the database's one
 * writer already orders them.
 */
export async function lockWork(trx: Transaction<Schema>, ctx: AppContext, organizationId: string, mode: 'write' | 'close'): Promise<void> {
  if (ctx.dialect !== 'postgresql') return;
  const key = `kyodo.work:${organizationId}`;
  if (mode === 'close') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  else await sql`select pg_advisory_xact_lock_shared(hashtext(${key}))`.execute(trx);
}

/** Whether the month a date is in is closed. */
export async function inClosedPeriod(db: Tx, organizationId: string, date: string): Promise<boolean> {
  const closed = await db.selectFrom('work_period_closes').select('period').where('organization_id', '=', organizationId).where('period', '=', monthOf(date)).executeTakeFirst();
  return closed !== undefined;
}

export const periodClosed = (date: string): DomainError =>
  new DomainError('conflict', 'period_closed', `the work of ${monthOf(date)} is closed: it changes no more`, [{ field: 'date', code: 'period_closed', message: monthOf(date) }]);

/** A member on the date, or engaged in the organization's work then (a worker who is not a member). */
export async function worksOn(db: Tx, organizationId: string, personId: string, date: string): Promise<boolean> {
  const member = db.selectFrom('memberships').select(sql<number>`1`.as('one')).where('organization_id', '=', organizationId).where('person_id', '=', personId)
    .where('admitted_on', '<=', date).where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', date)]));
  const engaged = db.selectFrom('engagements').select(sql<number>`1`.as('one')).where('organization_id', '=', organizationId).where('person_id', '=', personId)
    .where('started_on', '<=', date).where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>=', date)]));
  return (await member.union(engaged).limit(1).executeTakeFirst()) !== undefined;
}

/** A person the organization knows: one of its members (ever), or a worker with an engagement. */
export async function knownPerson(db: Tx, organizationId: string, personId: string): Promise<boolean> {
  const member = db.selectFrom('memberships').select(sql<number>`1`.as('one')).where('organization_id', '=', organizationId).where('person_id', '=', personId);
  const engaged = db.selectFrom('engagements').select(sql<number>`1`.as('one')).where('organization_id', '=', organizationId).where('person_id', '=', personId);
  return (await member.union(engaged).limit(1).executeTakeFirst()) !== undefined;
}

/** Minutes a person has recorded on a day, all sites together, leaving out some records (the ones being changed). */
export async function minutesOnDay(db: Tx, organizationId: string, personId: string, date: string, except: readonly string[] = []): Promise<number> {
  const row = await db.selectFrom('work_records').select((eb) => eb.fn.sum<string | number>('minutes').as('minutes'))
    .where('organization_id', '=', organizationId).where('person_id', '=', personId).where('work_date', '=', date)
    .$if(except.length > 0, (q) => q.where('id', 'not in', [...except]))
    .executeTakeFirst();
  return Number(row?.minutes ?? 0);
}
