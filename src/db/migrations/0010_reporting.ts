import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * Federation reporting: the exchange rate the federation reports in US dollars at, one per fiscal year, and the SDG
 * goals and targets a business line, a site (and later a programme) serves.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('fx_rates')
    // The fiscal year (named by the calendar year it starts in), as site_results.
    .addColumn('fiscal_year', 'integer', (c) => c.primaryKey())
    // Yen per US dollar in hundredths of a yen (108.79 円/USD is 10879): exact, and integer in both dialects.
    .addColumn('yen_per_usd_centi', 'integer', (c) => c.notNull())
    // Where the rate comes from (for example the year's average TTM of a bank), shown beside converted figures.
    .addColumn('source', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();

  await db.schema
    .createTable('sdg_tags')
    // business-line | site | programme
    .addColumn('subject_type', 'text', (c) => c.notNull())
    // A business line's code, a site's or a programme's id.
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // A goal ('8') or a target ('8.5', '8.b') of the catalogue in src/domain/sdg.
    .addColumn('code', 'text', (c) => c.notNull())
    // The organization the subject belongs to; null for the federation's business lines.
    .addColumn('organization_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sdg_tags_pk', ['subject_type', 'subject_id', 'code'])
    .execute();
  await db.schema.createIndex('sdg_tags_code').on('sdg_tags').columns(['code']).execute();
  await db.schema.createIndex('site_results_year').on('site_results').columns(['fiscal_year']).execute();
  // The dashboards count members of each kind by the fiscal year they joined and left: read from this index alone.
  await db.schema.createIndex('memberships_kind_dates_idx').on('memberships').columns(['organization_id', 'kind', 'admitted_on', 'ended_on']).execute();
}
