import { type Kysely, type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import type { DialectName } from './dialect-name.js';
import type { Schema } from './schema.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_members.js';
import * as m0003 from './migrations/0003_member_kinds.js';
import * as m0004 from './migrations/0004_member_number_order.js';
import * as m0005 from './migrations/0005_capital.js';
import * as m0006 from './migrations/0006_governance.js';
import * as m0007 from './migrations/0007_work_and_surplus.js';
import * as m0008 from './migrations/0008_account_balances.js';
import * as m0009 from './migrations/0009_businesses.js';
import * as m0010 from './migrations/0010_reporting.js';
import * as m0011 from './migrations/0011_programmes.js';
import * as m0012 from './migrations/0012_participants.js';
import * as m0013 from './migrations/0013_campaigns.js';
import * as m0014 from './migrations/0014_campaign_documents.js';
import * as m0015 from './migrations/0015_member_portal.js';
import * as m0016 from './migrations/0016_portal_indexes.js';
import * as m0017 from './migrations/0017_letter_parts.js';
import * as m0018 from './migrations/0018_batch_progress.js';
import * as m0019 from './migrations/0019_search_in_memory.js';

/** Migrations in order; append-only. Each receives the dialect for the rare statement Kysely cannot build. */
const migrations: Record<string, { up(db: Kysely<unknown>, dialect: DialectName): Promise<void> }> = {
  '0001_foundation': m0001,
  '0002_members': m0002,
  '0003_member_kinds': m0003,
  '0004_member_number_order': m0004,
  '0005_capital': m0005,
  '0006_governance': m0006,
  '0007_work_and_surplus': m0007,
  '0008_account_balances': m0008,
  '0009_businesses': m0009,
  '0010_reporting': m0010,
  '0011_programmes': m0011,
  '0012_participants': m0012,
  '0013_campaigns': m0013,
  '0014_campaign_documents': m0014,
  '0015_member_portal': m0015,
  '0016_portal_indexes': m0016,
  '0017_letter_parts': m0017,
  '0018_batch_progress': m0018,
  '0019_search_in_memory': m0019,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(migrations).map(([name, m]) => [name, { up: (db: Kysely<unknown>) => m.up(db, this.dialect) }]),
    );
  }
}

export interface MigrationReport {
  applied: string[];
}

/** Brings the schema up to date; each migration runs in its own transaction. */
export function migrateToLatest(appDb: Kysely<Schema>, dialect: DialectName): Promise<MigrationReport> {
  return migrate(appDb, dialect, (migrator) => migrator.migrateToLatest());
}

/** Brings the schema up to a named migration (tests of a migration over data written before it). */
export function migrateTo(appDb: Kysely<Schema>, dialect: DialectName, name: keyof typeof migrations): Promise<MigrationReport> {
  return migrate(appDb, dialect, (migrator) => migrator.migrateTo(name));
}

async function migrate(appDb: Kysely<Schema>, dialect: DialectName, run: (migrator: Migrator) => Promise<MigrationResultSet>): Promise<MigrationReport> {
  // Migrations see the schema as it was when they were written, not today's types.
  const db = appDb as unknown as Kysely<unknown>;
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect), migrationTableName: 'kysely_migration' });
  const { error, results } = await run(migrator);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
