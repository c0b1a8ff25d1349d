import { api, withQuery, type Items } from '../../api';
import {
  campaignTextLimits,
  milestoneKinds,
  stages,
  successStage,
  targetKinds,
  type CampaignFields,
  type CampaignProgress,
  type MilestoneKind,
  type Stage,
  type TargetKind,
} from '../../../../src/domain/advocacy/campaign';

// Advocacy campaigns (政策提言・請願運動): a campaign, its targets (every local government and other bodies) and the
// stage each has reached, its milestones, and the reports. The shapes are the server's (/work/notes/campaigns-api.md).

// The codes are the domain's own (src/domain/advocacy/campaign.ts is free of Node), so page and server agree.

/** Where a target stands, in the order of the way forward (a rejection ends it like an adoption). */
export const STAGES = stages;

/** The stage a campaign counts as success: a resolution or a letter (意見書) adopted. */
export const SUCCESS_STAGE = successStage;

export const TARGET_KINDS = targetKinds;

export const MILESTONE_KINDS = milestoneKinds;

/**
 * The local assemblies a campaign can ask (the domain's campaignLocalGovernments, which reads the official list's
 * file on the server): 47 prefectures and 1,741 municipalities and Tokyo wards, the Northern Territories' six
 * villages left out. campaigns.test.ts checks the count against the list.
 */
export const LOCAL_GOVERNMENT_TARGETS = 1788;

/** The longest texts the server takes. */
export const CAMPAIGN_TEXT_LIMITS = campaignTextLimits;

export type { CampaignProgress, MilestoneKind, Stage, TargetKind };

/** The kinds of target a person adds by hand: local governments come from the official list. */
export const OTHER_TARGET_KINDS = ['parliamentary-group', 'party', 'ministry', 'other'] as const satisfies readonly TargetKind[];
export type OtherTargetKind = (typeof OTHER_TARGET_KINDS)[number];

export type CampaignInput = CampaignFields;

// The shapes the server answers, declared once in the domain.
export type {
  CampaignView as Campaign,
  CampaignDetail,
  MilestoneView as Milestone,
  StageEventView as StageEventRecord,
  TargetDetail,
  TargetDocumentView as TargetDocument,
  TargetLinkView as TargetLink,
  TargetView as Target,
} from '../../../../src/domain/advocacy/views';
import type { CampaignView as Campaign, MilestoneView as Milestone, TargetLinkView as TargetLink, TargetView as Target } from '../../../../src/domain/advocacy/views';

export interface CampaignSummary extends Campaign {
  progress: Pick<CampaignProgress, 'adopted' | 'denominator' | 'share'>;
}

export interface TargetPage {
  items: Target[];
  total: number;
}

export interface TargetFilter {
  prefecture: string;
  stage: string;
  kind: string;
  q: string;
}

export interface StageInput {
  stage: Stage;
  on: string;
  note: string | null;
  correction: boolean;
}

export interface TargetDetailsInput {
  responsibleOrganizationId: string | null;
  responsiblePerson: string | null;
  notes: string | null;
}

export interface MilestoneInput {
  kind: MilestoneKind;
  on: string;
  titleJa: string;
  titleEn: string | null;
  description: string | null;
}

export type ReportEncoding = 'utf-8' | 'cp932';
export type ImportEncoding = 'auto' | 'utf-8' | 'cp932';

export interface ImportOutcome {
  updated: number;
  unchanged: number;
}

const id = encodeURIComponent;

export const campaignPaths = {
  list: (organizationId: string) => `/organizations/${id(organizationId)}/campaigns`,
  one: (campaignId: string) => `/campaigns/${id(campaignId)}`,
  targets: (campaignId: string, filter: TargetFilter, offset: number, limit: number) =>
    withQuery(`/campaigns/${id(campaignId)}/targets`, { ...filter, q: filter.q.trim(), offset: String(offset), limit: String(limit) }),
  newTarget: (campaignId: string) => `/campaigns/${id(campaignId)}/targets`,
  target: (targetId: string) => `/targets/${id(targetId)}`,
  stage: (targetId: string) => `/targets/${id(targetId)}/stage`,
  links: (targetId: string) => `/targets/${id(targetId)}/links`,
  link: (targetId: string, linkId: string) => `/targets/${id(targetId)}/links/${id(linkId)}`,
  documents: (targetId: string, fileName: string) => withQuery(`/targets/${id(targetId)}/documents`, { fileName }),
  document: (documentId: string) => `/campaign-documents/${id(documentId)}`,
  milestones: (campaignId: string) => `/campaigns/${id(campaignId)}/milestones`,
  milestone: (campaignId: string, milestoneId: string) => `/campaigns/${id(campaignId)}/milestones/${id(milestoneId)}`,
  import: (campaignId: string, encoding: ImportEncoding) => withQuery(`/campaigns/${id(campaignId)}/targets/import`, { encoding, mode: 'all-or-nothing' }),
  reportCsv: (campaignId: string, encoding: ReportEncoding, lang: 'ja' | 'en') => withQuery(`/campaigns/${id(campaignId)}/report.csv`, { encoding, lang }),
  reportPdf: (campaignId: string, lang: 'ja' | 'en') => withQuery(`/campaigns/${id(campaignId)}/report.pdf`, { lang }),
};

export const campaignApi = {
  create: (organizationId: string, input: CampaignInput & { includeLocalGovernments: boolean }) => api.post<Campaign>(campaignPaths.list(organizationId), input),
  /** Replaces the campaign's fields at the version that was read. */
  update: (campaign: Campaign, input: CampaignInput) => api.put<Campaign>(campaignPaths.one(campaign.id), { ...input, version: campaign.version }),
  addTarget: (campaignId: string, input: { kind: OtherTargetKind; nameJa: string; nameEn: string | null }) => api.post<Target>(campaignPaths.newTarget(campaignId), input),
  /** A new stage of a target, against the version that was read. */
  recordStage: (target: Target, input: StageInput) => api.post<Target>(campaignPaths.stage(target.id), { ...input, version: target.version }),
  updateTarget: (target: Target, input: TargetDetailsInput) => api.put<Target>(campaignPaths.target(target.id), { ...input, version: target.version }),
  addLink: (targetId: string, input: { title: string; url: string }) => api.post<TargetLink>(campaignPaths.links(targetId), input),
  removeLink: (targetId: string, linkId: string) => api.delete(campaignPaths.link(targetId, linkId)),
  removeDocument: (documentId: string) => api.delete(campaignPaths.document(documentId)),
  addMilestone: (campaignId: string, input: MilestoneInput) => api.post<Milestone>(campaignPaths.milestones(campaignId), input),
  removeMilestone: (campaignId: string, milestoneId: string) => api.delete(campaignPaths.milestone(campaignId, milestoneId)),
};

export type Campaigns = Items<CampaignSummary>;
