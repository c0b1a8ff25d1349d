import SQLite from 'better-sqlite3';
import pg from 'pg';

/** A row-reading function around one prepared statement; parameters bind to `?` placeholders in order. */
export type PreparedRead = (params: unknown[]) => Promise<Record<string, unknown> | undefined>;

/**
 * Direct access to the app's database without Kysely or any app code: what a baseline route may use.
 * It opens its own connections (a read-only SQLite handle, or a pg pool of the app's size).
 */
export interface BareDatabase {
  /** What the baseline runs, for notes: "one prepared better-sqlite3 statement" or "one prepared pg query". */
  description: string;
  prepare(sql: string): PreparedRead;
  close(): Promise<void>;
}

export function openBareSqlite(file: string): BareDatabase {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  return {
    description: 'one prepared better-sqlite3 statement',
    prepare(sql) {
      const statement = sqlite.prepare<unknown[], Record<string, unknown>>(sql);
      return async (params) => statement.get(...params);
    },
    close: async () => {
      sqlite.close();
    },
  };
}

export function openBarePostgres(connectionString: string, poolSize: number, log: (message: string) => void): BareDatabase {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 10_000 });
  // An idle connection the server ends would otherwise crash the bench as an unhandled 'error' event.
  pool.on('error', (error) => log(`bare pg pool: ${error.message}`));
  let statements = 0;
  return {
    description: 'one prepared pg query',
    prepare(sql) {
      let placeholder = 0;
      // A named query is parsed once per connection and then executed as a prepared statement.
      const query = { name: `bench_${(statements += 1)}`, text: sql.replace(/\?/g, () => `$${(placeholder += 1)}`) };
      return async (params) => (await pool.query<Record<string, unknown>>({ ...query, values: params })).rows[0];
    },
    close: () => pool.end(),
  };
}
