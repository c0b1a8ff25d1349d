import { CompiledQuery, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { DialectName } from './dialect-name.js';
import type { Schema } from './schema.js';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Rows per statement: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters for our widest tables. */
const batchSize = 500;

const compiled = new Map<string, string>();

/**
 * Inserts many rows with multi-row statements. Kysely would build and compile a statement of `batchSize` rows
 * for every batch; the SQL depends only on the table, the columns and the row count, so it is compiled once and
 * reused with new parameters (and, on SQLite, stays prepared in the statement cache).
 */
export async function bulkInsert<T extends keyof Schema & string>(db: Db, dialect: DialectName, table: T, rows: readonly Insertable<Schema[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!) as (keyof Insertable<Schema[T]> & string)[];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const key = `${dialect}|${table}|${columns.join(',')}|${batch.length}`;
    let text = compiled.get(key);
    if (!text) {
      // Kysely writes the dialect's SQL and placeholders; the values given here are only stand-ins.
      text = db.insertInto(table).values(batch as Insertable<Schema[T]>[]).compile().sql;
      compiled.set(key, text);
    }
    const parameters: unknown[] = [];
    for (const row of batch) for (const column of columns) parameters.push(row[column] ?? null);
    await db.executeQuery(CompiledQuery.raw(text, parameters));
  }
}
