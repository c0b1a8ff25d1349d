import SQLite from 'better-sqlite3';
import pg from 'pg';

/** A row-reading function around one prepared statement; parameters bind to `?` placeholders in order. */
export type PreparedRead = (params: unknown[]) => Promise<Record<string, unknown> | undefined>;

/** The same, returning every row. */
export type PreparedReadAll = (params: unknown[]) => Promise<Record<string, unknown>[]>;

/** Rows per INSERT on PostgreSQL, as the app's bulk writes send them (`src/db/bulk-insert.ts`). */
const pgInsertBatch = 5000;

/**
 * Direct access to the app's database without Kysely or any app code: what a baseline may use. It opens its
 * own connections (a read-only SQLite handle plus, for writes, a second one opened on first use; or a pg pool
 * of the app's size).
 */
export interface BareDatabase {
  /** What the baseline runs, for notes: "one prepared better-sqlite3 statement" or "one prepared pg query". */
  description: string;
  /** How `insertRows` writes, for notes. */
  insertDescription: string;
  prepare(sql: string): PreparedRead;
  prepareAll(sql: string): PreparedReadAll;
  /** Runs statements without parameters, such as creating or dropping a scratch table. */
  execute(sql: string): Promise<void>;
  /** Inserts `rows` (values in `columns` order) into `table` in one transaction, as fast as this driver plainly can. */
  insertRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void>;
  /** The same for several tables, in the order given, all in one transaction. */
  insertTables(parts: readonly TableRows[]): Promise<void>;
  /**
   * Makes the scratch table `target` with the columns, defaults, keys and indexes of the app's table `source`, but
   * no foreign keys (its rows' parents are not copied). Dropping `target` drops its indexes.
   */
  copyTableShape(source: string, target: string): Promise<void>;
  close(): Promise<void>;
}

/** One table's rows for `insertTables`: values in `columns` order. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/** SQLite: a foreign-key clause of a column (`references "t" ("id")`), with its actions if any. */
const referencesClause = /\s+references\s+"?\w+"?\s*\(\s*"?\w+"?\s*\)(\s+on\s+(delete|update)\s+(cascade|restrict|set\s+null|set\s+default|no\s+action))*/gi;

const placeholders = (count: number): string => `(${Array.from({ length: count }, () => '?').join(', ')})`;

export function openBareSqlite(file: string): BareDatabase {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  let writer: SQLite.Database | null = null;
  // The app's own settings (src/db/database.ts): WAL is kept in the file, synchronous is per connection.
  const write = (): SQLite.Database => {
    if (writer) return writer;
    writer = new SQLite(file, { fileMustExist: true });
    writer.pragma('journal_mode = WAL');
    writer.pragma('synchronous = NORMAL');
    writer.pragma('busy_timeout = 5000');
    return writer;
  };
  const insertTables = async (parts: readonly TableRows[]): Promise<void> => {
    const db = write();
    const inserts = parts.map(({ table, columns, rows }) => ({ insert: db.prepare(`insert into ${table} (${columns.join(', ')}) values ${placeholders(columns.length)}`), rows }));
    db.transaction(() => {
      for (const { insert, rows } of inserts) for (const row of rows) insert.run(...row);
    })();
  };
  return {
    description: 'one prepared better-sqlite3 statement',
    insertDescription: 'one prepared better-sqlite3 INSERT per row, all in one transaction',
    prepare(sql) {
      const statement = sqlite.prepare<unknown[], Record<string, unknown>>(sql);
      return async (params) => statement.get(...params);
    },
    prepareAll(sql) {
      const statement = sqlite.prepare<unknown[], Record<string, unknown>>(sql);
      return async (params) => statement.all(...params);
    },
    async execute(sql) {
      write().exec(sql);
    },
    insertRows: async (table, columns, rows) => insertTables([{ table, columns, rows }]),
    insertTables,
    async copyTableShape(source, target) {
      const objects = sqlite.prepare<[string], { type: string; name: string; sql: string }>(
        `select type, name, sql from sqlite_master where tbl_name = ? and sql is not null order by type desc`).all(source);
      if (!objects.some((o) => o.type === 'table')) throw new Error(`copyTableShape: no table ${source}`);
      const quoted = (name: string) => new RegExp(`"${name}"|\\b${name}\\b`);
      for (const { type, name, sql } of objects) {
        write().exec(type === 'table'
          ? sql.replace(quoted(source), `"${target}"`).replace(referencesClause, '')
          : sql.replace(quoted(name), `"${target}_${name}"`).replace(new RegExp(`(\\bon\\s+)("${source}"|${source}\\b)`, 'i'), `$1"${target}"`));
      }
    },
    close: async () => {
      sqlite.close();
      writer?.close();
    },
  };
}

/** Runs `work` on one client of `pool` in a transaction: committed when it returns, rolled back when it throws. */
export async function inPgTransaction(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await work(client);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export function openBarePostgres(connectionString: string, poolSize: number, log: (message: string) => void): BareDatabase {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 10_000 });
  // An idle connection the server ends would otherwise crash the bench as an unhandled 'error' event.
  pool.on('error', (error) => log(`bare pg pool: ${error.message}`));
  let statements = 0;
  const numbered = (sql: string): string => {
    let placeholder = 0;
    return sql.replace(/\?/g, () => `$${(placeholder += 1)}`);
  };
  const named = (sql: string) => ({ name: `bench_${(statements += 1)}`, text: numbered(sql) });
  const insertTables = (parts: readonly TableRows[]): Promise<void> => inPgTransaction(pool, async (client) => {
    for (const { table, columns, rows } of parts) {
      // One array per column, cast to the column's type: the fastest plain INSERT with node-postgres (a VALUES
      // list binds every value as its own parameter).
      const types = new Map((await client.query<{ name: string; type: string }>(
        'select column_name as name, udt_name as type from information_schema.columns where table_name = $1', [table])).rows.map((r) => [r.name, r.type]));
      const text = `insert into ${table} (${columns.join(', ')}) select * from unnest(${columns.map((c, i) => `$${i + 1}::${types.get(c) ?? 'text'}[]`).join(', ')})`;
      for (let start = 0; start < rows.length; start += pgInsertBatch) {
        const batch = rows.slice(start, start + pgInsertBatch);
        await client.query(text, columns.map((_, c) => batch.map((row) => row[c])));
      }
    }
  });
  return {
    description: 'one prepared pg query',
    insertDescription: `pg INSERTs from unnest of one array per column, ${pgInsertBatch.toLocaleString('en')} rows each, all in one transaction`,
    prepare(sql) {
      // A named query is parsed once per connection and then executed as a prepared statement.
      const query = named(sql);
      return async (params) => (await pool.query<Record<string, unknown>>({ ...query, values: params })).rows[0];
    },
    prepareAll(sql) {
      const query = named(sql);
      return async (params) => (await pool.query<Record<string, unknown>>({ ...query, values: params })).rows;
    },
    async execute(sql) {
      await pool.query(sql);
    },
    insertRows: async (table, columns, rows) => insertTables([{ table, columns, rows }]),
    insertTables,
    async copyTableShape(source, target) {
      // LIKE copies no foreign keys; INCLUDING ALL brings the defaults, checks, keys and indexes.
      await pool.query(`create table ${target} (like ${source} including all)`);
    },
    close: () => pool.end(),
  };
}
