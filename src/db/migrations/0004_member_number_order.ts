import type { Kysely } from 'kysely';
import { memberNumberSortKey } from '../../domain/members/member-number.js';

/**
 * Member numbers sort as numbers ("0003" before "000284"): a sort key beside each number, filled for the
 * memberships already there, and an index to page the registry in that order. The dates index goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('memberships').addColumn('member_number_key', 'text', (c) => c.notNull().defaultTo('')).execute();
  const registry = db as unknown as Kysely<{ memberships: { id: string; member_number: string; member_number_key: string } }>;
  const rows = await registry.selectFrom('memberships').select(['id', 'member_number']).execute();
  for (const row of rows) {
    await registry.updateTable('memberships').set({ member_number_key: memberNumberSortKey(row.member_number) }).where('id', '=', row.id).execute();
  }
  await db.schema.createIndex('memberships_number_order_idx').on('memberships').columns(['organization_id', 'member_number_key', 'member_number']).execute();
  // "Members on a date" keeps nearly every member of an organization (admitted before, not yet left): an index on
  // the dates never narrows it, and every insert paid for it. The organization's own indexes serve that query.
  await db.schema.dropIndex('memberships_dates_idx').execute();
}
