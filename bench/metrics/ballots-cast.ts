import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { hashPassword } from '../../src/app/accounts/passwords.js';
import { hashSecret, newSecret } from '../../src/app/accounts/secrets.js';
import { inTransaction, isoNow, newId } from '../../src/app/shared/context.js';
import { bulkInsert } from '../../src/db/bulk-insert.js';
import { refreshStatistics } from '../../src/db/refresh-statistics.js';
import { apiPrefix } from '../../src/http/app.js';
import { sqliteFile } from '../../src/runtime.js';
import type { BareBallotSpec } from '../bare-ballot-child.js';
import { expectedCounts, openVoteOfEveryMember, type Vote, type Voter } from '../ballot-vote.js';
import { startChildServer, type ChildServer } from '../child-server.js';
import type { BenchEnv } from '../env.js';
import type { KyodoChildSpec } from '../kyodo-child.js';
import type { Metric } from '../metric.js';
import { costResult, latencyResult, throughputResult } from '../results.js';

const name = 'ballots.cast';
/** The issue's figures: 100 connections; at least 2,000 ballots/s and 0.4 of the bare insert; the server under 400 MB. */
const connections = 100;
const target = 0.4;
const minimumRate = 2_000;
const maximumRssMiB = 400;
/** The app's pg pool size (env.ts); the bare pool gets as many connections. */
const poolSize = 10;
/** One voter in twenty votes in the warm-up of each side (3,357 of 67,149), the rest in the measured rounds. */
const warmupShare = 1 / 20;
/** A run that takes longer than this (a hung server) fails rather than waits. */
const guardSeconds = 900;

/** The meeting ballots.cast convenes; ballots.tally counts its motion when it finds it. */
export const castMeetingTitle = 'bench ballots.cast';
/** The baseline's scratch table, shaped like `ballots` (the motion, a random key, the choice). */
const bareTable = 'bench_ballots';

/**
 * A member's own account for every voter (a users row with role `member` and the person's id) and one API token
 * each, stored as `createApiToken` stores it (the SHA-256 of the secret; never used, so `last_used_at` is empty),
 * inserted in bulk: a setup shortcut, outside the timing. The secrets stay in memory, in the voters' order.
 */
async function issueMemberTokens(env: BenchEnv, voters: readonly Voter[]): Promise<string[]> {
  const { ctx } = env.runtime;
  const at = isoNow(ctx);
  // Nobody signs in with these accounts: one hash of a password nobody knows serves them all.
  const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
  const tokens = voters.map(() => newSecret('kyodo_'));
  const users = voters.map((v, i) => ({
    id: newId(), email: `voter-${i + 1}@ballots.bench.invalid`, password_hash: passwordHash, display_name: `${v.familyName} ${v.givenName}`, role: 'member',
    organization_id: v.organizationId, person_id: v.personId, locale: 'ja', disabled_at: null, created_at: at, updated_at: at,
  }));
  await inTransaction(ctx, async (trx) => {
    await bulkInsert(trx, ctx.dialect, 'users', users);
    await bulkInsert(trx, ctx.dialect, 'api_tokens', users.map((u, i) => ({
      id: newId(), user_id: u.id, name: 'bench ballots.cast', token_hash: hashSecret(tokens[i]!), created_at: at, last_used_at: null, revoked_at: null,
    })));
  });
  // As the demo loader does after its bulk loads: the planner's statistics for the tables that grew.
  await refreshStatistics(ctx.db, ctx.dialect, ['users', 'api_tokens', 'electorate']);
  return tokens;
}

/** The voters' requests in voting order, each taken once: a side's POSTs go to `path` on its own server. */
function ballotRequests(path: string, voters: readonly Voter[], tokens: readonly string[]) {
  const bodies = { for: JSON.stringify({ choice: 'for' }), against: JSON.stringify({ choice: 'against' }), abstain: JSON.stringify({ choice: 'abstain' }) };
  let next = 0;
  return {
    get taken() {
      return next;
    },
    take(): { path: string; headers: Record<string, string>; body: string } {
      const voter = voters[next];
      if (!voter) throw new Error(`${path}: every one of the ${voters.length.toLocaleString('en')} voters has voted already`);
      const ballot = { path, headers: { authorization: `Bearer ${tokens[next]!}`, 'content-type': 'application/json' }, body: bodies[voter.choice] };
      next += 1;
      return ballot;
    },
  };
}

type BallotRequests = ReturnType<typeof ballotRequests>;

/** A run of ballots: autocannon's figures, and the seconds from starting it to its last answer. */
interface Cast {
  result: autocannon.Result;
  seconds: number;
}

/**
 * `count` ballots, the next voters' in turn, over `connections` connections, each voter once. autocannon runs in
 * this thread: both servers are child processes, so the load has this process to itself. Anything but 201 fails.
 * The time is taken to the last answer: autocannon's own duration only ends at its next sample tick.
 */
function castBallots(origin: string, requests: BallotRequests, count: number): Promise<Cast> {
  return new Promise((resolve, reject) => {
    const refusals: string[] = [];
    const started = performance.now();
    let lastAnswer = started;
    const guard = setTimeout(() => {
      instance.stop();
      reject(new Error(`${count} ballots on ${origin} took more than ${guardSeconds} s`));
    }, guardSeconds * 1000);
    const instance = autocannon({
      url: origin,
      connections: Math.min(connections, count),
      amount: count,
      sampleInt: 50,
      requests: [{
        setupRequest: (request) => ({ ...request, method: 'POST', ...requests.take() }),
        onResponse: (status, body) => {
          lastAnswer = performance.now();
          if (status !== 201 && refusals.length < 3) refusals.push(`${status} ${body.slice(0, 300)}`);
        },
      }],
    }, (error, result) => {
      clearTimeout(guard);
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      const created = result.statusCodeStats?.['201']?.count ?? 0;
      if (created !== count || result.errors > 0) {
        return reject(new Error(
          `${origin}: ${count} ballots sent, ${created} answered 201 (${JSON.stringify(result.statusCodeStats ?? {})}), ` +
          `${result.errors} errors, ${result.timeouts} timeouts${refusals.length ? `; first refusals: ${refusals.join(' | ')}` : ''}`,
        ));
      }
      resolve({ result, seconds: (lastAnswer - started) / 1000 });
    });
  });
}

/** Splits `total` into `parts` whole numbers that differ by at most one. */
const split = (total: number, parts: number): number[] =>
  Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

async function count(env: BenchEnv, query: string, params: unknown[]): Promise<number> {
  return Number((await env.bare.prepare(query)(params))?.n ?? NaN);
}

/** After the load: exactly one record of voting and one ballot per voter, with the choices they sent. */
async function verifyBallots(env: BenchEnv, vote: Vote, bareRows: number): Promise<void> {
  const { meeting, motionId, voters } = vote;
  const cast = await count(env, 'select count(*) as n from votes_cast where motion_id = ?', [motionId]);
  const electronic = await count(env, `select count(*) as n from votes_cast where motion_id = ? and channel = 'electronic' and proxy_person_id is null`, [motionId]);
  const missing = await count(env, `select count(*) as n from electorate e where e.meeting_id = ?
    and not exists (select 1 from votes_cast v where v.motion_id = ? and v.person_id = e.person_id)`, [meeting.id, motionId]);
  const ballots = await count(env, 'select count(*) as n from ballots where motion_id = ?', [motionId]);
  const problems: string[] = [];
  if (cast !== voters.length || electronic !== voters.length) problems.push(`${cast} records of voting (${electronic} electronic, by the voter) for ${voters.length} voters`);
  if (missing !== 0) problems.push(`${missing} voters without a record of voting`);
  if (ballots !== voters.length) problems.push(`${ballots} ballots for ${voters.length} voters`);
  const grouped = await env.bare.prepareAll('select choice, count(*) as n from ballots where motion_id = ? group by choice')([motionId]);
  const found = new Map(grouped.map((g) => [String(g.choice), Number(g.n)]));
  const expected = expectedCounts(voters);
  if (found.size > 3 || Object.entries(expected).some(([choice, n]) => (found.get(choice) ?? 0) !== n)) {
    problems.push(`ballots ${JSON.stringify(Object.fromEntries(found))}, sent ${JSON.stringify(expected)}`);
  }
  const bare = await count(env, `select count(*) as n from ${bareTable}`, []);
  if (bare !== bareRows) problems.push(`the bare route answered ${bareRows} times but wrote ${bare} rows`);
  if (problems.length) throw new Error(`${name}: ${problems.join('; ')}`);
}

const perSecond = (casts: Cast[]) => casts.reduce((sum, c) => sum + c.result['2xx'], 0) / casts.reduce((sum, c) => sum + c.seconds, 0);
const meanP99 = (casts: Cast[]) => casts.reduce((sum, c) => sum + c.result.latency.p99, 0) / casts.length;

/**
 * Every member of the jwcu dataset votes once on one motion, through the whole app: `POST /motions/:id/ballots` with
 * their own API token (token check, the motion and meeting, the voter on the electorate, the choice, the record of
 * voting and the secret ballot in one transaction, the receipt). Against a bare route inserting one row per request.
 */
export const ballotsCast: Metric = {
  name,
  description: `ballots/s of POST ${apiPrefix}/motions/:id/ballots, 67,149 members voting once each with their own token, 100 connections`,
  dataset: 'jwcu',
  async run(env) {
    const vote = await openVoteOfEveryMember(env, castMeetingTitle);
    const { voters, motionId } = vote;
    const started = performance.now();
    const tokens = await issueMemberTokens(env, voters);
    env.log(`  ${voters.length.toLocaleString('en')} member accounts with an API token each, inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    await env.bare.execute(`drop table if exists ${bareTable}`);
    await env.bare.execute(`create table ${bareTable} (motion_id text not null, receipt text not null, choice text not null, primary key (motion_id, receipt))${env.dialect === 'sqlite' ? ' without rowid' : ''}`);
    const children: ChildServer[] = [];
    try {
      const kyodoSpec: KyodoChildSpec = { dataDir: env.config.dataDir, databaseUrl: env.config.databaseUrl, poolSize };
      const bareSpec: BareBallotSpec = { sqliteFile: env.config.databaseUrl ? null : sqliteFile(env.config), databaseUrl: env.config.databaseUrl, poolSize, table: bareTable };
      const app = await startChildServer(new URL('../kyodo-child.ts', import.meta.url), kyodoSpec);
      children.push(app);
      const bare = await startChildServer(new URL('../bare-ballot-child.ts', import.meta.url), bareSpec);
      children.push(bare);
      const path = `/motions/${motionId}/ballots`;
      const sides = {
        app: { origin: app.origin, requests: ballotRequests(`${apiPrefix}${path}`, voters, tokens) },
        baseline: { origin: bare.origin, requests: ballotRequests(path, voters, tokens) },
      };

      // The first voter of each side alone, so that a wrong route or token fails with its answer.
      for (const side of ['baseline', 'app'] as const) {
        const request = sides[side].requests.take();
        const response = await fetch(`${sides[side].origin}${request.path}`, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(10_000) });
        const text = await response.text();
        if (response.status !== 201 || typeof (JSON.parse(text) as { receipt?: unknown }).receipt !== 'string') throw new Error(`${side}: the first ballot answered ${response.status}: ${text.slice(0, 300)}`);
      }
      const warmup = Math.round(voters.length * warmupShare);
      const { rounds } = env.options;
      const slices = split(voters.length - 1 - warmup, rounds);
      env.log(`  warm-up: ${warmup.toLocaleString('en')} ballots each; then ${slices.map((n) => n.toLocaleString('en')).join(' + ')} in ${rounds} alternating round(s)`);
      await castBallots(sides.baseline.origin, sides.baseline.requests, warmup);
      await castBallots(sides.app.origin, sides.app.requests, warmup);
      const measured: { app: Cast[]; baseline: Cast[] } = { app: [], baseline: [] };
      // The servers' CPU time per ballot (user and system): steadier than ballots/s on a shared machine, and in the note.
      const cpu = { app: 0, baseline: 0 };
      for (const [round, ballots] of slices.entries()) {
        const order = round % 2 === 0 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
        for (const side of order) {
          const server = side === 'app' ? app : bare;
          const cpuBefore = await server.cpuMs();
          const cast = await castBallots(sides[side].origin, sides[side].requests, ballots);
          measured[side].push(cast);
          const cpuPerBallot = ((await server.cpuMs()) - cpuBefore) * 1000 / ballots;
          cpu[side] += cpuPerBallot / rounds;
          env.log(`  round ${round + 1}/${rounds} ${side.padEnd(8)} ${Math.round(perSecond([cast]))} ballots/s, p99 ${cast.result.latency.p99} ms, server CPU ${Math.round(cpuPerBallot)} µs per ballot`);
        }
      }
      const rss = { app: await app.peakRssMiB(), baseline: await bare.peakRssMiB() };
      env.log(`  peak resident memory: ${rss.app.toFixed(0)} MiB (Kyodo), ${rss.baseline.toFixed(0)} MiB (bare)`);
      await verifyBallots(env, vote, sides.baseline.requests.taken);
      const counts = expectedCounts(voters);
      const context =
        `value: POST ${apiPrefix}/motions/:id/ballots {choice}, each of the ${voters.length.toLocaleString('en')} members of the jwcu dataset once, with their own API token ` +
        `(a member's account; the token's use is noted and written within a second, in batches), 201 with a receipt: token check, the open motion and its meeting, the voter on the electorate, ` +
        `the choice, the record of voting and the secret ballot in one transaction, response schema; checked afterwards: one record of voting and one ballot per voter, ` +
        `${counts.for.toLocaleString('en')} for, ${counts.against.toLocaleString('en')} against, ${counts.abstain.toLocaleString('en')} abstaining as sent; ` +
        `baseline: bare Fastify route inserting one row per request (the motion, a random key, the choice) into a scratch table of the same database with one prepared INSERT ` +
        `(${env.dialect === 'sqlite' ? 'better-sqlite3 with the app\'s connection settings' : 'named pg query, pool of the app\'s size'}), the same requests; ` +
        `both servers in child processes of the bench (autocannon in its main thread); ${env.dialect}, ${env.dataset} dataset, ${connections} connections, ` +
        `${warmup.toLocaleString('en')} ballots per side of warm-up, then ${(voters.length - 1 - warmup).toLocaleString('en')} in ${rounds} alternating round(s), ` +
        `ballots/s = 201 answers over the seconds from the start of each round to its last answer; ` +
        `server CPU time (user + system) per ballot in the measured rounds: Kyodo ${Math.round(cpu.app)} µs, bare ${Math.round(cpu.baseline)} µs ` +
        `(ratio ${(cpu.baseline / cpu.app).toFixed(3)}; steadier than ballots/s on a shared machine); ` +
        `setup outside the timing: a general assembly of koreikyo-tokyo convened through the app, its electorate extended by the bench to every member of the ` +
        `25 organizations, the member accounts and tokens inserted in bulk`;
      return [
        throughputResult({ name, unit: 'ballots/s', value: perSecond(measured.app), baseline: perSecond(measured.baseline), context, target, absolute: { kind: 'min', bound: minimumRate } }),
        latencyResult({ name: `${name}.p99`, value: meanP99(measured.app), baseline: meanP99(measured.baseline), context: `mean of the rounds' 99th-percentile latencies; ${context}` }),
        costResult({
          name: `${name}.rss`, unit: 'MB', value: rss.app, baseline: rss.baseline, absolute: { kind: 'max', bound: maximumRssMiB },
          context: `peak resident set size of the server's process (getrusage maxrss, MB = MiB) from its start to the end of the load, Kyodo's and the bare route's; ${context}`,
        }),
      ];
    } finally {
      for (const child of children.reverse()) await child.close();
      await env.bare.execute(`drop table if exists ${bareTable}`);
    }
  },
};
