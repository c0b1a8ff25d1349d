import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { apiPrefix } from '../../src/http/app.js';
import { sqliteFile } from '../../src/runtime.js';
import { inPgTransaction } from '../bare-database.js';
import type { BenchEnv } from '../env.js';
import type { Metric } from '../metric.js';
import { throughputResult } from '../results.js';
import { runLoad, type Target } from '../load.js';
import { startBareServer } from '../servers.js';

const name = 'capital.post';
const target = 0.3;
/**
 * The entries: 10 connections (the app's pg pool size, env.ts), a modest concurrency at which the app's locks
 * are contended as when several clerks post at once: the organization's ledger lock and the audit chain's head
 * (row locks held to the commit on PostgreSQL; SQLite has one writer whatever the concurrency, on both sides);
 * and one connection, one payment after another, the cost of one posting without contention.
 */
const concurrencies = [
  { entry: name, connections: 10 },
  { entry: `${name}.sequential`, connections: 1 },
] as const;
/** The bare pg pool: the app's size. */
const poolSize = 10;
/** The organization with the most journal lines: the member's position is summed from the largest ledger. */
const organizationCode = 'center-jigyodan';
/**
 * Members paid for in turn, 1 yen each time. Those who owe nothing subscribe `setupShares` more shares first
 * (10,000 yen each at center-jigyodan): 200 members owing 50,000 yen last for ten million payments. Few members,
 * because a subscription through the app costs ~45 ms there (the share cap sums the whole organization's ledger).
 */
const payers = 200;
const setupShares = 5;
/** A member who owes already pays in the bench when they owe at least this much: 10,000 payments of 1 yen. */
const minimumOwed = 10_000;
const amount = 1;
/** After the data's last entry (2019-12-25), so that the registers of the dataset's dates stay as loaded. */
const postingDate = '2020-04-25';
/** Marks the bench's entries, to count them afterwards; also the setup's subscriptions. */
const appDescription = 'bench capital.post';
const bareDescription = 'bench capital.post (bare)';

/** The rows the app writes for a payment withheld from wages (paymentLines with method payroll). */
const entryColumns = ['id', 'organization_id', 'entry_date', 'type', 'description', 'reason', 'reverses_entry_id', 'batch_id', 'recorded_at', 'recorded_by'];
const lineColumns = ['entry_id', 'line_no', 'organization_id', 'entry_date', 'account', 'membership_id', 'amount', 'shares'];
const insertEntrySql = `insert into journal_entries (${entryColumns.join(', ')}) values (${entryColumns.map(() => '?').join(', ')})`;
/** Both lines in one statement, as the app inserts an entry's lines. */
const insertLinesSql = `insert into journal_lines (${lineColumns.join(', ')}) values (${lineColumns.map(() => '?').join(', ')}), (${lineColumns.map(() => '?').join(', ')})`;

interface Payment {
  id: string;
  organizationId: string;
  membershipId: string;
  date: string;
  amount: number;
  description: string;
}

const entryValues = (p: Payment): unknown[] => [p.id, p.organizationId, p.date, 'payment', p.description, null, null, null, new Date().toISOString(), 'bench:bare'];
const lineValues = (p: Payment): unknown[] => [
  p.id, 1, p.organizationId, p.date, 'wages-payable', p.membershipId, p.amount, 0,
  p.id, 2, p.organizationId, p.date, 'capital-unpaid', p.membershipId, -p.amount, 0,
];

/** The baseline's writer: one transaction of two prepared INSERTs, on its own connection(s) to the same database. */
interface BareLedger {
  description: string;
  pay(payment: Payment): Promise<void>;
  close(): Promise<void>;
}

function bareSqliteLedger(file: string): BareLedger {
  const db = new SQLite(file, { fileMustExist: true });
  // The app's settings for its writing connection (src/db/database.ts), foreign keys included.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const insertEntry = db.prepare(insertEntrySql);
  const insertLines = db.prepare(insertLinesSql);
  const pay = db.transaction((p: Payment) => {
    insertEntry.run(...entryValues(p));
    insertLines.run(...lineValues(p));
  });
  return {
    description: 'one better-sqlite3 transaction of two prepared INSERTs (the entry, its two lines)',
    pay: async (p) => pay(p),
    close: async () => {
      db.close();
    },
  };
}

function barePostgresLedger(connectionString: string, log: (message: string) => void): BareLedger {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => log(`bare pg pool: ${error.message}`));
  const numbered = (sql: string): string => {
    let placeholder = 0;
    return sql.replace(/\?/g, () => `$${(placeholder += 1)}`);
  };
  const insertEntry = { name: 'bench_capital_entry', text: numbered(insertEntrySql) };
  const insertLines = { name: 'bench_capital_lines', text: numbered(insertLinesSql) };
  return {
    description: 'one pg transaction of two named prepared INSERTs (the entry, its two lines), pool of the app\'s size',
    pay: (p) => inPgTransaction(pool, async (client) => {
      await client.query({ ...insertEntry, values: entryValues(p) });
      await client.query({ ...insertLines, values: lineValues(p) });
    }),
    close: () => pool.end(),
  };
}

/** A target of POSTs: each connection sends them in turn. */
type PostTarget = Target & Required<Pick<Target, 'headers' | 'requests'>>;

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/**
 * Members of the organization who owe on their shares, `payers` of them. In the jwcu data every worker member has
 * paid in full, so the rest subscribe more shares through the app first, outside the timing.
 */
async function membersWhoOwe(env: BenchEnv, organizationId: string): Promise<{ ids: string[]; subscribed: number; owed: number }> {
  const db = env.runtime.ctx.db;
  const unpaid = () => db.selectFrom('journal_lines').select(['membership_id', (eb) => eb.fn.sum<string | number>('amount').as('unpaid')])
    .where('organization_id', '=', organizationId).where('account', '=', 'capital-unpaid').where('membership_id', 'is not', null)
    .groupBy('membership_id');
  // Only members who owe enough for the run: a payment beyond what is owed is a 422, which fails the bench.
  const owing = (await unpaid().execute()).filter((r) => Number(r.unpaid) >= minimumOwed).map((r) => r.membership_id!);
  const ids = owing.slice(0, payers);
  let subscribed = 0;
  if (ids.length < payers) {
    const candidates = await db.selectFrom('memberships').select('id').where('organization_id', '=', organizationId).where('status', '=', 'admitted')
      .orderBy('member_number_key').orderBy('member_number').execute();
    const already = new Set(ids);
    const subscribe = candidates.map((c) => c.id).filter((id) => !already.has(id)).slice(0, payers - ids.length);
    env.log(`  ${owing.length} member(s) owe ${minimumOwed.toLocaleString('en')} yen or more on their shares: ${subscribe.length} subscribe ${setupShares} more shares through the app`);
    const started = performance.now();
    for (const id of subscribe) {
      await post(`${env.appOrigin}${apiPrefix}/memberships/${id}/capital/subscriptions`, { authorization: env.fixture.authorization }, {
        date: postingDate, shares: setupShares, description: `${appDescription} (setup)`,
      });
      ids.push(id);
      subscribed += 1;
    }
    env.log(`  subscribed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const chosen = new Set(ids);
  const owed = (await unpaid().execute()).filter((r) => chosen.has(r.membership_id!)).reduce((sum, r) => sum + Number(r.unpaid), 0);
  if (ids.length < payers) throw new Error(`only ${ids.length} member(s) of ${organizationCode} can pay; ${payers} are needed`);
  return { ids, subscribed, owed };
}

/** Entries the bench wrote on one side, by their description. */
async function written(env: BenchEnv, organizationId: string, description: string): Promise<number> {
  const row = await env.runtime.ctx.db.selectFrom('journal_entries').select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('organization_id', '=', organizationId).where('entry_date', '=', postingDate).where('description', '=', description).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Payments posted through the whole app (token check, access policy, the organization's ledger lock, the rules at
 * the date, the member's position, the payment check, the balanced entry with its two lines, the audit hash chain,
 * one transaction, response schema), at 10 connections and at one, against a bare route inserting the same rows
 * in one transaction of prepared statements at the same concurrency.
 */
export const capitalPost: Metric = {
  name,
  description: `journal entries/s of POST ${apiPrefix}/memberships/:id/capital/payments (1 yen, many members), 10 connections and 1`,
  dataset: 'jwcu',
  async run(env) {
    const organization = await env.runtime.ctx.db.selectFrom('organizations').select('id').where('code', '=', organizationCode).executeTakeFirst();
    if (!organization) throw new Error(`no organization ${organizationCode}: the jwcu dataset is not loaded`);
    const { ids, subscribed, owed } = await membersWhoOwe(env, organization.id);
    env.log(`  ${ids.length} members owing ${owed.toLocaleString('en')} yen between them: enough for as many 1-yen payments`);

    const ledger = env.config.databaseUrl ? barePostgresLedger(env.config.databaseUrl, env.log) : bareSqliteLedger(sqliteFile(env.config));
    const members = new Set(ids);
    const bare = await startBareServer((app) => {
      app.post<{ Params: { membershipId: string }; Body: { date: string; amount: number; description: string } }>('/memberships/:membershipId/capital/payments', async (request, reply) => {
        const { membershipId } = request.params;
        if (!members.has(membershipId)) return reply.code(404).send({ code: 'not_found' });
        const id = randomUUID();
        const { date, amount: paid, description } = request.body;
        await ledger.pay({ id, organizationId: organization.id, membershipId, date, amount: paid, description });
        return reply.code(201).send({ id });
      });
    });
    try {
      const body = (description: string) => JSON.stringify({ date: postingDate, amount, method: 'payroll', description });
      const sides: Record<'app' | 'baseline', PostTarget> = {
        app: {
          url: env.appOrigin,
          headers: { authorization: env.fixture.authorization, 'content-type': 'application/json' },
          requests: ids.map((id) => ({ method: 'POST', path: `${apiPrefix}/memberships/${id}/capital/payments`, body: body(appDescription) })),
        },
        baseline: {
          url: bare.origin,
          headers: { 'content-type': 'application/json' },
          requests: ids.map((id) => ({ method: 'POST', path: `/memberships/${id}/capital/payments`, body: body(bareDescription) })),
        },
      };
      // One payment on each side first, so that a wrong route or token fails with its answer.
      const entry = await post(`${env.appOrigin}${sides.app.requests[0]!.path}`, sides.app.headers, JSON.parse(sides.app.requests[0]!.body)) as { type?: unknown; lines?: unknown[] };
      if (entry.type !== 'payment' || entry.lines?.length !== 2) throw new Error(`Kyodo answered ${JSON.stringify(entry).slice(0, 300)} for a payment`);
      await post(`${bare.origin}${sides.baseline.requests[0]!.path}`, sides.baseline.headers, JSON.parse(sides.baseline.requests[0]!.body));
      const answered = { app: 1, baseline: 1 };
      /** Requests a run may have had in flight when it stopped: written, perhaps, but not counted as answered. */
      const inFlight = { app: 0, baseline: 0 };
      const measure = async (side: 'app' | 'baseline', seconds: number, connections: number): Promise<autocannon.Result> => {
        const result = await runLoad(sides[side], seconds, connections);
        answered[side] += result['2xx'];
        inFlight[side] += connections;
        return result;
      };
      const { warmupSeconds, durationSeconds, rounds } = env.options;
      const rate = (results: autocannon.Result[]) => results.reduce((sum, r) => sum + r.requests.total, 0) / results.reduce((sum, r) => sum + r.duration, 0);
      const p99 = (results: autocannon.Result[]) => results.reduce((sum, r) => sum + r.latency.p99, 0) / results.length;
      const samples: { entry: string; connections: number; app: autocannon.Result[]; baseline: autocannon.Result[] }[] = [];
      for (const { entry: entryName, connections } of concurrencies) {
        env.log(`  ${connections} connection(s): warm-up ${warmupSeconds} s each`);
        await measure('baseline', warmupSeconds, connections);
        await measure('app', warmupSeconds, connections);
        const slice = durationSeconds / rounds;
        const measured = { entry: entryName, connections, app: [] as autocannon.Result[], baseline: [] as autocannon.Result[] };
        for (let round = 0; round < rounds; round += 1) {
          const order = round % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
          for (const side of order) {
            const result = await measure(side, slice, connections);
            measured[side].push(result);
            env.log(`  round ${round + 1}/${rounds} ${side.padEnd(8)} ${Math.round(result.requests.total / result.duration)} entries/s, p99 ${result.latency.p99} ms`);
          }
        }
        samples.push(measured);
      }

      // Every 201 wrote its entry (a request cut off at the end of a run may have written one without being counted).
      for (const side of ['app', 'baseline'] as const) {
        const count = await written(env, organization.id, side === 'app' ? appDescription : bareDescription);
        if (count < answered[side] || count > answered[side] + inFlight[side]) {
          throw new Error(`${side}: ${answered[side]} payments answered 201 but ${count} entries written`);
        }
      }
      const overdrawn = await env.runtime.ctx.db.selectFrom('journal_lines').select('membership_id')
        .where('organization_id', '=', organization.id).where('account', '=', 'capital-unpaid').where('membership_id', 'in', ids)
        .groupBy('membership_id').having((eb) => eb.fn.sum('amount'), '<', 0).execute();
      if (overdrawn.length > 0) throw new Error(`${overdrawn.length} member(s) paid more than they owed`);

      return samples.map(({ entry: entryName, connections, app, baseline }) => {
        const context =
          `baseline: bare Fastify route running ${ledger.description}, the same entry and lines as the app's payment (no checks, no audit); ` +
          `value: POST ${apiPrefix}/memberships/:id/capital/payments with the API token, one journal entry per 201; ` +
          `${env.dialect}, ${env.dataset} dataset, ${connections === 1 ? '1 connection (one payment after another)' : `${connections} connections`} ` +
          `(autocannon in a worker thread), ${rounds} alternating round(s) totalling ${durationSeconds} s per side after ${warmupSeconds} s warm-up; ` +
          `${organizationCode}: each connection pays ${amount} yen (payroll) for ${payers.toLocaleString('en')} members in turn` +
          (subscribed > 0 ? ` (${subscribed.toLocaleString('en')} of them subscribed ${setupShares} more shares in the setup, outside the timing)` : '') +
          `; p99 ${p99(app).toFixed(0)} ms (app), ${p99(baseline).toFixed(0)} ms (baseline)`;
        return throughputResult({ name: entryName, unit: 'entries/s', value: rate(app), baseline: rate(baseline), context, target });
      });
    } finally {
      await bare.close();
      await ledger.close();
    }
  },
};
