import { CompiledQuery, type Compilable, type Kysely, type Transaction } from 'kysely';
import type { PreparedRunner, WriteStep } from './database.js';
import type { DialectName } from './dialect-name.js';
import type { Schema } from './schema.js';

interface Target {
  db: Kysely<Schema>;
  dialect: DialectName;
  runPrepared: PreparedRunner | null;
}

let statementCount = 0;

/**
 * A query built and compiled once per database, then run with new parameter values. Kysely builds and compiles
 * the SQL on every execution, which on a hot read (the session or token check of every request) costs more than
 * running the query. The builder keeps its typing and both dialects; values are named placeholders, found by
 * position in the compiled parameters. On PostgreSQL the query also runs as a named prepared statement, so the
 * server parses and plans it once per connection.
 */
export function compileOnce<P extends Record<string, string | null>, R>(build: (target: Target, params: P) => Compilable<R>) {
  const statementName = `kyodo_${++statementCount}`;
  const cache = new WeakMap<Kysely<Schema>, { compiled: CompiledQuery<R>; names: (keyof P | null)[] }>();
  const compile = (target: Target) => {
    const markers = new Map<string, keyof P>();
    const params = new Proxy({} as P, {
      get: (_target, name) => {
        const marker = `\u0000kyodo-param:${String(name)}\u0000`;
        markers.set(marker, name as keyof P);
        return marker;
      },
    });
    const compiled = build(target, params).compile();
    const names = compiled.parameters.map((p) => (typeof p === 'string' ? (markers.get(p) ?? null) : null));
    const entry = { compiled, names };
    cache.set(target.db, entry);
    return entry;
  };
  const bind = (target: Target, values: P): WriteStep & { compiled: CompiledQuery<R> } => {
    const { compiled, names } = cache.get(target.db) ?? compile(target);
    const parameters = compiled.parameters.map((p, i) => {
      const name = names[i];
      return name === null || name === undefined ? p : values[name];
    });
    return { name: statementName, sql: compiled.sql, parameters, compiled };
  };
  const run = async (target: Target, values: P): Promise<R[]> => {
    const { name, sql, parameters, compiled } = bind(target, values);
    if (target.runPrepared) return (await target.runPrepared(name, sql, parameters)) as R[];
    return (await target.db.executeQuery<R>({ ...compiled, parameters })).rows;
  };
  /** The statement with these values, to run with others in one transaction (`runWrites`). */
  return Object.assign(run, { bind: (target: Target, values: P): WriteStep => bind(target, values) });
}

/**
 * Runs a read built with Kysely outside any transaction, on the read path of `runPrepared` when there is one
 * (SQLite's read-only connection; PostgreSQL's pool), else through Kysely.
 */
export async function executeRead<R>(target: Target, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  if (target.runPrepared) return (await target.runPrepared(null, compiled.sql, compiled.parameters)) as R[];
  return (await target.db.executeQuery<R>(compiled)).rows;
}

/**
 * The writes of a `WriteRunner` inside a transaction that also does more (an audit entry): in order, stopping at the
 * first that changes no row and returning its index (the caller rolls back), -1 when all wrote.
 */
export async function runWritesIn(trx: Transaction<Schema>, steps: readonly WriteStep[]): Promise<number> {
  for (const [index, step] of steps.entries()) {
    const { numAffectedRows } = await trx.executeQuery(CompiledQuery.raw(step.sql, [...step.parameters]));
    if (!numAffectedRows) return index;
  }
  return -1;
}
