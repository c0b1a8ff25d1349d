import pg from 'pg';

export interface ScratchDatabase {
  /** DATABASE_URL with the scratch database in place of the given one. */
  url: string;
  drop(): Promise<void>;
}

async function onMaintenanceDatabase<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database on the server of `databaseUrl`, named after this process, so that the bench never
 * reads or writes the database the URL names. Needs the CREATEDB privilege.
 */
export async function createScratchDatabase(databaseUrl: string): Promise<ScratchDatabase> {
  const name = `kyodo_bench_${process.pid}`;
  await onMaintenanceDatabase(databaseUrl, async (client) => {
    // A run killed before its clean-up leaves its database behind; a later run with the same pid reuses the name.
    // Without FORCE: a database still in use is not a leftover, and the error says so.
    await client.query(`drop database if exists ${name}`);
    await client.query(`create database ${name}`);
  });
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onMaintenanceDatabase(databaseUrl, (client) => dropScratch(client, name)) };
}

/**
 * pg's pool.end() resolves before its connections have left the server. A plain DROP waits a few seconds for
 * them; FORCE is the fallback for a connection that stays, because FORCE ends connections mid-close, and an
 * idle pg client that receives that termination throws it as an unhandled 'error' event.
 */
async function dropScratch(client: pg.Client, name: string): Promise<void> {
  try {
    await client.query(`drop database if exists ${name}`);
  } catch (error) {
    const objectInUse = typeof error === 'object' && error !== null && 'code' in error && error.code === '55006';
    if (!objectInUse) throw error;
    await client.query(`drop database if exists ${name} with (force)`);
  }
}
