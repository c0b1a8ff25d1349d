import { apiPrefix } from '../../src/http/app.js';
import type { BenchEnv } from '../env.js';
import type { Metric } from '../metric.js';
import { latencyResult } from '../results.js';
import { startBareServer } from '../servers.js';
import { alternatingRounds, getBody, ms, percentile } from '../timing.js';

const name = 'dashboard.federation';
/** The target for the whole dashboard over ten fiscal years of about 500 sites and the seed-scale membership. */
const boundMs = 100;
/** Requests per side and round at the least, however short `--duration` is. */
const minimumPerRound = 5;
/** The seed's year: the dashboard of 2016年度 (平成28年度), with the trend of every year that has results. */
const fiscalYear = 2016;

const organizations = `select id from organizations where kind = 'organization' and parent_id = (select id from organizations where kind = 'federation')`;
/** A date's fiscal year by its organization's start month, as the app's grouped reads compute it. */
const fiscalYearOf = (column: string) =>
  `cast(substr(${column}, 1, 4) as integer) - case when cast(substr(${column}, 6, 2) as integer) < o.fiscal_year_start_month then 1 else 0 end`;

/** The app's reads (src/app/reporting/dashboard.ts) as plain statements. */
const statements = {
  organizations: `select id, code, name_ja, name_en, prefecture_code, fiscal_year_start_month from organizations where id in (${organizations}) order by code`,
  sites: `select id, organization_id, name_ja, name_en, business_line, prefecture_code, opened_on, closed_on, operation, commissioner_name from sites
    where organization_id in (${organizations}) order by name_ja`,
  yearTotals: `select s.organization_id, r.fiscal_year, sum(r.turnover) as turnover, sum(r.expenses) as expenses, sum(r.surplus) as surplus,
    sum(coalesce(r.people_served, 0)) as people_served, sum(coalesce(r.workers_members, 0) + coalesce(r.workers_non_members, 0)) as workers, count(*) as sites
    from site_results r join sites s on s.id = r.site_id where s.organization_id in (${organizations}) group by s.organization_id, r.fiscal_year`,
  yearResults: `select r.site_id, r.fiscal_year, r.turnover, r.expenses, r.surplus, r.people_served, r.workers_members, r.workers_non_members
    from site_results r join sites s on s.id = r.site_id where s.organization_id in (${organizations}) and r.fiscal_year = ${fiscalYear}`,
  admitted: `select m.organization_id, m.kind, ${fiscalYearOf('m.admitted_on')} as fy, count(*) as n from memberships m join organizations o on o.id = m.organization_id
    where m.organization_id in (${organizations}) and m.admitted_on is not null group by m.organization_id, m.kind, ${fiscalYearOf('m.admitted_on')}`,
  ended: `select m.organization_id, m.kind, ${fiscalYearOf('m.ended_on')} as fy, count(*) as n from memberships m join organizations o on o.id = m.organization_id
    where m.organization_id in (${organizations}) and m.admitted_on is not null and m.ended_on is not null group by m.organization_id, m.kind, ${fiscalYearOf('m.ended_on')}`,
  lines: 'select * from business_lines order by position',
  rates: 'select fiscal_year, yen_per_usd_centi, source from fx_rates order by fiscal_year',
} as const;

type Rows = Record<keyof typeof statements, Record<string, unknown>[]>;

/** The turnover of the year and its members by kind from the bare rows: what the app's headline must say. */
function bareHeadline(rows: Rows, year: number): { turnover: number; workerMembers: number; userMembers: number } {
  const turnover = rows.yearResults.filter((r) => Number(r.fiscal_year) === year).reduce((a, r) => a + Number(r.turnover), 0);
  const members = (kind: string) =>
    rows.admitted.filter((r) => r.kind === kind && Number(r.fy) <= year).reduce((a, r) => a + Number(r.n), 0) -
    rows.ended.filter((r) => r.kind === kind && Number(r.fy) <= year).reduce((a, r) => a + Number(r.n), 0);
  return { turnover, workerMembers: members('worker'), userMembers: members('user') };
}

/**
 * The federation's dashboard (GET /federation/dashboard) over the seed-scale data through the whole app: token check,
 * access policy, the sites, ten years of their results, the registry's admissions and endings grouped by fiscal year,
 * every year's figures and the year's breakdowns summed in memory, response schema. The p95 of sequential requests.
 * Against a bare route running the same reads as prepared statements and answering how many rows each returned.
 */
export const dashboardFederation: Metric = {
  name,
  description: `ms (p95 of sequential requests) of GET ${apiPrefix}/federation/dashboard?fiscalYear=${fiscalYear}: the federation's dashboard over the jwcu data`,
  dataset: 'jwcu',
  async run(env: BenchEnv) {
    const prepared = Object.fromEntries(Object.entries(statements).map(([key, sql]) => [key, env.bare.prepareAll(sql)]));
    const readAll = async (): Promise<Rows> => {
      const entries = await Promise.all(Object.entries(prepared).map(async ([key, read]) => [key, await read([])] as const));
      return Object.fromEntries(entries) as Rows;
    };
    const bare = await startBareServer((app) => {
      app.get('/dashboard', async () => Object.fromEntries(Object.entries(await readAll()).map(([key, rows]) => [key, rows.length])));
    });
    try {
      const sides = {
        app: { url: `${env.appOrigin}${apiPrefix}/federation/dashboard?fiscalYear=${fiscalYear}`, headers: { authorization: env.fixture.authorization } },
        baseline: { url: `${bare.origin}/dashboard`, headers: undefined },
      };
      // Both sides must read the same data, or the comparison compares different work.
      const dashboard = JSON.parse(await getBody(sides.app.url, sides.app.headers)) as {
        headline?: { turnover: number; workerMembers: number; userMembers: number; sites: number }; years?: number[];
      };
      const rows = await readAll();
      const expected = bareHeadline(rows, fiscalYear);
      const headline = dashboard.headline;
      if (!headline || headline.turnover !== expected.turnover || headline.workerMembers !== expected.workerMembers || headline.userMembers !== expected.userMembers) {
        throw new Error(`${name}: Kyodo answered ${JSON.stringify(headline)}, the bare rows ${JSON.stringify(expected)}`);
      }
      const years = dashboard.years ?? [];
      const rowCount = Object.values(rows).reduce((n, r) => n + r.length, 0);
      const results = rows.yearTotals.reduce((n, r) => n + Number(r.sites), 0);
      env.log(`  ${rows.sites.length} sites, ${results.toLocaleString('en')} results over ${years.length} fiscal years; FY${fiscalYear}: ` +
        `¥${headline.turnover.toLocaleString('en')}, ${headline.workerMembers.toLocaleString('en')} worker and ${headline.userMembers.toLocaleString('en')} user members`);

      const { warmupSeconds, durationSeconds, rounds } = env.options;
      const get = (side: 'app' | 'baseline') => () => getBody(sides[side].url, sides[side].headers);
      const samples = await alternatingRounds({ app: get('app'), baseline: get('baseline') }, { warmupSeconds, durationSeconds, rounds, minimumPerRound, noun: 'requests', log: env.log });
      const context =
        `value and baseline: p95 of ${samples.app.length} (app) and ${samples.baseline.length} (baseline) sequential requests, one at a time; ` +
        `median ${ms(percentile(samples.app, 0.5))} (app), ${ms(percentile(samples.baseline, 0.5))} (baseline); ` +
        `value: GET /federation/dashboard?fiscalYear=${fiscalYear} as the federation administrator (token check, access policy, sites, every year's results summed per organization, the year's results per site, ` +
        `admissions and endings grouped by fiscal year, ${years.length} years of figures and the year's breakdowns by business line, prefecture and organization, response schema); ` +
        `baseline: bare Fastify route running the same ${Object.keys(statements).length} reads as ${env.bare.description}s (${rowCount.toLocaleString('en')} rows) and answering their row counts; ` +
        `${env.dialect}, ${env.dataset} dataset (${rows.sites.length} sites, ${results.toLocaleString('en')} results, ${years.length} fiscal years), ` +
        `${rounds} alternating round(s) totalling ${durationSeconds} s per side after ${warmupSeconds} s warm-up`;
      return [latencyResult({ name, value: percentile(samples.app, 0.95), baseline: percentile(samples.baseline, 0.95), context, absolute: { kind: 'max', bound: boundMs } })];
    } finally {
      await bare.close();
    }
  },
};
