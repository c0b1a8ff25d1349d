import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';
import { dialects, testPostgresUrl } from '../support/databases.js';

/** An empty database of the dialect, not migrated; dropped or deleted by the returned cleanup. */
async function emptyDatabase(dialect: 'sqlite' | 'postgresql'): Promise<{ database: Database; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-migrate-'));
    const database = openDatabase({ databaseUrl: null, sqlitePath: path.join(dir, 'kyodo.db') });
    return { database, drop: async () => { await database.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `kyodo_migrate_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  const database = openDatabase({ databaseUrl: url.toString(), sqlitePath: '', poolSize: 2 });
  return {
    database,
    drop: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: testPostgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

describe.each(dialects)('migrations over existing data (%s)', (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => { for (const cleanup of cleanups) await cleanup(); });

  it('0004 gives the memberships already registered their number sort keys', async () => {
    const { database, drop } = await emptyDatabase(dialect);
    cleanups.push(drop);
    const { db } = database;
    await migrateTo(db, dialect, '0003_member_kinds');
    const at = '2024-04-01T00:00:00.000Z';
    const organizationId = randomUUID();
    await sql`insert into organizations (id, code, kind, parent_id, name_ja, legal_form, law_profile, fiscal_year_start_month, status, version, created_at, updated_at)
      values (${organizationId}, 'old', 'organization', null, '労働者協同組合旧', 'worker-cooperative', 'jp-worker-coop-2022', 4, 'active', 1, ${at}, ${at})`.execute(db);
    for (const number of ['000284', '0003', 'W10', 'W9']) {
      const personId = randomUUID();
      await sql`insert into people (id, family_name, given_name, family_kana, given_kana, version, created_at, updated_at)
        values (${personId}, '旧', '会員', 'キュウ', 'カイイン', 1, ${at}, ${at})`.execute(db);
      await sql`insert into memberships (id, organization_id, person_id, member_number, kind, status, admitted_on, last_event_on, version, created_at, updated_at)
        values (${randomUUID()}, ${organizationId}, ${personId}, ${number}, 'worker', 'admitted', '2024-04-01', '2024-04-01', 1, ${at}, ${at})`.execute(db);
    }
    expect((await migrateToLatest(db, dialect)).applied).toContain('0004_member_number_order');
    const ordered = await db.selectFrom('memberships').select('member_number').orderBy('member_number_key').orderBy('member_number').execute();
    expect(ordered.map((m) => m.member_number)).toEqual(['0003', '000284', 'W9', 'W10']);
  });
});
