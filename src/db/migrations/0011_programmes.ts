import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * Commissioned programmes (委託事業): the commissioners (委託元) — ministries, prefectures and municipalities, shared
 * by the whole federation — and each organization's contracts with them: programme, period, amount, the sites
 * (offices) that run it and the indicators agreed.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const big = dialect === 'postgresql' ? 'bigint' : 'integer';

  await db.schema
    .createTable('commissioners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // ministry | prefecture | municipality | other
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    // A prefecture's or a municipality's 6-digit code: one commissioner per local government.
    .addColumn('local_government_code', 'text', (c) => c.unique())
    .addColumn('prefecture_code', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('programme_contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('commissioner_id', 'text', (c) => c.notNull().references('commissioners.id'))
    .addColumn('programme_ja', 'text', (c) => c.notNull())
    .addColumn('programme_en', 'text')
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_until', 'text', (c) => c.notNull())
    .addColumn('amount', big, (c) => c.notNull())
    .addColumn('retention_months', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programme_contracts_org').on('programme_contracts').columns(['organization_id', 'period_from']).execute();
  await db.schema.createIndex('programme_contracts_commissioner').on('programme_contracts').columns(['commissioner_id']).execute();

  await db.schema
    .createTable('contract_sites')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('programme_contracts.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addPrimaryKeyConstraint('contract_sites_pk', ['contract_id', 'site_id'])
    .execute();

  await db.schema
    .createTable('contract_indicators')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('programme_contracts.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('target', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_indicators_pk', ['contract_id', 'code'])
    .execute();
}
