import { canKeepCapital, isOwnRecord, type Actor } from '../../domain/access/policy.js';
import { addLineTo, applyLines, emptyPosition, type JournalLine } from '../../domain/capital/ledger.js';
import { rulesOn } from '../../domain/capital/share-rules.js';
import type { CapitalRegister, MemberCapital, RegisterRow } from '../../domain/capital/views.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { today, type AppContext } from '../shared/context.js';
import { capitalRulesHistory } from './capital-rules.js';

// The capital as the API shows it: one definition shared with the web app.
export type { CapitalEntryView, CapitalRegister, MemberCapital, MemberCapitalEntry, RegisterRow } from '../../domain/capital/views.js';

const toLine = (l: { account: string; membership_id: string | null; amount: number | string; shares: number | string }): JournalLine => ({
  account: l.account as JournalLine['account'], membershipId: l.membership_id, amount: Number(l.amount), shares: Number(l.shares),
});

/** A member's capital: the position now and on each entry, with every entry that names them, oldest first. */
export async function memberCapital(ctx: AppContext, actor: Actor, membershipId: string): Promise<MemberCapital> {
  const membership = await ctx.db.selectFrom('memberships').select(['organization_id', 'person_id']).where('id', '=', membershipId).executeTakeFirst();
  if (!membership) throw notFound('membership');
  // A member reads their own capital (and downloads their own certificate), nobody else's.
  const own = isOwnRecord(actor, { organizationId: membership.organization_id, personId: membership.person_id });
  if (!canKeepCapital(actor, membership.organization_id) && !own) throw forbidden();
  const entryIds = ctx.db.selectFrom('journal_lines').select('entry_id').where('organization_id', '=', membership.organization_id).where('membership_id', '=', membershipId);
  const [entries, lines, history] = await Promise.all([
    ctx.db.selectFrom('journal_entries as e').selectAll('e')
      .select((eb) => eb.selectFrom('journal_entries as r').select('r.id').whereRef('r.reverses_entry_id', '=', 'e.id').as('reversed_by'))
      .where('e.id', 'in', entryIds).orderBy('e.entry_date').orderBy('e.recorded_at').orderBy('e.id').execute(),
    ctx.db.selectFrom('journal_lines').selectAll().where('entry_id', 'in', entryIds).orderBy('line_no').execute(),
    capitalRulesHistory(ctx.db, membership.organization_id),
  ]);
  const linesOf = new Map<string, JournalLine[]>();
  for (const line of lines) {
    const list = linesOf.get(line.entry_id) ?? [];
    list.push(toLine(line));
    linesOf.set(line.entry_id, list);
  }
  let position = emptyPosition;
  const views = entries.map((e) => {
    const entryLines = linesOf.get(e.id) ?? [];
    position = applyLines(position, entryLines, membershipId);
    return {
      id: e.id, date: e.entry_date, type: e.type, description: e.description, reason: e.reason, reversesEntryId: e.reverses_entry_id,
      reversedByEntryId: e.reversed_by ?? null, recordedAt: e.recorded_at, recordedBy: e.recorded_by, lines: entryLines, positionAfter: position,
    };
  });
  return { position, rules: rulesOn(history, today(ctx)), entries: views };
}

/**
 * The capital register (出資者名簿) at a date: each member's shares, capital, unpaid and paid amounts and refunds
 * owed, summed from the journal lines dated on or before it; members with nothing left are omitted.
 */
export async function capitalRegister(ctx: AppContext, actor: Actor, organizationId: string, date: string): Promise<CapitalRegister> {
  if (!canKeepCapital(actor, organizationId)) throw forbidden();
  // Summed per member and account first (from the index alone), then named: a join per line would cost more.
  const sumsPerMember = ctx.db.selectFrom('journal_lines')
    .select(['membership_id', 'account', (eb) => eb.fn.sum<string | number>('amount').as('amount'), (eb) => eb.fn.sum<string | number>('shares').as('shares')])
    .where('organization_id', '=', organizationId).where('membership_id', 'is not', null).where('entry_date', '<=', date)
    .groupBy(['membership_id', 'account']);
  const [sums, history] = await Promise.all([
    ctx.db.selectFrom(sumsPerMember.as('s'))
      .innerJoin('memberships as m', 'm.id', 's.membership_id')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['s.membership_id', 's.account', 's.amount', 's.shares', 'm.member_number', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana'])
      .orderBy('m.member_number_key').orderBy('m.member_number')
      .execute(),
    capitalRulesHistory(ctx.db, organizationId),
  ]);
  // The sums come member after member (ordered by member number): one plain object per member, filled in place.
  const rows: RegisterRow[] = [];
  let row = null as RegisterRow | null;
  for (const s of sums) {
    if (row?.membershipId !== s.membership_id) {
      row = {
        membershipId: s.membership_id!, memberNumber: s.member_number, familyName: s.family_name, givenName: s.given_name, familyKana: s.family_kana,
        givenKana: s.given_kana, shares: 0, capital: 0, unpaid: 0, paid: 0, refundPayable: 0,
      };
      rows.push(row);
    }
    addLineTo(row, s.account, Number(s.amount), Number(s.shares));
  }
  const kept = rows.filter((r) => r.shares !== 0 || r.capital !== 0 || r.unpaid !== 0 || r.refundPayable !== 0);
  const totals = { shares: 0, capital: 0, unpaid: 0, paid: 0, refundPayable: 0, members: 0 };
  for (const r of kept) {
    totals.shares += r.shares;
    totals.capital += r.capital;
    totals.unpaid += r.unpaid;
    totals.paid += r.paid;
    totals.refundPayable += r.refundPayable;
    if (r.shares > 0) totals.members += 1;
  }
  return { organizationId, date, rules: rulesOn(history, date), rows: kept, totals };
}
