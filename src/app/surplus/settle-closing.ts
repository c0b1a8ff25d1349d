import type { Transaction } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { canCloseFiscalYear, type Actor } from '../../domain/access/policy.js';
import { DomainError, forbidden } from '../../domain/shared/errors.js';
import { appropriationLines, openingBalanceLines } from '../../domain/surplus/appropriation.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockCapital, postEntry, unpaidOf } from '../capital/journal.js';
import { addMotionIn } from '../governance/meetings.js';
import { inTransaction, isoNow, today, type AppContext } from '../shared/context.js';
import { closingRow, closingRows, setStatus, toClosingView, type ClosingView } from './close-year.js';

const rule = (code: string, field: string, message: string) => new DomainError('rule_violation', code, message, [{ field, code, message }]);

export interface SubmitClosing {
  meetingId: string;
  version: number;
  /** The motion's title and text; by default the close's year and figures. */
  title?: string;
  body?: string;
}

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

/** The motion's text by default: the allocation line by line, as a 剰余金処分案 reads. */
function motionBody(view: ClosingView): string {
  const a = view.allocation;
  if (view.surplus < 0) return `当期損失金 ${yen(-view.surplus)} を次期に繰り越す（次期繰越損失金 ${yen(a.lossCarriedForward)}）。`;
  return [
    `当期剰余金 ${yen(view.surplus)} を次のとおり処分する。`,
    `繰越損失金の填補 ${yen(a.lossCovered)}`,
    `準備金 ${yen(a.legalReserve)}`,
    `就労創出等積立金 ${yen(a.jobCreationFund)}`,
    `教育繰越金 ${yen(a.educationCarryForward)}`,
    `従事分量配当金 ${yen(a.dividends)}（組合員 ${view.members.toLocaleString('ja-JP')} 名、従事分量に応じて）`,
    `次期繰越剰余金 ${yen(a.retained)}`,
  ].join('\n');
}

/**
 * Puts a draft close on the agenda of a general assembly (or the delegate assembly that stands for it) as an ordinary
 * resolution (剰余金処分案の承認): the motion and the link are written together, and the figures are frozen.
 */
export async function submitClosing(ctx: AppContext, actor: Actor, closingId: string, input: SubmitClosing): Promise<ClosingView> {
  return inTransaction(ctx, async (trx) => {
    const row = await closingRow(trx, closingId);
    if (!canCloseFiscalYear(actor, row.organization_id)) throw forbidden();
    if (row.status !== 'draft') throw new DomainError('conflict', 'not_a_draft', 'only a draft close can be put to the assembly');
    if (Number(row.version) !== input.version) throw new DomainError('conflict', 'version_conflict', 'the close changed since it was read');
    const meeting = await trx.selectFrom('meetings').innerJoin('bodies', 'bodies.id', 'meetings.body_id').select(['meetings.organization_id', 'bodies.kind'])
      .where('meetings.id', '=', input.meetingId).executeTakeFirst();
    if (!meeting || meeting.organization_id !== row.organization_id) throw rule('not_found', 'meetingId', 'no such meeting of this organization');
    if (meeting.kind !== 'general_assembly' && meeting.kind !== 'delegate_assembly') throw rule('not_a_general_meeting', 'meetingId', 'the surplus is allocated by the general assembly (or the delegate assembly)');
    const view = toClosingView(row);
    const motion = await addMotionIn(trx, ctx, actor, input.meetingId, {
      kind: 'ordinary',
      title: input.title?.trim() || `${view.fiscalYear}年度 剰余金処分案承認の件`,
      body: input.body ?? motionBody(view),
    });
    const at = isoNow(ctx);
    await setStatus(trx, row, 'submitted', at, { motion_id: motion.id });
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: row.organization_id, entityType: 'surplus_closing', entityId: closingId, action: 'submit', before: { status: 'draft' }, after: { status: 'submitted', motionId: motion.id },
    }, at);
    return toClosingView(await closingRow(trx, closingId));
  });
}

/**
 * Called as a motion is decided, inside its transaction: a close the assembly adopted is posted to the ledger; one it
 * rejected is marked so, and the board may propose the year again. Motions that carry no close are left alone.
 */
export async function settleSurplusClosing(trx: Transaction<Schema>, ctx: AppContext, actor: Actor, motionId: string, adopted: boolean, at: string): Promise<void> {
  const row = await closingRows(trx).where('surplus_closings.motion_id', '=', motionId).where('surplus_closings.status', '=', 'submitted').executeTakeFirst();
  if (!row) return;
  const audit = (action: string, after: unknown) => recordAudit(trx, { userId: actor.userId, email: actor.email }, {
    organizationId: row.organization_id, entityType: 'surplus_closing', entityId: row.id, action, before: { status: 'submitted' }, after,
  }, at);
  if (!adopted) {
    await setStatus(trx, row, 'rejected', at);
    await audit('reject', { status: 'rejected', motionId });
    return;
  }
  await lockCapital(trx, ctx, { organizationId: row.organization_id });
  const view = toClosingView(row);
  const dividends = await trx.selectFrom('surplus_dividends').select(['membership_id', 'amount', 'withheld', 'payment'])
    .where('closing_id', '=', row.id).orderBy('membership_id').execute();
  // What a member owes may have changed since the proposal (a payment came in): the set-off is at most what is owed
  // when the dividend becomes payable, and the resolved dividend itself does not move.
  const owed = view.withholdAgainstUnpaid ? await unpaidOf(trx, row.organization_id, dividends.map((d) => d.membership_id)) : new Map<string, number>();
  const postings = [];
  for (const d of dividends) {
    const amount = Number(d.amount);
    const withheld = view.withholdAgainstUnpaid ? Math.min(amount, Math.max(0, owed.get(d.membership_id) ?? 0)) : 0;
    if (withheld !== Number(d.withheld)) {
      await trx.updateTable('surplus_dividends').set({ withheld, payment: amount - withheld, unpaid_capital: Math.max(0, owed.get(d.membership_id) ?? 0) })
        .where('closing_id', '=', row.id).where('membership_id', '=', d.membership_id).execute();
    }
    postings.push({ membershipId: d.membership_id, payment: amount - withheld, withheld });
  }
  const date = today(ctx);
  const poster = { userId: actor.userId, email: actor.email };
  const reason = `motion ${motionId}`;
  const opening = view.facts.opening;
  if (opening && (opening.legalReserve !== 0 || opening.lossesCarriedForward !== 0)) {
    await postEntry(trx, ctx, poster, {
      organizationId: row.organization_id, date, type: 'opening-balance', description: `開始残高 (${view.fiscalYear}年度決算時)`, reason, reversesEntryId: null, batchId: row.id,
      lines: openingBalanceLines(opening),
    });
  }
  const lines = appropriationLines(view.surplus, view.allocation, postings);
  const entry = lines.length === 0 ? null : await postEntry(trx, ctx, poster, {
    organizationId: row.organization_id, date, type: 'surplus-appropriation', description: `${view.fiscalYear}年度 剰余金処分`, reason, reversesEntryId: null, batchId: row.id, lines,
  });
  const withheld = postings.reduce((sum, p) => sum + p.withheld, 0);
  const stored = JSON.parse(row.allocation_json) as { withheld: number };
  await setStatus(trx, row, 'posted', at, {
    journal_entry_id: entry?.id ?? null, posted_at: at, posted_by: actor.email, allocation_json: JSON.stringify({ ...stored, withheld }),
  });
  await audit('post', { status: 'posted', motionId, journalEntryId: entry?.id ?? null, withheld });
}
