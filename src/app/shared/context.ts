import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DialectName, PreparedRunner, RowWriter, WriteRunner } from '../../db/database.js';
import { insertingRowByRow } from '../../db/bulk-insert.js';
import type { Schema } from '../../db/schema.js';
import type { Keyring } from '../crypto/keyring.js';

/** What every use case receives: the database and a clock (tests move time by passing their own). */
export interface AppContext {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** Hot reads outside transactions: named prepared statements on PostgreSQL, prepared and cached on an SQLite file. */
  runPrepared: PreparedRunner | null;
  /** Prepared writes in one transaction, for the hottest write paths (a ballot). */
  runWrites: WriteRunner;
  /** SQLite: bulk inserts a prepared statement per row inside a transaction (`RowWriter`); absent, multi-row statements. */
  rowWriter?: RowWriter | null;
  now(): Date;
  /**
   * The keys that seal participants' personal data (kept outside the database: a key file or the environment).
   * Without it, nothing sealed can be written or read: such a use case refuses with `data_key_missing`.
   */
  keyring?: Keyring;
}

export type Tx = Transaction<Schema> | Kysely<Schema>;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): new rows land at the end of every primary-key index instead of at
 * random places, which keeps bulk loads of tens of thousands of members fast on both databases. The random part
 * comes from Node's randomUUID (which draws on a cached entropy pool); the first 48 bits are the time in ms.
 */
export function newId(now = Date.now()): string {
  // A bulk load asks for hundreds of thousands of ids, most within the same millisecond: its prefix is reused.
  if (now !== idTime.ms) idTime = { ms: now, prefix: timePrefix(now) };
  return `${idTime.prefix}${randomUUID().slice(15)}`;
}

let idTime = { ms: -1, prefix: '' };
const timePrefix = (ms: number): string => {
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8)}-7`;
};

export const isoNow = (ctx: AppContext): string => ctx.now().toISOString();

/**
 * The calendar day it is where the co-operatives are (Asia/Tokyo): a default date ("members today", "the register
 * as of today") is Japan's, not UTC's, which is still yesterday until 09:00 in Japan.
 */
export const localDate = (instant: Date): string => japanDate.format(instant);

// Made once: building a DateTimeFormat costs far more than using one, and default dates are read on every request.
const japanDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' });

export const today = (ctx: Pick<AppContext, 'now'>): string => localDate(ctx.now());

/** Runs `work` in one transaction: a multi-row write is all-or-nothing. */
export function inTransaction<T>(ctx: AppContext, work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
  const { rowWriter } = ctx;
  if (!rowWriter) return ctx.db.transaction().execute(work);
  // SQLite: the transaction's bulk inserts (an import, the demo) run a prepared statement per row on its connection.
  return ctx.db.transaction().execute((trx) => work(insertingRowByRow(trx, rowWriter)));
}

/** True when an error is a unique-constraint violation in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    (typeof message === 'string' && message.includes('UNIQUE constraint failed'));
}
