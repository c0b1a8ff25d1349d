import { CompiledQuery, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from './dialect-name.js';
import type { Schema } from './schema.js';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Rows per statement: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters for our widest tables. */
const batchSize = 500;

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
  const values: unknown[] = [];
  for (const row of rows) for (const column of columns) values.push(row[column] ?? null);
  await bulkInsertValues(db, dialect, table, columns, values, onBatch);
}

/**
 * Inserts rows given as one flat array of values, row after row in `columns` order: for the largest loads (the
 * search tokens of an import), where an object per row would only make work for the garbage collector.
 */
export async function bulkInsertValues<T extends keyof Schema & string>(
  db: Db,
  dialect: DialectName,
  table: T,
  columns: readonly (keyof Insertable<Schema[T]> & string)[],
  values: readonly unknown[],
  onBatch?: BatchListener,
): Promise<void> {
  const width = columns.length;
  if (values.length % width !== 0) throw new Error(`bulkInsertValues(${table}): ${values.length} values do not fill rows of ${width}`);
  for (let start = 0; start < values.length; start += batchSize * width) {
    const batch = values.slice(start, start + batchSize * width);
    await db.executeQuery(CompiledQuery.raw(insertSql(db, dialect, table, columns, batch.length / width), batch));
    await onBatch?.(batch.length / width);
  }
}
