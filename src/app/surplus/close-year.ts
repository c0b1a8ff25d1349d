import type { Selectable, Transaction } from 'kysely';
import type { Schema, SurplusClosingTable } from '../../db/schema.js';
import { canCloseFiscalYear, canKeepCapital, type Actor } from '../../domain/access/policy.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { fiscalYearPeriod, monthsBetween } from '../../domain/shared/fiscal-year.js';
import { actReserveTargetShareOfCapital, allocationMinimums, ceilShare, checkAllocation, proposeAllocation, type AllocationParts, type AllocationProposal, type SurplusFacts } from '../../domain/surplus/allocation.js';
import { splitDividends } from '../../domain/surplus/dividends.js';
import type { ClosingFacts, ClosingInput, ClosingStatus, ClosingView } from '../../domain/surplus/views.js';
import type { WorkMeasure, WorkMeasureBasis } from '../../domain/surplus/work-measure.js';
import type { Fraction } from '../../domain/governance/resolutions.js';
import { bulkInsert } from '../../db/bulk-insert.js';
import { recordAudit } from '../audit/record-audit.js';
import { lockCapital, unpaidOf } from '../capital/journal.js';
import { bylawSettingsOn, lawProfileOf } from '../governance/bylaws.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, newId, today, type AppContext, type Tx } from '../shared/context.js';
import { workInYear } from './member-work.js';

/**
 * Closing a fiscal year (決算・剰余金処分): the board enters the year's surplus or loss; Kyodo reads the rest from
 * the ledger (the legal reserve, losses carried forward, total capital), the bylaws in force on the year's last day
 * (reserve rates and target, how work is measured, whether dividends are withheld) and the year's approved work,
 * proposes the allocation in the legal order and divides the dividend among the members by their work. The draft
 * can be recomputed until it is put to the assembly as a motion; once the motion is adopted it is posted to the
 * ledger (see settle-closing.ts).
 */

// The close as the API takes and shows it: one definition shared with the web app.
export type { ClosingFacts, ClosingInput, ClosingStatus, ClosingView, OpeningBalances } from '../../domain/surplus/views.js';

interface StoredAllocation {
  proposal: AllocationProposal;
  nonMemberWork: { people: number; minutes: number };
  withheld: number;
}

/** A close's row with the meeting its motion is on. */
export type ClosingRow = Selectable<SurplusClosingTable> & { meeting_id: string | null };

/** Closes with the meeting of their motion (none before it is put to the assembly). */
export const closingRows = (db: Tx) => db.selectFrom('surplus_closings').leftJoin('motions', 'motions.id', 'surplus_closings.motion_id')
  .selectAll('surplus_closings').select('motions.meeting_id');

export function toClosingView(r: ClosingRow): ClosingView {
  const stored = JSON.parse(r.allocation_json) as StoredAllocation;
  return {
    id: r.id, organizationId: r.organization_id, fiscalYear: Number(r.fiscal_year), periodFrom: r.period_from, periodUntil: r.period_until,
    status: r.status as ClosingStatus, surplus: Number(r.surplus), facts: JSON.parse(r.facts_json) as ClosingFacts, measure: JSON.parse(r.measure_json) as WorkMeasure,
    allocation: stored.proposal, withholdAgainstUnpaid: r.withhold_against_unpaid === 1, totalWork: Number(r.total_work), members: Number(r.members),
    nonMemberWork: stored.nonMemberWork, dividendsWithheld: stored.withheld, dividendsPaid: stored.proposal.dividends - stored.withheld,
    motionId: r.motion_id, meetingId: r.meeting_id, journalEntryId: r.journal_entry_id, version: Number(r.version), createdAt: r.created_at, createdBy: r.created_by,
    postedAt: r.posted_at, postedBy: r.posted_by,
    statementsMailed: r.statements_sent_at === null ? null : {
      at: r.statements_sent_at, sent: Number(r.statements_sent ?? 0), withoutEmail: Number(r.statements_without_email ?? 0),
      failures: JSON.parse(r.statements_failures_json ?? '[]') as { email: string; reason: string }[],
    },
  };
}

const rule = (code: string, field: string, message: string) => new DomainError('rule_violation', code, message, [{ field, code, message }]);

/** Sums of the ledger's surplus accounts and the capital subscribed, for the facts of a close. */
async function ledgerFacts(db: Tx, organizationId: string, until: string) {
  const [sums, capital, earlier] = await Promise.all([
    db.selectFrom('journal_lines').select(['account', (eb) => eb.fn.sum<string | number>('amount').as('amount')])
      .where('organization_id', '=', organizationId).where('account', 'in', ['legal-reserve', 'losses-carried-forward']).groupBy('account').execute(),
    db.selectFrom('journal_lines').select((eb) => eb.fn.sum<string | number>('amount').as('amount'))
      .where('organization_id', '=', organizationId).where('account', '=', 'capital').where('entry_date', '<=', until).executeTakeFirst(),
    db.selectFrom('journal_entries').select('id').where('organization_id', '=', organizationId).where('type', 'in', ['surplus-appropriation', 'opening-balance']).limit(1).executeTakeFirst(),
  ]);
  const sum = (account: string) => Number(sums.find((s) => s.account === account)?.amount ?? 0);
  return {
    legalReserveBalance: 0 - sum('legal-reserve'),
    lossesCarriedForward: sum('losses-carried-forward'),
    // 出資総額: the capital account is credited (negative) as shares are subscribed.
    totalCapital: 0 - Number(capital?.amount ?? 0),
    booksOpened: earlier !== undefined,
  };
}

/** The board's allocation: the proposal, with its edits, checked against the law and the bylaws. */
function allocationOf(facts: SurplusFacts, input: ClosingInput, lawMinimums: SurplusFacts['rates']): AllocationProposal {
  const edited = input.legalReserve !== undefined || input.jobCreationFund !== undefined || input.educationCarryForward !== undefined;
  if (!edited) return proposeAllocation(facts, { retained: input.retained ?? 0, lawMinimums });
  const minimums = allocationMinimums(facts, lawMinimums);
  const legalReserve = input.legalReserve ?? minimums.legalReserve.minimum;
  const jobCreationFund = input.jobCreationFund ?? minimums.jobCreationFund.minimum;
  const educationCarryForward = input.educationCarryForward ?? minimums.educationCarryForward.minimum;
  const retained = input.retained ?? 0;
  const dividends = minimums.base - legalReserve - jobCreationFund - educationCarryForward - retained;
  if (dividends < 0) throw rule('allocation_exceeds_surplus', 'retained', `the reserves and what is retained exceed the ${minimums.base} yen left after losses by ${-dividends} yen`);
  const parts: AllocationParts = { lossCovered: minimums.lossCovered, legalReserve, jobCreationFund, educationCarryForward, dividends, retained, lossCarriedForward: minimums.lossCarriedForward };
  checkAllocation(facts, parts, lawMinimums);
  return { ...parts, minimums, lossYear: minimums.base === 0 };
}

/** The organization's closings, newest year first: its staff (who keep the books) and the federation read them. */
export async function listClosings(ctx: AppContext, actor: Actor, organizationId: string): Promise<ClosingView[]> {
  if (!canKeepCapital(actor, organizationId)) throw forbidden();
  const rows = await closingRows(ctx.db).where('surplus_closings.organization_id', '=', organizationId)
    .orderBy('surplus_closings.fiscal_year', 'desc').orderBy('surplus_closings.created_at', 'desc').execute();
  return rows.map(toClosingView);
}

export async function closingRow(db: Tx, closingId: string): Promise<ClosingRow> {
  const row = await closingRows(db).where('surplus_closings.id', '=', closingId).executeTakeFirst();
  if (!row) throw notFound('closing');
  return row;
}

export async function getClosing(ctx: AppContext, actor: Actor, closingId: string): Promise<ClosingView> {
  const row = await closingRow(ctx.db, closingId);
  if (!canKeepCapital(actor, row.organization_id)) throw notFound('closing');
  return toClosingView(row);
}

/**
 * Proposes (or recomputes) the close of a fiscal year. Refused: before the year has ended; while any month of it has
 * work still open (every month must be closed, so the work divided is final); when the year is already before the
 * assembly or posted; when another year's close is before the assembly (its reserves are not in the ledger yet); an
 * allocation below a legal or bylaw minimum.
 */
export async function proposeClosing(ctx: AppContext, actor: Actor, organizationId: string, input: ClosingInput): Promise<ClosingView> {
  if (!canCloseFiscalYear(actor, organizationId)) throw forbidden();
  return inTransaction(ctx, async (trx) => {
    await lockCapital(trx, ctx, { organizationId });
    const organization = await findOrganization(trx, organizationId);
    if (!organization) throw notFound('organization');
    const { from, until } = fiscalYearPeriod(input.fiscalYear, organization.fiscalYearStartMonth);
    if (today(ctx) <= until) throw rule('fiscal_year_not_ended', 'fiscalYear', `the fiscal year ends on ${until}: close it after that`);

    const others = await trx.selectFrom('surplus_closings').select(['id', 'fiscal_year', 'status']).where('organization_id', '=', organizationId)
      .where('status', 'in', ['draft', 'submitted', 'posted']).execute();
    const same = others.filter((c) => Number(c.fiscal_year) === input.fiscalYear);
    if (same.some((c) => c.status !== 'draft')) throw new DomainError('conflict', 'year_already_closed', `the ${input.fiscalYear} close is already before the assembly or posted`);
    const pending = others.find((c) => c.status === 'submitted');
    if (pending) throw rule('closing_pending', 'fiscalYear', `the ${pending.fiscal_year} close is before the assembly: its reserves are not in the ledger yet`);

    const closed = await trx.selectFrom('work_period_closes').select('period').where('organization_id', '=', organizationId)
      .where('period', '>=', from.slice(0, 7)).where('period', '<=', until.slice(0, 7)).execute();
    const closedMonths = new Set(closed.map((c) => c.period));
    const open = monthsBetween(from, until).filter((m) => !closedMonths.has(m));
    if (open.length > 0) throw rule('work_periods_open', 'fiscalYear', `close the work of every month first: ${open.join(', ')} still open`);

    const [settings, profile, ledger] = await Promise.all([bylawSettingsOn(trx, organizationId, until), lawProfileOf(trx, organizationId), ledgerFacts(trx, organizationId, until)]);
    if (input.opening && ledger.booksOpened) throw rule('opening_balances_set', 'opening', 'opening balances are stated once, at the first close kept in Kyodo; later balances come from the ledger');
    const opening = input.opening ?? null;
    const stated = settings.legalReserveTarget.source.kind === 'bylaws' ? (settings.legalReserveTarget.value as number) : null;
    const facts: ClosingFacts = {
      surplus: input.surplus,
      lossesCarriedForward: ledger.lossesCarriedForward + (opening?.lossesCarriedForward ?? 0),
      legalReserveBalance: ledger.legalReserveBalance + (opening?.legalReserve ?? 0),
      legalReserveTarget: stated ?? ceilShare(ledger.totalCapital, actReserveTargetShareOfCapital),
      legalReserveTargetSource: stated === null ? 'law' : 'bylaws',
      totalCapital: ledger.totalCapital,
      rates: {
        legalReserve: settings.legalReserveRate.value as Fraction,
        jobCreationFund: settings.jobCreationFundRate.value as Fraction,
        educationCarryForward: settings.educationCarryForwardRate.value as Fraction,
      },
      opening,
    };
    const proposal = allocationOf(facts, input, profile.surplusMinimumRates);
    const measure: WorkMeasure = { basis: settings.workMeasure.value as WorkMeasureBasis, roleWeights: settings.roleWeights.value as Record<string, number> };
    const withhold = settings.withholdDividends.value === true;

    const work = await workInYear(trx, organizationId, from, until, measure);
    const unpaid = withhold ? await unpaidOf(trx, organizationId, work.members.map((m) => m.membershipId)) : new Map<string, number>();
    const split = splitDividends(proposal.dividends, work.members.map((m) => ({ memberId: m.membershipId, work: m.work, unpaidCapital: Math.max(0, unpaid.get(m.membershipId) ?? 0) })), { withholdAgainstUnpaidCapital: withhold });

    const at = isoNow(ctx);
    const draft = same.find((c) => c.status === 'draft');
    const id = draft?.id ?? newId();
    if (draft) await trx.deleteFrom('surplus_dividends').where('closing_id', '=', id).execute();
    const values = {
      organization_id: organizationId, fiscal_year: input.fiscalYear, period_from: from, period_until: until, status: 'draft', surplus: input.surplus,
      facts_json: JSON.stringify(facts), measure_json: JSON.stringify(measure),
      allocation_json: JSON.stringify({ proposal, nonMemberWork: work.nonMember, withheld: split.withheld } satisfies StoredAllocation),
      withhold_against_unpaid: withhold ? 1 : 0, total_work: split.totalWork, members: work.members.length, updated_at: at,
    };
    if (draft) {
      await trx.updateTable('surplus_closings').set((eb) => ({ ...values, version: eb('version', '+', 1), created_by: actor.email })).where('id', '=', id).execute();
    } else {
      await trx.insertInto('surplus_closings').values({ ...values, id, motion_id: null, journal_entry_id: null, version: 1, created_at: at, created_by: actor.email, posted_at: null, posted_by: null }).execute();
    }
    await bulkInsert(trx, ctx.dialect, 'surplus_dividends', split.members.map((d, i) => {
      const w = work.members[i]!;
      return {
        closing_id: id, membership_id: d.memberId, person_id: w.personId, minutes: w.minutes, days: w.days, work: d.work,
        exact_yen: d.exact.yen, exact_remainder: d.exact.remainder, rounded_up: d.roundedUp ? 1 : 0, remainder_rank: d.remainderRank,
        amount: d.amount, unpaid_capital: Math.max(0, unpaid.get(d.memberId) ?? 0), withheld: d.withheld, payment: d.payment,
      };
    }));
    const row = await closingRow(trx, id);
    const view = toClosingView(row);
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'surplus_closing', entityId: id, action: draft ? 'recompute' : 'propose', before: null,
      after: { fiscalYear: input.fiscalYear, surplus: input.surplus, facts, allocation: view.allocation, measure, members: view.members, totalWork: view.totalWork, withheld: split.withheld },
    }, at);
    return view;
  });
}

/** Withdraws a draft: the year can be proposed afresh. A close before the assembly is decided by its motion. */
export async function withdrawClosing(ctx: AppContext, actor: Actor, closingId: string, version: number): Promise<ClosingView> {
  return inTransaction(ctx, async (trx) => {
    const row = await closingRow(trx, closingId);
    if (!canCloseFiscalYear(actor, row.organization_id)) throw forbidden();
    if (row.status !== 'draft') throw new DomainError('conflict', 'not_a_draft', 'only a draft can be withdrawn; a close before the assembly is decided by its motion');
    if (Number(row.version) !== version) throw new DomainError('conflict', 'version_conflict', 'the close changed since it was read');
    await setStatus(trx, row, 'withdrawn', isoNow(ctx));
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId: row.organization_id, entityType: 'surplus_closing', entityId: closingId, action: 'withdraw', before: { status: 'draft' }, after: { status: 'withdrawn' } }, isoNow(ctx));
    return toClosingView(await closingRow(trx, closingId));
  });
}

export async function setStatus(trx: Transaction<Schema>, row: Selectable<SurplusClosingTable>, status: ClosingStatus, at: string, more: Partial<Selectable<SurplusClosingTable>> = {}): Promise<void> {
  await trx.updateTable('surplus_closings').set((eb) => ({ ...more, status, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', row.id).execute();
}
