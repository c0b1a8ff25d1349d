import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DialectName } from '../src/db/database.js';
import { createApiToken } from '../src/app/accounts/api-tokens.js';
import { findUserByEmail } from '../src/app/accounts/users.js';
import { systemActor } from '../src/app/audit/record-audit.js';
import { loadConfig, type Config } from '../src/config.js';
import { buildApp } from '../src/http/app.js';
import { ensureDemo, openRuntime, sqliteFile, type Runtime } from '../src/runtime.js';
import { openBarePostgres, openBareSqlite, type BareDatabase } from './bare-database.js';
import type { Dataset } from './metric.js';
import type { BenchOptions } from './options.js';
import { createScratchDatabase } from './scratch-postgres.js';
import { listenOnLoopback } from './servers.js';
import type { Teardown } from './teardown.js';

/** The app's pg pool size (openRuntime's default); the bare pool gets the same number of connections. */
const poolSize = 10;

/** The demo federation's administrator, with an API token, and the organization they belong to. */
export interface Fixture {
  organizationId: string;
  /** `Authorization` header value for the administrator's API token. */
  authorization: string;
}

/** What every metric receives. */
export interface BenchEnv {
  dialect: DialectName;
  options: BenchOptions;
  /** The demo data loaded: the biggest any selected metric asks for. */
  dataset: Dataset;
  config: Config;
  runtime: Runtime;
  /** Kyodo as `kyodo serve` builds it (without the web app), listening on loopback. */
  appOrigin: string;
  fixture: Fixture;
  /** The same database, for baseline routes. */
  bare: BareDatabase;
  /** Progress for people; goes to stderr so that stdout holds the table only. */
  log(message: string): void;
}

/** Loading the seed-scale data takes a while: progress every tenth. */
function loadProgress(log: (message: string) => void) {
  let shown = 0;
  return (done: number, total: number) => {
    const tenths = Math.floor((done / total) * 10);
    if (tenths <= shown) return;
    shown = tenths;
    log(`  members ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
  };
}

async function createFixture(runtime: Runtime, config: Config, dataset: Dataset, log: (message: string) => void): Promise<Fixture> {
  const started = performance.now();
  if (dataset === 'jwcu') log('loading the jwcu dataset (25 organizations, 64,626 members in March 2017 and 67,149 today, about 500 sites)');
  const demo = await ensureDemo(runtime, config, dataset, loadProgress(log));
  if (dataset === 'jwcu') log(`  loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (!demo) throw new Error('the scratch database was not empty: no demo accounts were created');
  const admin = await findUserByEmail(runtime.ctx, demo.adminEmail);
  if (!admin?.organization_id) throw new Error(`demo administrator ${demo.adminEmail} is missing or has no organization`);
  const { token } = await createApiToken(runtime.ctx, systemActor('bench'), { userId: admin.id, organizationId: admin.organization_id }, 'bench');
  return { organizationId: admin.organization_id, authorization: `Bearer ${token}` };
}

/**
 * A scratch database (a temporary SQLite folder, or with DATABASE_URL a scratch PostgreSQL database on that
 * server) holding the demo federation at the size `dataset` names, Kyodo listening on it, and bare access to it
 * for baselines. Everything opened is registered with `teardown`, also when a later step fails.
 */
export async function openBenchEnv(options: BenchOptions, dataset: Dataset, teardown: Teardown, log: (message: string) => void): Promise<BenchEnv> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kyodo-bench-'));
  teardown.defer(() => fs.rm(dataDir, { recursive: true, force: true }));
  // The app's own check of DATABASE_URL, before anything is created on that server.
  const serverUrl = loadConfig({ DATABASE_URL: process.env.DATABASE_URL }).databaseUrl;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl) : null;
  if (scratch) teardown.defer(() => scratch.drop());
  // Only what the bench decides: the caller's PORT, LOG_LEVEL, KYODO_DEMO_PASSWORD and so on do not apply.
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: scratch?.url ?? '' });
  const runtime = await openRuntime(config, { poolSize });
  teardown.defer(() => runtime.close());
  log(`database: ${runtime.database.dialect} (${scratch ? new URL(scratch.url).pathname.slice(1) : sqliteFile(config)})`);
  const fixture = await createFixture(runtime, config, dataset, log);
  const app = await listenOnLoopback(await buildApp({ ctx: runtime.ctx, config, webRoot: null }));
  teardown.defer(() => app.close());
  const bare = scratch ? openBarePostgres(scratch.url, poolSize, log) : openBareSqlite(sqliteFile(config));
  teardown.defer(() => bare.close());
  return { dialect: runtime.database.dialect, options, dataset, config, runtime, appOrigin: app.origin, fixture, bare, log };
}
