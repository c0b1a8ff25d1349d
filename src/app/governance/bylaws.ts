import type { Selectable, Transaction } from 'kysely';
import { canKeepBylaws, canRunMeetings, type Actor } from '../../domain/access/policy.js';
import { checkBylawSettings, settingsInForce, type BylawSettings, type BylawVersionFacts, type SettingInForce, type SettingName } from '../../domain/governance/bylaws.js';
import { lawProfiles, type LawProfile } from '../../domain/law-profiles/profiles.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import type { BylawVersionTable, Schema } from '../../db/schema.js';
import type { BylawVersion } from '../../domain/governance/views.js';
import { defaultCapitalRules, rulesOn } from '../../domain/capital/share-rules.js';
import { capitalRulesHistory } from '../capital/capital-rules.js';
import { recordAudit } from '../audit/record-audit.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, isUniqueViolation, newId, today, type AppContext, type Tx } from '../shared/context.js';

/**
 * The bylaws (定款) as versioned documents with their structured settings. A version is proposed, then takes
 * effect only through the special resolution that adopted it (closing that motion puts it in force); the founding
 * bylaws, adopted before the co-op was in Kyodo, are recorded once as version 1.
 */
export type { BylawVersion };

export const toBylawVersion = (r: Selectable<BylawVersionTable>): BylawVersion => ({
  id: r.id,
  organizationId: r.organization_id,
  versionNo: Number(r.version_no),
  title: r.title,
  text: r.text,
  settings: JSON.parse(r.settings_json) as BylawSettings,
  status: r.status as BylawVersion['status'],
  founding: Boolean(r.founding),
  effectiveFrom: r.effective_from,
  adoptedByMotionId: r.adopted_by_motion_id,
  createdAt: r.created_at,
  recordedBy: r.recorded_by,
});

export async function lawProfileOf(db: Tx, organizationId: string): Promise<LawProfile> {
  const organization = await findOrganization(db, organizationId);
  if (!organization) throw notFound('organization');
  return lawProfiles.find((p) => p.id === organization.lawProfile) ?? lawProfiles[0]!;
}

async function versionsInForce(db: Tx, organizationId: string): Promise<BylawVersionFacts[]> {
  const rows = await db.selectFrom('bylaw_versions').selectAll().where('organization_id', '=', organizationId).where('status', '=', 'in_force').execute();
  return rows.map(toBylawVersion).map((v) => ({
    id: v.id, versionNo: v.versionNo, effectiveFrom: v.effectiveFrom!, adoptedByMotionId: v.adoptedByMotionId, founding: v.founding, settings: v.settings,
  }));
}

/** The settings in force on a date, each with the version and resolution it comes from (or the law). */
export async function bylawSettingsOn(db: Tx, organizationId: string, date: string): Promise<Record<SettingName, SettingInForce>> {
  const [profile, versions] = await Promise.all([lawProfileOf(db, organizationId), versionsInForce(db, organizationId)]);
  return settingsInForce(versions, profile, date);
}

export async function listBylawVersions(ctx: AppContext, actor: Actor, organizationId: string): Promise<BylawVersion[]> {
  if (!canRunMeetings(actor, organizationId)) throw forbidden();
  const rows = await ctx.db.selectFrom('bylaw_versions').selectAll().where('organization_id', '=', organizationId).orderBy('version_no').execute();
  return rows.map(toBylawVersion);
}

export async function bylawSettings(ctx: AppContext, actor: Actor, organizationId: string, date = today(ctx)) {
  if (!canRunMeetings(actor, organizationId)) throw forbidden();
  return { date, settings: await bylawSettingsOn(ctx.db, organizationId, date) };
}

export interface NewBylawVersion {
  title: string;
  text: string;
  settings: BylawSettings;
  /** The founding bylaws, in force from this date; only as the first version. */
  foundingEffectiveFrom?: string;
}

/**
 * Records a bylaw version: the founding version (in force at once, only when there is none), or a proposal that
 * waits for the special resolution adopting it.
 */
export async function recordBylawVersion(ctx: AppContext, actor: Actor, organizationId: string, input: NewBylawVersion): Promise<BylawVersion> {
  if (!canKeepBylaws(actor, organizationId)) throw forbidden();
  const profile = await lawProfileOf(ctx.db, organizationId);
  checkBylawSettings(input.settings, profile);
  try {
    return await inTransaction(ctx, async (trx) => {
      const last = await trx.selectFrom('bylaw_versions').select((eb) => eb.fn.max('version_no').as('n')).where('organization_id', '=', organizationId).executeTakeFirstOrThrow();
      const versionNo = Number(last.n ?? 0) + 1;
      if (input.foundingEffectiveFrom !== undefined && versionNo !== 1) {
        throw new DomainError('rule_violation', 'bylaws_need_resolution', 'only the first version may be recorded as founding bylaws; later versions take effect through a special resolution', [
          { field: 'foundingEffectiveFrom', code: 'bylaws_need_resolution', message: 'propose the version and attach it to a special resolution' },
        ]);
      }
      const at = isoNow(ctx);
      const version: BylawVersion = {
        id: newId(), organizationId, versionNo, title: input.title.trim(), text: input.text, settings: input.settings,
        status: input.foundingEffectiveFrom ? 'in_force' : 'proposed', founding: input.foundingEffectiveFrom !== undefined,
        effectiveFrom: input.foundingEffectiveFrom ?? null, adoptedByMotionId: null, createdAt: at, recordedBy: actor.email,
      };
      await trx.insertInto('bylaw_versions').values({
        id: version.id, organization_id: organizationId, version_no: versionNo, title: version.title, text: version.text,
        settings_json: JSON.stringify(version.settings), status: version.status, founding: version.founding ? 1 : 0,
        effective_from: version.effectiveFrom, adopted_by_motion_id: null, created_at: at, recorded_by: actor.email,
      }).execute();
      await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
        organizationId, entityType: 'bylaw_version', entityId: version.id, action: version.founding ? 'record_founding' : 'propose', before: null,
        after: { versionNo, title: version.title, settings: version.settings },
      }, at);
      if (version.founding) await applyBylawSettings(trx, actor, version, at);
      return version;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('conflict', 'version_conflict', 'another version was recorded at the same time: try again');
    throw error;
  }
}

/** Called when a special resolution closes: its bylaw version takes effect from the meeting's date, or is rejected. */
export async function settleBylawVersion(trx: Transaction<Schema>, actor: Actor, versionId: string, motionId: string, adopted: boolean, effectiveFrom: string, at: string): Promise<void> {
  await trx.updateTable('bylaw_versions')
    .set(adopted ? { status: 'in_force', effective_from: effectiveFrom, adopted_by_motion_id: motionId } : { status: 'rejected', adopted_by_motion_id: motionId })
    .where('id', '=', versionId).where('status', '=', 'proposed').execute();
  if (adopted) {
    const row = await trx.selectFrom('bylaw_versions').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
    await applyBylawSettings(trx, actor, toBylawVersion(row), at);
  }
}

/**
 * What other capabilities keep of the bylaws follows a version as it takes effect: the share value becomes the
 * capital rules from that date (the cap and notice period as before, or the law's), and the fiscal year's first
 * month becomes the organization's. Both are recorded with the version they come from in the audit log.
 */
async function applyBylawSettings(trx: Transaction<Schema>, actor: Actor, version: BylawVersion, at: string): Promise<void> {
  const { organizationId, settings } = version;
  const from = version.effectiveFrom!;
  const auditActor = { userId: actor.userId, email: actor.email };
  if (settings.sharePrice !== undefined) {
    const current = rulesOn(await capitalRulesHistory(trx, organizationId), from);
    const profile = await lawProfileOf(trx, organizationId);
    const base = current ?? { ...defaultCapitalRules(profile.shareCapPercent, profile.withdrawalNoticeDays), effectiveFrom: from, sharePrice: settings.sharePrice };
    // Recorded capital rules are never rewritten: rules recorded for that very day stand.
    if ((!current || current.sharePrice !== settings.sharePrice) && current?.effectiveFrom !== from) {
      await trx.insertInto('capital_rules').values({
        organization_id: organizationId, effective_from: from, share_price: settings.sharePrice, minimum_shares: base.minimumShares, cap_percent: base.capPercent,
        takeover_cap_percent: base.takeoverCapPercent, cap_exempt_up_to: base.capExemptUpTo, refund_notice_days: base.refundNoticeDays, recorded_at: at, recorded_by: actor.email,
      }).execute();
      await recordAudit(trx, auditActor, {
        organizationId, entityType: 'capital_rules', entityId: `${organizationId}:${from}`, action: 'from_bylaws', before: current, after: { sharePrice: settings.sharePrice, bylawVersion: version.versionNo },
      }, at);
    }
  }
  if (settings.fiscalYearStartMonth !== undefined) {
    const organization = await trx.selectFrom('organizations').select(['fiscal_year_start_month', 'version']).where('id', '=', organizationId).executeTakeFirstOrThrow();
    if (Number(organization.fiscal_year_start_month) !== settings.fiscalYearStartMonth) {
      await trx.updateTable('organizations').set({ fiscal_year_start_month: settings.fiscalYearStartMonth, version: Number(organization.version) + 1, updated_at: at })
        .where('id', '=', organizationId).execute();
      await recordAudit(trx, auditActor, {
        organizationId, entityType: 'organization', entityId: organizationId, action: 'from_bylaws',
        before: { fiscalYearStartMonth: Number(organization.fiscal_year_start_month) }, after: { fiscalYearStartMonth: settings.fiscalYearStartMonth, bylawVersion: version.versionNo },
      }, at);
    }
  }
}
