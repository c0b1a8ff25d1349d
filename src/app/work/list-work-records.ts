import { sql, type ExpressionBuilder } from 'kysely';
import type { Schema, WorkRecordTable } from '../../db/schema.js';
import { canRecordWork, type Actor } from '../../domain/access/policy.js';
import { forbidden } from '../../domain/shared/errors.js';
import type { WorkRecordStatus } from '../../domain/work/work-record.js';
import type { AppContext } from '../shared/context.js';
import { toWorkRecordView, workRecordQuery, type WorkRecordView } from './work-rows.js';

export interface WorkRecordQuery {
  /** Days from and until (both included). */
  from: string;
  until: string;
  personId?: string;
  site?: string;
  businessLine?: string;
  status?: WorkRecordStatus;
  page: number;
  pageSize: number;
}

export interface WorkRecordTotals {
  records: number;
  minutes: number;
  /** Days worked: each person's distinct days, added up (two sites on one day are one day). */
  days: number;
  people: number;
  /** Records still to approve. */
  entered: number;
}

/**
 * A period's records, newest day first, a page at a time, with the totals of everything the filters select: the
 * coordinator's view before approving and closing a month.
 */
export async function listWorkRecords(ctx: AppContext, actor: Actor, organizationId: string, query: WorkRecordQuery): Promise<{ items: WorkRecordView[]; totals: WorkRecordTotals }> {
  if (!canRecordWork(actor, organizationId)) throw forbidden();
  const selected = (eb: ExpressionBuilder<Schema & { w: WorkRecordTable }, 'w'>) => eb.and([
    eb('w.organization_id', '=', organizationId), eb('w.work_date', '>=', query.from), eb('w.work_date', '<=', query.until),
    ...(query.personId !== undefined ? [eb('w.person_id', '=', query.personId)] : []),
    ...(query.site !== undefined ? [eb('w.site', '=', query.site)] : []),
    ...(query.businessLine !== undefined ? [eb('w.business_line', '=', query.businessLine)] : []),
    ...(query.status !== undefined ? [eb('w.status', '=', query.status)] : []),
  ]);
  const filtered = ctx.db.selectFrom('work_records as w').where(selected);
  const page = workRecordQuery(ctx.db).where(selected)
    .orderBy('w.work_date', 'desc').orderBy('p.family_kana').orderBy('p.given_kana').orderBy('w.person_id').orderBy('w.site').orderBy('w.business_line')
    .limit(query.pageSize).offset((query.page - 1) * query.pageSize);
  const [rows, totals, days] = await Promise.all([
    page.execute(),
    filtered.select((eb) => [
      eb.fn.countAll<string | number>().as('records'),
      eb.fn.sum<string | number>('w.minutes').as('minutes'),
      sql<string | number>`count(distinct w.person_id)`.as('people'),
      eb.fn.sum<string | number>(sql`case when w.status = 'entered' then 1 else 0 end`).as('entered'),
    ]).executeTakeFirstOrThrow(),
    ctx.db.selectFrom(filtered.select(['w.person_id', 'w.work_date']).distinct().as('d')).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(toWorkRecordView),
    totals: {
      records: Number(totals.records), minutes: Number(totals.minutes ?? 0), days: Number(days.n), people: Number(totals.people), entered: Number(totals.entered ?? 0),
    },
  };
}

export interface WorkPeriodSummary {
  /** YYYY-MM. */
  period: string;
  records: number;
  minutes: number;
  entered: number;
  closed: { at: string; by: string | null; records: number; minutes: number } | null;
}

/**
 * Month by month from `from` to `until` (YYYY-MM, both included): the records, their minutes, how many are still
 * to approve, and whether (and when, by whom) the month was closed. Months without work or close are left out.
 */
export async function listWorkPeriods(ctx: AppContext, actor: Actor, organizationId: string, range: { from: string; until: string }): Promise<WorkPeriodSummary[]> {
  if (!canRecordWork(actor, organizationId)) throw forbidden();
  const month = sql<string>`substr(work_date, 1, 7)`;
  const [sums, closes] = await Promise.all([
    ctx.db.selectFrom('work_records').select((eb) => [
      month.as('period'), eb.fn.countAll<string | number>().as('records'), eb.fn.sum<string | number>('minutes').as('minutes'),
      eb.fn.sum<string | number>(sql`case when status = 'entered' then 1 else 0 end`).as('entered'),
    ]).where('organization_id', '=', organizationId).where('work_date', '>=', `${range.from}-01`).where('work_date', '<=', `${range.until}-31`)
      .groupBy(month).execute(),
    ctx.db.selectFrom('work_period_closes').selectAll().where('organization_id', '=', organizationId)
      .where('period', '>=', range.from).where('period', '<=', range.until).execute(),
  ]);
  const byPeriod = new Map<string, WorkPeriodSummary>();
  for (const s of sums) {
    byPeriod.set(s.period, { period: s.period, records: Number(s.records), minutes: Number(s.minutes ?? 0), entered: Number(s.entered ?? 0), closed: null });
  }
  for (const c of closes) {
    const summary = byPeriod.get(c.period) ?? { period: c.period, records: 0, minutes: 0, entered: 0, closed: null };
    summary.closed = { at: c.closed_at, by: c.closed_by, records: Number(c.records), minutes: Number(c.minutes) };
    byPeriod.set(c.period, summary);
  }
  return [...byPeriod.values()].sort((a, b) => (a.period < b.period ? 1 : -1));
}
