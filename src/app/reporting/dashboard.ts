import { sql } from 'kysely';
import { canKeepBusinesses, canReportForFederation, type Actor } from '../../domain/access/policy.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { fiscalYearOf, fiscalYearPeriod } from '../../domain/shared/fiscal-year.js';
import { today, type AppContext } from '../shared/context.js';
import { keptUntilRecordsChange } from '../shared/kept-until-change.js';
import { listBusinessLines } from '../business/business-lines.js';
import type { BusinessLineFigures, Dashboard, FxRate, OrganizationFigures, PrefectureFigures, SiteFigures, YearFigures } from '../../domain/reporting/dashboard.js';
import { listFxRates } from './fx-rates.js';

export type DashboardScope = { kind: 'federation' } | { kind: 'organization'; id: string };

interface OrganizationRow {
  id: string;
  code: string;
  name_ja: string;
  name_en: string | null;
  prefecture_code: string | null;
  fiscal_year_start_month: number;
}

interface SiteRow {
  id: string;
  organization_id: string;
  name_ja: string;
  name_en: string | null;
  business_line: string;
  prefecture_code: string | null;
  opened_on: string | null;
  closed_on: string | null;
  operation: string;
  commissioner_name: string | null;
}

interface ResultRow {
  siteId: string;
  fiscalYear: number;
  turnover: number;
  expenses: number;
  surplus: number;
  peopleServed: number | null;
  workers: number | null;
}

/** Members by kind at each fiscal year's end, per organization: organization → kind → year → count. */
type MemberCounts = Map<string, Map<string, Map<number, number>>>;

const emptyYear = (fiscalYear: number): YearFigures => ({
  fiscalYear, organizations: 0, workerMembers: 0, userMembers: 0, otherMembers: 0, sites: 0, turnover: 0, expenses: 0, surplus: 0, peopleServed: 0, workers: 0, sitesReporting: 0,
});

/** Whether a site was open at any time in a fiscal year of its organization. */
const openIn = (site: SiteRow, period: { from: string; until: string }): boolean =>
  (site.opened_on === null || site.opened_on <= period.until) && (site.closed_on === null || site.closed_on >= period.from);

/**
 * The fiscal year (named by the year it starts in) of a date column, by its organization's start month, in SQL:
 * 2017-03-31 is in 2016 for an April start.
 */
const fiscalYearSql = (column: string) =>
  sql<number>`cast(substr(${sql.ref(column)}, 1, 4) as integer) - case when cast(substr(${sql.ref(column)}, 6, 2) as integer) < o.fiscal_year_start_month then 1 else 0 end`;

/**
 * Members of each kind at the end of every fiscal year, per organization, from two grouped reads of the registry:
 * admissions and endings counted by the fiscal year they fall in, then carried forward. A member counts at a year's
 * end D when admitted on or before D and not ended on or before D — the registry's "member on date D".
 */
async function countMembers(ctx: AppContext, organizationIds: string[], lastYear: number): Promise<MemberCounts> {
  const grouped = (column: 'm.admitted_on' | 'm.ended_on') =>
    ctx.db.selectFrom('memberships as m').innerJoin('organizations as o', 'o.id', 'm.organization_id')
      .select(['m.organization_id', 'm.kind', fiscalYearSql(column).as('fy'), (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('m.organization_id', 'in', organizationIds).where('m.admitted_on', 'is not', null).where(column, 'is not', null)
      .groupBy(['m.organization_id', 'm.kind', fiscalYearSql(column)])
      .execute();
  const [admitted, ended] = await Promise.all([grouped('m.admitted_on'), grouped('m.ended_on')]);
  // Net change per organization, kind and year; then a running sum up to the last year asked for.
  const changes = new Map<string, Map<string, Map<number, number>>>();
  const add = (organizationId: string, kind: string, year: number, delta: number) => {
    const kinds = changes.get(organizationId) ?? new Map<string, Map<number, number>>();
    const years = kinds.get(kind) ?? new Map<number, number>();
    years.set(year, (years.get(year) ?? 0) + delta);
    kinds.set(kind, years);
    changes.set(organizationId, kinds);
  };
  for (const r of admitted) add(r.organization_id, r.kind, Number(r.fy), Number(r.n));
  for (const r of ended) add(r.organization_id, r.kind, Number(r.fy), -Number(r.n));
  const counts: MemberCounts = new Map();
  for (const [organizationId, kinds] of changes) {
    const byKind = new Map<string, Map<number, number>>();
    for (const [kind, years] of kinds) {
      const first = Math.min(...years.keys());
      const running = new Map<number, number>();
      let total = 0;
      for (let year = first; year <= lastYear; year++) {
        total += years.get(year) ?? 0;
        running.set(year, total);
      }
      // Years before the first admission have no entry: zero members.
      byKind.set(kind, running);
    }
    counts.set(organizationId, byKind);
  }
  return counts;
}

/**
 * The registry scan is the dashboard's one costly read, and the registry changes far less often than dashboards are
 * looked at: counts are kept until the records change (keptUntilRecordsChange).
 */
const countsKept = keptUntilRecordsChange<MemberCounts>();

const memberCounts = (ctx: AppContext, organizationIds: string[], lastYear: number): Promise<MemberCounts> =>
  countsKept(ctx, `${lastYear} ${organizationIds.join(' ')}`, () => countMembers(ctx, organizationIds, lastYear));

const membersAt = (counts: MemberCounts, organizationId: string, year: number) => {
  let worker = 0;
  let user = 0;
  let other = 0;
  for (const [kind, years] of counts.get(organizationId) ?? []) {
    const n = years.get(year) ?? 0;
    if (kind === 'worker') worker += n;
    else if (kind === 'user') user += n;
    else other += n;
  }
  return { worker, user, other };
};

/** A year's results of one organization, summed over its sites. */
interface OrganizationYear {
  organizationId: string;
  fiscalYear: number;
  turnover: number;
  expenses: number;
  surplus: number;
  peopleServed: number;
  workers: number;
  sites: number;
}

/** Every year's results per organization, summed in the database (a few hundred rows for ten years of 500 sites). */
async function readYearTotals(ctx: AppContext, organizationIds: string[]): Promise<OrganizationYear[]> {
  const rows = await ctx.db.selectFrom('site_results as r').innerJoin('sites as s', 's.id', 'r.site_id')
    .select((eb) => [
      's.organization_id', 'r.fiscal_year',
      eb.fn.sum<string | number>('r.turnover').as('turnover'),
      eb.fn.sum<string | number>('r.expenses').as('expenses'),
      eb.fn.sum<string | number>('r.surplus').as('surplus'),
      eb.fn.sum<string | number>(eb.fn.coalesce('r.people_served', eb.lit(0))).as('people_served'),
      eb.fn.sum<string | number>(eb(eb.fn.coalesce('r.workers_members', eb.lit(0)), '+', eb.fn.coalesce('r.workers_non_members', eb.lit(0)))).as('workers'),
      eb.fn.countAll<string | number>().as('sites'),
    ])
    .where('s.organization_id', 'in', organizationIds).groupBy(['s.organization_id', 'r.fiscal_year']).execute();
  return rows.map((r) => ({
    organizationId: r.organization_id, fiscalYear: Number(r.fiscal_year), turnover: Number(r.turnover), expenses: Number(r.expenses), surplus: Number(r.surplus),
    peopleServed: Number(r.people_served ?? 0), workers: Number(r.workers ?? 0), sites: Number(r.sites),
  }));
}

/** One year's result of each site. */
async function readResults(ctx: AppContext, organizationIds: string[], fiscalYear: number): Promise<ResultRow[]> {
  const rows = await ctx.db.selectFrom('site_results as r').innerJoin('sites as s', 's.id', 'r.site_id')
    .select(['r.site_id', 'r.fiscal_year', 'r.turnover', 'r.expenses', 'r.surplus', 'r.people_served', 'r.workers_members', 'r.workers_non_members'])
    .where('s.organization_id', 'in', organizationIds).where('r.fiscal_year', '=', fiscalYear).execute();
  return rows.map((r) => ({
    siteId: r.site_id, fiscalYear: Number(r.fiscal_year), turnover: Number(r.turnover), expenses: Number(r.expenses), surplus: Number(r.surplus),
    peopleServed: r.people_served === null ? null : Number(r.people_served),
    workers: r.workers_members === null && r.workers_non_members === null ? null : Number(r.workers_members ?? 0) + Number(r.workers_non_members ?? 0),
  }));
}

/** Whom the dashboard covers: the federation's member organizations, or one organization. */
export async function reportScope(ctx: AppContext, actor: Actor, scope: DashboardScope) {
  const columns = ['id', 'code', 'name_ja', 'name_en', 'prefecture_code', 'fiscal_year_start_month'] as const;
  if (scope.kind === 'federation') {
    if (!canReportForFederation(actor)) throw forbidden();
    const federation = await ctx.db.selectFrom('organizations').select(columns).where('kind', '=', 'federation').executeTakeFirst();
    if (!federation) throw notFound('organization');
    const members = await ctx.db.selectFrom('organizations').select(columns).where('parent_id', '=', federation.id)
      .where('kind', '=', 'organization').orderBy('code').execute();
    return { head: federation, organizations: members as OrganizationRow[] };
  }
  if (!canKeepBusinesses(actor, scope.id)) throw forbidden();
  const organization = await ctx.db.selectFrom('organizations').select(columns).where('id', '=', scope.id).executeTakeFirst();
  if (!organization) throw notFound('organization');
  return { head: organization, organizations: [organization as OrganizationRow] };
}

/**
 * The dashboard of the federation (every member organization) or of one organization, for a fiscal year: headline
 * figures with the year before, the trend over every year with results, and the year's breakdown by business line,
 * prefecture, organization or site. Members are counted at each organization's own fiscal-year end; results are
 * summed by the fiscal year they were recorded for.
 */
export async function readDashboard(ctx: AppContext, actor: Actor, scope: DashboardScope, askedYear?: number): Promise<Dashboard> {
  const { head, organizations } = await reportScope(ctx, actor, scope);
  const ids = organizations.map((o) => o.id);
  const none = ids.length === 0 ? [''] : ids;
  const [sites, yearTotals, lines, rates] = await Promise.all([
    ctx.db.selectFrom('sites').select(['id', 'organization_id', 'name_ja', 'name_en', 'business_line', 'prefecture_code', 'opened_on', 'closed_on', 'operation', 'commissioner_name'])
      .where('organization_id', 'in', none).orderBy('name_ja').execute() as Promise<SiteRow[]>,
    readYearTotals(ctx, none),
    listBusinessLines(ctx.db),
    listFxRates(ctx.db),
  ]);
  const currentYear = fiscalYearOf(today(ctx), organizations[0]?.fiscal_year_start_month ?? 4);
  const yearsWithResults = [...new Set(yearTotals.map((r) => r.fiscalYear))];
  const fiscalYear = askedYear ?? (yearsWithResults.length > 0 ? Math.max(...yearsWithResults) : currentYear);
  const years = [...new Set([...yearsWithResults, fiscalYear])].sort((a, b) => a - b);
  const [counts, thisYear] = await Promise.all([memberCounts(ctx, none, Math.max(...years)), readResults(ctx, none, fiscalYear)]);
  const totalsOf = new Map(yearTotals.map((t) => [`${t.organizationId} ${t.fiscalYear}`, t]));

  const organizationOf = new Map(organizations.map((o) => [o.id, o]));
  const siteById = new Map(sites.map((s) => [s.id, s]));
  const periods = new Map<string, { from: string; until: string }>();
  const periodOf = (organizationId: string, year: number) => {
    const startMonth = Number(organizationOf.get(organizationId)!.fiscal_year_start_month);
    const key = `${startMonth} ${year}`;
    let period = periods.get(key);
    if (!period) {
      period = fiscalYearPeriod(year, startMonth);
      periods.set(key, period);
    }
    return period;
  };
  // Sites open at any time of each year, per organization: counted once for every year in view.
  const openSites = new Map<string, number>();
  for (const site of sites) {
    for (const year of years) {
      if (!openIn(site, periodOf(site.organization_id, year))) continue;
      const key = `${site.organization_id} ${year}`;
      openSites.set(key, (openSites.get(key) ?? 0) + 1);
    }
  }

  const figuresOf = (year: number, organizationIds: readonly string[]): YearFigures => {
    const figures = emptyYear(year);
    const active = new Set<string>();
    for (const id of organizationIds) {
      const m = membersAt(counts, id, year);
      figures.workerMembers += m.worker;
      figures.userMembers += m.user;
      figures.otherMembers += m.other;
      if (m.worker + m.user + m.other > 0) active.add(id);
    }
    for (const id of organizationIds) figures.sites += openSites.get(`${id} ${year}`) ?? 0;
    for (const id of organizationIds) {
      const t = totalsOf.get(`${id} ${year}`);
      if (!t) continue;
      active.add(id);
      figures.turnover += t.turnover;
      figures.expenses += t.expenses;
      figures.surplus += t.surplus;
      figures.peopleServed += t.peopleServed;
      figures.workers += t.workers;
      figures.sitesReporting += t.sites;
    }
    figures.organizations = active.size;
    return figures;
  };

  const trend = years.map((year) => figuresOf(year, ids));
  const headline = trend.find((y) => y.fiscalYear === fiscalYear)!;
  const previousYears = years.filter((y) => y < fiscalYear);
  const previous = previousYears.length > 0 ? trend.find((y) => y.fiscalYear === previousYears.at(-1))! : null;

  const byBusinessLine: BusinessLineFigures[] = lines.map((line) => ({
    code: line.code, nameJa: line.nameJa, nameEn: line.nameEn, builtIn: line.builtIn, sites: 0, turnover: 0, surplus: 0, peopleServed: 0, workers: 0,
  }));
  const lineFigures = new Map(byBusinessLine.map((l) => [l.code, l]));
  const prefectures = new Map<string, PrefectureFigures>();
  const prefectureFigures = (code: string): PrefectureFigures => {
    const existing = prefectures.get(code);
    if (existing) return existing;
    const created = { prefectureCode: code, organizations: 0, sites: 0, turnover: 0, peopleServed: 0 };
    prefectures.set(code, created);
    return created;
  };
  const prefectureOfSite = (site: SiteRow) => site.prefecture_code ?? organizationOf.get(site.organization_id)!.prefecture_code;
  for (const site of sites) {
    if (!openIn(site, periodOf(site.organization_id, fiscalYear))) continue;
    const line = lineFigures.get(site.business_line);
    if (line) line.sites += 1;
    const prefecture = prefectureOfSite(site);
    if (prefecture) prefectureFigures(prefecture).sites += 1;
  }
  for (const r of thisYear) {
    const site = siteById.get(r.siteId)!;
    const line = lineFigures.get(site.business_line);
    if (line) {
      line.turnover += r.turnover;
      line.surplus += r.surplus;
      line.peopleServed += r.peopleServed ?? 0;
      line.workers += r.workers ?? 0;
    }
    const prefecture = prefectureOfSite(site);
    if (prefecture) {
      prefectureFigures(prefecture).turnover += r.turnover;
      prefectureFigures(prefecture).peopleServed += r.peopleServed ?? 0;
    }
  }
  for (const o of organizations) if (o.prefecture_code) prefectureFigures(o.prefecture_code).organizations += 1;

  const organizationFigures: OrganizationFigures[] = scope.kind === 'federation'
    ? organizations.map((o) => {
      const year = figuresOf(fiscalYear, [o.id]);
      return {
        id: o.id, code: o.code, nameJa: o.name_ja, nameEn: o.name_en, prefectureCode: o.prefecture_code, workerMembers: year.workerMembers,
        userMembers: year.userMembers, otherMembers: year.otherMembers, sites: year.sites, turnover: year.turnover, surplus: year.surplus,
      };
    })
    : [];
  const resultOfSite = new Map(thisYear.map((r) => [r.siteId, r]));
  const siteFigures: SiteFigures[] = scope.kind === 'organization'
    ? sites.filter((s) => openIn(s, periodOf(s.organization_id, fiscalYear)) || resultOfSite.has(s.id)).map((s) => {
      const r = resultOfSite.get(s.id);
      return {
        id: s.id, nameJa: s.name_ja, nameEn: s.name_en, businessLine: s.business_line, prefectureCode: prefectureOfSite(s), operation: s.operation,
        commissionerName: s.commissioner_name, turnover: r?.turnover ?? null, surplus: r?.surplus ?? null, peopleServed: r?.peopleServed ?? null, workers: r?.workers ?? null,
      };
    })
    : [];

  const shownYears = new Set(years);
  return {
    scope: { kind: scope.kind, id: head.id, nameJa: head.name_ja, nameEn: head.name_en },
    fiscalYear,
    years,
    headline,
    previous,
    trend,
    byBusinessLine: byBusinessLine.filter((l) => l.sites > 0 || l.turnover !== 0),
    byPrefecture: [...prefectures.values()].sort((a, b) => a.prefectureCode.localeCompare(b.prefectureCode)),
    organizations: organizationFigures,
    sites: siteFigures,
    fxRates: rates.filter((r: FxRate) => shownYears.has(r.fiscalYear)),
  };
}
