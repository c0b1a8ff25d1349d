import { canKeepBusinesses, canKeepProgrammes, canReportForFederation, type Actor } from '../../domain/access/policy.js';
import { compareSdgCodes, goalOfCode, sdgGoals } from '../../domain/sdg/catalogue.js';
import { checkedCodes, type SdgSubjectType, type SdgTag } from '../../domain/sdg/tags.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { fiscalYearOf, fiscalYearPeriod } from '../../domain/shared/fiscal-year.js';
import { recordAudit } from '../audit/record-audit.js';
import { listBusinessLines } from '../business/business-lines.js';
import { siteInReach } from '../business/sites.js';
import { inTransaction, isoNow, today, type AppContext, type Tx } from '../shared/context.js';
import type { SdgGoalView, SdgView } from '../../domain/reporting/dashboard.js';
import { reportScope, type DashboardScope } from './dashboard.js';

/** The subject's organization (null for a business line), after checking it exists and the actor may tag it. */
async function subjectOrganization(db: Tx, actor: Actor, subjectType: SdgSubjectType, subjectId: string): Promise<string | null> {
  if (subjectType === 'business-line') {
    if (!canReportForFederation(actor)) throw forbidden();
    if (!(await db.selectFrom('business_lines').select('code').where('code', '=', subjectId).executeTakeFirst())) throw notFound('business_line');
    return null;
  }
  if (subjectType === 'programme') {
    const contract = await db.selectFrom('programme_contracts').select('organization_id').where('id', '=', subjectId).executeTakeFirst();
    if (!contract || !canKeepProgrammes(actor, contract.organization_id)) throw notFound('contract');
    return contract.organization_id;
  }
  // A site of another organization is not found, as everywhere else (the answer does not say that it exists).
  return (await siteInReach(db, actor, subjectId)).organization_id;
}

/**
 * Replaces the goals and targets a business line (the federation administrator) or a site (its organization's
 * staff) is tagged with. An empty list removes them all. Audited with the codes before and after.
 */
export async function setSdgTags(ctx: AppContext, actor: Actor, subjectType: SdgSubjectType, subjectId: string, codes: readonly string[]): Promise<SdgTag[]> {
  const wanted = checkedCodes(codes);
  return inTransaction(ctx, async (trx) => {
    const organizationId = await subjectOrganization(trx, actor, subjectType, subjectId);
    const before = (await trx.selectFrom('sdg_tags').select('code').where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).execute())
      .map((r) => r.code).sort(compareSdgCodes);
    if (before.join(' ') === wanted.join(' ')) return wanted.map((code) => ({ subjectType, subjectId, code }));
    const at = isoNow(ctx);
    await trx.deleteFrom('sdg_tags').where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).execute();
    if (wanted.length > 0) {
      await trx.insertInto('sdg_tags').values(wanted.map((code) => ({ subject_type: subjectType, subject_id: subjectId, code, organization_id: organizationId, created_at: at }))).execute();
    }
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: subjectType === 'site' ? 'site' : subjectType === 'programme' ? 'contract' : 'business_line', entityId: subjectId, action: 'sdg_tags', before: { codes: before }, after: { codes: wanted },
    }, at);
    return wanted.map((code) => ({ subjectType, subjectId, code }));
  });
}

/**
 * The tags the actor may see: every business line's, and the sites' of the organizations the actor keeps (all of
 * them for the federation administrator; one organization's when asked).
 */
export async function listSdgTags(ctx: AppContext, actor: Actor, organizationId?: string): Promise<SdgTag[]> {
  if (organizationId !== undefined && !canKeepBusinesses(actor, organizationId)) throw forbidden();
  let query = ctx.db.selectFrom('sdg_tags').select(['subject_type', 'subject_id', 'code']);
  if (organizationId !== undefined) {
    query = query.where((eb) => eb.or([eb('subject_type', '=', 'business-line'), eb('organization_id', '=', organizationId)]));
  } else if (!canReportForFederation(actor)) {
    if (!actor.organizationId || !canKeepBusinesses(actor, actor.organizationId)) throw forbidden();
    const own = actor.organizationId;
    query = query.where((eb) => eb.or([eb('subject_type', '=', 'business-line'), eb('organization_id', '=', own)]));
  }
  const rows = await query.execute();
  return rows.map((r) => ({ subjectType: r.subject_type as SdgSubjectType, subjectId: r.subject_id, code: r.code }))
    .sort((a, b) => a.subjectType.localeCompare(b.subjectType) || a.subjectId.localeCompare(b.subjectId) || compareSdgCodes(a.code, b.code));
}

/**
 * What each of the seventeen goals is served by, in the federation or one organization: the business lines tagged
 * with the goal or one of its targets, the sites tagged themselves or through their line, and the year's results of
 * those sites (each site counted once per goal, however many of the goal's targets it serves).
 */
export async function readSdgView(ctx: AppContext, actor: Actor, scope: DashboardScope, askedYear?: number): Promise<SdgView> {
  const { head, organizations } = await reportScope(ctx, actor, scope);
  const organizationIds = organizations.map((o) => o.id);
  const ids = organizationIds.length === 0 ? [''] : organizationIds;
  const [lines, tags, sites] = await Promise.all([
    listBusinessLines(ctx.db),
    ctx.db.selectFrom('sdg_tags').select(['subject_type', 'subject_id', 'code'])
      .where((eb) => eb.or([eb('subject_type', '=', 'business-line'), eb.and([eb('subject_type', 'in', ['site', 'programme']), eb('organization_id', 'in', ids)])])).execute(),
    ctx.db.selectFrom('sites').select(['id', 'organization_id', 'name_ja', 'name_en', 'business_line']).where('organization_id', 'in', ids).orderBy('name_ja').execute(),
  ]);
  const latest = await ctx.db.selectFrom('site_results as r').innerJoin('sites as s', 's.id', 'r.site_id').select((eb) => eb.fn.max('r.fiscal_year').as('year'))
    .where('s.organization_id', 'in', ids).executeTakeFirst();
  const fiscalYear = askedYear ?? (latest?.year != null ? Number(latest.year) : fiscalYearOf(today(ctx), Number(head.fiscal_year_start_month)));
  const results = await ctx.db.selectFrom('site_results as r').innerJoin('sites as s', 's.id', 'r.site_id')
    .select(['r.site_id', 'r.turnover', 'r.people_served', 'r.workers_members', 'r.workers_non_members'])
    .where('s.organization_id', 'in', ids).where('r.fiscal_year', '=', fiscalYear).execute();
  const resultOf = new Map(results.map((r) => [r.site_id, r]));
  // The tagged programmes running in the year, with the participants they took in during it (counts only).
  const year = fiscalYearPeriod(fiscalYear, Number(head.fiscal_year_start_month));
  const taggedProgrammes = [...new Set(tags.filter((t) => t.subject_type === 'programme').map((t) => t.subject_id))];
  const programmes = taggedProgrammes.length === 0 ? [] : await ctx.db.selectFrom('programme_contracts as c')
    .leftJoin('participants as p', (join) => join.onRef('p.contract_id', '=', 'c.id').on('p.intake_on', '>=', year.from).on('p.intake_on', '<=', year.until))
    .select(['c.id', 'c.organization_id', 'c.programme_ja', 'c.programme_en', 'c.period_from', 'c.period_until', (eb) => eb.fn.count<number>('p.id').as('intakes')])
    .where('c.id', 'in', taggedProgrammes).where('c.organization_id', 'in', ids).where('c.period_from', '<=', year.until).where('c.period_until', '>=', year.from)
    .groupBy(['c.id', 'c.organization_id', 'c.programme_ja', 'c.programme_en', 'c.period_from', 'c.period_until']).orderBy('c.programme_ja').orderBy('c.period_from').execute();
  const siteIdsInScope = new Set(sites.map((s) => s.id));

  const goals: SdgGoalView[] = sdgGoals.map((g) => {
    const ofGoal = tags.filter((t) => goalOfCode(t.code) === g.goal);
    const lineCodes = new Set(ofGoal.filter((t) => t.subject_type === 'business-line').map((t) => t.subject_id));
    const siteIds = new Set(ofGoal.filter((t) => t.subject_type === 'site').map((t) => t.subject_id));
    const programmeIds = new Set(ofGoal.filter((t) => t.subject_type === 'programme').map((t) => t.subject_id));
    const ofProgrammes = programmes.filter((p) => programmeIds.has(p.id));
    const serving = sites.filter((s) => siteIds.has(s.id) || lineCodes.has(s.business_line));
    let turnover = 0;
    let peopleServed = 0;
    let workers = 0;
    for (const s of serving) {
      const r = resultOf.get(s.id);
      if (!r) continue;
      turnover += Number(r.turnover);
      peopleServed += Number(r.people_served ?? 0);
      workers += Number(r.workers_members ?? 0) + Number(r.workers_non_members ?? 0);
    }
    return {
      goal: g.goal,
      codes: [...new Set(ofGoal.filter((t) => t.subject_type === 'business-line' || siteIdsInScope.has(t.subject_id) || ofProgrammes.some((p) => p.id === t.subject_id)).map((t) => t.code))].sort(compareSdgCodes),
      businessLines: lines.filter((l) => lineCodes.has(l.code)).map((l) => ({ code: l.code, nameJa: l.nameJa, nameEn: l.nameEn })),
      sites: serving.map((s) => ({ id: s.id, organizationId: s.organization_id, nameJa: s.name_ja, nameEn: s.name_en, direct: siteIds.has(s.id) })),
      programmes: ofProgrammes.map((p) => ({
        id: p.id, organizationId: p.organization_id, programmeJa: p.programme_ja, programmeEn: p.programme_en, periodFrom: p.period_from, periodUntil: p.period_until, intakes: Number(p.intakes),
      })),
      turnover, peopleServed, workers,
    };
  });
  return { scope: { kind: scope.kind, id: head.id, nameJa: head.name_ja, nameEn: head.name_en }, fiscalYear, goals };
}
