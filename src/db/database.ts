import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect-name.js';
import type { Schema } from './schema.js';

export type { DialectName } from './dialect-name.js';

/**
 * Runs a read outside any transaction: as a named prepared statement on PostgreSQL (parsed and planned once per
 * connection; `name` null for one-off SQL), on the read-only connection on SQLite.
 */
export type PreparedRunner = (name: string | null, sql: string, parameters: readonly unknown[]) => Promise<unknown[]>;

export interface Database {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** Named prepared statements on PostgreSQL; the read-only connection on an SQLite file; null in memory. */
  runPrepared: PreparedRunner | null;
  /** Path of the SQLite file; null on PostgreSQL. */
  sqlitePath: string | null;
  /** The raw better-sqlite3 handle, for consistent online backups. */
  sqlite: SQLite.Database | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  /** SQLite file path, or ':memory:'. */
  sqlitePath: string;
  poolSize?: number;
}

export function openDatabase(options: DatabaseOptions): Database {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.poolSize ?? 10) : openSqlite(options.sqlitePath);
}

function openSqlite(file: string): Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers (and `kyodo backup`) work while the server writes; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  configure(sqlite);
  // Keeps the planner's statistics fresh (SQLite's advice for every new connection); cheap when nothing changed.
  sqlite.pragma('optimize = 0x10002');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const reader = file === ':memory:' ? null : openReader(file);
  return {
    db,
    dialect: 'sqlite',
    sqlitePath: file,
    sqlite,
    runPrepared: reader,
    close: async () => {
      reader?.close();
      await db.destroy();
    },
  };
}

function configure(sqlite: SQLite.Database): void {
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // 64 MiB of page cache (the default is 2 MiB): a registry of 65,000 members with its indexes fits.
  sqlite.pragma('cache_size = -65536');
}

/**
 * A second, read-only connection for the hot reads (the session or token check, an organization): in WAL mode
 * it reads the last committed state while the writing connection is busy, so a long import does not hold up
 * every request, and a read skips the queue in front of the writing connection. It sees committed data only,
 * which is why only reads made outside a transaction go through it.
 */
function openReader(file: string): PreparedRunner & { close(): void } {
  const reader = new SQLite(file, { readonly: true });
  configure(reader);
  const statements = withStatementCache(reader);
  const run = async (_name: string | null, sqlText: string, parameters: readonly unknown[]) => statements.prepare(sqlText).all(...parameters) as unknown[];
  return Object.assign(run, { close: () => reader.close() });
}

/**
 * Kysely prepares every statement anew; preparing costs more than running a small query. The same SQL text is
 * reused from a bounded cache. A cached statement that is still being iterated (a streamed query) is not shared.
 */
function withStatementCache(sqlite: SQLite.Database, capacity = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string): SQLite.Statement {
      const cached = cache.get(sqlText);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sqlText);
      if (!cached) {
        if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
        cache.set(sqlText, statement);
      }
      return statement;
    },
  };
}

function openPostgres(connectionString: string, max: number): Database {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection that the server closes (restart, failover) must not crash the process; the pool replaces it.
  pool.on('error', (error) => console.error(`kyodo: an idle PostgreSQL connection failed: ${error.message}`));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const runPrepared: PreparedRunner = async (name, text, values) =>
    (await pool.query(name === null ? { text, values: [...values] } : { name, text, values: [...values] })).rows;
  return { db, dialect: 'postgresql', runPrepared, sqlitePath: null, sqlite: null, close: () => db.destroy() };
}
