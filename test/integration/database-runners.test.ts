import { sql, type Kysely, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, isUniqueViolation, type AppContext } from '../../src/app/shared/context.js';
import { BulkWriter } from '../../src/db/bulk-insert.js';
import type { Database, WriteStep } from '../../src/db/database.js';
import type { Schema } from '../../src/db/schema.js';
import { dialects, openTestDatabase } from '../support/databases.js';

/**
 * The database layer's two fast paths: `runWrites` (prepared writes in one transaction, stopping at a write that
 * changes nothing) and, on SQLite, `runPrepared` (reads outside transactions, on the writing connection when no
 * transaction is open on it, else on the read-only one).
 */
describe.each(dialects)('database runners (%s)', (dialect) => {
  let database: Database;
  let db: Kysely<unknown>;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    db = database.db as unknown as Kysely<unknown>;
    await sql`create table runner_test (k text primary key, v text not null)`.execute(db);
  });
  afterAll(() => database.close());

  const insert = (k: string, v = 'value'): WriteStep => ({ name: 'runner_test_insert', ...compiled(sql`insert into runner_test (k, v) values (${k}, ${v})`) });
  const touchMissing = (): WriteStep => ({ name: 'runner_test_touch', ...compiled(sql`update runner_test set v = ${'changed'} where k = ${'no such key'}`) });
  const compiled = (query: ReturnType<typeof sql>) => {
    const { sql: text, parameters } = query.compile(db);
    return { sql: text, parameters };
  };
  const keys = async () => (await sql<{ k: string }>`select k from runner_test order by k`.execute(db)).rows.map((r) => r.k);
  /**
   * A Kysely transaction that has inserted `k` and holds the writing connection until `release` is called; then it
   * commits, or throws and rolls back (its promise then answers the error's message).
   */
  const heldTransaction = async (k: string, outcome: 'commit' | 'roll back') => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await sql`insert into runner_test (k, v) values (${k}, ${'uncommitted'})`.execute(trx);
      entered();
      await gate;
      if (outcome === 'roll back') throw new Error('rolled back on purpose');
    }).then(() => 'committed', (error: Error) => error.message);
    await inside;
    return { transaction, release };
  };

  it('commits every write, in order, and answers -1', async () => {
    expect(await database.runWrites([insert('a1'), insert('a2')])).toBe(-1);
    expect(await keys()).toEqual(['a1', 'a2']);
  });

  it('rolls back everything at the first write that changes no row, and answers its index', async () => {
    expect(await database.runWrites([insert('b1'), touchMissing(), insert('b2')])).toBe(1);
    expect(await keys()).toEqual(['a1', 'a2']);
  });

  it('rolls back everything on an error and throws it, leaving the connection usable', async () => {
    const failed = await database.runWrites([insert('c1'), insert('a1')]).catch((error: unknown) => error);
    expect(isUniqueViolation(failed)).toBe(true);
    expect(await keys()).toEqual(['a1', 'a2']);
    for (let i = 0; i < 12; i++) expect(await database.runWrites([insert(`d${String(i).padStart(2, '0')}`)])).toBe(-1);
    expect((await keys()).length).toBe(14);
  });

  it('bulk-inserts in a transaction all or nothing (on SQLite a prepared statement per row), shared values once', async () => {
    expect(database.rowWriter === null).toBe(dialect === 'postgresql');
    const ctx: AppContext = { db: database.db, dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, rowWriter: database.rowWriter, now: () => new Date() };
    // A table outside the schema's types: the writer only needs its name and columns.
    const writer = (trx: Transaction<Schema>) => new BulkWriter(trx, dialect, 'runner_test' as keyof Schema, ['k'] as never[], { shared: { v: 'bulk' } as never });
    const write = (keysToWrite: string[]) => inTransaction(ctx, async (trx) => {
      const bulk = writer(trx);
      for (const k of keysToWrite) {
        const written = bulk.add(k);
        if (written) await written;
      }
      await bulk.flush();
    });
    await write(Array.from({ length: 1_200 }, (_, i) => `e${String(i).padStart(4, '0')}`));
    const bulkRows = async () => (await sql<{ k: string; v: string }>`select k, v from runner_test where v = ${'bulk'} order by k`.execute(db)).rows;
    expect((await bulkRows()).length).toBe(1_200);
    // A duplicate after a thousand good rows: none of them stays.
    const failed = await write([...Array.from({ length: 1_000 }, (_, i) => `f${String(i).padStart(4, '0')}`), 'e0007']).catch((error: unknown) => error);
    expect(isUniqueViolation(failed)).toBe(true);
    expect((await bulkRows()).length).toBe(1_200);
    expect((await keys()).some((k) => k.startsWith('f'))).toBe(false);
  });

  it.runIf(dialect === 'sqlite')('answers reads outside an open transaction at once, from committed data; writes outside it wait', async () => {
    const before = await keys();
    const { transaction, release } = await heldTransaction('tx2', 'commit');
    // Both a written-out and a built select are answered while the transaction holds the writing connection (they
    // would wait for it to end otherwise: this test would never get past them), without its uncommitted row.
    expect(await keys()).toEqual(before);
    const built = await (db as Kysely<{ runner_test: { k: string } }>).selectFrom('runner_test').select('k').orderBy('k').execute();
    expect(built.map((r) => r.k)).toEqual(before);
    const write = sql`insert into runner_test (k, v) values (${'o1'}, ${'outside'})`.execute(db);
    let written = false;
    void write.then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBe(false);
    release();
    expect(await transaction).toBe('committed');
    await write;
    expect(await keys()).toEqual([...before, 'o1', 'tx2'].sort());
  });

  it.runIf(dialect === 'sqlite')('gives the event loop a turn between full batches of a bulk write, inside the transaction', async () => {
    const ctx: AppContext = { db: database.db, dialect, runPrepared: database.runPrepared, runWrites: database.runWrites, rowWriter: database.rowWriter, now: () => new Date() };
    let turned = false;
    await inTransaction(ctx, async (trx) => {
      const bulk = new BulkWriter(trx, dialect, 'runner_test' as keyof Schema, ['k'] as never[], { shared: { v: 'turn' } as never });
      setImmediate(() => (turned = true));
      for (let i = 0; i < 1_000; i++) {
        const written = bulk.add(`g${String(i).padStart(4, '0')}`);
        if (written) await written;
      }
      // Two batches went in synchronously; a callback queued before them has run since.
      expect(turned).toBe(true);
      await bulk.flush();
    });
  });

  it.runIf(dialect === 'sqlite')('waits for an open Kysely transaction instead of joining it, and reads committed data meanwhile', async () => {
    const before = await keys();
    const { transaction, release } = await heldTransaction('tx1', 'roll back');
    // A read outside the transaction goes to the read-only connection: it does not see the uncommitted row.
    const read = await database.runPrepared!(null, 'select k from runner_test order by k', []);
    expect(read.map((r) => (r as { k: string }).k)).toEqual(before);
    const writes = database.runWrites([insert('w1')]);
    let written = false;
    void writes.then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(written).toBe(false);
    release();
    expect(await transaction).toBe('rolled back on purpose');
    expect(await writes).toBe(-1);
    // The transaction's row was rolled back; the runner's write, made after it, stands.
    expect(await keys()).toEqual([...before, 'w1'].sort());
    // With no transaction open, reads see the latest commit at once.
    expect((await database.runPrepared!(null, 'select count(*) as n from runner_test', []))[0]).toEqual({ n: before.length + 1 });
  });
});
