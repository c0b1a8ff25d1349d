import { addMonths } from '../../src/domain/compliance/calendar.js';
import { lawProfiles } from '../../src/domain/law-profiles/profiles.js';
import { trendDates } from '../../src/domain/compliance/trend.js';
import { apiPrefix } from '../../src/http/app.js';
import type { BenchEnv } from '../env.js';
import type { Metric } from '../metric.js';
import { recordAudit, systemActor } from '../../src/app/audit/record-audit.js';
import { latencyResult } from '../results.js';
import { alternatingRounds, getBody, ms, percentile } from '../timing.js';
import { startBareServer } from '../servers.js';

const name = 'compliance.board';
/** The target for the federation-wide board over the seed-scale data. */
const boundMs = 200;
/** Requests per side and round at the least, however short `--duration` is. */
const minimumPerRound = 3;
/** The seed's date (JWCU as of March 2017): admissions run to 2017, so its two years of trend move. */
const boardDate = '2017-03-31';

const organizations = `select id from organizations where kind = 'organization' and status <> 'dissolved'`;
/** The organizations the worker co-operative composition rules bind, by their law profile, as the app decides. */
const workerProfiles = lawProfiles.filter((p) => p.workerCoopComposition).map((p) => `'${p.id}'`).join(', ');
const workerOrganizations = `${organizations} and law_profile in (${workerProfiles})`;
/** Work counts in its month and the next: the window's months begin one before its first date's. */
const monthBefore = (date: string): string => addMonths(`${date.slice(0, 8)}01`, -1).slice(0, 7);

/**
 * The app's set-based reads (src/app/compliance/compliance-facts.ts) as plain statements, parameters in order:
 * members of the whole window counted, those who joined or left in it listed, engagements with the worker's
 * memberships, the board's seats, the bylaws in force, the capital and legal-reserve accounts summed, and the work
 * months (and memberships) of people with no engagement recorded. The app reads the daily records of the months not
 * closed only; the bare reads all of the window's.
 */
const statements = {
  throughout: {
    sql: `select organization_id, count(*) as n from memberships where organization_id in (${organizations}) and admitted_on <= ? and (ended_on is null or ended_on > ?) group by organization_id`,
    params: (first: string, date: string) => [first, date],
  },
  changing: {
    sql: `select organization_id, admitted_on, ended_on from memberships where organization_id in (${organizations}) and admitted_on <= ? and (ended_on is null or ended_on > ?)
      and (admitted_on > ? or ended_on <= ?)`,
    params: (first: string, date: string) => [date, first, first, date],
  },
  work: {
    sql: `select e.organization_id, e.person_id, e.started_on, e.ended_on, e.labour_contract_from, e.labour_contract_until, m.admitted_on, m.ended_on as membership_ended_on
      from engagements e left join memberships m on m.organization_id = e.organization_id and m.person_id = e.person_id
        and m.organization_id in (${workerOrganizations}) and m.admitted_on <= ? and (m.ended_on is null or m.ended_on > ?)
      where e.organization_id in (${workerOrganizations}) and e.started_on <= ? and (e.ended_on is null or e.ended_on >= ?)`,
    params: (first: string, date: string) => [date, first, date, first],
  },
  seats: {
    sql: `select b.organization_id, s.role, s.term_from, s.term_until from body_seats s join bodies b on b.id = s.body_id
      where b.organization_id in (${organizations}) and b.kind = 'board' and (s.term_until is null or s.term_until >= ?)`,
    params: (first: string) => [first],
  },
  bylaws: {
    sql: `select * from bylaw_versions where organization_id in (${organizations}) and status = 'in_force'`,
    params: () => [],
  },
  capital: {
    sql: `select organization_id, entry_date, sum(amount) as amount from journal_lines where organization_id in (${organizations}) and account = 'capital' and entry_date <= ?
      group by organization_id, entry_date`,
    params: (_first: string, date: string) => [date],
  },
  reserve: {
    sql: `select organization_id, sum(amount) as amount from journal_lines where organization_id in (${organizations}) and account = 'legal-reserve' and entry_date <= ?
      group by organization_id`,
    params: (_first: string, date: string) => [date],
  },
  // Work months of people with no engagement recorded: closed months' totals, and the daily records of the window.
  closedWork: {
    sql: `select t.organization_id, t.person_id, t.period from work_month_totals t where t.organization_id in (${workerOrganizations}) and t.period >= ? and t.period <= ?
      and not exists (select 1 from engagements e where e.organization_id = t.organization_id and e.person_id = t.person_id)`,
    params: (first: string, date: string) => [monthBefore(first), date.slice(0, 7)],
  },
  openWork: {
    sql: `select w.organization_id, w.person_id, substr(w.work_date, 1, 7) as period from work_records w where w.organization_id in (${workerOrganizations})
      and w.work_date >= ? and w.work_date <= ? and not exists (select 1 from engagements e where e.organization_id = w.organization_id and e.person_id = w.person_id)
      group by w.organization_id, w.person_id, substr(w.work_date, 1, 7)`,
    params: (first: string, date: string) => [`${monthBefore(first)}-01`, date],
  },
  workOnlyMemberships: {
    sql: `select m.organization_id, m.person_id, m.admitted_on, m.ended_on from memberships m where m.organization_id in (${workerOrganizations})
      and m.admitted_on <= ? and (m.ended_on is null or m.ended_on > ?)
      and exists (select 1 from work_records w where w.organization_id = m.organization_id and w.person_id = m.person_id and w.work_date >= ? and w.work_date <= ?)
      and not exists (select 1 from engagements e where e.organization_id = m.organization_id and e.person_id = m.person_id)`,
    params: (first: string, date: string) => [date, first, `${monthBefore(first)}-01`, date],
  },
} as const;

type Rows = Record<keyof typeof statements, Record<string, unknown>[]>;

/** Members and workers on the date, where the composition rules bind, from the bare rows: what the app's sums must say. */
function bareFigures(rows: Rows, workerOrganizationIds: ReadonlySet<string>, date: string): { members: number; workers: number } {
  let members = 0;
  for (const r of rows.throughout) if (workerOrganizationIds.has(String(r.organization_id))) members += Number(r.n);
  for (const r of rows.changing) {
    if (!workerOrganizationIds.has(String(r.organization_id))) continue;
    if (String(r.admitted_on) <= date && (r.ended_on === null || String(r.ended_on) > date)) members += 1;
  }
  const workers = new Set(rows.work.filter((r) => String(r.started_on) <= date && (r.ended_on === null || String(r.ended_on) >= date))
    .map((r) => `${String(r.organization_id)} ${String(r.person_id)}`));
  return { members, workers: workers.size };
}

/** The largest worker co-operative of the jwcu data. */
async function largestWorkerCoop(env: BenchEnv): Promise<string> {
  const [row] = await env.bare.prepareAll(`select id from organizations where code = 'center-jigyodan'`)([]);
  if (!row) throw new Error(`${name}: the jwcu data has no center-jigyodan`);
  return String(row.id);
}

/** The app's federation-wide denominators: members (4/5 rule) and workers (3/4 rule) added up. */
function appFigures(body: unknown): { members: number; workers: number; organizations: number } {
  const board = body as { organizations?: unknown[]; checks?: { code: string; figure: { denominator: number } | null }[] };
  const denominator = (code: string) => board.checks?.find((c) => c.code === code)?.figure?.denominator;
  const members = denominator('engaged_members');
  const workers = denominator('member_workers');
  if (!Array.isArray(board.organizations) || members === undefined || workers === undefined) throw new Error('Kyodo answered no federation board');
  return { members, workers, organizations: board.organizations.length };
}

/**
 * The federation's compliance board (GET /compliance) over the seed-scale data through the whole app: token check,
 * access policy, the set-based reads, the monthly series swept in memory for 25 organizations, every check with
 * its trend and projection, the federation's sums, response schema. The latency of one board: sequential requests,
 * median and p95. Against a bare route running the same reads as prepared statements (answering how many rows
 * each returned).
 */
export const complianceBoard: Metric = {
  name,
  description: `ms (median of sequential requests) of GET ${apiPrefix}/compliance?date=${boardDate}: the federation-wide compliance board over the jwcu data`,
  dataset: 'jwcu',
  async run(env: BenchEnv) {
    const dates = trendDates(boardDate);
    const first = dates[0]!;
    const prepared = Object.fromEntries(Object.entries(statements).map(([key, s]) => [key, { read: env.bare.prepareAll(s.sql), params: s.params(first, boardDate) }]));
    // One after another on SQLite's single connection; side by side on PostgreSQL's pool, as the app's Promise.all.
    const readAll = async (): Promise<Rows> => {
      const entries = await Promise.all(Object.entries(prepared).map(async ([key, p]) => [key, await p.read(p.params)] as const));
      return Object.fromEntries(entries) as Rows;
    };
    // The bare route answers how many rows each read returned: the reads' cost, not that of sending 25,000 rows.
    const bare = await startBareServer((app) => {
      app.get('/compliance', async () => Object.fromEntries(Object.entries(await readAll()).map(([key, rows]) => [key, rows.length])));
    });
    try {
      const sides = {
        app: { url: `${env.appOrigin}${apiPrefix}/compliance?date=${boardDate}`, headers: { authorization: env.fixture.authorization } },
        baseline: { url: `${bare.origin}/compliance`, headers: undefined },
      };
      // Both sides must read the same registry, or the comparison compares different work.
      const app = appFigures(JSON.parse(await getBody(sides.app.url, sides.app.headers)));
      const rows = await readAll();
      const counted = JSON.parse(await getBody(sides.baseline.url, sides.baseline.headers)) as Record<string, number>;
      if (Object.entries(rows).some(([key, r]) => counted[key] !== r.length)) throw new Error(`${name}: the bare route counted ${JSON.stringify(counted)}`);
      const workerIds = new Set((await env.bare.prepareAll(workerOrganizations)([])).map((r) => String(r.id)));
      const expected = bareFigures(rows, workerIds, boardDate);
      if (app.members !== expected.members || app.workers !== expected.workers || app.members === 0) {
        throw new Error(`${name}: Kyodo counted ${app.members} members and ${app.workers} workers, the bare rows ${expected.members} and ${expected.workers}`);
      }
      const rowCount = Object.values(rows).reduce((n, r) => n + r.length, 0);
      env.log(`  ${app.organizations} organizations on ${boardDate}: ${app.members.toLocaleString('en')} members and ${app.workers.toLocaleString('en')} workers where the composition rules bind; the bare reads return ${rowCount.toLocaleString('en')} rows`);

      const { warmupSeconds, durationSeconds, rounds } = env.options;
      const get = (side: 'app' | 'baseline') => () => getBody(sides[side].url, sides[side].headers);
      const samples = await alternatingRounds({ app: get('app'), baseline: get('baseline') }, { warmupSeconds, durationSeconds, rounds, minimumPerRound, noun: 'requests', log: env.log });
      // The board after a change to the records: each request follows an audited change (outside its timing). One that
      // names an organization (a member joins the largest worker co-op, a day's work is entered there) has that
      // organization's reads made again; one that names none (a system or federation change) has them all made again.
      const afterChanges = async (organizationId: string | null): Promise<number[]> => {
        const samples: number[] = [];
        const until = performance.now() + (durationSeconds * 1000) / 2;
        while (samples.length < minimumPerRound * rounds || performance.now() < until) {
          await env.runtime.ctx.db.transaction().execute((trx) => recordAudit(trx, systemActor('bench'), {
            organizationId, entityType: 'bench', entityId: name, action: 'change', before: null, after: null,
          }, new Date().toISOString()));
          const started = performance.now();
          await get('app')();
          samples.push(performance.now() - started);
        }
        env.log(`  after a change of ${organizationId === null ? 'every organization' : 'one organization'}: ${samples.length} requests, median ${ms(percentile(samples, 0.5))}, p95 ${ms(percentile(samples, 0.95))}`);
        return samples;
      };
      const changedOne = await afterChanges(await largestWorkerCoop(env));
      const cold = await afterChanges(null);
      const context =
        `value and baseline: median of ${samples.app.length} (app) and ${samples.baseline.length} (baseline) sequential requests, one at a time; ` +
        `p95 ${ms(percentile(samples.app, 0.95))} (app), ${ms(percentile(samples.baseline, 0.95))} (baseline); ` +
        `value: GET /compliance?date=${boardDate} as the federation administrator (token check, access policy, the look at the audit log for changes since the last request, the set-based reads where the records changed since the last board, ` +
        `24 month-end points of every check for ${app.organizations} organizations swept in memory, projections, the federation's sums, response schema); ` +
        `baseline: bare Fastify route running the same ${Object.keys(statements).length} reads as ${env.bare.description}s (${rowCount.toLocaleString('en')} rows) and answering their row counts; ` +
        `${env.dialect}, ${env.dataset} dataset, ${rounds} alternating round(s) totalling ${durationSeconds} s per side after ${warmupSeconds} s warm-up; ` +
        `${app.members.toLocaleString('en')} members and ${app.workers.toLocaleString('en')} workers where the composition rules bind on ${boardDate}`;
      // The value of the metric itself is a board looked at again with no record changed since: each organization's reads are kept until its records change.
      const changedContext = (samples: number[], what: string) =>
        `value: median of ${samples.length} sequential requests, each after an audited change ${what} (outside the timing); p95 ${ms(percentile(samples, 0.95))}; ` +
        `baseline: the bare route's median from the same run; no target of its own (the target is ${name}'s)`;
      return [
        latencyResult({ name, value: percentile(samples.app, 0.5), baseline: percentile(samples.baseline, 0.5), context, absolute: { kind: 'max', bound: boundMs } }),
        latencyResult({ name: `${name}.changed`, value: percentile(changedOne, 0.5), baseline: percentile(samples.baseline, 0.5),
          context: changedContext(changedOne, 'naming center-jigyodan, the largest worker co-operative (its reads made again, the 24 others kept)') }),
        latencyResult({ name: `${name}.cold`, value: percentile(cold, 0.5), baseline: percentile(samples.baseline, 0.5),
          context: changedContext(cold, 'naming no organization (every organization\'s reads made again, as at the first look)') }),
      ];
    } finally {
      await bare.close();
    }
  },
};
