import { canRunCampaigns, type Actor } from '../../domain/access/policy.js';
import {
  campaignProgress, cumulativeAdoptions, stages, targetKinds, type CampaignProgress, type MilestoneKind, type Stage, type TargetKind,
} from '../../domain/advocacy/campaign.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { today, type AppContext } from '../shared/context.js';

/**
 * What a campaign's exportable reports (CSV, PDF) say: the campaign, its headline ("878 of 1,788 (49.1%)"), the
 * local governments by stage and by prefecture, the cumulative adoptions month by month, the milestones, and every
 * target with its stage, date and who is responsible for it. Read from the tables as they stand today.
 */
export interface CampaignReport {
  campaign: {
    id: string;
    organizationId: string;
    organizationNameJa: string;
    organizationNameEn: string | null;
    nameJa: string;
    nameEn: string | null;
    goalJa: string;
    goalEn: string | null;
    periodFrom: string;
    periodUntil: string | null;
  };
  /** The day the report was made (Japan's date): the figures stand as of it. */
  asOf: string;
  progress: CampaignProgress;
  /** Local governments at the success stage at the end of each month, from the first recorded event. */
  cumulative: { month: string; adopted: number }[];
  milestones: { id: string; kind: MilestoneKind; on: string; titleJa: string; titleEn: string | null; description: string | null }[];
  /** The local governments in code order (each prefecture before its municipalities), then the other bodies by kind and name. */
  targets: CampaignReportTarget[];
}

export interface CampaignReportTarget {
  id: string;
  kind: TargetKind;
  localGovernmentCode: string | null;
  prefectureCode: string | null;
  nameJa: string;
  nameEn: string | null;
  stage: Stage;
  /** The date of the current stage; null while not contacted. */
  stageOn: string | null;
  responsibleOrganizationNameJa: string | null;
  responsibleOrganizationNameEn: string | null;
  responsiblePerson: string | null;
}

const kindOrder = new Map<string, number>(targetKinds.map((kind, index) => [kind, index]));

const asStage = (value: string): Stage => {
  if (!(stages as readonly string[]).includes(value)) throw new Error(`unknown campaign stage in the database: ${value}`);
  return value as Stage;
};

/**
 * A campaign's report. Its organization's staff (and the federation administrator) make it; a member of that
 * organization is told no; anyone else does not learn that the campaign exists.
 */
export async function campaignReport(ctx: AppContext, actor: Actor, campaignId: string): Promise<CampaignReport> {
  const db = ctx.db;
  const campaign = await db.selectFrom('campaigns as c').innerJoin('organizations as o', 'o.id', 'c.organization_id')
    .select([
      'c.id', 'c.organization_id', 'o.name_ja as organization_name_ja', 'o.name_en as organization_name_en', 'c.name_ja', 'c.name_en', 'c.goal_ja', 'c.goal_en',
      'c.period_from', 'c.period_until',
    ])
    .where('c.id', '=', campaignId).executeTakeFirst();
  if (!campaign || !canRunCampaigns(actor, campaign.organization_id)) {
    if (campaign && actor.organizationId === campaign.organization_id) throw forbidden();
    throw notFound('campaign');
  }
  const [targets, events, milestones] = await Promise.all([
    db.selectFrom('campaign_targets as t').leftJoin('organizations as r', 'r.id', 't.responsible_organization_id')
      .select([
        't.id', 't.kind', 't.local_government_code', 't.prefecture_code', 't.name_ja', 't.name_en', 't.stage', 't.stage_on', 't.responsible_person',
        'r.name_ja as responsible_name_ja', 'r.name_en as responsible_name_en',
      ])
      .where('t.campaign_id', '=', campaignId).execute(),
    db.selectFrom('campaign_target_events as e').innerJoin('campaign_targets as t', 't.id', 'e.target_id')
      .select(['t.local_government_code', 'e.stage', 'e.on_date'])
      .where('e.campaign_id', '=', campaignId).where('t.kind', '=', 'local-government')
      // Events of one day in the order they were recorded: a correction made later on the same day comes last.
      .orderBy('e.on_date').orderBy('e.created_at').orderBy('e.id').execute(),
    db.selectFrom('campaign_milestones').select(['id', 'kind', 'on_date', 'title_ja', 'title_en', 'description'])
      .where('campaign_id', '=', campaignId).orderBy('on_date').orderBy('created_at').execute(),
  ]);
  const reportTargets = targets.map((t): CampaignReportTarget => ({
    id: t.id, kind: t.kind as TargetKind, localGovernmentCode: t.local_government_code, prefectureCode: t.prefecture_code, nameJa: t.name_ja, nameEn: t.name_en,
    stage: asStage(t.stage), stageOn: t.stage_on, responsibleOrganizationNameJa: t.responsible_name_ja ?? null,
    responsibleOrganizationNameEn: t.responsible_name_en ?? null, responsiblePerson: t.responsible_person,
  })).sort((a, b) =>
    (kindOrder.get(a.kind) ?? targetKinds.length) - (kindOrder.get(b.kind) ?? targetKinds.length)
    || (a.localGovernmentCode ?? '').localeCompare(b.localGovernmentCode ?? '')
    || a.nameJa.localeCompare(b.nameJa, 'ja'));
  return {
    campaign: {
      id: campaign.id, organizationId: campaign.organization_id, organizationNameJa: campaign.organization_name_ja, organizationNameEn: campaign.organization_name_en,
      nameJa: campaign.name_ja, nameEn: campaign.name_en, goalJa: campaign.goal_ja, goalEn: campaign.goal_en, periodFrom: campaign.period_from, periodUntil: campaign.period_until,
    },
    asOf: today(ctx),
    progress: campaignProgress(reportTargets),
    cumulative: cumulativeAdoptions(events.map((e) => ({ localGovernmentCode: e.local_government_code, stage: asStage(e.stage), on: e.on_date }))),
    milestones: milestones.map((m) => ({ id: m.id, kind: m.kind as MilestoneKind, on: m.on_date, titleJa: m.title_ja, titleEn: m.title_en, description: m.description })),
    targets: reportTargets,
  };
}
