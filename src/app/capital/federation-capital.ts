import { canKeepCapital, type Actor } from '../../domain/access/policy.js';
import { fiscalYearEnd } from '../../domain/members/lifecycle.js';
import type { AppContext } from '../shared/context.js';

export interface CapitalByYear {
  organizationId: string;
  /** The fiscal year named by the year it starts in (2026年度: April 2026 to March 2027 for an April start). */
  fiscalYear: number;
  /** Its last day: the totals are as of then (or today, for the year still running). */
  asOf: string;
  members: number;
  shares: number;
  capital: number;
  paid: number;
  unpaid: number;
}

/**
 * Capital by organization and fiscal year (連合会の出資金の推移): each organization's totals at the end of each of
 * its last `years` fiscal years, by its own fiscal-year start month. The federation administrator sees every
 * organization; staff see their own.
 */
export async function capitalByFiscalYear(ctx: AppContext, actor: Actor, years: number): Promise<CapitalByYear[]> {
  let organizations = ctx.db.selectFrom('organizations').select(['id', 'fiscal_year_start_month']).where('kind', '=', 'organization');
  if (actor.role !== 'federation-admin') organizations = organizations.where('id', '=', actor.organizationId ?? '');
  const visible = (await organizations.execute()).filter((o) => canKeepCapital(actor, o.id));
  const today = ctx.now().toISOString().slice(0, 10);

  // The dates to sum up to: each organization's fiscal-year ends, the running year counted up to today.
  const wanted = new Map<string, { organizationId: string; fiscalYear: number }[]>();
  for (const o of visible) {
    const startMonth = Number(o.fiscal_year_start_month);
    let end = fiscalYearEnd(today, startMonth);
    for (let i = 0; i < years; i++) {
      const asOf = end > today ? today : end;
      const fiscalYear = Number(end.slice(0, 4)) - (startMonth === 1 ? 0 : 1);
      wanted.set(asOf, [...(wanted.get(asOf) ?? []), { organizationId: o.id, fiscalYear }]);
      end = fiscalYearEnd(`${Number(end.slice(0, 4)) - 1}${end.slice(4, 8)}01`, startMonth);
    }
  }

  const result: CapitalByYear[] = [];
  for (const [asOf, targets] of wanted) {
    const ids = targets.map((t) => t.organizationId);
    const [sums, holders] = await Promise.all([
      ctx.db.selectFrom('journal_lines').select(['organization_id', 'account', (eb) => eb.fn.sum<string | number>('amount').as('amount'), (eb) => eb.fn.sum<string | number>('shares').as('shares')])
        .where('organization_id', 'in', ids).where('entry_date', '<=', asOf).where('account', 'in', ['capital', 'capital-unpaid'])
        .groupBy(['organization_id', 'account']).execute(),
      ctx.db.selectFrom((eb) => eb.selectFrom('journal_lines').select(['organization_id', 'membership_id', (f) => f.fn.sum<string | number>('shares').as('held')])
        .where('organization_id', 'in', ids).where('entry_date', '<=', asOf).where('account', '=', 'capital')
        .groupBy(['organization_id', 'membership_id']).as('h'))
        .select(['h.organization_id', (eb) => eb.fn.countAll<string | number>().as('members')])
        .where('h.held', '>', 0).groupBy('h.organization_id').execute(),
    ]);
    for (const { organizationId, fiscalYear } of targets) {
      const capitalRow = sums.find((s) => s.organization_id === organizationId && s.account === 'capital');
      const unpaidRow = sums.find((s) => s.organization_id === organizationId && s.account === 'capital-unpaid');
      const capital = -Number(capitalRow?.amount ?? 0);
      const unpaid = Number(unpaidRow?.amount ?? 0);
      result.push({
        organizationId, fiscalYear, asOf, members: Number(holders.find((h) => h.organization_id === organizationId)?.members ?? 0),
        shares: Number(capitalRow?.shares ?? 0), capital, paid: capital - unpaid, unpaid,
      });
    }
  }
  return result.sort((a, b) => (a.organizationId === b.organizationId ? a.fiscalYear - b.fiscalYear : a.organizationId < b.organizationId ? -1 : 1));
}
