import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * The capital ledger: the bylaws' capital rules with effective dates, and an append-only double-entry journal.
 * Balances are never stored: they are sums of journal lines.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const money = dialect === 'postgresql' ? 'bigint' : 'integer';
  await db.schema
    .createTable('capital_rules')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('share_price', money, (c) => c.notNull())
    .addColumn('minimum_shares', 'integer', (c) => c.notNull())
    .addColumn('cap_percent', 'integer')
    .addColumn('takeover_cap_percent', 'integer')
    .addColumn('cap_exempt_up_to', 'integer', (c) => c.notNull())
    .addColumn('refund_notice_days', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addPrimaryKeyConstraint('capital_rules_pk', ['organization_id', 'effective_from'])
    .execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // Why a reversal was made, or the general meeting's approval a transfer or takeover relies on.
    .addColumn('reason', 'text')
    .addColumn('reverses_entry_id', 'text', (c) => c.unique().references('journal_entries.id'))
    // Entries written together (a payroll-deduction batch) share a batch id.
    .addColumn('batch_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema.createIndex('journal_entries_org_date_idx').on('journal_entries').columns(['organization_id', 'entry_date']).execute();

  await db.schema
    .createTable('journal_lines')
    .addColumn('entry_id', 'text', (c) => c.notNull().references('journal_entries.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    // The entry's date again, so that a register at a date reads lines alone.
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('membership_id', 'text', (c) => c.references('memberships.id'))
    .addColumn('amount', money, (c) => c.notNull())
    .addColumn('shares', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('journal_lines_pk', ['entry_id', 'line_no'])
    .execute();
  // A member's lines, and the register at a date: both summed from the index alone, in the order they group by.
  await db.schema.createIndex('journal_lines_member_idx').on('journal_lines')
    .columns(['organization_id', 'membership_id', 'account', 'entry_date', 'amount', 'shares']).execute();
  // Who holds how many shares (the share cap reads it on every subscription): the capital lines alone.
  await db.schema.createIndex('journal_lines_account_idx').on('journal_lines')
    .columns(['organization_id', 'account', 'membership_id', 'shares']).execute();

  for (const table of ['journal_entries', 'journal_lines']) await forbidRewrites(db, dialect, table);
}

/** The journal is append-only at the database too: a mistake is corrected by a reversing entry. */
async function forbidRewrites(db: Kysely<unknown>, dialect: DialectName, table: string): Promise<void> {
  if (dialect === 'postgresql') {
    await sql`create function ${sql.raw(`${table}_append_only`)}() returns trigger language plpgsql as ${sql.raw(`$$ begin raise exception '${table} is append-only'; end $$`)}`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_rewrite`)} before update or delete on ${sql.table(table)}
      for each row execute function ${sql.raw(`${table}_append_only`)}()`.execute(db);
  } else {
    await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.table(table)}
      begin select raise(abort, ${sql.raw(`'${table} is append-only'`)}); end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
      begin select raise(abort, ${sql.raw(`'${table} is append-only'`)}); end`.execute(db);
  }
}
