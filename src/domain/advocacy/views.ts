import type { CampaignFields, CampaignProgress, MilestoneFields, Stage, TargetKind } from './campaign.js';

/** A campaign as the API answers it. */
export interface CampaignView extends CampaignFields {
  id: string;
  organizationId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The headline of a campaign in a list: "878 of 1,788 (49.1%)". */
export interface CampaignHeadline {
  adopted: number;
  denominator: number;
  share: number;
}

export interface MilestoneView extends MilestoneFields {
  id: string;
}

/** A campaign with where it stands: progress by stage and prefecture, adoptions month by month, its milestones. */
export interface CampaignDetail extends CampaignView {
  progress: CampaignProgress;
  cumulative: { month: string; adopted: number }[];
  milestones: MilestoneView[];
}

export interface TargetView {
  id: string;
  campaignId: string;
  kind: TargetKind;
  localGovernmentCode: string | null;
  prefectureCode: string | null;
  nameJa: string;
  nameEn: string | null;
  /** A local government's reading (さっぽろし), from the official list. */
  kana: string | null;
  stage: Stage;
  stageOn: string | null;
  responsibleOrganizationId: string | null;
  responsiblePerson: string | null;
  notes: string | null;
  version: number;
  updatedAt: string;
}

export interface StageEventView {
  id: string;
  stage: Stage;
  on: string;
  correction: boolean;
  note: string | null;
  recordedBy: string | null;
}

export interface TargetLinkView {
  id: string;
  title: string;
  url: string;
}

/** A file kept with a target: the petition, the adopted letter (意見書), minutes. */
export interface TargetDocumentView {
  id: string;
  fileName: string;
  contentType: string;
  /** Bytes. */
  size: number;
  uploadedAt: string;
}

/** A target with its history of stages (oldest first) and its documents and links. */
export interface TargetDetail extends TargetView {
  events: StageEventView[];
  links: TargetLinkView[];
  documents: TargetDocumentView[];
}
