import type { Kysely } from 'kysely';

/** Kinds of membership an organization defines beside the built-in worker and user members. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('member_kinds')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('engaged_in_work', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_kinds_pk', ['organization_id', 'code'])
    .execute();
}
