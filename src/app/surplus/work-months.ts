import { sql, type Transaction } from 'kysely';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { DialectName } from '../../db/dialect-name.js';
import type { Schema } from '../../db/schema.js';

export interface ClosedMonth {
  organizationId: string;
  period: string;
  records: number;
  minutes: number;
  people: number;
}

/** The first and last day of a YYYY-MM month. */
export function monthRange(period: string): { from: string; until: string } {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${period}-01`, until: `${period}-${String(last).padStart(2, '0')}` };
}

/**
 * Closes one month of work in the caller's transaction: records the close and each person's totals for the month
 * (minutes by role, days worked), read once from the month's approved records. The caller checks that nothing is
 * left to approve and that the month is not closed already; after this the month's records change no more, so the
 * totals stay true, and the year-end close divides by them (twelve rows a person instead of a year of days).
 */
export async function closeWorkMonth(trx: Transaction<Schema>, dialect: DialectName, organizationId: string, period: string, closed: { at: string; by: string | null }): Promise<ClosedMonth> {
  const { from, until } = monthRange(period);
  const inMonth = () => trx.selectFrom('work_records').where('organization_id', '=', organizationId).where('work_date', '>=', from).where('work_date', '<=', until).where('status', '=', 'approved');
  const [byRole, days] = await Promise.all([
    inMonth().select(['person_id', 'role', (eb) => eb.fn.sum<string | number>('minutes').as('minutes'), (eb) => eb.fn.countAll<string | number>().as('records')])
      .groupBy(['person_id', 'role']).execute(),
    inMonth().select(['person_id', sql<string | number>`count(distinct work_date)`.as('days')]).groupBy('person_id').execute(),
  ]);
  const people = new Map<string, { minutes: number; byRole: Record<string, number>; days: number }>();
  let records = 0;
  let minutes = 0;
  for (const r of byRole) {
    const person = people.get(r.person_id) ?? { minutes: 0, byRole: {}, days: 0 };
    const m = Number(r.minutes);
    person.byRole[r.role] = m;
    person.minutes += m;
    people.set(r.person_id, person);
    records += Number(r.records);
    minutes += m;
  }
  for (const r of days) people.get(r.person_id)!.days = Number(r.days);
  await trx.insertInto('work_period_closes').values({ organization_id: organizationId, period, records, minutes, closed_at: closed.at, closed_by: closed.by }).execute();
  await bulkInsert(trx, dialect, 'work_month_totals', [...people].map(([personId, p]) => ({
    organization_id: organizationId, period, person_id: personId, minutes: p.minutes, minutes_by_role: JSON.stringify(p.byRole), days: p.days,
  })));
  return { organizationId, period, records, minutes, people: people.size };
}
