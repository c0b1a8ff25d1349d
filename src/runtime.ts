import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { loadDemo, type DemoAccounts } from './app/demo/load-demo.js';
import { loadScaleDemo, type Progress } from './app/demo/load-scale-demo.js';
import { openKeyring } from './app/crypto/reseal.js';
import type { AppContext } from './app/shared/context.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

export interface Runtime {
  database: Database;
  ctx: AppContext;
  close(): Promise<void>;
}

export const sqliteFile = (config: Config): string => path.join(config.dataDir, 'kyodo.db');

/** Opens the configured database and brings its schema up to date. Every command starts here. */
export async function openRuntime(config: Config, options: { poolSize?: number } = {}): Promise<Runtime> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: sqliteFile(config), poolSize: options.poolSize });
  await migrateToLatest(database.db, database.dialect);
  const ctx: AppContext = { db: database.db, dialect: database.dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, rowWriter: database.rowWriter, now: () => new Date() };
  // The data keys: KYODO_DATA_KEYS, or the key file, made on the first start (see openKeyring).
  ctx.keyring = await openKeyring(ctx, config);
  return { database, ctx, close: () => database.close() };
}

/** `small` is the quick default; `jwcu` the seed's federation at full scale (64,626 members in March 2017, 67,149 today; its businesses). */
export type DemoScale = 'small' | 'jwcu';

const credentialsFile = (config: Config): string => path.join(config.dataDir, 'demo-credentials.json');

/**
 * Loads the demo federation into an empty database. The demo password comes from KYODO_DEMO_PASSWORD or is
 * generated, and kept (mode 600) under the data folder so it can be shown again at the next start.
 */
export async function ensureDemo(runtime: Runtime, config: Config, scale: DemoScale = 'small', progress?: Progress): Promise<DemoAccounts | null> {
  const password = config.demoPassword ?? randomBytes(12).toString('base64url');
  const accounts = scale === 'jwcu' ? await loadScaleDemo(runtime.ctx, password, progress) : await loadDemo(runtime.ctx, password);
  if (accounts) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(credentialsFile(config), JSON.stringify(accounts, null, 2) + '\n', { mode: 0o600 });
    return accounts;
  }
  return readDemoCredentials(config);
}

export function readDemoCredentials(config: Config): DemoAccounts | null {
  try {
    return JSON.parse(fs.readFileSync(credentialsFile(config), 'utf8')) as DemoAccounts;
  } catch {
    return null;
  }
}
