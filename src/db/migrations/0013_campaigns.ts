import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * Advocacy campaigns: the campaign, its targets (every local government with an assembly, and other bodies), each
 * target's stage with its history, documents and links, and the campaign's milestones.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The organization that runs it: the federation (its root organization) or a member organization.
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('goal_ja', 'text', (c) => c.notNull())
    .addColumn('goal_en', 'text')
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_until', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_org').on('campaigns').columns(['organization_id']).execute();

  await db.schema
    .createTable('campaign_targets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    // local-government | parliamentary-group | party | ministry | other
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('local_government_code', 'text')
    .addColumn('prefecture_code', 'text')
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    // The date of the current stage (null while not contacted).
    .addColumn('stage_on', 'text')
    .addColumn('responsible_organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('responsible_person', 'text')
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_targets_campaign').on('campaign_targets').columns(['campaign_id', 'prefecture_code', 'stage']).execute();
  await db.schema.createIndex('campaign_targets_code').on('campaign_targets').columns(['campaign_id', 'local_government_code']).unique().execute();

  // Every stage a target reached, with its date: the history, and the cumulative adoption chart.
  await db.schema
    .createTable('campaign_target_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().references('campaign_targets.id'))
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('correction', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_target_events_target').on('campaign_target_events').columns(['target_id', 'on_date']).execute();
  await db.schema.createIndex('campaign_target_events_campaign').on('campaign_target_events').columns(['campaign_id', 'on_date']).execute();

  // Documents and links of a target: the petition, the adopted letter (意見書) on the assembly's site, minutes.
  await db.schema
    .createTable('campaign_target_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull().references('campaign_targets.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_target_links_target').on('campaign_target_links').columns(['target_id']).execute();

  await db.schema
    .createTable('campaign_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('title_ja', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text')
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_milestones_campaign').on('campaign_milestones').columns(['campaign_id', 'on_date']).execute();
}
