import { sql } from 'kysely';
import type { Actor } from '../../domain/access/policy.js';
import { applyLines, assertBalanced, emptyPosition, type CapitalPosition, type EntryType, type JournalLine } from '../../domain/capital/ledger.js';
import type { AppContext, Tx } from '../shared/context.js';
import { isoNow, newId } from '../shared/context.js';
import { recordAudit } from '../audit/record-audit.js';
import { bulkInsert } from '../../db/bulk-insert.js';
import type { Transaction } from 'kysely';
import type { Schema } from '../../db/schema.js';

export interface NewEntry {
  organizationId: string;
  date: string;
  type: EntryType;
  description: string | null;
  reason: string | null;
  reversesEntryId: string | null;
  batchId: string | null;
  lines: JournalLine[];
}

export interface PostedEntry extends Omit<NewEntry, 'lines'> {
  id: string;
  lines: JournalLine[];
  recordedAt: string;
  recordedBy: string | null;
}

/**
 * Takes the ledger lock a movement needs for the rest of its transaction, so that the checks that read the ledger
 * and the entry they allow happen as one step. A movement of one member's capital locks that member (payments,
 * withdrawals, refunds); one that reads every member's shares (the share cap of a subscription or transfer) locks
 * the organization. SQLite has one writer at a time already; PostgreSQL locks the rows, in a fixed order.
 */
export async function lockCapital(trx: Transaction<Schema>, ctx: AppContext, scope: { organizationId: string } | { membershipIds: readonly string[] }): Promise<void> {
  if (ctx.dialect !== 'postgresql') return;
  if ('organizationId' in scope) {
    await trx.selectFrom('organizations').select('id').where('id', '=', scope.organizationId).forUpdate().execute();
  } else if (scope.membershipIds.length > 0) {
    await trx.selectFrom('memberships').select('id').where('id', 'in', [...scope.membershipIds]).orderBy('id').forUpdate().execute();
  }
}

/** Lines to keep in the audit log: all of them, or for an entry with a line per member, the total per account. */
const auditLinesKept = 200;
function auditedLines(lines: readonly JournalLine[]): JournalLine[] | { lines: number; byAccount: Record<string, number> } {
  if (lines.length <= auditLinesKept) return [...lines];
  const byAccount: Record<string, number> = {};
  for (const line of lines) byAccount[line.account] = (byAccount[line.account] ?? 0) + line.amount;
  return { lines: lines.length, byAccount };
}

/** Writes one balanced entry and its lines, with its audit entry, in the caller's transaction. */
export async function postEntry(trx: Transaction<Schema>, ctx: AppContext, actor: Pick<Actor, 'userId' | 'email'>, entry: NewEntry): Promise<PostedEntry> {
  assertBalanced(entry.lines);
  const id = newId();
  const at = isoNow(ctx);
  await trx.insertInto('journal_entries').values({
    id, organization_id: entry.organizationId, entry_date: entry.date, type: entry.type, description: entry.description, reason: entry.reason,
    reverses_entry_id: entry.reversesEntryId, batch_id: entry.batchId, recorded_at: at, recorded_by: actor.email,
  }).execute();
  // An appropriation has a line per member (tens of thousands in a federation's largest co-op): batched inserts.
  await bulkInsert(trx, ctx.dialect, 'journal_lines', entry.lines.map((line, i) => ({
    entry_id: id, line_no: i + 1, organization_id: entry.organizationId, entry_date: entry.date, account: line.account,
    membership_id: line.membershipId, amount: line.amount, shares: line.shares,
  })));
  await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
    organizationId: entry.organizationId, entityType: 'journal_entry', entityId: id, action: entry.type, before: null,
    after: { date: entry.date, description: entry.description, reason: entry.reason, reverses: entry.reversesEntryId, lines: auditedLines(entry.lines) },
  }, at);
  return { ...entry, id, recordedAt: at, recordedBy: actor.email };
}

/** A member's capital now: every entry, whatever its date. */
export async function positionOf(db: Tx, organizationId: string, membershipId: string): Promise<CapitalPosition> {
  const sums = await db.selectFrom('journal_lines')
    .select(['account', (eb) => eb.fn.sum<string | number>('amount').as('amount'), (eb) => eb.fn.sum<string | number>('shares').as('shares')])
    .where('organization_id', '=', organizationId).where('membership_id', '=', membershipId)
    .groupBy('account').execute();
  const lines: JournalLine[] = sums.map((s) => ({ account: s.account as JournalLine['account'], membershipId, amount: Number(s.amount), shares: Number(s.shares) }));
  return applyLines(emptyPosition, lines, membershipId);
}

/** Shares held in the organization now, by member, for the members holding any (for the share cap). */
export async function shareHolders(db: Tx, organizationId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('journal_lines').select(['membership_id', (eb) => eb.fn.sum<string | number>('shares').as('shares')])
    .where('organization_id', '=', organizationId).where('account', '=', 'capital').where('membership_id', 'is not', null)
    .groupBy('membership_id').having(sql`sum(shares)`, '>', 0).execute();
  return new Map(rows.map((r) => [r.membership_id!, Number(r.shares)]));
}

/** What each of these members still owes on their shares, in one query (members owing nothing are absent). */
export async function unpaidOf(db: Tx, organizationId: string, membershipIds: readonly string[]): Promise<Map<string, number>> {
  const unpaid = new Map<string, number>();
  for (let i = 0; i < membershipIds.length; i += 500) {
    const rows = await db.selectFrom('journal_lines').select(['membership_id', (eb) => eb.fn.sum<string | number>('amount').as('amount')])
      .where('organization_id', '=', organizationId).where('account', '=', 'capital-unpaid').where('membership_id', 'in', membershipIds.slice(i, i + 500))
      .groupBy('membership_id').execute();
    for (const r of rows) unpaid.set(r.membership_id!, Number(r.amount));
  }
  return unpaid;
}
