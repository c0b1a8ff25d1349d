import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import { rulesOn } from '../../domain/capital/share-rules.js';
import { lawProfiles } from '../../domain/law-profiles/profiles.js';
import { applyEvent, earliestWithdrawalDate, type MembershipEvent } from '../../domain/members/lifecycle.js';
import { membershipDates, type Membership } from '../../domain/members/member.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { settleCapitalOnLeaving } from '../capital/capital-movements.js';
import { capitalRulesHistory } from '../capital/capital-rules.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, newId, type AppContext } from '../shared/context.js';
import { toMembership } from './member-rows.js';

/**
 * Appends one event to a membership's history and moves its status. A withdrawal takes effect at the end of a
 * fiscal year after the notice period of the organization's law profile.
 */
export async function recordMembershipEvent(ctx: AppContext, actor: Actor, membershipId: string, event: MembershipEvent): Promise<Membership> {
  return inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('memberships').selectAll().where('id', '=', membershipId).executeTakeFirst();
    if (!row || !canKeepRegistry(actor, row.organization_id)) throw row ? forbidden() : notFound('membership');
    const current = toMembership(row);
    const status = applyEvent(current.status, row.last_event_on, event);
    if (event.type === 'withdraw') {
      const notice = await trx.selectFrom('membership_events').select('effective_date').where('membership_id', '=', membershipId)
        .where('type', '=', 'notify_withdrawal').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      const organization = (await findOrganization(trx, row.organization_id))!;
      // The bylaws' notice period where the organization recorded one with its capital rules, else the law profile's.
      const profile = lawProfiles.find((p) => p.id === organization.lawProfile) ?? lawProfiles[0]!;
      const bylaws = rulesOn(await capitalRulesHistory(trx, row.organization_id), notice.effective_date);
      const earliest = earliestWithdrawalDate(notice.effective_date, organization.fiscalYearStartMonth, bylaws?.refundNoticeDays ?? profile.withdrawalNoticeDays);
      if (event.effectiveDate < earliest) {
        throw new DomainError('rule_violation', 'withdrawal_before_fiscal_year_end',
          `notice given on ${notice.effective_date} lets the member leave on ${earliest} at the earliest`, [
            { field: 'effectiveDate', code: 'withdrawal_before_fiscal_year_end', message: `${earliest} or later` },
          ]);
      }
    }
    const at = isoNow(ctx);
    const dates = membershipDates(status, event, current);
    const seq = await trx.selectFrom('membership_events').select((eb) => eb.fn.max('seq').as('n')).where('membership_id', '=', membershipId).executeTakeFirstOrThrow();
    await trx.insertInto('membership_events').values({
      id: newId(), membership_id: membershipId, seq: Number(seq.n ?? 0) + 1, type: event.type, effective_date: event.effectiveDate,
      reason: event.reason?.trim() || null, recorded_at: at, recorded_by: actor.email,
    }).execute();
    await trx.updateTable('memberships').set({
      status, admitted_on: dates.admittedOn, ended_on: dates.endedOn, last_event_on: event.effectiveDate, version: current.version + 1, updated_at: at,
    }).where('id', '=', membershipId).execute();
    if (dates.endedOn !== null && current.endedOn === null) {
      await settleCapitalOnLeaving(trx, ctx, actor, { id: membershipId, organizationId: row.organization_id }, event.effectiveDate);
    }
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: row.organization_id, entityType: 'membership', entityId: membershipId, action: event.type,
      before: { status: current.status }, after: { status, effectiveDate: event.effectiveDate, reason: event.reason },
    }, at);
    return { ...current, status, ...dates, version: current.version + 1 };
  });
}
