import { sql, type Selectable } from 'kysely';
import { BulkWriter } from '../../db/bulk-insert.js';
import type { CampaignTable } from '../../db/schema.js';
import { canRunCampaigns, type Actor } from '../../domain/access/policy.js';
import { campaignProgress, checkCampaign, checkMilestone, cumulativeAdoptions, successStage, type CampaignFields, type MilestoneFields, type MilestoneKind } from '../../domain/advocacy/campaign.js';
import { campaignLocalGovernments } from '../../domain/advocacy/local-targets.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, newId, type AppContext, type Tx } from '../shared/context.js';
import { asStage, asTargetKind, campaignInReach } from './campaign-access.js';
import type { CampaignDetail, CampaignHeadline, CampaignView, MilestoneView } from '../../domain/advocacy/views.js';

export type { CampaignDetail, CampaignHeadline, CampaignView, MilestoneView };

const viewOf = (row: Selectable<CampaignTable>): CampaignView => ({
  id: row.id, organizationId: row.organization_id, nameJa: row.name_ja, nameEn: row.name_en, goalJa: row.goal_ja, goalEn: row.goal_en,
  periodFrom: row.period_from, periodUntil: row.period_until, version: Number(row.version), createdAt: row.created_at, updatedAt: row.updated_at,
});

/** Blank text is no value; names and goals trimmed. */
const tidy = (c: CampaignFields): CampaignFields => ({
  nameJa: c.nameJa.trim(), nameEn: c.nameEn?.trim() || null, goalJa: c.goalJa.trim(), goalEn: c.goalEn?.trim() || null, periodFrom: c.periodFrom, periodUntil: c.periodUntil,
});

const columnsOf = (c: CampaignFields) => ({
  name_ja: c.nameJa, name_en: c.nameEn, goal_ja: c.goalJa, goal_en: c.goalEn, period_from: c.periodFrom, period_until: c.periodUntil,
});

/** Adopted local governments of each campaign, in one aggregate query. */
async function headlines(db: Tx, campaignIds: readonly string[]): Promise<Map<string, CampaignHeadline>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db.selectFrom('campaign_targets')
    .select((eb) => ['campaign_id', eb.fn.countAll().as('denominator'), sql<number>`sum(case when stage = ${successStage} then 1 else 0 end)`.as('adopted')])
    .where('campaign_id', 'in', campaignIds).where('kind', '=', 'local-government').groupBy('campaign_id').execute();
  return new Map(rows.map((r) => {
    const denominator = Number(r.denominator);
    const adopted = Number(r.adopted);
    return [r.campaign_id, { adopted, denominator, share: denominator === 0 ? 0 : adopted / denominator }];
  }));
}

/** An organization's campaigns with their headlines, the latest first. */
export async function listCampaigns(ctx: AppContext, actor: Actor, organizationId: string): Promise<(CampaignView & { progress: CampaignHeadline })[]> {
  if (!canRunCampaigns(actor, organizationId)) throw forbidden();
  const rows = await ctx.db.selectFrom('campaigns').selectAll().where('organization_id', '=', organizationId)
    .orderBy('period_from', 'desc').orderBy('name_ja').execute();
  const progress = await headlines(ctx.db, rows.map((r) => r.id));
  return rows.map((row) => ({ ...viewOf(row), progress: progress.get(row.id) ?? { adopted: 0, denominator: 0, share: 0 } }));
}

const targetColumns = [
  'id', 'campaign_id', 'kind', 'local_government_code', 'prefecture_code', 'name_ja', 'name_en', 'stage', 'stage_on', 'responsible_organization_id',
  'responsible_person', 'notes', 'version', 'updated_at',
] as const;

/**
 * Starts a campaign. With `includeLocalGovernments` every local government with an assembly becomes a target, not yet
 * contacted — the 1,788 rows go in with multi-row inserts, in the same transaction as the campaign.
 */
export async function createCampaign(ctx: AppContext, actor: Actor, organizationId: string, input: CampaignFields & { includeLocalGovernments: boolean }): Promise<CampaignView> {
  if (!canRunCampaigns(actor, organizationId)) throw forbidden();
  const { includeLocalGovernments, ...fields } = input;
  const campaign = tidy(fields);
  checkCampaign(campaign);
  return inTransaction(ctx, async (trx) => {
    if (!(await trx.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst())) throw notFound('organization');
    const at = isoNow(ctx);
    const id = newId();
    await trx.insertInto('campaigns').values({ id, organization_id: organizationId, ...columnsOf(campaign), version: 1, created_at: at, updated_at: at }).execute();
    const governments = includeLocalGovernments ? campaignLocalGovernments() : [];
    const targets = new BulkWriter(trx, ctx.dialect, 'campaign_targets', targetColumns);
    for (const g of governments) {
      await targets.add(newId(), id, 'local-government', g.code, g.prefectureCode, g.nameJa, null, 'not-contacted', null, null, null, null, 1, at);
    }
    await targets.flush();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'campaign', entityId: id, action: 'create', before: null, after: { ...campaign, localGovernmentTargets: governments.length },
    }, at);
    return viewOf((await trx.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  });
}

/** Changes a campaign's name, goal and period at the version the editor saw. */
export async function updateCampaign(ctx: AppContext, actor: Actor, id: string, input: CampaignFields & { version: number }): Promise<CampaignView> {
  const { version, ...fields } = input;
  const campaign = tidy(fields);
  checkCampaign(campaign);
  return inTransaction(ctx, async (trx) => {
    const before = await campaignInReach(trx, actor, id);
    if (Number(before.version) !== version) throw new DomainError('conflict', 'version_conflict', `the campaign was changed by someone else (now version ${before.version})`);
    const at = isoNow(ctx);
    const { id: _id, organizationId, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...previous } = viewOf(before);
    await trx.updateTable('campaigns').set({ ...columnsOf(campaign), version: version + 1, updated_at: at }).where('id', '=', id).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId, entityType: 'campaign', entityId: id, action: 'update', before: previous, after: campaign }, at);
    return viewOf((await trx.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
  });
}

const milestoneOf = (m: { id: string; kind: string; on_date: string; title_ja: string; title_en: string | null; description: string | null }): MilestoneView => ({
  id: m.id, kind: m.kind as MilestoneKind, on: m.on_date, titleJa: m.title_ja, titleEn: m.title_en, description: m.description,
});

/**
 * A campaign and where it stands: one read of its targets' stages (1,788 rows for a campaign of every local
 * government) for the progress, and one of its local governments' stage history for the cumulative chart.
 */
export async function getCampaign(ctx: AppContext, actor: Actor, id: string): Promise<CampaignDetail> {
  const campaign = await campaignInReach(ctx.db, actor, id);
  const [targets, events, milestones] = await Promise.all([
    ctx.db.selectFrom('campaign_targets').select(['kind', 'local_government_code', 'prefecture_code', 'stage']).where('campaign_id', '=', id).execute(),
    ctx.db.selectFrom('campaign_target_events as e').innerJoin('campaign_targets as t', 't.id', 'e.target_id')
      .select(['t.local_government_code', 'e.stage', 'e.on_date'])
      .where('e.campaign_id', '=', id).where('t.kind', '=', 'local-government')
      // Events of one day in the order they were recorded: a correction made later that day comes last.
      .orderBy('e.on_date').orderBy('e.created_at').orderBy('e.id').execute(),
    ctx.db.selectFrom('campaign_milestones').select(['id', 'kind', 'on_date', 'title_ja', 'title_en', 'description'])
      .where('campaign_id', '=', id).orderBy('on_date').orderBy('created_at').execute(),
  ]);
  return {
    ...viewOf(campaign),
    progress: campaignProgress(targets.map((t) => ({ kind: asTargetKind(t.kind), localGovernmentCode: t.local_government_code, prefectureCode: t.prefecture_code, stage: asStage(t.stage) }))),
    cumulative: cumulativeAdoptions(events.map((e) => ({ localGovernmentCode: e.local_government_code, stage: asStage(e.stage), on: e.on_date }))),
    milestones: milestones.map(milestoneOf),
  };
}

/** Adds a milestone to the campaign's timeline (the network founded, the bill submitted, the law in force). */
export async function addMilestone(ctx: AppContext, actor: Actor, campaignId: string, input: MilestoneFields): Promise<MilestoneView> {
  const milestone: MilestoneFields = { ...input, titleJa: input.titleJa.trim(), titleEn: input.titleEn?.trim() || null, description: input.description?.trim() || null };
  checkMilestone(milestone);
  return inTransaction(ctx, async (trx) => {
    const campaign = await campaignInReach(trx, actor, campaignId);
    const at = isoNow(ctx);
    const id = newId();
    await trx.insertInto('campaign_milestones').values({
      id, campaign_id: campaignId, kind: milestone.kind, on_date: milestone.on, title_ja: milestone.titleJa, title_en: milestone.titleEn, description: milestone.description, created_at: at,
    }).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: campaign.organization_id, entityType: 'campaign-milestone', entityId: id, action: 'create', before: null, after: { campaignId, ...milestone },
    }, at);
    return { id, ...milestone };
  });
}

export async function deleteMilestone(ctx: AppContext, actor: Actor, campaignId: string, milestoneId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const campaign = await campaignInReach(trx, actor, campaignId);
    const row = await trx.selectFrom('campaign_milestones').selectAll().where('id', '=', milestoneId).where('campaign_id', '=', campaignId).executeTakeFirst();
    if (!row) throw notFound('milestone');
    await trx.deleteFrom('campaign_milestones').where('id', '=', milestoneId).execute();
    const { id: _id, ...before } = milestoneOf(row);
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: campaign.organization_id, entityType: 'campaign-milestone', entityId: milestoneId, action: 'delete', before: { campaignId, ...before }, after: null,
    }, isoNow(ctx));
  });
}
