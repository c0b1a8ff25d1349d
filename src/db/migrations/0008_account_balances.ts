import type { Kysely } from 'kysely';

/**
 * An account's balance over time — total capital subscribed on each date of the compliance board's trend, the legal
 * reserve on a date — read from the index alone: the organization's lines of one account, in date order, with
 * their amounts. Without it such a sum reads every line of the organization (some 270,000 for the largest
 * co-operative of the seed) or looks each capital line up in the table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('journal_lines_account_date_idx').on('journal_lines')
    .columns(['organization_id', 'account', 'entry_date', 'amount']).execute();
}
