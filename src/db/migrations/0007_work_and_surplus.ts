import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect-name.js';

/**
 * Work and surplus: the work each person did (per day, site and business line), the months whose work is closed,
 * and the fiscal-year closes (剰余金処分) with each member's dividend by amount of work.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  // Yen, and amounts of work in weighted minutes (13,420 people × 250 days × 480 minutes × a weight passes 2^31).
  const big = dialect === 'postgresql' ? 'bigint' : 'integer';

  // One row per person per day per site per business line. Site, business line and role are '' when not given,
  // so the natural key is a real unique constraint (NULLs would all be distinct).
  await db.schema
    .createTable('work_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('work_date', 'text', (c) => c.notNull())
    .addColumn('site', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('business_line', 'text', (c) => c.notNull().defaultTo(''))
    // The role the work was done in, for weighted hours (a coordinator's hour may count 1.25).
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes', 'integer', (c) => c.notNull())
    // entered → approved (by a coordinator); a closed month's records change no more.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_batch_id', 'text')
    .addColumn('note', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addUniqueConstraint('work_records_natural_unique', ['organization_id', 'person_id', 'work_date', 'site', 'business_line'])
    .execute();
  // The year-end close sums a year of work per person from this index alone, in the order it groups by.
  await db.schema.createIndex('work_records_sum_idx').on('work_records')
    .columns(['organization_id', 'person_id', 'work_date', 'minutes', 'role', 'status']).execute();
  // The coordinator's view: a period's records, newest first, and those still to approve.
  await db.schema.createIndex('work_records_date_idx').on('work_records').columns(['organization_id', 'work_date', 'status']).execute();

  await db.schema
    .createTable('work_period_closes')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    // A calendar month, YYYY-MM.
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('minutes', big, (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text')
    .addPrimaryKeyConstraint('work_period_closes_pk', ['organization_id', 'period'])
    .execute();

  // A closed month's work per person, written as the month closes (its records change no more): the year-end close
  // sums twelve of these per person instead of a year of daily records.
  await db.schema
    .createTable('work_month_totals')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('minutes', big, (c) => c.notNull())
    // Minutes by the role they were worked in, as JSON ({"": 9000, "coordinator": 1200}): weights are applied at
    // the year's close, by the bylaws in force then.
    .addColumn('minutes_by_role', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_month_totals_pk', ['organization_id', 'period', 'person_id'])
    .execute();

  await db.schema
    .createTable('surplus_closings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    // The calendar year the fiscal year starts in (2026年度 = April 2026 – March 2027 with an April start).
    .addColumn('fiscal_year', 'integer', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_until', 'text', (c) => c.notNull())
    // draft → submitted (a motion on an assembly's agenda) → posted (resolved and in the ledger); a draft can be
    // withdrawn, and a rejected motion leaves the closing rejected so the board can propose again.
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('surplus', big, (c) => c.notNull())
    // What the allocation was computed from (the ledger's balances and the bylaws in force), kept as it was.
    .addColumn('facts_json', 'text', (c) => c.notNull())
    .addColumn('measure_json', 'text', (c) => c.notNull())
    .addColumn('allocation_json', 'text', (c) => c.notNull())
    .addColumn('withhold_against_unpaid', 'integer', (c) => c.notNull())
    .addColumn('total_work', big, (c) => c.notNull())
    .addColumn('members', 'integer', (c) => c.notNull())
    .addColumn('motion_id', 'text', (c) => c.references('motions.id'))
    .addColumn('journal_entry_id', 'text', (c) => c.references('journal_entries.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('posted_at', 'text')
    .addColumn('posted_by', 'text')
    // The statements' last e-mailing: when, how many went out, to how many members without an address, and failures.
    .addColumn('statements_sent_at', 'text')
    .addColumn('statements_sent', 'integer')
    .addColumn('statements_without_email', 'integer')
    .addColumn('statements_failures_json', 'text')
    .execute();
  await db.schema.createIndex('surplus_closings_year_idx').on('surplus_closings').columns(['organization_id', 'fiscal_year']).execute();

  // Each member's line of a close: their work, exact share, rounding and what is withheld — the statement.
  await db.schema
    .createTable('surplus_dividends')
    .addColumn('closing_id', 'text', (c) => c.notNull().references('surplus_closings.id'))
    .addColumn('membership_id', 'text', (c) => c.notNull().references('memberships.id'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('minutes', big, (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('work', big, (c) => c.notNull())
    .addColumn('exact_yen', big, (c) => c.notNull())
    .addColumn('exact_remainder', big, (c) => c.notNull())
    .addColumn('rounded_up', 'integer', (c) => c.notNull())
    .addColumn('remainder_rank', 'integer')
    .addColumn('amount', big, (c) => c.notNull())
    .addColumn('unpaid_capital', big, (c) => c.notNull())
    .addColumn('withheld', big, (c) => c.notNull())
    .addColumn('payment', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('surplus_dividends_pk', ['closing_id', 'membership_id'])
    .execute();
  await db.schema.createIndex('surplus_dividends_member_idx').on('surplus_dividends').columns(['membership_id']).execute();
}
