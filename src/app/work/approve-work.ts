import { canApproveWork, type Actor } from '../../domain/access/policy.js';
import { DomainError, forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import { isIsoDate, isMonth, monthOf, monthRange } from '../../domain/work/period.js';
import { recordAudit } from '../audit/record-audit.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { closeWorkMonth } from '../surplus/work-months.js';
import { inTransaction, isoNow, today, type AppContext } from '../shared/context.js';
import { lockWork } from './work-rows.js';

/** What to approve: chosen records, or every entered record of a period (optionally one person's). */
export type WorkApproval = { ids: string[] } | { from: string; until: string; personId?: string };

/** Ids per statement: well within both databases' parameter limits. */
const idBatch = 500;

/**
 * A coordinator approves entered work (承認): chosen records, or all of a period. Approved work is what the
 * fiscal-year close divides dividends by. Records already approved are left as they are; records of another
 * organization are not touched. One audit entry says what was approved.
 */
export async function approveWork(ctx: AppContext, actor: Actor, organizationId: string, approval: WorkApproval): Promise<{ approved: number }> {
  if (!canApproveWork(actor, organizationId)) throw forbidden('only a coordinator (the organization administrator) approves work');
  if (!(await findOrganization(ctx.db, organizationId))) throw notFound('organization');
  if ('from' in approval && (!isIsoDate(approval.from) || !isIsoDate(approval.until) || approval.from > approval.until)) {
    throw invalid([{ field: 'until', code: 'out_of_range', message: 'a period from one day until the same or a later day' }]);
  }
  return inTransaction(ctx, async (trx) => {
    await lockWork(trx, ctx, organizationId, 'write');
    const at = isoNow(ctx);
    const approve = () => trx.updateTable('work_records')
      .set((eb) => ({ status: 'approved', approved_at: at, approved_by: actor.email, version: eb('version', '+', 1), updated_at: at }))
      .where('organization_id', '=', organizationId).where('status', '=', 'entered');
    let approved = 0;
    if ('ids' in approval) {
      for (let i = 0; i < approval.ids.length; i += idBatch) {
        const result = await approve().where('id', 'in', approval.ids.slice(i, i + idBatch)).executeTakeFirst();
        approved += Number(result.numUpdatedRows);
      }
    } else {
      const result = await approve().where('work_date', '>=', approval.from).where('work_date', '<=', approval.until)
        .$if(approval.personId !== undefined, (q) => q.where('person_id', '=', approval.personId!)).executeTakeFirst();
      approved = Number(result.numUpdatedRows);
    }
    // Closed months hold only approved work, so nothing above changed one; the audit entry keeps what was asked.
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'work_record', entityId: organizationId, action: 'approve', before: null,
      after: 'ids' in approval ? { ids: approval.ids.length <= 200 ? approval.ids : `${approval.ids.length} ids`, approved } : { ...approval, approved },
    }, at);
    return { approved };
  });
}

export interface WorkPeriodClose {
  period: string;
  records: number;
  minutes: number;
  /** People who worked in the month. */
  people: number;
  closedAt: string;
  closedBy: string | null;
}

/**
 * Closes a month's work (月次締め) once the month is over and every record in it is approved: its count, minutes and
 * each person's totals are kept, and from then on nothing in the month is entered, changed, deleted, imported or un-approved. Closing
 * is final — there is no reopening — because the fiscal-year close divides dividends by this work and the
 * assembly resolves on that division (Worker Cooperatives Act Art. 77(2)); a mistake found later is put right in
 * a month still open, with a note.
 */
export async function closeWorkPeriod(ctx: AppContext, actor: Actor, organizationId: string, period: string): Promise<WorkPeriodClose> {
  if (!canApproveWork(actor, organizationId)) throw forbidden('only a coordinator (the organization administrator) closes a month');
  if (!isMonth(period)) throw invalid([{ field: 'period', code: 'invalid_format', message: 'a month as YYYY-MM' }]);
  if (!(await findOrganization(ctx.db, organizationId))) throw notFound('organization');
  const { from, until } = monthRange(period);
  if (monthOf(today(ctx)) <= period) {
    throw new DomainError('rule_violation', 'period_not_ended', `${period} has not ended: its work may still be entered`, [{ field: 'period', code: 'period_not_ended', message: until }]);
  }
  return inTransaction(ctx, async (trx) => {
    await lockWork(trx, ctx, organizationId, 'close');
    const earlier = await trx.selectFrom('work_period_closes').select('closed_at').where('organization_id', '=', organizationId).where('period', '=', period).executeTakeFirst();
    if (earlier) throw new DomainError('conflict', 'period_already_closed', `${period} was closed at ${earlier.closed_at}`);
    const { entered: unapproved } = await trx.selectFrom('work_records').select((eb) => eb.fn.countAll<string | number>().as('entered'))
      .where('organization_id', '=', organizationId).where('work_date', '>=', from).where('work_date', '<=', until).where('status', '=', 'entered')
      .executeTakeFirstOrThrow();
    const entered = Number(unapproved);
    if (entered > 0) {
      throw new DomainError('rule_violation', 'unapproved_work', `${entered} record(s) of ${period} are not approved yet`, [{ field: 'period', code: 'unapproved_work', message: String(entered) }]);
    }
    const at = isoNow(ctx);
    // The close and each person's totals for the month, which the fiscal-year close divides dividends by.
    const closed = await closeWorkMonth(trx, ctx.dialect, organizationId, period, { at, by: actor.email });
    const close = { period, records: closed.records, minutes: closed.minutes, people: closed.people, closedAt: at, closedBy: actor.email };
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'work_period', entityId: `${organizationId}/${period}`, action: 'close', before: null, after: close,
    }, at);
    return close;
  });
}
