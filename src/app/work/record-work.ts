import { canApproveWork, canRecordWork, type Actor } from '../../domain/access/policy.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { checkWorkDay, type WorkEntry } from '../../domain/work/work-record.js';
import type { WorkRecordChange } from '../../domain/work/views.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, isUniqueViolation, newId, type AppContext, type Tx } from '../shared/context.js';
import { inClosedPeriod, knownPerson, lockWork, minutesOnDay, periodClosed, readWorkRecords, workRulesOf, worksOn, type WorkRecordView } from './work-rows.js';

export type { WorkRecordChange } from '../../domain/work/views.js';

/** One line of a person's day: where, in which business line and role, for how many minutes. */
export interface WorkDayEntry {
  site?: string;
  businessLine?: string;
  role?: string;
  minutes: number;
  note?: string | null;
}

export interface WorkDayInput {
  personId: string;
  date: string;
  entries: WorkDayEntry[];
}

const toEntry = (date: string, e: WorkDayEntry): WorkEntry => ({
  date, site: (e.site ?? '').trim(), businessLine: (e.businessLine ?? '').trim(), role: (e.role ?? '').trim(), minutes: e.minutes, note: e.note?.trim() || null,
});

const notWorking = (date: string): DomainError =>
  new DomainError('rule_violation', 'not_working_then', `on ${date} the person is neither a member nor engaged in the work`, [{ field: 'personId', code: 'not_working_then', message: date }]);

const alreadyRecorded = (): DomainError =>
  new DomainError('conflict', 'already_recorded', 'work of this person on this day at this site and business line is recorded already', [{ field: 'site', code: 'already_recorded', message: 'change that record instead' }]);

/**
 * Records a person's work on one day, one line per site and business line, all or none, with one audit entry. The
 * person is a member or a worker engaged in the work on that day; the month is still open; the day stays within
 * 24 hours with what is recorded already. New records are `entered`, for a coordinator to approve.
 */
export async function recordWork(ctx: AppContext, actor: Actor, organizationId: string, input: WorkDayInput): Promise<WorkRecordView[]> {
  if (!canRecordWork(actor, organizationId)) throw forbidden();
  const rules = await workRulesOf(ctx, ctx.db, organizationId);
  const entries = input.entries.map((e) => toEntry(input.date, e));
  return inTransaction(ctx, async (trx) => {
    await lockWork(trx, ctx, organizationId, 'write');
    if (await inClosedPeriod(trx, organizationId, input.date)) throw periodClosed(input.date);
    if (!(await worksOn(trx, organizationId, input.personId, input.date))) {
      // Someone the organization has never known is not found, as anywhere else: the answer tells nothing of other organizations.
      throw (await knownPerson(trx, organizationId, input.personId)) ? notWorking(input.date) : notFound('person');
    }
    checkWorkDay(entries, await minutesOnDay(trx, organizationId, input.personId, input.date), rules);
    const at = isoNow(ctx);
    const ids = entries.map(() => newId());
    try {
      await trx.insertInto('work_records').values(entries.map((e, i) => ({
        id: ids[i]!, organization_id: organizationId, person_id: input.personId, work_date: e.date, site: e.site, business_line: e.businessLine, role: e.role,
        minutes: e.minutes, status: 'entered', source: 'app', import_batch_id: null, note: e.note, approved_at: null, approved_by: null, version: 1,
        created_at: at, updated_at: at, recorded_by: actor.email,
      }))).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyRecorded();
      throw error;
    }
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'work_record', entityId: ids[0]!, action: 'record', before: null,
      after: { personId: input.personId, date: input.date, records: entries.map((e, i) => ({ id: ids[i], ...e })) },
    }, at);
    return readWorkRecords(trx, ids);
  });
}

/** A record to change: in the actor's reach, at the version they saw, not approved, its month open. */
async function changeableRecord(trx: Tx, actor: Actor, id: string, version: number) {
  const record = await trx.selectFrom('work_records').selectAll().where('id', '=', id).executeTakeFirst();
  if (!record || !canRecordWork(actor, record.organization_id)) throw record ? forbidden() : notFound('work record');
  if (Number(record.version) !== version) throw new DomainError('conflict', 'version_conflict', `the record was changed by someone else (now version ${record.version})`);
  if (record.status === 'approved') {
    throw new DomainError('conflict', 'work_approved', 'the record is approved: a coordinator un-approves it before it changes', [{ field: 'status', code: 'work_approved', message: 'un-approve it first' }]);
  }
  if (await inClosedPeriod(trx, record.organization_id, record.work_date)) throw periodClosed(record.work_date);
  return record;
}

/**
 * Corrects an entered record (its day, site, business line, role, minutes or note) at the version the editor saw.
 * An approved record changes only after a coordinator un-approves it; a closed month's records never do.
 */
export async function updateWorkRecord(ctx: AppContext, actor: Actor, id: string, change: WorkRecordChange): Promise<WorkRecordView> {
  return inTransaction(ctx, async (trx) => {
    const organizationId = (await trx.selectFrom('work_records').select('organization_id').where('id', '=', id).executeTakeFirst())?.organization_id;
    if (organizationId) await lockWork(trx, ctx, organizationId, 'write');
    const current = await changeableRecord(trx, actor, id, change.version);
    const entry = toEntry(change.date ?? current.work_date, {
      site: change.site ?? current.site, businessLine: change.businessLine ?? current.business_line, role: change.role ?? current.role,
      minutes: change.minutes ?? Number(current.minutes), note: change.note === undefined ? current.note : change.note,
    });
    if (entry.date !== current.work_date) {
      if (await inClosedPeriod(trx, current.organization_id, entry.date)) throw periodClosed(entry.date);
      if (!(await worksOn(trx, current.organization_id, current.person_id, entry.date))) throw notWorking(entry.date);
    }
    const rules = await workRulesOf(ctx, trx, current.organization_id);
    checkWorkDay([entry], await minutesOnDay(trx, current.organization_id, current.person_id, entry.date, [id]), rules, { single: true });
    const at = isoNow(ctx);
    try {
      await trx.updateTable('work_records').set({
        work_date: entry.date, site: entry.site, business_line: entry.businessLine, role: entry.role, minutes: entry.minutes, note: entry.note,
        version: Number(current.version) + 1, updated_at: at,
      }).where('id', '=', id).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyRecorded();
      throw error;
    }
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: current.organization_id, entityType: 'work_record', entityId: id, action: 'update',
      before: { date: current.work_date, site: current.site, businessLine: current.business_line, role: current.role, minutes: Number(current.minutes), note: current.note },
      after: entry,
    }, at);
    return (await readWorkRecords(trx, [id]))[0]!;
  });
}

/** Deletes an entered record entered by mistake, at the version seen; approved ones and closed months' stay. */
export async function deleteWorkRecord(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const organizationId = (await trx.selectFrom('work_records').select('organization_id').where('id', '=', id).executeTakeFirst())?.organization_id;
    if (organizationId) await lockWork(trx, ctx, organizationId, 'write');
    const current = await changeableRecord(trx, actor, id, version);
    await trx.deleteFrom('work_records').where('id', '=', id).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: current.organization_id, entityType: 'work_record', entityId: id, action: 'delete',
      before: { personId: current.person_id, date: current.work_date, site: current.site, businessLine: current.business_line, role: current.role, minutes: Number(current.minutes) },
      after: null,
    }, isoNow(ctx));
  });
}

/**
 * A coordinator takes back an approval so that the record can be corrected (and approved again); never in a
 * closed month, whose work is final.
 */
export async function unapproveWorkRecord(ctx: AppContext, actor: Actor, id: string, version: number): Promise<WorkRecordView> {
  return inTransaction(ctx, async (trx) => {
    const record = await trx.selectFrom('work_records').selectAll().where('id', '=', id).executeTakeFirst();
    if (!record) throw notFound('work record');
    if (!canApproveWork(actor, record.organization_id)) throw forbidden('only a coordinator (the organization administrator) takes back an approval');
    await lockWork(trx, ctx, record.organization_id, 'write');
    if (Number(record.version) !== version) throw new DomainError('conflict', 'version_conflict', `the record was changed by someone else (now version ${record.version})`);
    if (record.status !== 'approved') throw new DomainError('conflict', 'not_approved', 'the record is not approved');
    if (await inClosedPeriod(trx, record.organization_id, record.work_date)) throw periodClosed(record.work_date);
    const at = isoNow(ctx);
    await trx.updateTable('work_records').set({ status: 'entered', approved_at: null, approved_by: null, version: Number(record.version) + 1, updated_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: record.organization_id, entityType: 'work_record', entityId: id, action: 'unapprove',
      before: { status: 'approved', approvedAt: record.approved_at, approvedBy: record.approved_by }, after: { status: 'entered' },
    }, at);
    return (await readWorkRecords(trx, [id]))[0]!;
  });
}
