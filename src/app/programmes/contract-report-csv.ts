import type { CsvEncoding } from '../../domain/members/csv/decode.js';
import { encodeTable, excelText, type EncodedCsv } from '../../domain/members/csv/encode.js';
import type { Cell } from '../../domain/programmes/report.js';
import type { DocumentLocale } from '../documents/pdf-kit.js';
import type { Actor } from '../../domain/access/policy.js';
import type { AppContext } from '../shared/context.js';
import { contractReport, type ContractReport } from './contract-report.js';

/**
 * The words of a contract's report, shared by its CSV and its PDF: documents are where the server writes for people
 * (style.md). Every hidden figure bears one mark, explained in a note under the tables.
 */
export interface ReportWording {
  title: string;
  hidden: string;
  note: string;
  outside: string;
  sections: { contract: string; indicators: string; activities: string; outcomes: string; ageBands: string };
  contractItems: { programme: string; commissioner: string; organization: string; contractPeriod: string; period: string };
  measures: { target: string; actual: string; rate: string; participants: string; sessions: string; hours: string; outcomes: string };
  total: string;
  kind: string;
  ageBand: string;
  indicator: string;
  activityKinds: Record<string, string>;
  outcomeKinds: Record<string, string>;
  ageBandName: (band: string) => string;
  range: (from: string, until: string) => string;
  csvHeaders: [string, string, string, string];
}

export const reportWordings: Record<DocumentLocale, ReportWording> = {
  ja: {
    title: '委託事業実績報告',
    hidden: '5未満',
    note: '「5未満」：個人が特定されないよう、1～4人（件）の数値は示していません。合計からの差し引きでその数値が分かってしまう場合は、' +
      'ほかの数値もあわせて秘匿し、同じ記号で示しています。0は0と示しています。',
    outside: 'Kyodo外で集計',
    sections: { contract: '契約', indicators: '成果指標', activities: '支援の種類別', outcomes: '進路別', ageBands: '年齢階級別（支援対象者）' },
    contractItems: { programme: '事業名', commissioner: '委託元', organization: '受託者', contractPeriod: '契約期間', period: '報告対象期間' },
    measures: { target: '目標', actual: '実績', rate: '達成率', participants: '人数', sessions: '回数', hours: '時間', outcomes: '件数' },
    total: '合計',
    kind: '種類',
    ageBand: '年齢階級',
    indicator: '指標',
    activityKinds: { counselling: '個別相談', 'job-experience': '職場体験', 'group-living': '合宿・共同生活', training: '訓練・講習', seminar: 'セミナー', other: 'その他' },
    outcomeKinds: {
      employment: '就職', education: '進学・復学', 'vocational-training': '職業訓練', 'coop-worker': '協同組合で就労', 'coop-member': '協同組合に加入', other: 'その他',
    },
    ageBandName: (band) => (band.endsWith('+') ? `${band.slice(0, -1)}歳以上` : `${band.replace('-', '～')}歳`),
    range: (from, until) => `${from}～${until}`,
    csvHeaders: ['区分', '項目', '内容', '値'],
  },
  en: {
    title: 'Programme report',
    hidden: '<5',
    note: '"<5": counts of 1 to 4 people (or cases) are not shown, so that no one can be identified. Where such a count could be worked out ' +
      'from a total, another figure is hidden with it and bears the same mark. Zero is shown as 0.',
    outside: 'counted outside Kyodo',
    sections: { contract: 'Contract', indicators: 'Indicators', activities: 'By kind of support', outcomes: 'By outcome', ageBands: 'Participants by age band' },
    contractItems: { programme: 'Programme', commissioner: 'Commissioner', organization: 'Contractor', contractPeriod: 'Contract period', period: 'Reporting period' },
    measures: { target: 'Target', actual: 'Actual', rate: 'Achieved', participants: 'Participants', sessions: 'Sessions', hours: 'Hours', outcomes: 'Outcomes' },
    total: 'Total',
    kind: 'Kind',
    ageBand: 'Age band',
    indicator: 'Indicator',
    activityKinds: { counselling: 'Counselling', 'job-experience': 'Job experience', 'group-living': 'Group living', training: 'Training', seminar: 'Seminars', other: 'Other' },
    outcomeKinds: {
      employment: 'Employment', education: 'Education', 'vocational-training': 'Vocational training', 'coop-worker': 'Work in a co-operative', 'coop-member': 'Joined a co-operative', other: 'Other',
    },
    // "15 to 19" rather than 15-19, which Excel may take for a date (and an en dash, which CP932 lacks).
    ageBandName: (band) => (band.endsWith('+') ? `${band.slice(0, -1)} and over` : band.replace('-', ' to ')),
    range: (from, until) => `${from} to ${until}`,
    csvHeaders: ['Section', 'Item', 'Measure', 'Value'],
  },
};

/** A figure as printed: the number (hours to one decimal), or the mark of a hidden one. */
export const cellText = (cell: Cell, words: ReportWording, format: (value: number) => string = String): string =>
  cell.suppressed || cell.value === null ? words.hidden : format(cell.value);

/** A rate as a percentage to one decimal (75.0%); blank without one. */
export const rateText = (rate: number | null): string => (rate === null ? '' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);

const named = (locale: DocumentLocale, ja: string, en: string | null): string => (locale === 'en' && en !== null ? en : ja);

/** The report's file name (without the extension): the programme and the period. */
export function contractReportFilename(report: ContractReport, locale: DocumentLocale): string {
  const programme = named(locale, report.contract.programmeJa, report.contract.programmeEn).replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${reportWordings[locale].title.replace(/\s+/g, '-')}_${programme}_${report.from}_${report.until}`;
}

/**
 * A contract's report as CSV for Excel (UTF-8 with a BOM, or CP932): one line per figure — section, item, measure,
 * value — so that a pivot table reads it as it is; hidden figures bear the mark, and the last line is the note.
 */
export function contractReportCsv(report: ContractReport, options: { encoding: CsvEncoding; locale: DocumentLocale }): EncodedCsv {
  const { locale } = options;
  const words = reportWordings[locale];
  const rows: string[][] = [];
  const line = (section: string, item: string, measure: string, value: string) => rows.push([section, excelText(item, false), measure, value]);
  const { sections, contractItems: items, measures } = words;
  line(sections.contract, items.programme, '', named(locale, report.contract.programmeJa, report.contract.programmeEn));
  line(sections.contract, items.commissioner, '', named(locale, report.contract.commissionerNameJa, report.contract.commissionerNameEn));
  line(sections.contract, items.organization, '', named(locale, report.contract.organizationNameJa, report.contract.organizationNameEn));
  line(sections.contract, items.contractPeriod, '', words.range(report.contract.periodFrom, report.contract.periodUntil));
  line(sections.contract, items.period, '', words.range(report.from, report.until));
  for (const indicator of report.indicators) {
    const name = named(locale, indicator.nameJa, indicator.nameEn);
    line(sections.indicators, name, measures.target, indicator.target === null ? '' : String(indicator.target));
    line(sections.indicators, name, measures.actual, indicator.actual === null ? words.outside : cellText(indicator.actual, words));
    line(sections.indicators, name, measures.rate, rateText(indicator.rate));
  }
  const activities = [...report.byActivityKind.rows.map((r) => ({ ...r, name: words.activityKinds[r.kind] ?? r.kind })), { ...report.byActivityKind.total, name: words.total }];
  for (const r of activities) {
    line(sections.activities, r.name, measures.participants, cellText(r.participants, words));
    line(sections.activities, r.name, measures.sessions, cellText(r.sessions, words));
    line(sections.activities, r.name, measures.hours, cellText(r.hours, words, (h) => h.toFixed(1)));
  }
  for (const r of report.byOutcomeKind.rows) line(sections.outcomes, words.outcomeKinds[r.kind] ?? r.kind, measures.outcomes, cellText(r.outcomes, words));
  line(sections.outcomes, words.total, measures.outcomes, cellText(report.byOutcomeKind.total, words));
  for (const r of report.byAgeBand.rows) line(sections.ageBands, words.ageBandName(r.ageBand), measures.participants, cellText(r.participants, words));
  line(sections.ageBands, words.total, measures.participants, cellText(report.byAgeBand.total, words));
  rows.push([locale === 'ja' ? '注記' : 'Note', '', '', words.note]);
  return encodeTable(words.csvHeaders, rows, options.encoding);
}

/** A contract's report for a period as a CSV file, with its file name. */
export async function contractReportCsvFile(
  ctx: AppContext, actor: Actor, contractId: string, options: { from?: string; until?: string; encoding: CsvEncoding; locale: DocumentLocale },
): Promise<{ filename: string; csv: EncodedCsv }> {
  const report = await contractReport(ctx, actor, contractId, options);
  return { filename: `${contractReportFilename(report, options.locale)}.csv`, csv: contractReportCsv(report, options) };
}
