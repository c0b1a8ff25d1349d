import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * Participants of commissioned programmes (支援対象者) and the staff who support them. What identifies a person or
 * is special-care personal information (APPI: disability, health, welfare) lives only in `sealed` columns:
 * AES-256-GCM ciphertext under a key kept outside the database. What reports count (dates, kinds, age bands) is
 * plain, so erasing a person's sealed data leaves every count as it was.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  // Who works a case at which office: caseworker (担当支援員), supervisor (スーパーバイザー), office lead (所長).
  await db.schema
    .createTable('case_assignments')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('case_role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_assignments_pk', ['user_id', 'site_id'])
    .execute();
  await db.schema.createIndex('case_assignments_site').on('case_assignments').columns(['site_id']).execute();

  await db.schema
    .createTable('participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('contract_id', 'text', (c) => c.notNull().references('programme_contracts.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    // A case number with no personal meaning (YSS-2026-0001): what reports and logs name.
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('intake_on', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text', (c) => c.notNull())
    // active | closed | erased
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    // The registry's person once the participant joins a co-op (with consent): the path "programme → job in a co-op".
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    // Identity, contact and circumstances, sealed as one JSON document; null once erased.
    .addColumn('sealed', 'text')
    .addColumn('erased_at', 'text')
    // request | retention
    .addColumn('erasure_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participants_reference').on('participants').columns(['organization_id', 'reference']).unique().execute();
  await db.schema.createIndex('participants_site').on('participants').columns(['site_id', 'status']).execute();
  await db.schema.createIndex('participants_contract').on('participants').columns(['contract_id', 'intake_on']).execute();
  await db.schema.createIndex('participants_person').on('participants').columns(['person_id']).execute();

  // What the participant agreed to, when and how: support, special-care data, statistics to the commissioner, the registry link.
  await db.schema
    .createTable('participant_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('withdrawn_on', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participant_consents_participant').on('participant_consents').columns(['participant_id']).execute();

  await db.schema
    .createTable('support_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('review_on', 'text')
    // The goals and steps, sealed.
    .addColumn('sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('support_plans_participant').on('support_plans').columns(['participant_id']).execute();

  await db.schema
    .createTable('participant_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    // counselling | job-experience | group-living | training | seminar | other
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addColumn('sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participant_activities_participant').on('participant_activities').columns(['participant_id', 'on_date']).execute();

  await db.schema
    .createTable('participant_outcomes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    // employment | education | vocational-training | coop-worker | coop-member | other
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    // The co-op the participant joined or went to work at, when it is one of the federation's.
    .addColumn('coop_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participant_outcomes_participant').on('participant_outcomes').columns(['participant_id', 'on_date']).execute();

  // Follow-up at fixed intervals after a placement (1, 3, 6 and 12 months).
  await db.schema
    .createTable('participant_follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id'))
    .addColumn('outcome_id', 'text', (c) => c.notNull().references('participant_outcomes.id'))
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    // pending | in-work | in-education | not-in-work | unreachable
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participant_follow_ups_participant').on('participant_follow_ups').columns(['participant_id', 'due_on']).execute();
}
