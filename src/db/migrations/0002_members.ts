import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/** People, memberships with their append-only event history, engagement in the work, and search tokens. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_kana', 'text', (c) => c.notNull())
    .addColumn('given_kana', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('prefecture_code', 'text')
    .addColumn('address', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('member_number', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('admitted_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('last_event_on', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('memberships_number_unique', ['organization_id', 'member_number'])
    .execute();
  await db.schema.createIndex('memberships_org_status_idx').on('memberships').columns(['organization_id', 'status', 'kind']).execute();
  await db.schema.createIndex('memberships_person_idx').on('memberships').column('person_id').execute();
  await db.schema.createIndex('memberships_dates_idx').on('memberships').columns(['organization_id', 'admitted_on', 'ended_on']).execute();

  await db.schema
    .createTable('membership_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addUniqueConstraint('membership_events_seq_unique', ['membership_id', 'seq'])
    .execute();

  await db.schema
    .createTable('engagements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('site', 'text')
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('labour_contract_from', 'text')
    .addColumn('labour_contract_until', 'text')
    .addColumn('exemption', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('engagements_org_idx').on('engagements').columns(['organization_id', 'person_id']).execute();

  // One b-tree per token and no second index: on SQLite the table is clustered on its key (WITHOUT ROWID), and a
  // membership's tokens are found again from its names when they change, not through an index on membership_id.
  await db.schema
    .createTable('member_search_tokens')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    // Prefix search compares bytes: PostgreSQL's "C" collation is what SQLite does by default.
    .addColumn('token', dialect === 'postgresql' ? sql`text collate "C"` : 'text', (c) => c.notNull())
    .addColumn('membership_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_search_tokens_pk', ['organization_id', 'token', 'membership_id'])
    .$call((table) => (dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
}
