import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/** The seed's eight business areas (ILO interview, 2017), built in: the codes organizations and work records use already. */
const builtInLines: [code: string, nameJa: string, nameEn: string][] = [
  ['eldercare', '高齢者介護', 'Eldercare'],
  ['childcare', '子育て支援', 'Childcare'],
  ['disability-support', '障害者の支援・ケア', 'Disability support'],
  ['employment-support', '就労支援（委託事業）', 'Employment support'],
  ['building-maintenance', '建物管理・緑化・物流', 'Building maintenance, greening and distribution'],
  ['public-facilities', '公共施設の運営', 'Public facility operations'],
  ['disaster-recovery', '東日本大震災被災地での仕事おこし', 'Job creation in disaster-hit areas'],
  ['agriculture-biodiesel', '農林業・バイオディーゼル燃料', 'Agriculture, forestry and biodiesel'],
];

/**
 * Businesses (事業): the federation's business lines (the eight built in, more defined by the federation), the sites
 * and offices (事業所) of each organization, and each site's results per fiscal year.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const big = dialect === 'postgresql' ? 'bigint' : 'integer';

  await db.schema
    .createTable('business_lines')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    // 1 for the seed's eight, whose codes the web app translates itself; 0 for the federation's own, shown by name.
    .addColumn('built_in', 'integer', (c) => c.notNull())
    // The order lists show: the seed's eight as the seed lists them, then the federation's in the order added.
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  const at = new Date().toISOString();
  // The table as this migration created it (migrations see the schema of their time, not today's types).
  const lines = db as Kysely<{ business_lines: { code: string; name_ja: string; name_en: string; built_in: number; position: number; created_at: string } }>;
  await lines.insertInto('business_lines')
    .values(builtInLines.map(([code, name_ja, name_en], i) => ({ code, name_ja, name_en, built_in: 1, position: i + 1, created_at: at })))
    .execute();

  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('business_line', 'text', (c) => c.notNull().references('business_lines.code'))
    .addColumn('postal_code', 'text')
    .addColumn('prefecture_code', 'text')
    .addColumn('address', 'text')
    .addColumn('opened_on', 'text')
    .addColumn('closed_on', 'text')
    // own (自主事業) or commissioned (委託事業) by a commissioner (委託元), often a local government (6-digit code).
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('commissioner_name', 'text')
    .addColumn('commissioner_code', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Work records name their site by free text: a site's Japanese name is unique in its organization so it can match.
    .addUniqueConstraint('sites_name_unique', ['organization_id', 'name_ja'])
    .execute();

  await db.schema
    .createTable('site_results')
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    // The calendar year the fiscal year starts in (2026年度), as surplus_closings.
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('turnover', big, (c) => c.notNull())
    .addColumn('expenses', big, (c) => c.notNull())
    // Always turnover − expenses (checked in the domain), stored so that sums stay plain SQL.
    .addColumn('surplus', big, (c) => c.notNull())
    .addColumn('people_served', 'integer')
    .addColumn('workers_members', 'integer')
    .addColumn('workers_non_members', 'integer')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addPrimaryKeyConstraint('site_results_pk', ['site_id', 'fiscal_year'])
    .execute();
}
