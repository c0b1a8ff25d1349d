import { canKeepCapital, type Actor } from '../../domain/access/policy.js';
import { hledgerJournal, type LedgerEntryForExport } from '../../domain/capital/hledger.js';
import type { CapitalAccount } from '../../domain/capital/ledger.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { findOrganization } from '../organizations/organization-rows.js';
import type { AppContext } from '../shared/context.js';

/**
 * The whole capital journal of an organization as an hledger journal, for an auditor to check with an independent
 * tool: `hledger -f kyodo.journal balance` sums to zero and shows each member's capital as the register does.
 */
export async function capitalJournalForHledger(ctx: AppContext, actor: Actor, organizationId: string): Promise<string> {
  if (!canKeepCapital(actor, organizationId)) throw forbidden();
  const organization = await findOrganization(ctx.db, organizationId);
  if (!organization) throw notFound('organization');
  const [entries, lines] = await Promise.all([
    ctx.db.selectFrom('journal_entries').selectAll().where('organization_id', '=', organizationId).orderBy('entry_date').orderBy('recorded_at').orderBy('id').execute(),
    ctx.db.selectFrom('journal_lines as l').leftJoin('memberships as m', 'm.id', 'l.membership_id')
      .select(['l.entry_id', 'l.line_no', 'l.account', 'l.amount', 'm.member_number']).where('l.organization_id', '=', organizationId)
      .orderBy('l.entry_id').orderBy('l.line_no').execute(),
  ]);
  const linesOf = new Map<string, LedgerEntryForExport['lines']>();
  for (const line of lines) {
    const list = linesOf.get(line.entry_id) ?? [];
    list.push({ account: line.account as CapitalAccount, memberNumber: line.member_number, amount: Number(line.amount) });
    linesOf.set(line.entry_id, list);
  }
  return hledgerJournal(entries.map((e) => ({
    id: e.id, date: e.entry_date, type: e.type, description: e.description ?? e.type, reversesEntryId: e.reverses_entry_id, lines: linesOf.get(e.id) ?? [],
  })), { organizationCode: organization.code });
}
