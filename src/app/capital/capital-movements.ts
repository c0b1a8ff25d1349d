import type { Transaction } from 'kysely';
import { canKeepCapital, type Actor } from '../../domain/access/policy.js';
import {
  applyLines,
  paymentLines,
  refundLines,
  reversalLines,
  subscriptionLines,
  transferLines,
  withdrawalLines,
  writeDownLines,
  type CapitalPosition,
  type JournalLine,
  type PaymentMethod,
} from '../../domain/capital/ledger.js';
import { checkFoundingPayment, checkMinimumShares, checkPaymentWithinUnpaid, checkShareCap, type CapitalRules } from '../../domain/capital/share-rules.js';
import { fiscalYearEnd } from '../../domain/members/lifecycle.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import type { Schema } from '../../db/schema.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, type AppContext } from '../shared/context.js';
import { capitalRulesOn } from './capital-rules.js';
import { lockCapital, positionOf, postEntry, shareHolders, type PostedEntry } from './journal.js';

interface MemberInLedger {
  id: string;
  organizationId: string;
  memberNumber: string;
  status: string;
}

type Work<T> = (trx: Transaction<Schema>, member: MemberInLedger, rules: () => Promise<CapitalRules>, position: CapitalPosition) => Promise<T>;

/**
 * Authorizes, takes the ledger lock and reads the member's position; the rules on the date are read when the
 * movement needs them. `lock` is 'organization' for movements checked against every member's shares (the cap),
 * else the member alone: on PostgreSQL the member's row is read and locked in one statement.
 */
async function onMember<T>(ctx: AppContext, actor: Actor, membershipId: string, date: string, work: Work<T>, lock: 'member' | 'organization' = 'member'): Promise<T> {
  return inTransaction(ctx, async (trx) => {
    const read = trx.selectFrom('memberships').select(['id', 'organization_id', 'member_number', 'status']).where('id', '=', membershipId);
    const row = await (lock === 'member' && ctx.dialect === 'postgresql' ? read.forUpdate() : read).executeTakeFirst();
    if (!row) throw notFound('membership');
    if (!canKeepCapital(actor, row.organization_id)) throw forbidden();
    const member: MemberInLedger = { id: row.id, organizationId: row.organization_id, memberNumber: row.member_number, status: row.status };
    if (lock === 'organization') await lockCapital(trx, ctx, { organizationId: member.organizationId });
    const position = await positionOf(trx, member.organizationId, member.id);
    return work(trx, member, () => capitalRulesOn(trx, member.organizationId, date), position);
  });
}

const requireMember = (member: MemberInLedger): void => {
  if (member.status !== 'admitted' && member.status !== 'applied' && member.status !== 'withdrawal_notified') {
    throw new DomainError('rule_violation', 'not_a_member', 'only a member (or an applicant) subscribes or pays for shares', [
      { field: 'membershipId', code: 'not_a_member', message: `the membership is ${member.status}` },
    ]);
  }
};

/** No balance may go below zero, whatever the order of entries: the last guard after every movement. */
function checkPosition(position: CapitalPosition): void {
  if (position.shares < 0 || position.unpaid < 0 || position.paid < 0 || position.refundPayable < 0) {
    throw new DomainError('rule_violation', 'negative_balance', 'this would leave a negative balance on the member\'s capital', [
      { field: 'amount', code: 'negative_balance', message: JSON.stringify(position) },
    ]);
  }
}

/** The share cap after a member's holding changes to `shares`. */
async function checkCapAfter(trx: Transaction<Schema>, member: MemberInLedger, shares: number, rules: CapitalRules, approvedTakeover = false, others: Map<string, number> = new Map()) {
  const holders = await shareHolders(trx, member.organizationId);
  for (const [id, held] of others) holders.set(id, held);
  holders.set(member.id, shares);
  let total = 0;
  let count = 0;
  for (const held of holders.values()) if (held > 0) { total += held; count += 1; }
  checkShareCap(shares, total, count, rules, { approvedTakeover });
}

export interface Movement {
  date: string;
  description?: string | null;
}

const entry = (member: MemberInLedger, movement: Movement, type: PostedEntry['type'], lines: JournalLine[], extra: { reason?: string | null; batchId?: string | null } = {}) => ({
  organizationId: member.organizationId, date: movement.date, type, description: movement.description ?? null, reason: extra.reason ?? null,
  reversesEntryId: null, batchId: extra.batchId ?? null, lines,
});

/**
 * Shares subscribed when a member joins or adds shares (出資口数の引受け・増口). At founding the first payment, at
 * least a quarter of each share, goes in with it.
 */
export async function subscribeShares(
  ctx: AppContext, actor: Actor, membershipId: string,
  input: Movement & { shares: number; firstPayment?: { amount: number; method: PaymentMethod; founding: boolean } | null },
): Promise<PostedEntry[]> {
  return onMember(ctx, actor, membershipId, input.date, async (trx, member, rulesOnDate, position) => {
    requireMember(member);
    const rules = await rulesOnDate();
    const lines = subscriptionLines(member.id, input.shares, rules.sharePrice);
    const after = applyLines(position, lines, member.id);
    checkMinimumShares(after.shares, rules);
    await checkCapAfter(trx, member, after.shares, rules);
    const posted = [await postEntry(trx, ctx, actor, entry(member, input, 'subscription', lines))];
    if (input.firstPayment) {
      if (input.firstPayment.founding) checkFoundingPayment(input.shares, rules.sharePrice, input.firstPayment.amount);
      checkPaymentWithinUnpaid(input.firstPayment.amount, after.unpaid);
      posted.push(await postEntry(trx, ctx, actor, entry(member, input, 'payment', paymentLines(member.id, input.firstPayment.amount, input.firstPayment.method))));
    }
    return posted;
  }, 'organization');
}

/** A payment on subscribed shares, in full or an instalment, in cash, by bank, from wages or in kind. */
export async function recordPayment(ctx: AppContext, actor: Actor, membershipId: string, input: Movement & { amount: number; method: PaymentMethod }, batchId: string | null = null): Promise<PostedEntry> {
  return onMember(ctx, actor, membershipId, input.date, async (trx, member, _rules, position) => {
    checkPaymentWithinUnpaid(input.amount, position.unpaid);
    return postEntry(trx, ctx, actor, entry(member, input, 'payment', paymentLines(member.id, input.amount, input.method), { batchId }));
  });
}

/**
 * Fully paid shares passing to another member of the organization (持分の譲渡) with the approval the bylaws ask
 * for, named in `approval`. Taking over a leaving member's shares with the general meeting's approval allows up
 * to 35% of all shares.
 */
export async function transferShares(
  ctx: AppContext, actor: Actor, membershipId: string,
  input: Movement & { toMembershipId: string; shares: number; approval: string; approvedTakeover?: boolean },
): Promise<PostedEntry> {
  return onMember(ctx, actor, membershipId, input.date, async (trx, from, rulesOnDate, position) => {
    const rules = await rulesOnDate();
    const to = await trx.selectFrom('memberships').select(['id', 'organization_id', 'member_number', 'status']).where('id', '=', input.toMembershipId).executeTakeFirst();
    if (!to || to.organization_id !== from.organizationId) throw notFound('membership');
    const receiver: MemberInLedger = { id: to.id, organizationId: to.organization_id, memberNumber: to.member_number, status: to.status };
    requireMember(receiver);
    if (position.unpaid > 0) {
      throw new DomainError('rule_violation', 'shares_not_fully_paid', 'only fully paid shares are transferred', [{ field: 'shares', code: 'shares_not_fully_paid', message: `${position.unpaid} yen unpaid` }]);
    }
    if (input.shares > position.shares) throw new DomainError('rule_violation', 'more_shares_than_held', `the member holds ${position.shares} share(s)`, [{ field: 'shares', code: 'more_shares_than_held', message: `at most ${position.shares}` }]);
    if (position.capital % position.shares !== 0) {
      throw new DomainError('rule_violation', 'book_value_not_whole', 'the shares\' book value is not a whole number of yen per share', [{ field: 'shares', code: 'book_value_not_whole', message: 'transfer all shares or record a write-down first' }]);
    }
    const lines = transferLines(from.id, receiver.id, input.shares, position.capital / position.shares);
    const fromAfter = applyLines(position, lines, from.id);
    const toAfter = applyLines(await positionOf(trx, receiver.organizationId, receiver.id), lines, receiver.id);
    checkMinimumShares(fromAfter.shares, rules);
    checkMinimumShares(toAfter.shares, rules);
    await checkCapAfter(trx, receiver, toAfter.shares, rules, input.approvedTakeover ?? false, new Map([[from.id, fromAfter.shares]]));
    return postEntry(trx, ctx, actor, entry(from, input, 'transfer', lines, { reason: input.approval }));
  }, 'organization');
}

/**
 * A member leaving with all their shares, or giving back some (減口): the unpaid part is cancelled and what they
 * paid in becomes a refund owed, paid after the fiscal-year close (`refundDueAfter`).
 */
export async function withdrawShares(ctx: AppContext, actor: Actor, membershipId: string, input: Movement & { shares?: number | null }): Promise<PostedEntry & { refundDueAfter: string }> {
  const organization = await organizationOf(ctx, membershipId);
  return onMember(ctx, actor, membershipId, input.date, async (trx, member, rulesOnDate, position) => {
    const lines = withdrawalLines(member.id, position, input.shares ?? position.shares);
    const after = applyLines(position, lines, member.id);
    checkMinimumShares(after.shares, await rulesOnDate());
    checkPosition(after);
    const posted = await postEntry(trx, ctx, actor, entry(member, input, 'withdrawal', lines));
    return { ...posted, refundDueAfter: fiscalYearEnd(input.date, organization.fiscalYearStartMonth) };
  });
}

/** Paying out a refund owed, once the fiscal year in which the member withdrew has closed. */
export async function payRefund(ctx: AppContext, actor: Actor, membershipId: string, input: Movement & { amount?: number | null }): Promise<PostedEntry> {
  const organization = await organizationOf(ctx, membershipId);
  return onMember(ctx, actor, membershipId, input.date, async (trx, member, _rules, position) => {
    const withdrawal = await trx.selectFrom('journal_entries as e').innerJoin('journal_lines as l', 'l.entry_id', 'e.id')
      .select('e.entry_date').where('l.membership_id', '=', member.id).where('e.type', '=', 'withdrawal')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('journal_entries as r').select('r.id').whereRef('r.reverses_entry_id', '=', 'e.id'))))
      .orderBy('e.entry_date', 'desc').limit(1).executeTakeFirst();
    if (withdrawal) {
      const closes = fiscalYearEnd(withdrawal.entry_date, organization.fiscalYearStartMonth);
      if (input.date <= closes) {
        throw new DomainError('rule_violation', 'refund_before_year_close', `refunds are paid after the fiscal year closes on ${closes}`, [
          { field: 'date', code: 'refund_before_year_close', message: `after ${closes}` },
        ]);
      }
    }
    const lines = refundLines(member.id, position, input.amount ?? position.refundPayable);
    return postEntry(trx, ctx, actor, entry(member, input, 'refund', lines));
  });
}

/** Capital written down to cover losses (the general meeting's resolution in `reason`). */
export async function writeDownCapital(ctx: AppContext, actor: Actor, membershipId: string, input: Movement & { amount: number; reason: string }): Promise<PostedEntry> {
  return onMember(ctx, actor, membershipId, input.date, async (trx, member, _rules, position) => {
    const lines = writeDownLines(member.id, position, input.amount);
    checkPosition(applyLines(position, lines, member.id));
    return postEntry(trx, ctx, actor, entry(member, input, 'write-down', lines, { reason: input.reason }));
  });
}

/**
 * Corrects a mistake: a new entry with every line of the original negated, dated when the correction is made,
 * with its reason. The original stays; an entry is reversed at most once, and a reversal is not reversed.
 */
export async function reverseEntry(ctx: AppContext, actor: Actor, entryId: string, input: { date: string; reason: string }): Promise<PostedEntry> {
  const original = await ctx.db.selectFrom('journal_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
  if (!original) throw notFound('journal_entry');
  if (!canKeepCapital(actor, original.organization_id)) throw forbidden();
  if (original.type === 'reversal') throw new DomainError('rule_violation', 'reversal_of_reversal', 'a reversal is not reversed: record the movement again', []);
  if (input.date < original.entry_date) {
    throw new DomainError('rule_violation', 'reversal_before_entry', `a correction is dated on or after the entry it corrects (${original.entry_date})`, [
      { field: 'date', code: 'reversal_before_entry', message: `${original.entry_date} or later` },
    ]);
  }
  return inTransaction(ctx, async (trx) => {
    await lockCapital(trx, ctx, { organizationId: original.organization_id });
    const reversed = await trx.selectFrom('journal_entries').select('id').where('reverses_entry_id', '=', entryId).executeTakeFirst();
    if (reversed) throw new DomainError('conflict', 'already_reversed', 'this entry has been reversed already', [{ field: 'entryId', code: 'already_reversed', message: reversed.id }]);
    const lines = (await trx.selectFrom('journal_lines').selectAll().where('entry_id', '=', entryId).orderBy('line_no').execute())
      .map((l): JournalLine => ({ account: l.account as JournalLine['account'], membershipId: l.membership_id, amount: Number(l.amount), shares: Number(l.shares) }));
    const reversal = reversalLines(lines);
    for (const membershipId of new Set(reversal.map((l) => l.membershipId).filter((id): id is string => id !== null))) {
      checkPosition(applyLines(await positionOf(trx, original.organization_id, membershipId), reversal, membershipId));
    }
    return postEntry(trx, ctx, actor, {
      organizationId: original.organization_id, date: input.date, type: 'reversal', description: original.description, reason: input.reason,
      reversesEntryId: entryId, batchId: null, lines: reversal,
    });
  });
}

async function organizationOf(ctx: AppContext, membershipId: string) {
  const row = await ctx.db.selectFrom('memberships').select('organization_id').where('id', '=', membershipId).executeTakeFirst();
  if (!row) throw notFound('membership');
  const organization = await findOrganization(ctx.db, row.organization_id);
  if (!organization) throw notFound('organization');
  return organization;
}

/**
 * When a membership ends (withdrawal, expulsion, death, or an application refused) the member's shares leave with
 * it, in the same transaction: the unpaid part is cancelled and what was paid in becomes a refund owed after the
 * fiscal-year close. Nothing is written for a member without shares.
 */
export async function settleCapitalOnLeaving(
  trx: Transaction<Schema>, ctx: AppContext, actor: Actor, membership: { id: string; organizationId: string }, date: string,
): Promise<PostedEntry | null> {
  await lockCapital(trx, ctx, { membershipIds: [membership.id] });
  const position = await positionOf(trx, membership.organizationId, membership.id);
  if (position.shares <= 0) return null;
  return postEntry(trx, ctx, actor, {
    organizationId: membership.organizationId, date, type: 'withdrawal', description: null, reason: 'membership ended',
    reversesEntryId: null, batchId: null, lines: withdrawalLines(membership.id, position, position.shares),
  });
}
