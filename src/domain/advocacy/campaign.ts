import { DomainError, type FieldError } from '../shared/errors.js';
import { isIsoDate } from '../work/period.js';

/**
 * Advocacy campaigns (政策提言・請願運動): JWCU's eighteen years for a law — a civil network from 2000, a
 * parliamentary association from 2008, at least 878 local assemblies adopting letters (意見書) asking for the law,
 * the Act in December 2020. A campaign has targets (every local government, and other bodies) and each target a
 * stage.
 *
 * Pure and free of Node: the web names its stages and kinds from here. The list of local governments a campaign asks
 * is in local-targets.ts (it reads the official list's file).
 */

/** Who a campaign asks: local governments (their assemblies), parliamentary groups, parties, ministries, others. */
export const targetKinds = ['local-government', 'parliamentary-group', 'party', 'ministry', 'other'] as const;
export type TargetKind = (typeof targetKinds)[number];

/**
 * Where a target stands. The way forward is the order below; a rejection may be followed by a new approach
 * (contacted again); an adoption is where a target ends.
 */
export const stages = ['not-contacted', 'contacted', 'petition-submitted', 'under-deliberation', 'adopted', 'rejected'] as const;
export type Stage = (typeof stages)[number];

/** The stage a campaign counts as success (a resolution or a letter adopted). */
export const successStage: Stage = 'adopted';

const forward: Record<Stage, number> = { 'not-contacted': 0, contacted: 1, 'petition-submitted': 2, 'under-deliberation': 3, adopted: 4, rejected: 4 };

/**
 * Whether a target may move from one stage to another in the ordinary course: forward, or from a rejection back to
 * a new approach. Anything else (an adoption undone, a step back) is a correction, which must be said so.
 */
export function isOrdinaryTransition(from: Stage, to: Stage): boolean {
  if (from === to) return false;
  if (from === 'rejected') return to === 'contacted' || to === 'petition-submitted' || to === 'under-deliberation' || to === 'adopted';
  if (from === 'adopted') return false;
  return forward[to] > forward[from];
}

/** A stage change against the current one: ordinary, or a correction the user asked for; each problem on its field. */
export function checkTransition(from: Stage, to: Stage, on: string, currentOn: string | null, correction: boolean): void {
  const errors: FieldError[] = [];
  if (!isIsoDate(on)) errors.push({ field: 'on', code: 'invalid_date', message: 'a date, YYYY-MM-DD' });
  else if (!correction && currentOn !== null && on < currentOn) errors.push({ field: 'on', code: 'before_current_stage', message: `on or after the current stage's date (${currentOn})` });
  if (from === to) errors.push({ field: 'stage', code: 'same_stage', message: `the target is at ${to} already` });
  else if (!correction && !isOrdinaryTransition(from, to)) {
    errors.push({ field: 'stage', code: 'not_a_forward_step', message: `from ${from} to ${to} is not a step forward: record it as a correction` });
  }
  if (errors.length > 0) throw new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

export const campaignTextLimits = { name: 150, goal: 2000, note: 2000, person: 100, title: 200, url: 2000 } as const;

export interface CampaignFields {
  nameJa: string;
  nameEn: string | null;
  goalJa: string;
  goalEn: string | null;
  periodFrom: string;
  /** Open-ended while the campaign runs. */
  periodUntil: string | null;
}

export function checkCampaign(campaign: CampaignFields): void {
  const errors: FieldError[] = [];
  if (campaign.nameJa.trim() === '') errors.push({ field: 'nameJa', code: 'required', message: 'the campaign needs a name' });
  if ([...campaign.nameJa].length > campaignTextLimits.name) errors.push({ field: 'nameJa', code: 'too_long', message: `at most ${campaignTextLimits.name} characters` });
  if ([...campaign.goalJa].length > campaignTextLimits.goal) errors.push({ field: 'goalJa', code: 'too_long', message: `at most ${campaignTextLimits.goal} characters` });
  if (!isIsoDate(campaign.periodFrom)) errors.push({ field: 'periodFrom', code: 'invalid_date', message: 'a date, YYYY-MM-DD' });
  if (campaign.periodUntil !== null) {
    if (!isIsoDate(campaign.periodUntil)) errors.push({ field: 'periodUntil', code: 'invalid_date', message: 'a date, YYYY-MM-DD' });
    else if (isIsoDate(campaign.periodFrom) && campaign.periodUntil < campaign.periodFrom) errors.push({ field: 'periodUntil', code: 'end_before_start', message: 'the period ends on or after it starts' });
  }
  if (errors.length > 0) throw new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** Milestones of a campaign's history: the network founded, the association formed, the bill, the law, in force. */
export const milestoneKinds = ['founded', 'association', 'working-group', 'bill-submitted', 'law-passed', 'in-force', 'other'] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

// ---- progress --------------------------------------------------------------------------------------------------

export interface TargetState {
  kind: TargetKind;
  /** A local government's code (for the map and the denominator); null for other bodies. */
  localGovernmentCode: string | null;
  prefectureCode: string | null;
  stage: Stage;
}

export interface StageEvent {
  /** The target's local-government code, or null for other bodies. */
  localGovernmentCode: string | null;
  stage: Stage;
  on: string;
}

export interface CampaignProgress {
  /** Local governments at the success stage, of all the campaign's local governments: "878 of 1,788 (49.1%)". */
  adopted: number;
  denominator: number;
  /** adopted / denominator, 0 to 1. */
  share: number;
  byStage: Record<Stage, number>;
  byPrefecture: { prefectureCode: string; adopted: number; total: number; share: number }[];
  /** Other bodies (parliamentary groups, parties, ministries) by stage: they are not in the share. */
  otherTargets: Record<Stage, number>;
}

/** Where a campaign stands, from its targets' stages. Only local governments count in the share and the map. */
export function campaignProgress(targets: readonly TargetState[]): CampaignProgress {
  const zero = (): Record<Stage, number> => Object.fromEntries(stages.map((s) => [s, 0])) as Record<Stage, number>;
  const byStage = zero();
  const otherTargets = zero();
  const prefectures = new Map<string, { adopted: number; total: number }>();
  for (const t of targets) {
    if (t.kind !== 'local-government') {
      otherTargets[t.stage] += 1;
      continue;
    }
    byStage[t.stage] += 1;
    const key = t.prefectureCode ?? '';
    const p = prefectures.get(key) ?? { adopted: 0, total: 0 };
    p.total += 1;
    if (t.stage === successStage) p.adopted += 1;
    prefectures.set(key, p);
  }
  const denominator = [...prefectures.values()].reduce((n, p) => n + p.total, 0);
  const adopted = byStage[successStage];
  return {
    adopted, denominator, share: denominator === 0 ? 0 : adopted / denominator, byStage,
    byPrefecture: [...prefectures.entries()].filter(([code]) => code !== '').sort(([a], [b]) => a.localeCompare(b))
      .map(([prefectureCode, p]) => ({ prefectureCode, adopted: p.adopted, total: p.total, share: p.total === 0 ? 0 : p.adopted / p.total })),
    otherTargets,
  };
}

/**
 * Cumulative adoptions by month (YYYY-MM): a local government counts from the month it adopted until a later event
 * takes it out of the success stage (a correction). Months with no change are carried over, from the first event.
 */
export function cumulativeAdoptions(events: readonly StageEvent[]): { month: string; adopted: number }[] {
  const sorted = events.filter((e) => e.localGovernmentCode !== null).slice().sort((a, b) => a.on.localeCompare(b.on));
  if (sorted.length === 0) return [];
  const current = new Map<string, Stage>();
  const byMonth = new Map<string, number>();
  let adopted = 0;
  for (const e of sorted) {
    const before = current.get(e.localGovernmentCode!);
    if (before === successStage) adopted -= 1;
    if (e.stage === successStage) adopted += 1;
    current.set(e.localGovernmentCode!, e.stage);
    byMonth.set(e.on.slice(0, 7), adopted);
  }
  const months = [...byMonth.keys()];
  const out: { month: string; adopted: number }[] = [];
  let [year, month] = months[0]!.split('-').map(Number) as [number, number];
  const last = months.at(-1)!;
  let carried = 0;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    carried = byMonth.get(key) ?? carried;
    out.push({ month: key, adopted: carried });
    if (key === last) break;
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  return out;
}

// ---- milestones and links ----------------------------------------------------------------------------------------

export interface MilestoneFields {
  kind: MilestoneKind;
  on: string;
  titleJa: string;
  titleEn: string | null;
  description: string | null;
}

/** A milestone has a real date and a title; each problem on its field. */
export function checkMilestone(milestone: MilestoneFields): void {
  const errors: FieldError[] = [];
  if (!isIsoDate(milestone.on)) errors.push({ field: 'on', code: 'invalid_date', message: 'a date, YYYY-MM-DD' });
  if (milestone.titleJa.trim() === '') errors.push({ field: 'titleJa', code: 'required', message: 'the milestone needs a title' });
  if ([...milestone.titleJa].length > campaignTextLimits.title) errors.push({ field: 'titleJa', code: 'too_long', message: `at most ${campaignTextLimits.title} characters` });
  if (milestone.description !== null && [...milestone.description].length > campaignTextLimits.note) {
    errors.push({ field: 'description', code: 'too_long', message: `at most ${campaignTextLimits.note} characters` });
  }
  if (errors.length > 0) throw new DomainError('invalid', 'validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/**
 * A target's document or link is a web page: http or https with a host. Anything else (javascript:, data:, file:)
 * could run or read something when a colleague clicks it.
 */
export function isWebUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}
