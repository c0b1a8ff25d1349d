import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DialectName, PreparedRunner } from '../../db/database.js';
import type { Schema } from '../../db/schema.js';

/** What every use case receives: the database and a clock (tests move time by passing their own). */
export interface AppContext {
  db: Kysely<Schema>;
  dialect: DialectName;
  /** Named prepared statements for hot reads, where the database offers them (PostgreSQL). */
  runPrepared: PreparedRunner | null;
  now(): Date;
}

export type Tx = Transaction<Schema> | Kysely<Schema>;

export const newId = (): string => randomUUID();

export const isoNow = (ctx: AppContext): string => ctx.now().toISOString();

/** Runs `work` in one transaction: a multi-row write is all-or-nothing. */
export function inTransaction<T>(ctx: AppContext, work: (trx: Transaction<Schema>) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(work);
}

/** True when an error is a unique-constraint violation in either dialect. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    (typeof message === 'string' && message.includes('UNIQUE constraint failed'));
}
