import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database, type DialectName } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export const testPostgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const postgresAvailable = await postgresReachable();
if (!postgresAvailable) {
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but PostgreSQL is not reachable at ${testPostgresUrl}: the PostgreSQL suite must run in CI`);
  }
  console.warn(`\n⚠ PostgreSQL not reachable at ${testPostgresUrl}: PostgreSQL integration suites are SKIPPED on this machine.\n`);
}

/** The dialects every integration suite runs against: SQLite always, PostgreSQL when reachable (always in CI). */
export const dialects: DialectName[] = postgresAvailable ? ['sqlite', 'postgresql'] : ['sqlite'];

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * Drops a scratch database once the pool's connections have really gone: forcing the drop while a connection is
 * still closing makes that connection fail with "terminating connection due to administrator command".
 */
async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { rows } = await client.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await client.query(`drop database if exists ${name} with (force)`);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database: in-memory SQLite, or a scratch PostgreSQL database dropped on close. */
export async function openTestDatabase(dialect: DialectName): Promise<Database> {
  if (dialect === 'sqlite') {
    // A file, not :memory:, so the read-only connection for hot reads is exercised as in production.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-test-'));
    const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'kyodo.db') });
    await migrateToLatest(database.db, 'sqlite');
    return { ...database, close: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `kyodo_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = openDatabase({ databaseUrl: withDatabase(testPostgresUrl, name), sqlitePath: '', poolSize: 5 });
  await migrateToLatest(database.db, 'postgresql');
  return {
    ...database,
    close: async () => {
      await database.close();
      await dropDatabase(name);
    },
  };
}

/**
 * Two independent connections (pools, or SQLite handles) to one fresh database, as two app instances behind a
 * load balancer would have. Closing the first drops the database.
 */
export async function openSharedTestDatabase(dialect: DialectName): Promise<[Database, Database]> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-shared-'));
    const file = path.join(dir, 'kyodo.db');
    const first = openDatabase({ databaseUrl: null, sqlitePath: file });
    await migrateToLatest(first.db, 'sqlite');
    const second = openDatabase({ databaseUrl: null, sqlitePath: file });
    return [{ ...first, close: async () => { await first.close(); fs.rmSync(dir, { recursive: true, force: true }); } }, second];
  }
  const first = await openTestDatabase('postgresql');
  const url = (await first.db.selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name')).executeTakeFirstOrThrow()).name;
  const second = openDatabase({ databaseUrl: withDatabase(testPostgresUrl, url), sqlitePath: '', poolSize: 5 });
  return [first, second];
}
