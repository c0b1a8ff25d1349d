import SQLite from 'better-sqlite3';
import pg from 'pg';

/** A row-reading function around one prepared statement; parameters bind to `?` placeholders in order. */
export type PreparedRead = (params: unknown[]) => Promise<Record<string, unknown> | undefined>;

/** The same, returning every row. */
export type PreparedReadAll = (params: unknown[]) => Promise<Record<string, unknown>[]>;

/** Rows per multi-row INSERT on PostgreSQL: 1,000 rows of 16 columns stay far below its 65,535 parameters. */
const pgInsertBatch = 1000;

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
  close(): Promise<void>;
}

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
    async insertRows(table, columns, rows) {
      const db = write();
      const insert = db.prepare(`insert into ${table} (${columns.join(', ')}) values ${placeholders(columns.length)}`);
      db.transaction(() => {
        for (const row of rows) insert.run(...row);
      })();
    },
    close: async () => {
      sqlite.close();
      writer?.close();
    },
  };
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
  return {
    description: 'one prepared pg query',
    insertDescription: `multi-row pg INSERTs of ${pgInsertBatch.toLocaleString('en')} rows, all in one transaction`,
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
    async insertRows(table, columns, rows) {
      const statementFor = (count: number) =>
        numbered(`insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: count }, () => placeholders(columns.length)).join(', ')}`);
      const full = statementFor(pgInsertBatch);
      const client = await pool.connect();
      try {
        await client.query('begin');
        for (let start = 0; start < rows.length; start += pgInsertBatch) {
          const batch = rows.slice(start, start + pgInsertBatch);
          await client.query(batch.length === pgInsertBatch ? full : statementFor(batch.length), batch.flat());
        }
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
