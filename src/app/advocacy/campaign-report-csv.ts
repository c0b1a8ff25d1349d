import type { Actor } from '../../domain/access/policy.js';
import { stages, type Stage, type TargetKind } from '../../domain/advocacy/campaign.js';
import type { CsvEncoding } from '../../domain/members/csv/decode.js';
import { encodeTable, excelText, type EncodedCsv } from '../../domain/members/csv/encode.js';
import { prefectures } from '../../domain/organizations/prefectures.js';
import type { DocumentLocale } from '../documents/pdf-kit.js';
import type { AppContext } from '../shared/context.js';
import { campaignReport, type CampaignReport } from './campaign-report.js';

/**
 * The words of a campaign's report, shared by its CSV and its PDF: documents are where the server writes for people
 * (style.md). The stage names are the campaign's own (未接触 … 採択（意見書可決）).
 */
export interface CampaignReportWording {
  title: string;
  /** "878 of 1,788 (49.1%)" / 「1,788団体中878団体（49.1%）」. */
  headline: (adopted: string, denominator: string, share: string) => string;
  headlineCaption: string;
  stages: Record<Stage, string>;
  kinds: Record<TargetKind, string>;
  items: { campaign: string; organization: string; goal: string; period: string; asOf: string; progress: string; adopted: string; denominator: string; share: string };
  /** The target table's columns: code, prefecture, name, kind, stage, date, responsible organization, person. */
  columns: [string, string, string, string, string, string, string, string];
  /** The by-stage line's label in the CSV: 段階別 / By stage. */
  byStage: string;
  range: (from: string, until: string | null) => string;
}

export const campaignReportWordings: Record<DocumentLocale, CampaignReportWording> = {
  ja: {
    title: 'キャンペーン報告',
    headline: (adopted, denominator, share) => `${denominator}団体中${adopted}団体（${share}）`,
    headlineCaption: '意見書を採択した地方公共団体（地方議会）',
    stages: {
      'not-contacted': '未接触', contacted: '接触済み', 'petition-submitted': '請願・陳情提出', 'under-deliberation': '審議中', adopted: '採択（意見書可決）', rejected: '不採択',
    },
    kinds: { 'local-government': '地方公共団体', 'parliamentary-group': '議員連盟・会派', party: '政党', ministry: '省庁', other: 'その他' },
    items: {
      campaign: 'キャンペーン', organization: '実施団体', goal: '目標', period: '期間', asOf: '作成日', progress: '進捗', adopted: '採択団体数', denominator: '対象団体数', share: '採択率',
    },
    columns: ['団体コード', '都道府県', '団体名', '種別', '段階', '日付', '担当団体', '担当者'],
    byStage: '段階別',
    range: (from, until) => `${from}～${until ?? ''}`,
  },
  en: {
    title: 'Campaign report',
    headline: (adopted, denominator, share) => `${adopted} of ${denominator} (${share})`,
    headlineCaption: 'local governments whose assembly adopted the letter',
    stages: {
      'not-contacted': 'Not contacted', contacted: 'Contacted', 'petition-submitted': 'Petition submitted', 'under-deliberation': 'Under deliberation',
      adopted: 'Adopted', rejected: 'Rejected',
    },
    kinds: { 'local-government': 'Local government', 'parliamentary-group': 'Parliamentary group', party: 'Party', ministry: 'Ministry', other: 'Other' },
    items: {
      campaign: 'Campaign', organization: 'Organization', goal: 'Goal', period: 'Period', asOf: 'As of', progress: 'Progress', adopted: 'Adopted',
      denominator: 'Local governments', share: 'Share adopted',
    },
    columns: ['Code', 'Prefecture', 'Name', 'Kind', 'Stage', 'Date', 'Responsible organization', 'Responsible person'],
    byStage: 'By stage',
    // "to" rather than an en dash, which CP932 lacks.
    range: (from, until) => (until === null ? `from ${from}` : `${from} to ${until}`),
  },
};

const counts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with grouped digits (1,788): Japanese and English group alike. */
export const countText = (value: number): string => counts.format(value);

/** A share as a percentage to one decimal: 0.49105 → 49.1%. */
export const shareText = (share: number): string => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

/** The campaign's headline in the report's language: 「1,788団体中878団体（49.1%）」, "878 of 1,788 (49.1%)". */
export const headlineText = (report: CampaignReport, locale: DocumentLocale): string =>
  campaignReportWordings[locale].headline(countText(report.progress.adopted), countText(report.progress.denominator), shareText(report.progress.share));

export const named = (locale: DocumentLocale, ja: string, en: string | null): string => (locale === 'en' && en !== null && en !== '' ? en : ja);

const prefectureNames = new Map(prefectures.map((p) => [p.code, p]));

/** A prefecture's name in the report's language ('13' → 東京都, Tokyo); blank for none. */
export const prefectureName = (code: string | null, locale: DocumentLocale): string => {
  const prefecture = code === null ? undefined : prefectureNames.get(code);
  if (prefecture === undefined) return code ?? '';
  return locale === 'en' ? prefecture.nameEn : prefecture.nameJa;
};

/** The report's file name (without the extension): the title, the campaign and the day it stands at. */
export function campaignReportFilename(report: CampaignReport, locale: DocumentLocale): string {
  const campaign = named(locale, report.campaign.nameJa, report.campaign.nameEn).replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${campaignReportWordings[locale].title.replace(/\s+/g, '-')}_${campaign}_${report.asOf}`;
}

/**
 * A campaign's report as CSV for Excel (UTF-8 with a BOM, or CP932). A short block of label–value lines comes first
 * (the campaign, its headline, the local governments by stage), then a blank line, then the targets as one table with
 * its own header row, one line per target — a block Excel's filter and pivot table take as it is. Codes are written
 * so that Excel keeps their leading zero (010006), names so that none is taken for a formula.
 */
export function campaignReportCsv(report: CampaignReport, options: { encoding: CsvEncoding; locale: DocumentLocale }): EncodedCsv {
  const { locale } = options;
  const words = campaignReportWordings[locale];
  const { campaign, progress } = report;
  const item = (label: string, value: string): string[] => [label, excelText(value, false)];
  const head: string[] = item(words.items.campaign, named(locale, campaign.nameJa, campaign.nameEn));
  const rows: string[][] = [
    item(words.items.organization, named(locale, campaign.organizationNameJa, campaign.organizationNameEn)),
    item(words.items.goal, named(locale, campaign.goalJa, campaign.goalEn)),
    [words.items.period, words.range(campaign.periodFrom, campaign.periodUntil)],
    [words.items.asOf, report.asOf],
    [words.items.progress, headlineText(report, locale)],
    [words.items.adopted, String(progress.adopted)],
    [words.items.denominator, String(progress.denominator)],
    [words.items.share, shareText(progress.share)],
    ...stages.map((stage) => [`${words.byStage}: ${words.stages[stage]}`, String(progress.byStage[stage])]),
    [],
    words.columns,
    ...report.targets.map((t) => [
      t.localGovernmentCode === null ? '' : excelText(t.localGovernmentCode, true),
      prefectureName(t.prefectureCode, locale),
      excelText(named(locale, t.nameJa, t.nameEn), false),
      words.kinds[t.kind] ?? t.kind,
      words.stages[t.stage],
      t.stageOn ?? '',
      excelText(t.responsibleOrganizationNameJa === null ? '' : named(locale, t.responsibleOrganizationNameJa, t.responsibleOrganizationNameEn), false),
      excelText(t.responsiblePerson ?? '', false),
    ]),
  ];
  return encodeTable(head, rows, options.encoding);
}

/** A campaign's report as a CSV file, with its file name. */
export async function campaignReportCsvFile(
  ctx: AppContext, actor: Actor, campaignId: string, options: { encoding: CsvEncoding; locale: DocumentLocale },
): Promise<{ filename: string; csv: EncodedCsv }> {
  const report = await campaignReport(ctx, actor, campaignId);
  return { filename: `${campaignReportFilename(report, options.locale)}.csv`, csv: campaignReportCsv(report, options) };
}
