import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect-name.js';
import type { Schema } from './schema.js';
import { KyodoSqliteDialect, KyodoSqliteDriver, type Statements } from './sqlite-driver.js';

export type { DialectName } from './dialect-name.js';

/**
 * Runs a read outside any transaction: as a named prepared statement on PostgreSQL (parsed and planned once per
 * connection; `name` null for one-off SQL), on the read-only connection on SQLite.
 */
export type PreparedRunner = (name: string | null, sql: string, parameters: readonly unknown[]) => Promise<unknown[]>;

/** One write of a `WriteRunner`: its SQL and values, and its statement name on PostgreSQL. */
export interface WriteStep {
  name: string;
  sql: string;
  parameters: readonly unknown[];
}

/**
 * Runs writes in one transaction, in order, as prepared statements. A write that changes no row (an
 * `insert … select … where` whose condition no longer holds) ends the transaction there: everything is rolled back
 * and its index returned; -1 when all were committed. An error rolls back too, and is thrown. The hot writes (a
 * ballot) use it: on SQLite the whole transaction runs synchronously while it holds the connection, on PostgreSQL it
 * is one pooled connection and a named statement per write, with no building or compiling per request.
 */
export type WriteRunner = (steps: readonly WriteStep[]) => Promise<number>;

export interface Database {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** Named prepared statements on PostgreSQL; on an SQLite file, reads outside transactions (see openReader); null in memory. */
  runPrepared: PreparedRunner | null;
  runWrites: WriteRunner;
  /** Path of the SQLite file; null on PostgreSQL. */
  sqlitePath: string | null;
  /** The raw better-sqlite3 handle, for consistent online backups. */
  sqlite: SQLite.Database | null;
  /** SQLite: bulk inserts one prepared statement per row (see `RowWriter`); null on PostgreSQL. */
  rowWriter: RowWriter | null;
  close(): Promise<void>;
}

/**
 * SQLite: a prepared statement on the writing connection, run once per row with that row's parameters. On SQLite one
 * prepared INSERT per row is about a third cheaper than multi-row statements (a 500-row VALUES list is compiled into a
 * program as long as its rows, and every value is bound anyway). better-sqlite3 runs it synchronously on the
 * connection, so it belongs to whatever transaction is open there: use it only inside a Kysely transaction, which
 * holds the connection until it ends (`BulkWriter` checks).
 */
export type RowWriter = (sqlText: string) => (parameters: readonly unknown[]) => void;

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
  const statements = withStatementCache(sqlite);
  const reader = file === ':memory:' ? null : openReader(file, sqlite, statements);
  const driver = new KyodoSqliteDriver(sqlite, statements, reader?.statements ?? null);
  const db = new Kysely<Schema>({ dialect: new KyodoSqliteDialect(driver) });
  return {
    db,
    dialect: 'sqlite',
    sqlitePath: file,
    sqlite,
    runPrepared: reader,
    runWrites: sqliteWrites(driver, sqlite, statements),
    rowWriter: (sqlText) => {
      const statement = statements.prepare(sqlText);
      return (parameters) => {
        statement.run(parameters as unknown[]);
      };
    },
    close: async () => {
      reader?.close();
      await db.destroy();
    },
  };
}

/** Thrown inside a better-sqlite3 transaction to roll it back when a write changes nothing. */
class NoChange {
  constructor(readonly index: number) {}
}

/**
 * SQLite's write runner: it takes the writing connection (so that no Kysely transaction is open on it, and none starts
 * until it is done), then runs the writes as one better-sqlite3 transaction, synchronously.
 */
function sqliteWrites(driver: KyodoSqliteDriver, sqlite: SQLite.Database, statements: Statements): WriteRunner {
  const transaction = sqlite.transaction((steps: readonly WriteStep[]) => {
    steps.forEach((step, index) => {
      if (statements.prepare(step.sql).run(...step.parameters).changes === 0) throw new NoChange(index);
    });
  });
  return (steps) => driver.withWriter(() => {
    try {
      transaction(steps);
      return -1;
    } catch (error) {
      if (error instanceof NoChange) return error.index;
      throw error;
    }
  });
}

function configure(sqlite: SQLite.Database): void {
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // 64 MiB of page cache (the default is 2 MiB): a registry of 65,000 members with its indexes fits.
  sqlite.pragma('cache_size = -65536');
}

/**
 * The hot reads (the session or token check, a motion, an organization) outside any transaction. They run on the
 * writing connection when no transaction is open on it: better-sqlite3 is synchronous, so at that instant it holds
 * committed data only, and its page cache is warm (a connection that did not write the last commit must drop its
 * whole cache at its next read, which under a stream of writes makes every read fetch its pages again). While a
 * transaction is open on it (a Kysely transaction awaiting between statements: an import, a close), they go to a
 * second, read-only connection, which in WAL mode reads the last committed state meanwhile, so that a long import
 * does not hold up every request.
 */
function openReader(file: string, writer: SQLite.Database, writerStatements: Statements): PreparedRunner & { close(): void; statements: Statements } {
  const reader = new SQLite(file, { readonly: true });
  configure(reader);
  const statements = withStatementCache(reader);
  const run = async (_name: string | null, sqlText: string, parameters: readonly unknown[]) =>
    (writer.inTransaction ? statements : writerStatements).prepare(sqlText).all(...parameters) as unknown[];
  return Object.assign(run, { close: () => reader.close(), statements });
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
  const runWrites: WriteRunner = async (steps) => {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('begin');
      for (const [index, step] of steps.entries()) {
        const { rowCount } = await client.query({ name: step.name, text: step.sql, values: [...step.parameters] });
        if (rowCount === 0) {
          await client.query('rollback');
          return index;
        }
      }
      await client.query('commit');
      return -1;
    } catch (error) {
      // A connection that cannot even roll back is not given back to the pool.
      await client.query('rollback').catch(() => (broken = true));
      throw error;
    } finally {
      client.release(broken);
    }
  };
  return { db, dialect: 'postgresql', runPrepared, runWrites, sqlitePath: null, sqlite: null, rowWriter: null, close: () => db.destroy() };
}
