import { setImmediate as giveWay } from 'node:timers/promises';
import type SQLite from 'better-sqlite3';
import { CompiledQuery, SelectQueryNode, SqliteDialect, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';

/** A prepared-statement source: the connection's statement cache. */
export interface Statements {
  prepare(sqlText: string): SQLite.Statement;
}

/** Long transactions give the event loop a turn at least this often (ms), so that other requests are answered meanwhile. */
const turnEvery = 20;

/**
 * Kysely's SQLite driver, with two differences that keep a server answering while a long transaction runs (an import
 * of 65,000 members, a fiscal-year close):
 * - A statement that only reads, run outside any transaction while the writing connection is taken (a transaction is
 *   open on it), goes to the second, read-only connection. In WAL mode that one reads the last committed state, which
 *   is all a read outside a transaction may see anyway. Anything else waits for the writing connection, as before.
 *   (`runPrepared`, in database.ts, routes its synchronous hot reads alike, by whether a transaction is open there.)
 * - A transaction lets the event loop run every `turnEvery` ms between its statements. better-sqlite3 is synchronous
 *   and Kysely's promises resolve at once, so without it a transaction holds the whole process until it ends.
 * `:memory:` has no second connection: there every statement waits for the one connection.
 */
export class KyodoSqliteDriver implements Driver {
  readonly #mutex = new Mutex();

  constructor(
    private readonly writer: SQLite.Database,
    private readonly writerStatements: Statements,
    private readonly readerStatements: Statements | null,
  ) {}

  async init(): Promise<void> {}

  /** A connection that takes the writing connection when it first needs it, not when acquired. */
  async acquireConnection(): Promise<DatabaseConnection> {
    return new LazyConnection(this.#mutex, this.writer, this.writerStatements, this.readerStatements);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as LazyConnection).hold();
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as LazyConnection).release();
  }

  async destroy(): Promise<void> {
    this.writer.close();
  }

  /** Runs `work` (synchronous better-sqlite3 calls) holding the writing connection: no Kysely transaction is open on it. */
  async withWriter<T>(work: () => T): Promise<T> {
    await this.#mutex.lock();
    try {
      return work();
    } finally {
      this.#mutex.unlock();
    }
  }
}

/** The dialect around a `KyodoSqliteDriver` made beforehand (so that its owner can call `withWriter`). */
export class KyodoSqliteDialect extends SqliteDialect {
  constructor(private readonly driver: KyodoSqliteDriver) {
    super({ database: {} as never });
  }

  override createDriver(): Driver {
    return this.driver;
  }
}

/** A select, built or written out (not a pragma, which may set something on the connection it runs on). */
const isSelect = ({ query, sql }: CompiledQuery): boolean => SelectQueryNode.is(query) || /^\s*(select|with)\b/i.test(sql);

class LazyConnection implements DatabaseConnection {
  #held = false;
  #lastTurn = performance.now();

  constructor(
    private readonly mutex: Mutex,
    private readonly writer: SQLite.Database,
    private readonly writerStatements: Statements,
    private readonly readerStatements: Statements | null,
  ) {}

  async hold(): Promise<void> {
    if (this.#held) return;
    await this.mutex.lock();
    this.#held = true;
    this.#lastTurn = performance.now();
  }

  release(): void {
    if (!this.#held) return;
    this.#held = false;
    this.mutex.unlock();
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql, parameters } = compiledQuery;
    if (!this.#held) {
      if (this.readerStatements && this.mutex.locked && isSelect(compiledQuery)) {
        const statement = this.writerStatements.prepare(sql);
        if (statement.reader && statement.readonly) return { rows: this.readerStatements.prepare(sql).all(parameters) as R[] };
      }
      await this.hold();
    } else if (this.writer.inTransaction && performance.now() - this.#lastTurn > turnEvery) {
      await giveWay();
      this.#lastTurn = performance.now();
    }
    const statement = this.writerStatements.prepare(sql);
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) throw new Error('the SQLite driver streams select queries only');
    await this.hold();
    for (const row of this.writerStatements.prepare(compiledQuery.sql).iterate(compiledQuery.parameters)) yield { rows: [row as R] };
  }
}

/** One holder of the writing connection at a time, in the order they asked. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  #release: (() => void) | null = null;
  #waiting = 0;

  get locked(): boolean {
    return this.#release !== null || this.#waiting > 0;
  }

  async lock(): Promise<void> {
    const previous = this.#tail;
    let release!: () => void;
    this.#tail = new Promise<void>((resolve) => (release = resolve));
    this.#waiting += 1;
    await previous;
    this.#waiting -= 1;
    this.#release = release;
  }

  unlock(): void {
    const release = this.#release;
    this.#release = null;
    release?.();
  }
}
