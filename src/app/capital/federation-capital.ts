import { sql } from 'kysely';
import { canKeepCapital, type Actor } from '../../domain/access/policy.js';
import type { CapitalByYear } from '../../domain/capital/views.js';
import { fiscalYearEnd } from '../../domain/members/lifecycle.js';
import { today, type AppContext } from '../shared/context.js';

export type { CapitalByYear };

/** The fiscal year a line falls in, by its organization's start month: 2027-02-10 is in 2026 for an April start. */
const fiscalYearOf = sql<number>`cast(substr(l.entry_date, 1, 4) as integer) - case when cast(substr(l.entry_date, 6, 2) as integer) < o.fiscal_year_start_month then 1 else 0 end`;

/**
 * Capital by organization and fiscal year (連合会の出資金の推移): each organization's totals at the end of each of
 * its last `years` fiscal years, by its own fiscal-year start month. The lines are summed once per member and
 * fiscal year, then carried forward year by year. The federation administrator sees every organization; staff
 * see their own.
 */
export async function capitalByFiscalYear(ctx: AppContext, actor: Actor, years: number): Promise<CapitalByYear[]> {
  let organizations = ctx.db.selectFrom('organizations').select(['id', 'fiscal_year_start_month']).where('kind', '=', 'organization');
  if (actor.role !== 'federation-admin') organizations = organizations.where('id', '=', actor.organizationId ?? '');
  const visible = (await organizations.execute()).filter((o) => canKeepCapital(actor, o.id));
  if (visible.length === 0) return [];
  const ids = visible.map((o) => o.id);
  const todayHere = today(ctx);

  const [perMember, unpaidPerYear] = await Promise.all([
    ctx.db.selectFrom('journal_lines as l').innerJoin('organizations as o', 'o.id', 'l.organization_id')
      .select(['l.organization_id', 'l.membership_id', fiscalYearOf.as('fy'), (eb) => eb.fn.sum<string | number>('l.amount').as('amount'), (eb) => eb.fn.sum<string | number>('l.shares').as('shares')])
      .where('l.organization_id', 'in', ids).where('l.account', '=', 'capital').where('l.entry_date', '<=', todayHere)
      .groupBy(['l.organization_id', 'l.membership_id', fiscalYearOf]).execute(),
    ctx.db.selectFrom('journal_lines as l').innerJoin('organizations as o', 'o.id', 'l.organization_id')
      .select(['l.organization_id', fiscalYearOf.as('fy'), (eb) => eb.fn.sum<string | number>('l.amount').as('amount')])
      .where('l.organization_id', 'in', ids).where('l.account', '=', 'capital-unpaid').where('l.entry_date', '<=', todayHere)
      .groupBy(['l.organization_id', fiscalYearOf]).execute(),
  ]);

  // Each member's shares and capital per fiscal year, gathered by organization in one pass over the sums.
  const membersOf = new Map<string, Map<string, Map<number, { shares: number; capital: number }>>>();
  for (const row of perMember) {
    if (row.membership_id === null) continue;
    const members = membersOf.get(row.organization_id) ?? new Map<string, Map<number, { shares: number; capital: number }>>();
    const byYear = members.get(row.membership_id) ?? new Map<number, { shares: number; capital: number }>();
    byYear.set(Number(row.fy), { shares: Number(row.shares), capital: -Number(row.amount) });
    members.set(row.membership_id, byYear);
    membersOf.set(row.organization_id, members);
  }

  const result: CapitalByYear[] = [];
  for (const o of visible) {
    const startMonth = Number(o.fiscal_year_start_month);
    const currentEnd = fiscalYearEnd(todayHere, startMonth);
    const current = Number(currentEnd.slice(0, 4)) - (startMonth === 1 ? 0 : 1);
    const first = current - years + 1;
    const members = membersOf.get(o.id) ?? new Map<string, Map<number, { shares: number; capital: number }>>();
    const unpaid = new Map(unpaidPerYear.filter((u) => u.organization_id === o.id).map((u) => [Number(u.fy), Number(u.amount)]));
    for (let fy = first; fy <= current; fy++) {
      let holders = 0;
      let shares = 0;
      let capital = 0;
      // Each member's shares and capital carried up to the end of the year.
      for (const byYear of members.values()) {
        let held = 0;
        let value = 0;
        for (const [year, sums] of byYear) if (year <= fy) { held += sums.shares; value += sums.capital; }
        if (held > 0) holders += 1;
        shares += held;
        capital += value;
      }
      let owed = 0;
      for (const [year, amount] of unpaid) if (year <= fy) owed += amount;
      const end = fy === current ? todayHere : fiscalYearEnd(`${fy + (startMonth === 1 ? 0 : 1)}-${String(startMonth === 1 ? 12 : startMonth - 1).padStart(2, '0')}-01`, startMonth);
      result.push({ organizationId: o.id, fiscalYear: fy, asOf: end, members: holders, shares, capital, paid: capital - owed, unpaid: owed });
    }
  }
  return result;
}
