import { setImmediate as giveWay } from 'node:timers/promises';
import { CompiledQuery, sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { RowWriter } from './database.js';
import type { DialectName } from './dialect-name.js';
import type { Schema } from './schema.js';

type Db = Kysely<Schema> | Transaction<Schema>;

/**
 * Rows per statement. SQLite binds every value (far below its 32,766 parameters for our widest tables). PostgreSQL
 * gets one array per column (see `unnestSql`), so a statement can carry many more rows.
 */
const batchSizes: Record<DialectName, number> = { sqlite: 500, postgresql: 5_000 };

const compiled = new Map<string, string>();

/**
 * The SQL of a multi-row insert. Kysely would build and compile a statement of `batchSize` rows for every batch;
 * the SQL depends only on the table, the columns and the row count, so it is compiled once and reused with new
 * parameters (and, on SQLite, stays prepared in the statement cache).
 */
function insertSql<T extends keyof Schema & string>(db: Db, dialect: DialectName, table: T, columns: readonly string[], rows: number): string {
  const key = `${dialect}|${table}|${columns.join(',')}|${rows}`;
  let text = compiled.get(key);
  if (!text) {
    // Kysely writes the dialect's SQL and placeholders; the values given here are only stand-ins.
    const standIn = Object.fromEntries(columns.map((c) => [c, null])) as Insertable<Schema[T]>;
    text = db.insertInto(table).values(Array.from({ length: rows }, () => standIn)).compile().sql;
    compiled.set(key, text);
  }
  return text;
}

/**
 * PostgreSQL: `insert … select * from unnest($1::text[], $2::int4[], …)`, one array parameter per column. The
 * statement is parsed and planned once per batch whatever its row count, instead of binding tens of thousands of
 * single parameters. The arrays need the columns' types, read once per table from the catalogue.
 */
const columnTypes = new Map<string, Promise<Map<string, string>>>();

function typesOf(db: Db, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    types = sql<{ column_name: string; udt_name: string }>`select column_name, udt_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`.execute(db)
      .then((result) => new Map(result.rows.map((r) => [r.column_name, r.udt_name])));
    types.catch(() => columnTypes.delete(table));
    columnTypes.set(table, types);
  }
  return types;
}

async function unnestSql(db: Db, table: string, columns: readonly string[], shared: readonly string[] = []): Promise<string> {
  const types = await typesOf(db, table);
  const typeOf = (column: string): string => {
    const type = types.get(column);
    if (!type) throw new Error(`bulk insert: ${table} has no column ${column}`);
    return type;
  };
  const arrays = columns.map((column, i) => `$${i + 1}::${typeOf(column)}[]`);
  // A shared column's value is one parameter after the arrays, the same in every row.
  const scalars = shared.map((column, i) => `, $${columns.length + i + 1}::${typeOf(column)}`).join('');
  return `insert into "${table}" (${[...columns, ...shared].map((c) => `"${c}"`).join(', ')}) select *${scalars} from unnest(${arrays.join(', ')})`;
}

/**
 * SQLite: the SQL of a multi-row insert whose `shared` columns hold the same value in every row. Those values are
 * bound once, in the select list, rather than once per row (binding is a good part of a bulk insert's cost):
 * `insert into t (a, b, s) select column1, column2, ? from (values (?, ?), (?, ?), …)`.
 */
function sharedInsertSql(table: string, columns: readonly string[], shared: readonly string[], rows: number): string {
  const key = `shared|${table}|${columns.join(',')}|${shared.join(',')}|${rows}`;
  let text = compiled.get(key);
  if (!text) {
    const row = `(${columns.map(() => '?').join(', ')})`;
    const names = [...columns, ...shared].map((c) => `"${c}"`).join(', ');
    const select = [...columns.map((_, i) => `column${i + 1}`), ...shared.map(() => '?')].join(', ');
    text = `insert into "${table}" (${names}) select ${select} from (values ${Array.from({ length: rows }, () => row).join(', ')})`;
    compiled.set(key, text);
  }
  return text;
}

const rowWriters = new WeakMap<object, RowWriter>();

/**
 * Marks a transaction on SQLite's writing connection: its bulk inserts run `rowWriter`, a prepared statement per row,
 * instead of multi-row statements. Only for a transaction, which holds the connection until it ends (see `RowWriter`).
 */
export function insertingRowByRow<T extends Transaction<Schema>>(trx: T, rowWriter: RowWriter): T {
  rowWriters.set(trx, rowWriter);
  return trx;
}

/** SQLite: the INSERT of one row, its columns then the shared ones. */
function rowInsertSql(table: string, columns: readonly string[], shared: readonly string[]): string {
  const key = `row|${table}|${columns.join(',')}|${shared.join(',')}`;
  let text = compiled.get(key);
  if (!text) {
    const names = [...columns, ...shared];
    text = `insert into "${table}" (${names.map((c) => `"${c}"`).join(', ')}) values (${names.map(() => '?').join(', ')})`;
    compiled.set(key, text);
  }
  return text;
}

/** Told how many rows each statement wrote, after it ran (progress reports). */
export type BatchListener = (rows: number) => Promise<void> | void;

/** Inserts many rows with multi-row statements. */
export async function bulkInsert<T extends keyof Schema & string>(
  db: Db,
  dialect: DialectName,
  table: T,
  rows: readonly Insertable<Schema[T]>[],
  onBatch?: BatchListener,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!) as (keyof Insertable<Schema[T]> & string)[];
  const writer = new BulkWriter(db, dialect, table, columns, { onBatch });
  for (const row of rows) await writer.add(...columns.map((column) => row[column] ?? null));
  await writer.flush();
}

/**
 * Writes rows as they are added, a multi-row statement whenever a batch is full: a large load needs neither an
 * object per row nor an array of every row. Values come in `columns` order. `flush` writes what is left.
 * A writer whose rows refer to another's (a foreign key) names it in `after`: that one's rows go out first.
 * Columns with the same value in every row (the organization, the time of the load) can be given once in
 * `shared` instead of in every row: `add` then takes the other columns' values only.
 */
export class BulkWriter<T extends keyof Schema & string> {
  private values: unknown[] = [];
  private readonly sharedColumns: readonly string[];
  private readonly sharedValues: readonly unknown[];

  constructor(
    private readonly db: Db,
    private readonly dialect: DialectName,
    private readonly table: T,
    private readonly columns: readonly (keyof Insertable<Schema[T]> & string)[],
    private readonly options: {
      onBatch?: BatchListener | undefined;
      after?: readonly { flush(): Promise<void> }[];
      shared?: { readonly [C in keyof Insertable<Schema[T]> & string]?: unknown };
    } = {},
  ) {
    const shared = Object.entries(options.shared ?? {});
    this.sharedColumns = shared.map(([column]) => column);
    this.sharedValues = shared.map(([, value]) => value ?? null);
  }

  /** Adds one row; a promise only when the row filled a batch that is being written. */
  add(...row: unknown[]): Promise<void> | undefined {
    if (row.length !== this.columns.length) throw new Error(`BulkWriter(${this.table}): ${row.length} values for ${this.columns.length} columns`);
    for (const value of row) this.values.push(value);
    return this.values.length >= batchSizes[this.dialect] * this.columns.length ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    for (const writer of this.options.after ?? []) await writer.flush();
    if (this.values.length === 0) return;
    const batch = this.values;
    this.values = [];
    const width = this.columns.length;
    const rows = batch.length / width;
    if (this.dialect === 'postgresql') {
      const arrays = this.columns.map((_, c) => {
        const column = new Array<unknown>(rows);
        for (let r = 0; r < rows; r++) column[r] = batch[r * width + c];
        return column;
      });
      const sql = await unnestSql(this.db, this.table, this.columns, this.sharedColumns);
      await this.db.executeQuery(CompiledQuery.raw(sql, [...arrays, ...this.sharedValues]));
    } else if (rowWriters.has(this.db)) {
      const run = rowWriters.get(this.db)!(rowInsertSql(this.table, this.columns, this.sharedColumns));
      const parameters = new Array<unknown>(width + this.sharedValues.length);
      for (let s = 0; s < this.sharedValues.length; s++) parameters[width + s] = this.sharedValues[s];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < width; c++) parameters[c] = batch[r * width + c];
        run(parameters);
      }
      // These rows went in synchronously: after a full batch, the event loop gets a turn (other requests are answered,
      // their reads from the second connection), as Kysely's statements give it in a long transaction.
      if (rows === batchSizes.sqlite) await giveWay();
    } else if (this.sharedColumns.length > 0) {
      // The select list's placeholders come first in the text, so the shared values are bound first.
      const parameters = [...this.sharedValues, ...batch];
      await this.db.executeQuery(CompiledQuery.raw(sharedInsertSql(this.table, this.columns, this.sharedColumns, rows), parameters));
    } else {
      await this.db.executeQuery(CompiledQuery.raw(insertSql(this.db, this.dialect, this.table, this.columns, rows), batch));
    }
    await this.options.onBatch?.(rows);
  }
}
