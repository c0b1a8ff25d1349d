import { apiPrefix } from '../../src/http/app.js';
import type { BenchEnv } from '../env.js';
import type { Metric } from '../metric.js';
import { latencyResult, type BenchResult } from '../results.js';
import { alternatingRounds, getBody, ms, percentile } from '../timing.js';
import { startBareServer } from '../servers.js';

const name = 'capital.register';
/** The target for one register at a date, on SQLite and on PostgreSQL. */
const boundMs = 300;
/** Requests per side and round at the least, however short `--duration` is. */
const minimumPerRound = 3;

/**
 * A fiscal-year end near the end of the data (admissions run to 2017-12, worker members' payroll instalments to
 * 2019-12: members admitted in the two years before still owe), and one half-way through it.
 */
const endDate = '2017-03-31';
const midDate = '2004-03-31';

/**
 * The register of the organization with the most journal lines (center-jigyodan: 5,368 worker members paying 24
 * instalments each, ~268,000 lines) and of the one with the most members (koreikyo-tokyo: 15,755 members who
 * paid in full, ~63,000 lines), each at both dates. The first is the figure.
 */
const cases = [
  { entry: name, code: 'center-jigyodan', date: endDate },
  { entry: `${name}.mid`, code: 'center-jigyodan', date: midDate },
  { entry: `${name}.koreikyo-tokyo`, code: 'koreikyo-tokyo', date: endDate },
  { entry: `${name}.koreikyo-tokyo.mid`, code: 'koreikyo-tokyo', date: midDate },
] as const;

/**
 * The register's aggregation as the app asks for it, in one statement: the organization's lines up to the date
 * summed per member and account (from the covering index), then joined to memberships and people for the names,
 * in member-number order. The app turns these sums into one row per member in JavaScript.
 */
const registerSql = `
  select s.membership_id as "membershipId", s.account, s.amount, s.shares, m.member_number as "memberNumber",
    p.family_name as "familyName", p.given_name as "givenName", p.family_kana as "familyKana", p.given_kana as "givenKana"
  from (
    select membership_id, account, sum(amount) as amount, sum(shares) as shares from journal_lines
    where organization_id = ? and membership_id is not null and entry_date <= ?
    group by membership_id, account
  ) s
    join memberships m on m.id = s.membership_id
    join people p on p.id = m.person_id
  order by m.member_number_key, m.member_number`;

interface Totals {
  members: number;
  shares: number;
  capital: number;
  unpaid: number;
}

/** The totals of the app's register, to compare with the bare sums. */
function appTotals(body: unknown): Totals & { rows: number } {
  const register = body as { rows?: unknown; totals?: Partial<Totals> };
  const t = register.totals;
  if (!Array.isArray(register.rows) || !t || typeof t.members !== 'number') throw new Error('Kyodo answered no capital register');
  return { members: t.members, shares: t.shares ?? NaN, capital: t.capital ?? NaN, unpaid: t.unpaid ?? NaN, rows: register.rows.length };
}

/** The same totals from the bare sums per member and account (PostgreSQL's sums arrive as strings). */
function bareTotals(body: unknown): Totals {
  const rows = (body as { rows?: Record<string, unknown>[] }).rows;
  if (!Array.isArray(rows)) throw new Error('the bare route answered no rows');
  const shares = new Map<string, number>();
  let capital = 0;
  let unpaid = 0;
  for (const row of rows) {
    if (row.account === 'capital') {
      const id = String(row.membershipId);
      shares.set(id, (shares.get(id) ?? 0) + Number(row.shares));
      capital -= Number(row.amount);
    } else if (row.account === 'capital-unpaid') {
      unpaid += Number(row.amount);
    }
  }
  let total = 0;
  let members = 0;
  for (const held of shares.values()) {
    total += held;
    if (held > 0) members += 1;
  }
  return { members, shares: total, capital, unpaid };
}

async function organizationId(env: BenchEnv, code: string): Promise<string> {
  const organization = await env.runtime.ctx.db.selectFrom('organizations').select('id').where('code', '=', code).executeTakeFirst();
  if (!organization) throw new Error(`no organization ${code}: the jwcu dataset is not loaded`);
  return organization.id;
}

/**
 * The capital register at a date (出資者名簿) through the whole app (token check, access policy, the sums per member
 * and account joined to the names, the rules in force, one row per member, totals, response schema), as a latency
 * of one report: sequential requests, median and p95. Against a bare route running the same aggregation as one
 * prepared statement and returning its rows.
 */
export const capitalRegister: Metric = {
  name,
  description: `ms (median of sequential requests) of GET ${apiPrefix}/organizations/:id/capital/register?date=… for the largest ledgers`,
  dataset: 'jwcu',
  async run(env) {
    const register = env.bare.prepareAll(registerSql);
    const countLines = env.bare.prepare('select count(*) as n from journal_lines where organization_id = ? and entry_date <= ?');
    // The issue sizes the federation's ledger at ~1,000,000 lines; the jwcu dataset has fewer: say how many.
    const federationLines = Number((await env.bare.prepare('select count(*) as n from journal_lines')([]))?.n ?? 0);
    env.log(`  the federation's journal: ${federationLines.toLocaleString('en')} lines`);
    const bare = await startBareServer((app) => {
      app.get<{ Params: { id: string }; Querystring: { date: string } }>('/organizations/:id/capital/register', async (request) => ({
        rows: await register([request.params.id, request.query.date]),
      }));
    });
    try {
      const { warmupSeconds, durationSeconds, rounds } = env.options;
      const results: BenchResult[] = [];
      for (const c of cases) {
        const id = await organizationId(env, c.code);
        const sides = {
          app: { url: `${env.appOrigin}${apiPrefix}/organizations/${id}/capital/register?date=${c.date}`, headers: { authorization: env.fixture.authorization } },
          baseline: { url: `${bare.origin}/organizations/${id}/capital/register?date=${c.date}`, headers: undefined },
        };
        // Both sides must sum the same ledger, or the comparison compares different work.
        const app = appTotals(JSON.parse(await getBody(sides.app.url, sides.app.headers)));
        const baseline = bareTotals(JSON.parse(await getBody(sides.baseline.url, sides.baseline.headers)));
        if (app.members === 0) throw new Error(`${c.code} has nobody on its register at ${c.date}: the dataset carries no capital`);
        if (app.members !== baseline.members || app.shares !== baseline.shares || app.capital !== baseline.capital || app.unpaid !== baseline.unpaid) {
          throw new Error(`${c.code} at ${c.date}: Kyodo's totals ${JSON.stringify(app)}, the bare sums ${JSON.stringify(baseline)}`);
        }
        const lines = Number((await countLines([id, c.date]))?.n ?? 0);
        env.log(`  ${c.code} at ${c.date}: ${lines.toLocaleString('en')} journal lines, ${app.rows.toLocaleString('en')} members on the register (${app.unpaid.toLocaleString('en')} yen unpaid)`);

        const get = (side: 'app' | 'baseline') => () => getBody(sides[side].url, sides[side].headers);
        const samples = await alternatingRounds({ app: get('app'), baseline: get('baseline') }, { warmupSeconds, durationSeconds, rounds, minimumPerRound, noun: 'requests', log: env.log });
        const context =
          `value and baseline: median of ${samples.app.length} (app) and ${samples.baseline.length} (baseline) sequential requests, one at a time; ` +
          `p95 ${ms(percentile(samples.app, 0.95))} (app), ${ms(percentile(samples.baseline, 0.95))} (baseline); ` +
          `baseline: bare Fastify route running ${env.bare.description} (the organization's journal lines up to the date summed per member and account, ` +
          `joined to memberships and people, in member-number order) and returning its rows; ` +
          `${env.dialect}, ${env.dataset} dataset, ${rounds} alternating round(s) totalling ${durationSeconds} s per side after ${warmupSeconds} s warm-up; ` +
          `${c.code} at ${c.date}: ${lines.toLocaleString('en')} journal lines up to the date, ${app.rows.toLocaleString('en')} members on the register; ` +
          `the federation's journal has ${federationLines.toLocaleString('en')} lines (the issue's seed scale: ~1,000,000)`;
        results.push(latencyResult({
          name: c.entry, value: percentile(samples.app, 0.5), baseline: percentile(samples.baseline, 0.5), context, absolute: { kind: 'max', bound: boundMs },
        }));
      }
      return results;
    } finally {
      await bare.close();
    }
  },
};
