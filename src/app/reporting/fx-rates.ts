import { canReportForFederation, type Actor } from '../../domain/access/policy.js';
import { forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, type AppContext, type Tx } from '../shared/context.js';
import type { FxRate } from '../../domain/reporting/dashboard.js';

/** Every recorded rate, by fiscal year. */
export async function listFxRates(db: Tx): Promise<FxRate[]> {
  const rows = await db.selectFrom('fx_rates').select(['fiscal_year', 'yen_per_usd_centi', 'source']).orderBy('fiscal_year').execute();
  return rows.map((r) => ({ fiscalYear: Number(r.fiscal_year), yenPerUsd: Number(r.yen_per_usd_centi) / 100, source: r.source }));
}

/** Yen per dollar kept in hundredths of a yen: 108.79 is 10879; anything finer, zero or absurd is refused. */
function centiOf(yenPerUsd: number): number {
  const centi = Math.round(yenPerUsd * 100);
  if (!Number.isFinite(yenPerUsd) || Math.abs(centi - yenPerUsd * 100) > 1e-6) {
    throw invalid([{ field: 'yenPerUsd', code: 'too_precise', message: 'a rate has at most two decimals' }]);
  }
  if (centi < 1_00 || centi > 1_000_00) throw invalid([{ field: 'yenPerUsd', code: 'out_of_range', message: 'a rate is between 1 and 1,000 yen per dollar' }]);
  return centi;
}

/** Records (or corrects) the rate the federation reports a fiscal year's yen figures in US dollars at. */
export async function setFxRate(ctx: AppContext, actor: Actor, fiscalYear: number, input: { yenPerUsd: number; source: string | null }): Promise<FxRate> {
  if (!canReportForFederation(actor)) throw forbidden();
  const centi = centiOf(input.yenPerUsd);
  const source = input.source === null || input.source.trim() === '' ? null : input.source.trim();
  return inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    const before = await trx.selectFrom('fx_rates').select(['yen_per_usd_centi', 'source']).where('fiscal_year', '=', fiscalYear).executeTakeFirst();
    const values = { yen_per_usd_centi: centi, source, recorded_at: at, recorded_by: actor.userId };
    if (before) await trx.updateTable('fx_rates').set(values).where('fiscal_year', '=', fiscalYear).execute();
    else await trx.insertInto('fx_rates').values({ fiscal_year: fiscalYear, ...values }).execute();
    const rate = { fiscalYear, yenPerUsd: centi / 100, source };
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: null, entityType: 'fx_rate', entityId: String(fiscalYear), action: before ? 'update' : 'create',
      before: before ? { fiscalYear, yenPerUsd: Number(before.yen_per_usd_centi) / 100, source: before.source } : null, after: rate,
    }, at);
    return rate;
  });
}

export async function deleteFxRate(ctx: AppContext, actor: Actor, fiscalYear: number): Promise<void> {
  if (!canReportForFederation(actor)) throw forbidden();
  await inTransaction(ctx, async (trx) => {
    const before = await trx.selectFrom('fx_rates').select(['yen_per_usd_centi', 'source']).where('fiscal_year', '=', fiscalYear).executeTakeFirst();
    if (!before) throw notFound('fx_rate');
    await trx.deleteFrom('fx_rates').where('fiscal_year', '=', fiscalYear).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: null, entityType: 'fx_rate', entityId: String(fiscalYear), action: 'delete',
      before: { fiscalYear, yenPerUsd: Number(before.yen_per_usd_centi) / 100, source: before.source }, after: null,
    }, isoNow(ctx));
  });
}
