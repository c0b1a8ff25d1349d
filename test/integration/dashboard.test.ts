import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { readSiteHistory } from '../../src/app/business/site-results.js';
import { recordMembershipEvent } from '../../src/app/members/record-membership-event.js';
import { readDashboard } from '../../src/app/reporting/dashboard.js';
import { deleteFxRate, listFxRates, setFxRate } from '../../src/app/reporting/fx-rates.js';
import type { AppContext } from '../../src/app/shared/context.js';
import type { Database } from '../../src/db/database.js';
import type { Actor } from '../../src/domain/access/policy.js';
import { fiscalYearOf, fiscalYearPeriod } from '../../src/domain/shared/fiscal-year.js';
import { dialects, openTestDatabase } from '../support/databases.js';

const federationAdmin: Actor = { userId: 'test', email: 'test@kyodo.example', role: 'federation-admin', organizationId: null };

/** The dashboard's sums, checked against the registry and the results read another way. */
describe.each(dialects)('the dashboards (%s)', (dialect) => {
  let database: Database;
  let ctx: AppContext;
  let orgs: Map<string, string>;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, now: () => new Date('2026-11-26T00:00:00Z') };
    await loadDemo(ctx, 'demo password 1234');
    orgs = new Map((await ctx.db.selectFrom('organizations').select(['code', 'id']).execute()).map((o) => [o.code, o.id]));
  }, 120_000);
  afterAll(() => database.close());

  const resultsOf = async (year: number, organizationId?: string) => {
    let query = ctx.db.selectFrom('site_results as r').innerJoin('sites as s', 's.id', 'r.site_id').select(['r.turnover', 'r.surplus', 'r.people_served', 's.organization_id', 's.business_line'])
      .where('r.fiscal_year', '=', year);
    if (organizationId) query = query.where('s.organization_id', '=', organizationId);
    return query.execute();
  };
  const membersAt = async (date: string, kind: string, organizationId?: string) => {
    let query = ctx.db.selectFrom('memberships').select((eb) => eb.fn.countAll<number | string>().as('n')).where('kind', '=', kind).where('admitted_on', '<=', date)
      .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', date)]));
    if (organizationId) query = query.where('organization_id', '=', organizationId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };

  it('shows the latest year with results by default, and every year with results in the trend', async () => {
    const dashboard = await readDashboard(ctx, federationAdmin, { kind: 'federation' });
    expect(dashboard.scope.kind).toBe('federation');
    expect(dashboard.fiscalYear).toBe(2025);
    expect(dashboard.years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(dashboard.trend.map((y) => y.fiscalYear)).toEqual(dashboard.years);
    expect(dashboard.previous?.fiscalYear).toBe(2024);
  });

  it('adds up the sites\' results and the registry, year by year, as the tables do', async () => {
    const dashboard = await readDashboard(ctx, federationAdmin, { kind: 'federation' });
    for (const year of dashboard.trend) {
      const rows = await resultsOf(year.fiscalYear);
      expect(year.turnover).toBe(rows.reduce((a, r) => a + Number(r.turnover), 0));
      expect(year.surplus).toBe(rows.reduce((a, r) => a + Number(r.surplus), 0));
      expect(year.sitesReporting).toBe(rows.length);
      // Every demo organization starts its year in April: members are counted on 31 March.
      const end = fiscalYearPeriod(year.fiscalYear, 4).until;
      expect(year.workerMembers).toBe(await membersAt(end, 'worker'));
      expect(year.userMembers).toBe(await membersAt(end, 'user'));
    }
    expect(dashboard.headline.turnover).toBeGreaterThan(0);
    expect(dashboard.headline.workerMembers).toBeGreaterThan(0);
  });

  it('breaks the year down by business line, prefecture and organization without losing or counting anything twice', async () => {
    const dashboard = await readDashboard(ctx, federationAdmin, { kind: 'federation' }, 2024);
    const { headline } = dashboard;
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(sum(dashboard.byBusinessLine.map((l) => l.turnover))).toBe(headline.turnover);
    expect(sum(dashboard.byBusinessLine.map((l) => l.sites))).toBe(headline.sites);
    expect(sum(dashboard.byPrefecture.map((p) => p.turnover))).toBe(headline.turnover);
    expect(sum(dashboard.organizations.map((o) => o.turnover))).toBe(headline.turnover);
    expect(sum(dashboard.organizations.map((o) => o.workerMembers))).toBe(headline.workerMembers);
    expect(sum(dashboard.organizations.map((o) => o.userMembers))).toBe(headline.userMembers);
    const rows = await resultsOf(2024);
    for (const line of dashboard.byBusinessLine) {
      expect(line.turnover).toBe(sum(rows.filter((r) => r.business_line === line.code).map((r) => Number(r.turnover))));
    }
    // Aguriin's biodiesel plant is in Chiba (12).
    expect(dashboard.byPrefecture.find((p) => p.prefectureCode === '12')!.sites).toBeGreaterThan(0);
    expect(dashboard.sites).toEqual([]);
  });

  it('drills down to an organization: its own figures and its sites, the same as its line in the federation', async () => {
    const id = orgs.get('wc-chiba')!;
    const federation = await readDashboard(ctx, federationAdmin, { kind: 'federation' }, 2024);
    const own = await readDashboard(ctx, federationAdmin, { kind: 'organization', id }, 2024);
    const line = federation.organizations.find((o) => o.id === id)!;
    expect(own.scope).toMatchObject({ kind: 'organization', id });
    expect(own.headline).toMatchObject({ turnover: line.turnover, workerMembers: line.workerMembers, userMembers: line.userMembers, sites: line.sites, organizations: 1 });
    expect(own.organizations).toEqual([]);
    expect(own.sites.map((s) => s.nameJa)).toEqual(expect.arrayContaining(['アグリーン', 'あじさい']));
    const rows = await resultsOf(2024, id);
    expect(own.sites.reduce((a, s) => a + (s.turnover ?? 0), 0)).toBe(rows.reduce((a, r) => a + Number(r.turnover), 0));
    expect(own.headline.workerMembers).toBe(await membersAt('2025-03-31', 'worker', id));
  });

  it('goes down to a site: its results of every year, as the dashboards summed them', async () => {
    const id = orgs.get('wc-chiba')!;
    const own = await readDashboard(ctx, federationAdmin, { kind: 'organization', id }, 2024);
    const aguriin = own.sites.find((s) => s.nameJa === 'アグリーン')!;
    const history = await readSiteHistory(ctx, federationAdmin, aguriin.id);
    expect(history.site).toMatchObject({ id: aguriin.id, nameJa: 'アグリーン', businessLine: 'agriculture-biodiesel' });
    expect(history.items.map((r) => r.fiscalYear)).toEqual([...history.items.map((r) => r.fiscalYear)].sort((a, b) => a - b));
    expect(history.items.find((r) => r.fiscalYear === 2024)!.turnover).toBe(aguriin.turnover);
    const clerkOfOther: Actor = { userId: 'x', email: 'x@kyodo.example', role: 'clerk', organizationId: orgs.get('center-jigyodan')! };
    await expect(readSiteHistory(ctx, clerkOfOther, aguriin.id)).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('shows the federation to its administrator only, and an organization to its own staff', async () => {
    const chiba = orgs.get('wc-chiba')!;
    const clerk: Actor = { userId: 'c', email: 'c@kyodo.example', role: 'clerk', organizationId: chiba };
    await expect(readDashboard(ctx, clerk, { kind: 'federation' })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(readDashboard(ctx, clerk, { kind: 'organization', id: orgs.get('center-jigyodan')! })).rejects.toMatchObject({ kind: 'forbidden' });
    expect((await readDashboard(ctx, clerk, { kind: 'organization', id: chiba })).scope.id).toBe(chiba);
    const member: Actor = { userId: 'm', email: 'm@kyodo.example', role: 'member', organizationId: chiba };
    await expect(readDashboard(ctx, member, { kind: 'organization', id: chiba })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('counts again once the registry changes: a member who died is no longer counted at that fiscal year\'s end', async () => {
    const member = await ctx.db.selectFrom('memberships').select(['id', 'admitted_on']).where('status', '=', 'admitted').where('kind', '=', 'worker')
      .orderBy('admitted_on').executeTakeFirstOrThrow();
    const died = new Date(Date.parse(`${member.admitted_on!}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    const year = fiscalYearOf(died, 4);
    const before = await readDashboard(ctx, federationAdmin, { kind: 'federation' }, year);
    await recordMembershipEvent(ctx, federationAdmin, member.id, { type: 'die', effectiveDate: died, reason: null });
    const after = await readDashboard(ctx, federationAdmin, { kind: 'federation' }, year);
    expect(after.headline.workerMembers).toBe(before.headline.workerMembers - 1);
    expect(after.headline.workerMembers).toBe(await membersAt(fiscalYearPeriod(year, 4).until, 'worker'));
  });

  it('answers a year without results with zeros, not an error', async () => {
    const dashboard = await readDashboard(ctx, federationAdmin, { kind: 'federation' }, 2010);
    expect(dashboard.headline).toMatchObject({ fiscalYear: 2010, turnover: 0, sitesReporting: 0 });
    expect(dashboard.years).toContain(2010);
    expect(dashboard.previous).toBeNull();
  });

  it('keeps one rate per fiscal year, to two decimals, and shows those of the years in view', async () => {
    await setFxRate(ctx, federationAdmin, 2024, { yenPerUsd: 152.58, source: ' TTM average ' });
    expect(await setFxRate(ctx, federationAdmin, 2024, { yenPerUsd: 150.5, source: null })).toEqual({ fiscalYear: 2024, yenPerUsd: 150.5, source: null });
    await expect(setFxRate(ctx, federationAdmin, 2024, { yenPerUsd: 150.123, source: null })).rejects.toMatchObject({ errors: [{ field: 'yenPerUsd', code: 'too_precise' }] });
    await expect(setFxRate(ctx, federationAdmin, 2024, { yenPerUsd: 0.5, source: null })).rejects.toMatchObject({ errors: [{ field: 'yenPerUsd', code: 'out_of_range' }] });
    const clerk: Actor = { userId: 'c', email: 'c@kyodo.example', role: 'org-admin', organizationId: orgs.get('wc-chiba')! };
    await expect(setFxRate(ctx, clerk, 2024, { yenPerUsd: 150, source: null })).rejects.toMatchObject({ kind: 'forbidden' });
    await setFxRate(ctx, federationAdmin, 1999, { yenPerUsd: 111.9, source: null });
    const dashboard = await readDashboard(ctx, federationAdmin, { kind: 'federation' });
    expect(dashboard.fxRates.find((r) => r.fiscalYear === 2024)).toEqual({ fiscalYear: 2024, yenPerUsd: 150.5, source: null });
    expect(dashboard.fxRates.some((r) => r.fiscalYear === 1999)).toBe(false);
    await deleteFxRate(ctx, federationAdmin, 1999);
    expect((await listFxRates(ctx.db)).some((r) => r.fiscalYear === 1999)).toBe(false);
    await expect(deleteFxRate(ctx, federationAdmin, 1999)).rejects.toMatchObject({ kind: 'not_found' });
  });
});
