import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { Actor } from '../../domain/access/policy.js';
import { stages } from '../../domain/advocacy/campaign.js';
import { baseDefinition, creationDate, gridLayout, headerCell, numberCell, parseDate, renderPdf, type DocumentLocale } from '../documents/pdf-kit.js';
import type { AppContext } from '../shared/context.js';
import { campaignReportFilename, campaignReportWordings, countText, headlineText, named, prefectureName, shareText } from './campaign-report-csv.js';
import { campaignReport, type CampaignReport } from './campaign-report.js';

/**
 * A campaign's report as a PDF in Japanese or English, in the Noto Sans JP of every generated document (pdf-kit.ts):
 * the campaign and its goal, the headline 「1,788団体中878団体（49.1%）」, the local governments by stage, the
 * cumulative adoptions as a chart (echarts on the server, as the annual report draws its charts), the prefectures'
 * shares, the milestones and the other bodies asked.
 */

// report-charts.js (and echarts with it) is loaded when a report is made, as for the annual report.
type Charts = typeof import('../reporting/report-charts.js');

/** The width pdfmake lays content in on an A4 page with pdf-kit's 48-point margins. */
const CONTENT_WIDTH = 499;
/** Beyond three years of months, the chart shows each year's end: month labels would crowd the axis. */
const MONTHLY_CHART_MAX = 36;

const japaneseDate = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const englishDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

interface PdfWording {
  page: (current: number, total: number) => string;
  asOf: (date: string) => string;
  date: (date: string) => string;
  /** The campaign's period; an open-ended one runs on. */
  period: (from: string, until: string | null) => string;
  sections: { overview: string; byStage: string; cumulative: string; byPrefecture: string; milestones: string; otherBodies: string };
  localGovernments: string;
  otherBodies: string;
  stage: string;
  total: string;
  adopted: string;
  targets: string;
  share: string;
  prefecture: string;
  onDate: string;
  event: string;
  name: string;
  kind: string;
  chartSeries: string;
  chartUnit: string;
  noAdoptions: string;
  noMilestones: string;
}

const pdfWordings: Record<DocumentLocale, PdfWording> = {
  ja: {
    page: (current, total) => `${current} / ${total}`,
    asOf: (date) => `${japaneseDate.format(parseDate(date))}現在`,
    date: (date) => japaneseDate.format(parseDate(date)),
    period: (from, until) => `${japaneseDate.format(parseDate(from))}～${until === null ? '（継続中）' : japaneseDate.format(parseDate(until))}`,
    sections: { overview: '概要', byStage: '段階別の状況', cumulative: '採択団体数の推移（累計）', byPrefecture: '都道府県別の採択状況', milestones: '経過', otherBodies: 'その他の働きかけ先' },
    localGovernments: '地方公共団体',
    otherBodies: 'その他の働きかけ先',
    stage: '段階',
    total: '合計',
    adopted: '採択',
    targets: '対象',
    share: '採択率',
    prefecture: '都道府県',
    onDate: '年月日',
    event: '出来事',
    name: '名称',
    kind: '種別',
    chartSeries: '採択団体数（累計）',
    chartUnit: '団体',
    noAdoptions: '採択の記録はまだありません。',
    noMilestones: '記録された出来事はありません。',
  },
  en: {
    page: (current, total) => `Page ${current} of ${total}`,
    asOf: (date) => `As of ${englishDate.format(parseDate(date))}`,
    date: (date) => englishDate.format(parseDate(date)),
    period: (from, until) => `${englishDate.format(parseDate(from))} to ${until === null ? 'date (ongoing)' : englishDate.format(parseDate(until))}`,
    sections: {
      overview: 'Overview', byStage: 'Where the targets stand', cumulative: 'Adoptions over time (cumulative)', byPrefecture: 'Adoptions by prefecture', milestones: 'Milestones',
      otherBodies: 'Other bodies',
    },
    localGovernments: 'Local governments',
    otherBodies: 'Other bodies',
    stage: 'Stage',
    total: 'Total',
    adopted: 'Adopted',
    targets: 'Targets',
    share: 'Share',
    prefecture: 'Prefecture',
    onDate: 'Date',
    event: 'Event',
    name: 'Name',
    kind: 'Kind',
    chartSeries: 'Local governments adopted (cumulative)',
    chartUnit: 'local governments',
    noAdoptions: 'No adoption recorded yet.',
    noMilestones: 'No milestone recorded.',
  },
};

const table = (widths: (string | number)[], head: TableCell[], body: TableCell[][]): Content =>
  ({ table: { widths, headerRows: 1, dontBreakRows: true, body: [head, ...body] }, layout: gridLayout, margin: [0, 0, 0, 12] });

const heading = (text: string): Content => ({ text, fontSize: 12, bold: true, margin: [0, 6, 0, 6], headlineLevel: 1 });

/**
 * The cumulative series as the chart shows it: month by month for up to three years, else the count at each year's
 * end (the last year's at its last recorded month).
 */
function chartPoints(cumulative: CampaignReport['cumulative']): { label: string; adopted: number }[] {
  if (cumulative.length <= MONTHLY_CHART_MAX) return cumulative.map((p) => ({ label: p.month, adopted: p.adopted }));
  const byYear = new Map<string, number>();
  for (const p of cumulative) byYear.set(p.month.slice(0, 4), p.adopted);
  return [...byYear.entries()].map(([label, adopted]) => ({ label, adopted }));
}

function cumulativeChart(report: CampaignReport, words: PdfWording, charts: Charts): string | null {
  const points = chartPoints(report.cumulative);
  if (points.length === 0) return null;
  return charts.membersTrendChart({
    labels: points.map((p) => p.label), series: [{ name: words.chartSeries, values: points.map((p) => p.adopted) }], unit: words.chartUnit, format: countText,
    width: CONTENT_WIDTH, height: 220,
  });
}

/** The 47 prefectures' shares as two tables side by side (1–24, 25–47) under their heading: one page holds them. */
function prefectureTables(report: CampaignReport, locale: DocumentLocale, words: PdfWording): Content {
  const rows = report.progress.byPrefecture.map((p): TableCell[] => [
    prefectureName(p.prefectureCode, locale), numberCell(countText(p.adopted)), numberCell(countText(p.total)), numberCell(shareText(p.share)),
  ]);
  // pdfmake writes its layout into the cells it is given: each table has a header row of its own.
  const head = () => [headerCell(words.prefecture), headerCell(words.adopted, 'right'), headerCell(words.targets, 'right'), headerCell(words.share, 'right')];
  const half = Math.ceil(rows.length / 2);
  const side = (part: TableCell[][]): Content => ({
    table: { widths: ['*', 'auto', 'auto', 'auto'], headerRows: 1, dontBreakRows: true, body: [head(), ...part] }, layout: gridLayout, fontSize: 8.5, lineHeight: 1,
  });
  // Set tighter than the other tables, so that the two halves stay on one page under their heading (with the chart).
  return { stack: [heading(words.sections.byPrefecture), { columns: [side(rows.slice(0, half)), side(rows.slice(half))], columnGap: 12 }], unbreakable: true, margin: [0, 0, 0, 12] };
}

export async function renderCampaignReportPdf(report: CampaignReport, locale: DocumentLocale): Promise<Buffer> {
  const words = campaignReportWordings[locale];
  const page = pdfWordings[locale];
  const { campaign, progress } = report;
  const hasOthers = stages.some((s) => progress.otherTargets[s] > 0);
  const othersTotal = stages.reduce((n, s) => n + progress.otherTargets[s], 0);

  const overviewRows: TableCell[][] = [
    [{ text: words.items.organization, bold: true }, named(locale, campaign.organizationNameJa, campaign.organizationNameEn)],
    [{ text: words.items.goal, bold: true }, named(locale, campaign.goalJa, campaign.goalEn)],
    [{ text: words.items.period, bold: true }, page.period(campaign.periodFrom, campaign.periodUntil)],
  ];
  const stageRows = stages.map((s): TableCell[] => [
    words.stages[s], numberCell(countText(progress.byStage[s]), s === 'adopted'), ...(hasOthers ? [numberCell(countText(progress.otherTargets[s]))] : []),
  ]);
  stageRows.push([{ text: page.total, bold: true }, numberCell(countText(progress.denominator), true), ...(hasOthers ? [numberCell(countText(othersTotal), true)] : [])]);

  const charts = await import('../reporting/report-charts.js');
  const chart = cumulativeChart(report, page, charts);
  const others = report.targets.filter((t) => t.kind !== 'local-government');

  const content: Content[] = [
    { text: words.title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: named(locale, campaign.nameJa, campaign.nameEn), fontSize: 13, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: page.asOf(report.asOf), fontSize: 9, alignment: 'right', margin: [0, 0, 0, 10] },
    { text: headlineText(report, locale), fontSize: 22, bold: true, alignment: 'center', margin: [0, 4, 0, 2] },
    { text: words.headlineCaption, fontSize: 9, alignment: 'center', margin: [0, 0, 0, 12] },
    heading(page.sections.overview),
    { table: { widths: ['auto', '*'], body: overviewRows }, layout: { ...gridLayout, fillColor: () => null }, margin: [0, 0, 0, 12] },
    heading(page.sections.byStage),
    table(hasOthers ? ['*', 110, 110] : ['*', 110], [
      headerCell(page.stage), headerCell(page.localGovernments, 'right'), ...(hasOthers ? [headerCell(page.otherBodies, 'right')] : []),
    ], stageRows),
    // The chart stays with its heading.
    { stack: [heading(page.sections.cumulative), chart === null ? { text: page.noAdoptions } : { svg: chart, width: CONTENT_WIDTH }], unbreakable: true, margin: [0, 0, 0, 12] },
    prefectureTables(report, locale, page),
    heading(page.sections.milestones),
    report.milestones.length === 0
      ? { text: page.noMilestones, margin: [0, 0, 0, 12] }
      : table([110, '*'], [headerCell(page.onDate), headerCell(page.event)], report.milestones.map((m): TableCell[] => [
        page.date(m.on),
        { stack: [{ text: named(locale, m.titleJa, m.titleEn), bold: true }, ...(m.description ? [{ text: m.description, fontSize: 9 }] : [])] },
      ])),
  ];
  if (others.length > 0) {
    content.push(heading(page.sections.otherBodies), table(['*', 90, 100, 90], [headerCell(page.name), headerCell(page.kind), headerCell(page.stage), headerCell(page.onDate)],
      others.map((t): TableCell[] => [named(locale, t.nameJa, t.nameEn), words.kinds[t.kind] ?? t.kind, words.stages[t.stage], t.stageOn === null ? '' : page.date(t.stageOn)])));
  }
  const title = `${words.title} ${named(locale, campaign.nameJa, campaign.nameEn)} ${report.asOf}`;
  return renderPdf({
    ...baseDefinition({ locale, title, created: creationDate(report.asOf), page: page.page, content }),
    // A section's heading is never left alone at the foot of a page.
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.8,
  });
}

/** A campaign's report as a PDF, as it stands today, with its file name. */
export async function campaignReportPdf(
  ctx: AppContext, actor: Actor, campaignId: string, options: { locale: DocumentLocale },
): Promise<{ filename: string; bytes: Uint8Array }> {
  const report = await campaignReport(ctx, actor, campaignId);
  const pdf = await renderCampaignReportPdf(report, options.locale);
  return { filename: `${campaignReportFilename(report, options.locale)}.pdf`, bytes: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
}
