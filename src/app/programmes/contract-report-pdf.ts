import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { baseDefinition, creationDate, gridLayout, headerCell, numberCell, parseDate, renderPdf, type DocumentLocale } from '../documents/pdf-kit.js';
import type { Actor } from '../../domain/access/policy.js';
import { today, type AppContext } from '../shared/context.js';
import { cellText, contractReportFilename, rateText, reportWordings } from './contract-report-csv.js';
import { contractReport, type ContractReport } from './contract-report.js';

/**
 * A contract's report to its commissioner as a PDF (委託事業実績報告書) in Japanese or English, in the Noto Sans JP of
 * every generated document (pdf-kit.ts): the contract, the indicators against their targets, the support by kind,
 * the outcomes and the age bands, hidden figures marked and the note under the tables.
 */

const digits = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
const japaneseDate = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const englishDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

const pageWords: Record<DocumentLocale, { page: (current: number, total: number) => string; madeOn: (date: string) => string; date: (date: string) => string }> = {
  ja: {
    page: (current, total) => `${current} / ${total}`,
    madeOn: (date) => `作成日　${japaneseDate.format(parseDate(date))}`,
    date: (date) => japaneseDate.format(parseDate(date)),
  },
  en: {
    page: (current, total) => `Page ${current} of ${total}`,
    madeOn: (date) => `Prepared on ${englishDate.format(parseDate(date))}`,
    date: (date) => englishDate.format(parseDate(date)),
  },
};

const table = (widths: (string | number)[], head: TableCell[], body: TableCell[][]): Content =>
  ({ table: { widths, headerRows: 1, dontBreakRows: true, body: [head, ...body] }, layout: gridLayout, margin: [0, 0, 0, 12] });

const heading = (text: string): Content => ({ text, fontSize: 12, bold: true, margin: [0, 6, 0, 6], headlineLevel: 1 });

export function renderContractReportPdf(report: ContractReport, locale: DocumentLocale, madeOn: string): Promise<Buffer> {
  const words = reportWordings[locale];
  const page = pageWords[locale];
  const named = (ja: string, en: string | null) => (locale === 'en' && en !== null ? en : ja);
  const count = (value: number) => digits.format(value);
  const { sections, contractItems: items, measures } = words;
  const range = (from: string, until: string) => words.range(page.date(from), page.date(until));

  const contractRows: TableCell[][] = [
    [{ text: items.programme, bold: true }, named(report.contract.programmeJa, report.contract.programmeEn)],
    [{ text: items.commissioner, bold: true }, named(report.contract.commissionerNameJa, report.contract.commissionerNameEn)],
    [{ text: items.organization, bold: true }, named(report.contract.organizationNameJa, report.contract.organizationNameEn)],
    [{ text: items.contractPeriod, bold: true }, range(report.contract.periodFrom, report.contract.periodUntil)],
    [{ text: items.period, bold: true }, range(report.from, report.until)],
  ];
  const indicatorRows = report.indicators.map((i): TableCell[] => [
    named(i.nameJa, i.nameEn),
    numberCell(i.target === null ? '—' : count(i.target)),
    numberCell(i.actual === null ? words.outside : cellText(i.actual, words, count)),
    numberCell(rateText(i.rate) || '—'),
  ]);
  const activity = (name: string, r: ContractReport['byActivityKind']['total'], bold = false): TableCell[] => [
    { text: name, bold }, numberCell(cellText(r.participants, words, count), bold), numberCell(cellText(r.sessions, words, count), bold),
    numberCell(cellText(r.hours, words, (h) => h.toFixed(1)), bold),
  ];
  const content: Content[] = [
    { text: words.title, fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: named(report.contract.programmeJa, report.contract.programmeEn), fontSize: 12, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: page.madeOn(madeOn), fontSize: 9, alignment: 'right', margin: [0, 0, 0, 10] },
    heading(sections.contract),
    { table: { widths: ['auto', '*'], body: contractRows }, layout: { ...gridLayout, fillColor: () => null }, margin: [0, 0, 0, 12] },
    heading(sections.indicators),
    table(['*', 60, 90, 60], [headerCell(words.indicator), headerCell(measures.target, 'right'), headerCell(measures.actual, 'right'), headerCell(measures.rate, 'right')], indicatorRows),
    heading(sections.activities),
    table(['*', 70, 70, 70], [headerCell(words.kind), headerCell(measures.participants, 'right'), headerCell(measures.sessions, 'right'), headerCell(measures.hours, 'right')], [
      ...report.byActivityKind.rows.map((r) => activity(words.activityKinds[r.kind] ?? r.kind, r)),
      activity(words.total, report.byActivityKind.total, true),
    ]),
    heading(sections.outcomes),
    table(['*', 90], [headerCell(words.kind), headerCell(measures.outcomes, 'right')], [
      ...report.byOutcomeKind.rows.map((r): TableCell[] => [words.outcomeKinds[r.kind] ?? r.kind, numberCell(cellText(r.outcomes, words, count))]),
      [{ text: words.total, bold: true }, numberCell(cellText(report.byOutcomeKind.total, words, count), true)],
    ]),
    heading(sections.ageBands),
    table(['*', 90], [headerCell(words.ageBand), headerCell(measures.participants, 'right')], [
      ...report.byAgeBand.rows.map((r): TableCell[] => [words.ageBandName(r.ageBand), numberCell(cellText(r.participants, words, count))]),
      [{ text: words.total, bold: true }, numberCell(cellText(report.byAgeBand.total, words, count), true)],
    ]),
    { text: words.note, fontSize: 8.5, margin: [0, 4, 0, 0] },
  ];
  const title = `${words.title} ${named(report.contract.programmeJa, report.contract.programmeEn)} ${report.from}–${report.until}`;
  return renderPdf({
    ...baseDefinition({ locale, title, created: creationDate(madeOn), page: page.page, content }),
    // A section's heading is never left alone at the foot of a page.
    pageBreakBefore: (node) => node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.85,
  });
}

/** A contract's report for a period as a PDF, dated today, with its file name. */
export async function contractReportPdf(
  ctx: AppContext, actor: Actor, contractId: string, options: { from?: string; until?: string; locale: DocumentLocale },
): Promise<{ filename: string; bytes: Uint8Array }> {
  const report = await contractReport(ctx, actor, contractId, options);
  const pdf = await renderContractReportPdf(report, options.locale, today(ctx));
  return { filename: `${contractReportFilename(report, options.locale)}.pdf`, bytes: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
}
