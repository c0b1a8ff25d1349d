import type { Selectable } from 'kysely';
import type { SiteResultTable } from '../../db/schema.js';
import { canKeepBusinesses, type Actor } from '../../domain/access/policy.js';
import { checkSiteResult, surplusOf, totalOf, type ResultSource, type ResultTotals, type SiteResultFigures } from '../../domain/business/result.js';
import { DomainError, forbidden } from '../../domain/shared/errors.js';
import { fiscalYearPeriod } from '../../domain/shared/fiscal-year.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, type AppContext, type Tx } from '../shared/context.js';
import { openIn, startMonthOf } from './site-periods.js';
import { siteInReach, toSite, type SiteView } from './sites.js';

export interface SiteResultView extends SiteResultFigures {
  siteId: string;
  fiscalYear: number;
  surplus: number;
  source: ResultSource;
  version: number;
  recordedAt: string;
  recordedBy: string | null;
}

/**
 * Workers by kind in a site's year. From the work records where the site has any that year — the people who
 * worked there, each once, a member when they held a membership of the organization at some time in the year —
 * otherwise as entered with the result, otherwise unknown.
 */
export interface SiteWorkers {
  members: number | null;
  nonMembers: number | null;
  source: 'work_records' | 'entered' | null;
}

export interface SiteYear {
  site: SiteView;
  result: SiteResultView | null;
  workers: SiteWorkers;
}

export interface OrganizationYear {
  fiscalYear: number;
  period: { from: string; until: string };
  items: SiteYear[];
  totals: ResultTotals;
}

const toResult = (row: Selectable<SiteResultTable>): SiteResultView => ({
  siteId: row.site_id, fiscalYear: Number(row.fiscal_year), turnover: Number(row.turnover), expenses: Number(row.expenses), surplus: Number(row.surplus),
  peopleServed: row.people_served === null ? null : Number(row.people_served),
  workersMembers: row.workers_members === null ? null : Number(row.workers_members),
  workersNonMembers: row.workers_non_members === null ? null : Number(row.workers_non_members),
  source: row.source as ResultSource, version: Number(row.version), recordedAt: row.recorded_at, recordedBy: row.recorded_by,
});

export const siteNotOpen = (fiscalYear: number, field = 'fiscalYear'): DomainError =>
  new DomainError('rule_violation', 'site_not_open', `the site was not open in fiscal ${fiscalYear}`, [{ field, code: 'site_not_open', message: String(fiscalYear) }]);

/**
 * The people who worked at each named site in a period, by kind. Work records name their site by free text
 * (work_records.site), so a site is matched by its Japanese name exactly as the time clock wrote it.
 */
async function workersAt(db: Tx, organizationId: string, siteNames: string[], period: { from: string; until: string }): Promise<Map<string, { members: number; nonMembers: number }>> {
  const counts = new Map<string, { members: number; nonMembers: number }>();
  if (siteNames.length === 0) return counts;
  const rows = await db.selectFrom('work_records as w')
    .select(['w.site', 'w.person_id'])
    .select((eb) => eb.exists(eb.selectFrom('memberships as m').select('m.id')
      .whereRef('m.person_id', '=', 'w.person_id').where('m.organization_id', '=', organizationId)
      .where('m.admitted_on', 'is not', null).where('m.admitted_on', '<=', period.until)
      .where((e) => e.or([e('m.ended_on', 'is', null), e('m.ended_on', '>=', period.from)]))).as('is_member'))
    .where('w.organization_id', '=', organizationId).where('w.site', 'in', siteNames)
    .where('w.work_date', '>=', period.from).where('w.work_date', '<=', period.until)
    .groupBy(['w.site', 'w.person_id']).execute();
  for (const row of rows) {
    const count = counts.get(row.site) ?? { members: 0, nonMembers: 0 };
    if (Boolean(Number(row.is_member))) count.members += 1;
    else count.nonMembers += 1;
    counts.set(row.site, count);
  }
  return counts;
}

/**
 * An organization's fiscal year site by site — every site open in the year, with its result if recorded and its
 * workers by kind — and the year's totals over the recorded results.
 */
export async function listSiteResults(ctx: AppContext, actor: Actor, organizationId: string, fiscalYear: number): Promise<OrganizationYear> {
  if (!canKeepBusinesses(actor, organizationId)) throw forbidden();
  const period = fiscalYearPeriod(fiscalYear, await startMonthOf(ctx.db, organizationId));
  const results = new Map((await ctx.db.selectFrom('site_results as r').innerJoin('sites as s', 's.id', 'r.site_id').selectAll('r')
    .where('s.organization_id', '=', organizationId).where('r.fiscal_year', '=', fiscalYear).execute()).map((r) => [r.site_id, toResult(r)]));
  const sites = (await ctx.db.selectFrom('sites').selectAll().where('organization_id', '=', organizationId).orderBy('name_ja').execute())
    .filter((s) => openIn(s, period) || results.has(s.id));
  const worked = await workersAt(ctx.db, organizationId, sites.map((s) => s.name_ja), period);
  const items = sites.map((row): SiteYear => {
    const result = results.get(row.id) ?? null;
    const counted = worked.get(row.name_ja);
    const workers: SiteWorkers = counted ? { ...counted, source: 'work_records' }
      : result && (result.workersMembers !== null || result.workersNonMembers !== null)
        ? { members: result.workersMembers, nonMembers: result.workersNonMembers, source: 'entered' }
        : { members: null, nonMembers: null, source: null };
    return { site: toSite(row), result, workers };
  });
  return { fiscalYear, period, items, totals: totalOf([...results.values()]) };
}

export interface SiteResultInput extends SiteResultFigures {
  fiscalYear: number;
  /** The version of the result the editor saw, when changing one recorded already. */
  version?: number;
}

/**
 * Records (or corrects, at the version seen) a site's result for a fiscal year the site was open in. The
 * surplus is computed, never entered.
 */
export async function recordSiteResult(ctx: AppContext, actor: Actor, siteId: string, input: SiteResultInput): Promise<SiteResultView> {
  const { fiscalYear, version, ...figures } = input;
  checkSiteResult(figures);
  return inTransaction(ctx, async (trx) => {
    const site = await siteInReach(trx, actor, siteId);
    if (!openIn(site, fiscalYearPeriod(fiscalYear, await startMonthOf(trx, site.organization_id)))) throw siteNotOpen(fiscalYear);
    const current = await trx.selectFrom('site_results').selectAll().where('site_id', '=', siteId).where('fiscal_year', '=', fiscalYear).executeTakeFirst();
    if (current && Number(current.version) !== version) {
      throw new DomainError('conflict', 'version_conflict', `fiscal ${fiscalYear} of this site is recorded already (version ${current.version}): send the version you saw to change it`);
    }
    const at = isoNow(ctx);
    await writeResult(trx, { siteId, fiscalYear, ...figures }, 'entered', at, actor.email, current ? Number(current.version) : null);
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: site.organization_id, entityType: 'site_result', entityId: `${siteId}:${fiscalYear}`, action: current ? 'update' : 'create',
      before: current ? toResult(current) : null, after: { fiscalYear, ...figures, surplus: surplusOf(figures) },
    }, at);
    return toResult(await trx.selectFrom('site_results').selectAll().where('site_id', '=', siteId).where('fiscal_year', '=', fiscalYear).executeTakeFirstOrThrow());
  });
}

/** Writes one result: a new row, or the next version of the one there (`currentVersion`). */
export async function writeResult(trx: Tx, r: SiteResultFigures & { siteId: string; fiscalYear: number }, source: ResultSource, at: string, by: string | null, currentVersion: number | null): Promise<void> {
  const figures = {
    turnover: r.turnover, expenses: r.expenses, surplus: surplusOf(r), people_served: r.peopleServed, workers_members: r.workersMembers,
    workers_non_members: r.workersNonMembers, source, recorded_at: at, recorded_by: by,
  };
  if (currentVersion === null) {
    await trx.insertInto('site_results').values({ site_id: r.siteId, fiscal_year: r.fiscalYear, ...figures, version: 1 }).execute();
  } else {
    await trx.updateTable('site_results').set({ ...figures, version: currentVersion + 1 }).where('site_id', '=', r.siteId).where('fiscal_year', '=', r.fiscalYear).execute();
  }
}

export interface SiteHistory {
  site: SiteView;
  /** Every fiscal year recorded, oldest first. */
  items: SiteResultView[];
}

/** A site and its results over the years: the way down from a dashboard to one site. */
export async function readSiteHistory(ctx: AppContext, actor: Actor, siteId: string): Promise<SiteHistory> {
  const row = await siteInReach(ctx.db, actor, siteId);
  const results = await ctx.db.selectFrom('site_results').selectAll().where('site_id', '=', siteId).orderBy('fiscal_year').execute();
  return { site: toSite(row), items: results.map(toResult) };
}
