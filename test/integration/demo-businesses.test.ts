import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSiteResults } from '../../src/app/business/site-results.js';
import { listSites } from '../../src/app/business/sites.js';
import { demoYenPerUsd } from '../../src/app/demo/demo-fx-rates.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import type { AppContext } from '../../src/app/shared/context.js';
import type { Database } from '../../src/db/database.js';
import type { Actor } from '../../src/domain/access/policy.js';
import { dialects, openTestDatabase } from '../support/databases.js';

const federationAdmin: Actor = { userId: 'test', email: 'test@kyodo.example', role: 'federation-admin', organizationId: null };

/** The small demo's businesses: the seed's sites, seven fiscal years of results, workers counted from the work records. */
describe.each(dialects)('the demo businesses (%s)', (dialect) => {
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

  const sitesOf = async (code: string) => listSites(ctx, federationAdmin, orgs.get(code)!);

  it('has the seed\'s sites: Aguriin making biodiesel in Shibayama since 2011, Ajisai in Chiba, the Centre\'s lines and Ishinomaki', async () => {
    const chiba = await sitesOf('wc-chiba');
    expect(chiba.find((s) => s.nameEn === 'Aguriin')).toMatchObject({
      nameJa: 'アグリーン', businessLine: 'agriculture-biodiesel', operation: 'own', openedOn: '2011-04-01', prefectureCode: '12', address: '山武郡芝山町小池',
    });
    expect(chiba.map((s) => s.nameJa)).toContain('あじさい');
    const centre = await sitesOf('center-jigyodan');
    expect(centre.map((s) => s.nameJa)).toEqual(expect.arrayContaining(['池袋ケアセンター', '豊島区子育てひろば', '東池袋ビル管理', '若者サポートステーション']));
    expect(centre.find((s) => s.nameJa === '若者サポートステーション')).toMatchObject({ operation: 'commissioned', commissionerName: '厚生労働省', commissionerCode: null });
    expect(centre.find((s) => s.businessLine === 'public-facilities')).toMatchObject({ commissionerName: '豊島区', commissionerCode: '131164' });
    const sanriku = await sitesOf('kigyo-sanriku');
    expect(sanriku.map((s) => s.businessLine).sort()).toEqual(['agriculture-biodiesel', 'disaster-recovery']);
  });

  it("counts the Centre's fiscal-2025 workers at its care centre from the work records, not the figures entered", async () => {
    const year = await listSiteResults(ctx, federationAdmin, orgs.get('center-jigyodan')!, 2025);
    const care = year.items.find((i) => i.site.nameJa === '池袋ケアセンター')!;
    expect(care.result).toMatchObject({ workersMembers: 3, workersNonMembers: 1 });
    expect(care.workers).toEqual({ members: 3, nonMembers: 0, source: 'work_records' });
    // The public facility has no work records: its workers are those entered.
    expect(year.items.find((i) => i.site.businessLine === 'public-facilities')!.workers.source).toBe('entered');
    expect(year.totals.sites).toBe(year.items.length);
  });

  it('records the yearly exchange rates the dashboards report US dollars at, fiscal 2007–2025, as the seed-scale demo does', async () => {
    const rates = await ctx.db.selectFrom('fx_rates').selectAll().orderBy('fiscal_year').execute();
    expect(rates.map((r) => Number(r.fiscal_year))).toEqual(Array.from({ length: 19 }, (_, i) => 2007 + i));
    expect(rates.map((r) => Number(r.yen_per_usd_centi))).toEqual(Object.values(demoYenPerUsd).map((rate) => Math.round(rate * 100)));
    // The seed's year: USD 300 million is about 32.5 billion yen.
    expect(Number(rates.find((r) => Number(r.fiscal_year) === 2016)!.yen_per_usd_centi)).toBe(10_840);
    for (const r of rates) expect(r.source).toMatch(/approximate/);
  });

  it('records fiscal 2019–2025 for each site open then, growing, and every surplus is turnover − expenses', async () => {
    const results = await ctx.db.selectFrom('site_results').innerJoin('sites', 'sites.id', 'site_results.site_id')
      .select(['sites.name_ja', 'site_results.fiscal_year', 'site_results.turnover', 'site_results.expenses', 'site_results.surplus']).execute();
    expect(new Set(results.map((r) => Number(r.fiscal_year)))).toEqual(new Set([2019, 2020, 2021, 2022, 2023, 2024, 2025]));
    for (const r of results) {
      expect(Number.isSafeInteger(Number(r.turnover))).toBe(true);
      expect(Number(r.surplus)).toBe(Number(r.turnover) - Number(r.expenses));
    }
    const aguriin = results.filter((r) => r.name_ja === 'アグリーン').sort((a, b) => Number(a.fiscal_year) - Number(b.fiscal_year)).map((r) => Number(r.turnover));
    expect(aguriin).toHaveLength(7);
    expect(aguriin[6]!).toBeGreaterThan(aguriin[0]!);
    // The closed disaster-recovery site has results only for the years it was open (until March 2022).
    expect(results.filter((r) => r.name_ja === '雄勝しごとおこしセンター').map((r) => Number(r.fiscal_year)).sort()).toEqual([2019, 2020, 2021]);
  });
});
