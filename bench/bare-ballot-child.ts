import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { serveInChild } from './child-server.js';
import { startBareServer } from './servers.js';

/**
 * The baseline of `ballots.cast`, in a child process like the Kyodo it is compared with: a bare Fastify route
 * answering `POST /motions/:motionId/ballots` by inserting one row (the motion, a random key, the choice) into a
 * scratch table of the bench's database with one prepared INSERT. No token check, no schema, no transaction.
 */
export type BareBallotSpec = {
  /** The SQLite file, or null on PostgreSQL. */
  sqliteFile: string | null;
  databaseUrl: string | null;
  /** The pg pool's size: the app's. */
  poolSize: number;
  table: string;
};

interface Inserter {
  insert(values: [string, string, string]): Promise<void>;
  close(): Promise<void>;
}

function sqliteInserter(file: string, table: string): Inserter {
  const db = new SQLite(file, { fileMustExist: true });
  // The app's settings for its writing connection (src/db/database.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const statement = db.prepare(`insert into ${table} (motion_id, receipt, choice) values (?, ?, ?)`);
  return {
    insert: async (values) => {
      statement.run(...values);
    },
    close: async () => {
      db.close();
    },
  };
}

function postgresInserter(connectionString: string, poolSize: number, table: string): Inserter {
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 10_000 });
  pool.on('error', (error) => console.error(`bare ballot pool: ${error.message}`));
  // Named: parsed once per connection, then executed as a prepared statement.
  const query = { name: 'bench_bare_ballot', text: `insert into ${table} (motion_id, receipt, choice) values ($1, $2, $3)` };
  return {
    insert: async (values) => {
      await pool.query({ ...query, values });
    },
    close: () => pool.end(),
  };
}

serveInChild<BareBallotSpec>(async (spec) => {
  const inserter = spec.databaseUrl ? postgresInserter(spec.databaseUrl, spec.poolSize, spec.table) : sqliteInserter(spec.sqliteFile!, spec.table);
  const server = await startBareServer((app) => {
    app.post<{ Params: { motionId: string }; Body: { choice: string } }>('/motions/:motionId/ballots', async (request, reply) => {
      // As long as the app's receipts (24 characters), and as random: rows land all over the key's index.
      const receipt = randomBytes(18).toString('base64url');
      await inserter.insert([request.params.motionId, receipt, request.body.choice]);
      return reply.code(201).send({ receipt });
    });
  });
  return {
    origin: server.origin,
    close: async () => {
      await server.close();
      await inserter.close();
    },
  };
});
