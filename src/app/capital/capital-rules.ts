import type { Selectable } from 'kysely';
import { canKeepCapital, canSetCapitalRules, type Actor } from '../../domain/access/policy.js';
import { checkCapitalRules, defaultCapitalRules, rulesOn, type CapitalRules } from '../../domain/capital/share-rules.js';
import { lawProfiles } from '../../domain/law-profiles/profiles.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import type { CapitalRulesTable } from '../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, isUniqueViolation, type AppContext, type Tx } from '../shared/context.js';

const toRules = (r: Selectable<CapitalRulesTable>): CapitalRules => ({
  effectiveFrom: r.effective_from,
  sharePrice: Number(r.share_price),
  minimumShares: Number(r.minimum_shares),
  capPercent: r.cap_percent === null ? null : Number(r.cap_percent),
  takeoverCapPercent: r.takeover_cap_percent === null ? null : Number(r.takeover_cap_percent),
  capExemptUpTo: Number(r.cap_exempt_up_to),
  refundNoticeDays: Number(r.refund_notice_days),
});

/** Every version of the organization's capital rules, oldest first. */
export async function capitalRulesHistory(db: Tx, organizationId: string): Promise<CapitalRules[]> {
  const rows = await db.selectFrom('capital_rules').selectAll().where('organization_id', '=', organizationId).orderBy('effective_from').execute();
  return rows.map(toRules);
}

/** The rules in force on a date; an organization must record them (its share price) before any capital moves. */
export async function capitalRulesOn(db: Tx, organizationId: string, date: string): Promise<CapitalRules> {
  const rules = rulesOn(await capitalRulesHistory(db, organizationId), date);
  if (!rules) {
    throw new DomainError('rule_violation', 'no_capital_rules', `the organization has no capital rules in force on ${date}: record the share price first`, [
      { field: 'date', code: 'no_capital_rules', message: 'record the capital rules (share price) first' },
    ]);
  }
  return rules;
}

export async function listCapitalRules(ctx: AppContext, actor: Actor, organizationId: string): Promise<CapitalRules[]> {
  if (!canKeepCapital(actor, organizationId)) throw forbidden();
  return capitalRulesHistory(ctx.db, organizationId);
}

export type CapitalRulesInput = Pick<CapitalRules, 'effectiveFrom' | 'sharePrice'> & Partial<Omit<CapitalRules, 'effectiveFrom' | 'sharePrice'>>;

/**
 * Records the bylaws' capital rules from a date on. What the input leaves out comes from the law profile (the
 * Act's 25% cap, 35% on an approved takeover, 90 days' notice). Earlier versions stay: a register at a past date
 * uses the rules of then.
 */
export async function setCapitalRules(ctx: AppContext, actor: Actor, organizationId: string, input: CapitalRulesInput): Promise<CapitalRules> {
  if (!canSetCapitalRules(actor, organizationId)) throw forbidden();
  const organization = await findOrganization(ctx.db, organizationId);
  if (!organization) throw notFound('organization');
  const profile = lawProfiles.find((p) => p.id === organization.lawProfile) ?? lawProfiles[0]!;
  const rules: CapitalRules = { ...defaultCapitalRules(profile.shareCapPercent, profile.withdrawalNoticeDays), ...input };
  checkCapitalRules(rules);
  try {
    await inTransaction(ctx, async (trx) => {
      const at = isoNow(ctx);
      await trx.insertInto('capital_rules').values({
        organization_id: organizationId, effective_from: rules.effectiveFrom, share_price: rules.sharePrice, minimum_shares: rules.minimumShares,
        cap_percent: rules.capPercent, takeover_cap_percent: rules.takeoverCapPercent, cap_exempt_up_to: rules.capExemptUpTo,
        refund_notice_days: rules.refundNoticeDays, recorded_at: at, recorded_by: actor.email,
      }).execute();
      await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
        organizationId, entityType: 'capital_rules', entityId: `${organizationId}:${rules.effectiveFrom}`, action: 'create', before: null, after: rules,
      }, at);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', 'capital_rules_exist', `capital rules from ${rules.effectiveFrom} are recorded already`, [
        { field: 'effectiveFrom', code: 'capital_rules_exist', message: 'choose another date: recorded rules are not changed' },
      ]);
    }
    throw error;
  }
  return rules;
}
