import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fiscalYearEraName } from '../../domain/shared/fiscal-year.js';
import { baseDefinition, creationDate, gridLayout, headerCell, numberCell, parseDate, renderPdf, type DocumentLocale } from '../documents/pdf-kit.js';
import type { BusinessLineFigures, Dashboard, FxRate, SdgGoalView, SdgView, YearFigures } from '../../domain/reporting/dashboard.js';
// report-charts.js (and echarts with it) is loaded when a report is made: see renderAnnualReportPdf.
type Charts = typeof import('./report-charts.js');

/**
 * The federation's annual report (年次報告書 / Annual Report) as a PDF in Japanese or English: a title page with the
 * contents, the headline figures against the year before, the trends as charts, the business lines, the prefectures,
 * the member organizations, the SDG goals served, and the membership and capital at the year end.
 *
 * Amounts follow one convention per language, said in the report itself:
 * - headline figures in words people read aloud: ja 325億2,000万円 (to the nearest 万円), en ¥32.5 billion and
 *   USD 298.9 million (one decimal);
 * - tables and charts in millions of yen, the unit in the column head: ja 百万円, en ¥ million.
 * Decreases are written with △ in Japanese (as Japanese accounts do) and with a minus sign in English.
 */

export interface AnnualReportData {
  locale: DocumentLocale;
  /** The federation's dashboard for the report's fiscal year (src/domain/reporting/dashboard.ts). */
  dashboard: Dashboard;
  /** The SDG view for the same year. */
  sdg: SdgView;
  /** Federation totals at each year end, ascending. */
  capital: { fiscalYear: number; members: number; capital: number; paid: number; unpaid: number }[];
  /** Business line code -> names. */
  businessLineNames: Record<string, { ja: string; en: string }>;
  /** '01'..'47' -> names. */
  prefectureNames: Record<string, { ja: string; en: string }>;
  /** The 17 goals (domain/sdg/catalogue.ts). */
  sdgGoals: { goal: number; nameJa: string; nameEn: string; color: string }[];
  /** YYYY-MM-DD: the document's fixed creation date (the same data gives the same bytes). */
  madeOn: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

const jaDigits = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 });
const enDigits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const enOneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const MINUS = '−';
const TRIANGLE = '△';

/** A count with grouped digits: 12,345 (both languages group the same way). */
export function formatCount(value: number, locale: DocumentLocale): string {
  const digits = (locale === 'ja' ? jaDigits : enDigits).format(Math.abs(value));
  return value < 0 ? `${negative(locale)}${digits}` : digits;
}

function negative(locale: DocumentLocale): string {
  return locale === 'ja' ? TRIANGLE : MINUS;
}

/** A large amount the way Japanese says it, to the nearest 万 (兆, 億, 万), below 1万 in full; negative with △. */
function japaneseLarge(amount: number, unit: string): string {
  const sign = amount < 0 ? TRIANGLE : '';
  const whole = Math.abs(Math.round(amount));
  if (whole < 10_000) return `${sign}${jaDigits.format(whole)}${unit}`;
  const man = Math.round(whole / 10_000);
  const cho = Math.floor(man / 100_000_000);
  const oku = Math.floor(man / 10_000) % 10_000;
  const rest = man % 10_000;
  const parts = [cho > 0 ? `${jaDigits.format(cho)}兆` : '', oku > 0 ? `${jaDigits.format(oku)}億` : '', rest > 0 ? `${jaDigits.format(rest)}万` : ''];
  return `${sign}${parts.join('')}${unit}`;
}

/** Yen in Japanese, read the way it is said: 325億2,000万円 (to the nearest 万円), below 1万円 in full (9,800円). */
export function formatYenJa(amount: number): string {
  return japaneseLarge(amount, '円');
}

/** US dollars in Japanese: 2億9,892万米ドル. */
export function formatUsdJa(amount: number): string {
  return japaneseLarge(amount, '米ドル');
}

/** An amount in the largest of billion/million (one decimal) that it reaches, else in full: 32.5 billion. */
function scaled(amount: number): string {
  const whole = Math.abs(amount);
  for (const [unit, size] of [['trillion', 1e12], ['billion', 1e9], ['million', 1e6]] as const) {
    // 999,960,000 rounds to 1,000.0 million: written as 1.0 billion.
    if (Math.round((whole / size) * 10) >= 10) return `${enOneDecimal.format(whole / size)} ${unit}`;
  }
  return enDigits.format(Math.round(whole));
}

/** Yen in English: ¥32.5 billion, ¥850.0 million, ¥9,800; a negative amount with a minus sign. */
export function formatYenEn(amount: number): string {
  return `${amount < 0 ? MINUS : ''}¥${scaled(amount)}`;
}

/** US dollars in English: USD 298.9 million, USD 1.2 billion, USD 9,800. */
export function formatUsdEn(amount: number): string {
  return `${amount < 0 ? MINUS : ''}USD ${scaled(amount)}`;
}

export function formatYen(amount: number, locale: DocumentLocale): string {
  return locale === 'ja' ? formatYenJa(amount) : formatYenEn(amount);
}

export function formatUsd(amount: number, locale: DocumentLocale): string {
  return locale === 'ja' ? formatUsdJa(amount) : formatUsdEn(amount);
}

/** Yen in millions for the tables (百万円 / ¥ million in the column head), rounded: 32,520. */
export function formatMillions(amount: number, locale: DocumentLocale): string {
  return formatCount(Math.round(amount / 1_000_000), locale);
}

/** A share or a rate as a percentage to one decimal: 12.3%. */
export function formatPercent(ratio: number, locale: DocumentLocale): string {
  const value = (Math.round(Math.abs(ratio) * 1000) / 10).toFixed(1);
  return `${ratio < 0 && value !== '0.0' ? negative(locale) : ''}${value}%`;
}

/** A change with its sign: +1,234 / △1,234 (ja) / −1,234 (en); no change is ±0 / 0. */
export function formatSigned(delta: number, locale: DocumentLocale, format: (value: number) => string): string {
  if (delta === 0) return locale === 'ja' ? `±${format(0)}` : format(0);
  return delta > 0 ? `+${format(delta)}` : `${negative(locale)}${format(-delta)}`;
}

/** The change against the year before as a percentage: +3.9%; — when there is nothing to compare with. */
export function formatChangeRate(current: number, previous: number | null, locale: DocumentLocale): string {
  if (previous === null || previous === 0) return '—';
  const ratio = (current - previous) / Math.abs(previous);
  const text = formatPercent(Math.abs(ratio), locale);
  if (text === '0.0%') return locale === 'ja' ? '±0.0%' : '0.0%';
  return ratio > 0 ? `+${text}` : `${negative(locale)}${text}`;
}

/** ja 「2016年度（平成28年度）」, en "FY2016"; short, ja 「2016年度」. */
export function fiscalYearName(fiscalYear: number, locale: DocumentLocale, form: 'long' | 'short' = 'long'): string {
  if (locale === 'en') return `FY${fiscalYear}`;
  return form === 'long' ? `${fiscalYear}年度（${fiscalYearEraName(fiscalYear)}）` : `${fiscalYear}年度`;
}

/** The report's title: 「2016年度（平成28年度）年次報告書」 / "Annual Report FY2016". */
export function annualReportTitle(fiscalYear: number, locale: DocumentLocale): string {
  return locale === 'ja' ? `${fiscalYearName(fiscalYear, 'ja')}年次報告書` : `Annual Report ${fiscalYearName(fiscalYear, 'en')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Wording: documents are the one place where the server writes sentences for people (style.md).

interface Wording {
  madeOn: (date: Date) => string;
  contents: string;
  page: (current: number, total: number) => string;
  conventions: string;
  sections: { headline: string; trends: string; lines: string; prefectures: string; organizations: string; sdg: string; capital: string };
  item: string;
  change: string;
  changeRate: string;
  yearEnd: (fiscalYear: number) => string;
  organizations: string;
  workerMembers: string;
  userMembers: string;
  otherMembers: string;
  totalMembers: string;
  sites: string;
  turnover: string;
  turnoverUsd: string;
  surplus: string;
  peopleServed: string;
  workers: string;
  count: (value: number, unit: 'people' | 'organizations' | 'sites') => string;
  reporting: (reporting: number, sites: number) => string;
  usdNote: (rates: FxRate[]) => string;
  noPrevious: string;
  figure: (number: number, title: string) => string;
  turnoverTrend: string;
  membersTrend: string;
  linesChart: string;
  sdgChart: string;
  millionsUnit: string;
  peopleUnit: string;
  millionsHead: (label: string) => string;
  peopleHead: (label: string) => string;
  share: string;
  total: string;
  businessLine: string;
  linesIntro: (count: number) => string;
  prefecture: string;
  prefecturesIntro: (count: number) => string;
  unknownPrefecture: string;
  organizationName: string;
  organizationsIntro: (count: number) => string;
  goal: string;
  goalLabel: (goal: number, name: string) => string;
  sdgIntro: (served: number) => string;
  sdgOverlap: string;
  sdgNone: (goals: string[]) => string;
  sdgAllServed: string;
  membersTitle: string;
  capitalTitle: string;
  capitalMembers: string;
  capital: string;
  paid: string;
  unpaid: string;
  noCapital: string;
  list: (items: string[]) => string;
  directSites: (count: number) => string;
  alsoDirectSites: (count: number) => string;
  againstPrevious: (rate: string) => string;
}

const japaneseDate = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const eraDate = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const englishDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

function rateText(rate: FxRate, locale: DocumentLocale): string {
  const yen = rate.yenPerUsd.toFixed(2);
  if (locale === 'ja') return `1米ドル＝${yen}円${rate.source === null ? '' : `（出典：${rate.source}）`}`;
  return `¥${yen} to the US dollar${rate.source === null ? '' : ` (source: ${rate.source})`}`;
}

const wordings: Record<DocumentLocale, Wording> = {
  ja: {
    madeOn: (date) => `作成日　${japaneseDate.format(date)}（${eraDate.format(date)}）`,
    contents: '目次',
    page: (current, total) => `${current} / ${total}`,
    conventions:
      '金額の表記：主要指標と出資金は万円単位（万円未満四捨五入）、表と図は百万円単位（百万円未満四捨五入）で示します。' +
      'このため合計と内訳が一致しない場合があります。減少は△で示します。',
    sections: {
      headline: '1. 主要指標',
      trends: '2. 事業と組合員の推移',
      lines: '3. 事業別の状況',
      prefectures: '4. 都道府県別の状況',
      organizations: '5. 会員組織',
      sdg: '6. 持続可能な開発目標（SDGs）への貢献',
      capital: '7. 組合員と出資金',
    },
    item: '項目',
    change: '増減',
    changeRate: '増減率',
    yearEnd: (fiscalYear) => `${fiscalYear}年度末`,
    organizations: '会員組織数',
    workerMembers: '労働者組合員数',
    userMembers: '利用者組合員数（高齢者協同組合）',
    otherMembers: 'その他の組合員数',
    totalMembers: '組合員数合計',
    sites: '事業所数',
    turnover: '事業高',
    turnoverUsd: '事業高（米ドル換算）',
    surplus: '剰余金',
    peopleServed: '利用者数',
    workers: '就労者数',
    count: (value, unit) => `${formatCount(value, 'ja')}${unit === 'people' ? '人' : unit === 'organizations' ? '団体' : 'か所'}`,
    reporting: (reporting, sites) =>
      `事業高・剰余金・利用者数・就労者数は、事業所${formatCount(sites, 'ja')}か所のうち実績の報告があった${formatCount(reporting, 'ja')}か所の合計です。`,
    usdNote: (rates) => `米ドル換算額は${rates.map((rate) => `${fiscalYearName(rate.fiscalYear, 'ja', 'short')}は${rateText(rate, 'ja')}`).join('、')}で換算しています。`,
    noPrevious: '前年度の実績がないため、増減は示していません。',
    figure: (number, title) => `図${number}　${title}`,
    turnoverTrend: '事業高の推移（百万円）',
    membersTrend: '組合員数の推移（種別、年度末）',
    linesChart: '事業別の事業高（百万円）',
    sdgChart: 'SDGs目標別の事業高（百万円）',
    millionsUnit: '百万円',
    peopleUnit: '人',
    millionsHead: (label) => `${label}\n（百万円）`,
    peopleHead: (label) => `${label}\n（人）`,
    share: '構成比',
    total: '合計',
    businessLine: '事業',
    linesIntro: (count) => `${count}の事業分野の事業所数、事業高、利用者数、就労者数を、事業高の多い順に示します。`,
    prefecture: '都道府県',
    prefecturesIntro: (count) => `事業所のある${count}都道府県を、事業高の多い順に示します。`,
    unknownPrefecture: '所在地未登録',
    organizationName: '会員組織',
    organizationsIntro: (count) => `連合会の会員組織${count}団体の組合員数（年度末）と事業の状況を、都道府県順に示します。`,
    goal: '目標',
    goalLabel: (goal, name) => `目標${goal}　${name}`,
    sdgIntro: (served) => `17の目標のうち${served}の目標に、事業または事業所が貢献しています。事業所の数と事業高、利用者数は、その目標に該当する事業所の当年度の実績です。`,
    sdgOverlap: '一つの事業所が複数の目標に該当するため、目標ごとの数値の合計は全体と一致しません。',
    sdgNone: (goals) => `次の目標に該当する事業・事業所はありません：${goals.join('、')}。`,
    sdgAllServed: '17の目標すべてに、事業または事業所が貢献しています。',
    membersTitle: '組合員数（年度末、種別）',
    capitalTitle: '出資金（年度末）',
    capitalMembers: '出資組合員数',
    capital: '出資金',
    paid: '払込済出資金',
    unpaid: '未払込出資金',
    noCapital: '出資金の記録がありません。',
    list: (items) => items.join('、'),
    directSites: (count) => `個別に指定された事業所${formatCount(count, 'ja')}か所`,
    alsoDirectSites: (count) => `（ほか個別指定${formatCount(count, 'ja')}か所）`,
    againstPrevious: (rate) => `前年度比 ${rate}`,
  },
  en: {
    madeOn: (date) => `Prepared on ${englishDate.format(date)}`,
    contents: 'Contents',
    page: (current, total) => `Page ${current} of ${total}`,
    conventions:
      'Amounts: headline figures and capital in billions or millions of yen to one decimal; tables and charts in ¥ million, rounded, ' +
      'so totals may differ slightly from the sum of their parts.',
    sections: {
      headline: '1. Headline figures',
      trends: '2. Business and membership over the years',
      lines: '3. Business lines',
      prefectures: '4. Prefectures',
      organizations: '5. Member organizations',
      sdg: '6. Contribution to the Sustainable Development Goals',
      capital: '7. Membership and capital',
    },
    item: 'Item',
    change: 'Change',
    changeRate: 'Change (%)',
    yearEnd: (fiscalYear) => `End of FY${fiscalYear}`,
    organizations: 'Member organizations',
    workerMembers: 'Worker members',
    userMembers: "User members (older persons' co-ops)",
    otherMembers: 'Other members',
    totalMembers: 'All members',
    sites: 'Sites',
    turnover: 'Turnover',
    turnoverUsd: 'Turnover in US dollars',
    surplus: 'Surplus',
    peopleServed: 'People served',
    workers: 'Workers',
    count: (value) => formatCount(value, 'en'),
    reporting: (reporting, sites) =>
      `Turnover, surplus, people served and workers are summed over the ${formatCount(reporting, 'en')} of ${formatCount(sites, 'en')} sites that reported results for the year.`,
    usdNote: (rates) => `US dollar amounts at ${rates.map((rate) => `${rateText(rate, 'en')} for ${fiscalYearName(rate.fiscalYear, 'en')}`).join('; ')}.`,
    noPrevious: 'There are no results for the year before to compare with.',
    figure: (number, title) => `Figure ${number}. ${title}`,
    turnoverTrend: 'Turnover over the years (¥ million)',
    membersTrend: 'Members by kind at each year end',
    linesChart: 'Turnover by business line (¥ million)',
    sdgChart: 'Turnover by SDG goal served (¥ million)',
    millionsUnit: '¥ million',
    peopleUnit: 'people',
    millionsHead: (label) => `${label}\n(¥ million)`,
    peopleHead: (label) => label,
    share: 'Share',
    total: 'Total',
    businessLine: 'Business line',
    linesIntro: (count) => `Sites, turnover, people served and workers of the ${count} business lines, by turnover.`,
    prefecture: 'Prefecture',
    prefecturesIntro: (count) => `The ${count} prefectures with sites, by turnover.`,
    unknownPrefecture: 'Not recorded',
    organizationName: 'Member organization',
    organizationsIntro: (count) => `Members at the year end and business of the federation's ${count} member organizations, by prefecture.`,
    goal: 'Goal',
    goalLabel: (goal, name) => `Goal ${goal}: ${name}`,
    sdgIntro: (served) =>
      `Business lines or sites serve ${served} of the 17 goals. Sites, turnover and people served are the year's results of the sites serving each goal.`,
    sdgOverlap: 'A site may serve several goals, so the figures of the goals do not add up to the whole.',
    sdgNone: (goals) => `No business line or site serves ${goals.length === 1 ? 'goal' : 'goals'} ${goals.join(', ')}.`,
    sdgAllServed: 'Business lines or sites serve all 17 goals.',
    membersTitle: 'Members by kind at the year end',
    capitalTitle: 'Capital at the year end',
    capitalMembers: 'Members holding capital',
    capital: 'Capital subscribed',
    paid: 'Capital paid in',
    unpaid: 'Capital unpaid',
    noCapital: 'No capital is recorded.',
    list: (items) => items.join(', '),
    directSites: (count) => (count === 1 ? '1 site tagged itself' : `${formatCount(count, 'en')} sites tagged themselves`),
    alsoDirectSites: (count) => (count === 1 ? ' (and 1 site tagged itself)' : ` (and ${formatCount(count, 'en')} sites tagged themselves)`),
    againstPrevious: (rate) => `${rate} on the year before`,
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Layout pieces

const ACCENT = '#24506b';
const MUTED = '#6b7078';
const RULE = '#b8c4cc';
/** The page's width inside the margins of pdf-kit's A4 (595.28 − 2 × 48). */
const CONTENT_WIDTH = 499;
const TABLE_FONT_SIZE = 8.5;

function heading(text: string): Content {
  return { text, fontSize: 14, bold: true, color: ACCENT, margin: [0, 14, 0, 6], tocItem: true, headlineLevel: 1 };
}

function subheading(text: string): Content {
  return { text, fontSize: 11, bold: true, color: ACCENT, margin: [0, 10, 0, 4], headlineLevel: 2 };
}

function paragraph(text: string): Content {
  return { text, margin: [0, 0, 0, 6] };
}

function small(text: string): Content {
  return { text, fontSize: 9, margin: [0, 0, 0, 6] };
}

function note(text: string): Content {
  return { text, fontSize: 8, color: MUTED, margin: [0, 2, 0, 4] };
}

function figure(svg: string, caption: string): Content {
  return { stack: [{ text: caption, fontSize: 9, bold: true, margin: [0, 0, 0, 2] }, { svg, width: CONTENT_WIDTH }], unbreakable: true, margin: [0, 6, 0, 8] };
}

/** A table with the header row repeated on every page, rows kept whole, and a shaded total row when `totalRow`. */
function table(widths: (number | string)[], head: TableCell[], rows: TableCell[][], totalRow = false): ContentTable {
  const body = [head, ...rows];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body },
    layout: { ...gridLayout, fillColor: (rowIndex) => (rowIndex === 0 || (totalRow && rowIndex === body.length - 1) ? '#eef2f5' : null) },
    fontSize: TABLE_FONT_SIZE,
    margin: [0, 2, 0, 6],
  };
}

/** A row set in bold (the totals): its cells are all objects here. */
const bold = (cells: TableCell[]): TableCell[] => cells.map((cell) => ({ ...(cell as object), bold: true }) as TableCell);

// ---------------------------------------------------------------------------------------------------------------
// Sections

interface Context {
  data: AnnualReportData;
  locale: DocumentLocale;
  words: Wording;
  fiscalYear: number;
  headline: YearFigures;
  previous: YearFigures | null;
}

const lineName = (context: Context, line: { code: string; nameJa: string; nameEn: string }): string => {
  const names = context.data.businessLineNames[line.code];
  return context.locale === 'ja' ? (names?.ja ?? line.nameJa) : (names?.en ?? line.nameEn);
};

const prefectureName = (context: Context, code: string | null): string => {
  if (code === null) return context.words.unknownPrefecture;
  const names = context.data.prefectureNames[code];
  return (context.locale === 'ja' ? names?.ja : names?.en) ?? code;
};

const goalName = (context: Context, goal: number): { name: string; color: string } => {
  const found = context.data.sdgGoals.find((item) => item.goal === goal);
  return { name: found === undefined ? '' : context.locale === 'ja' ? found.nameJa : found.nameEn, color: found?.color ?? '#7d8791' };
};

/** The year at a glance on the title page: four figures with their change against the year before. */
function keyFigures(context: Context): Content {
  const { words, locale, headline, previous } = context;
  const figures: { label: string; value: string; current: number; previous: number | undefined }[] = [
    { label: words.turnover, value: formatYen(headline.turnover, locale), current: headline.turnover, previous: previous?.turnover },
    { label: words.workerMembers, value: words.count(headline.workerMembers, 'people'), current: headline.workerMembers, previous: previous?.workerMembers },
    { label: words.sites, value: words.count(headline.sites, 'sites'), current: headline.sites, previous: previous?.sites },
    { label: words.peopleServed, value: words.count(headline.peopleServed, 'people'), current: headline.peopleServed, previous: previous?.peopleServed },
  ];
  const cells: TableCell[] = figures.map((figure) => ({
    stack: [
      { text: figure.label, fontSize: 8, color: MUTED },
      { text: figure.value, fontSize: 13, bold: true, color: ACCENT, margin: [0, 2, 0, 2] },
      { text: previous === null ? ' ' : words.againstPrevious(formatChangeRate(figure.current, figure.previous ?? null, locale)), fontSize: 8, color: MUTED },
    ],
  }));
  return {
    table: { widths: ['*', '*', '*', '*'], body: [cells] },
    layout: {
      hLineWidth: (index) => (index === 0 ? 2 : 0),
      vLineWidth: () => 0,
      hLineColor: () => ACCENT,
      paddingLeft: (index) => (index === 0 ? 0 : 8),
      paddingRight: () => 8,
      paddingTop: () => 8,
      paddingBottom: () => 4,
    },
    margin: [0, 36, 0, 0],
  };
}

function titlePage(context: Context, title: string, madeOn: Date): Content {
  const { data, words, locale } = context;
  const scope = data.dashboard.scope;
  const name = locale === 'ja' ? scope.nameJa : (scope.nameEn ?? scope.nameJa);
  const other = locale === 'ja' ? scope.nameEn : null;
  return [
    {
      canvas: [{ type: 'rect', x: 0, y: 0, w: CONTENT_WIDTH, h: 6, color: ACCENT }],
      margin: [0, 110, 0, 18],
    },
    { text: name, fontSize: 15, bold: true, color: ACCENT },
    ...(other !== null ? [{ text: other, fontSize: 10, color: MUTED, margin: [0, 2, 0, 0] } as Content] : []),
    { text: title, fontSize: 26, bold: true, margin: [0, 22, 0, 10] },
    { text: words.madeOn(madeOn), fontSize: 11 },
    keyFigures(context),
    { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.8, lineColor: RULE }], margin: [0, 28, 0, 12] },
    {
      toc: { title: { text: words.contents, bold: true, fontSize: 11, margin: [0, 0, 0, 6] }, textStyle: { fontSize: 10 }, numberStyle: { fontSize: 10 } },
    },
    { text: '', pageBreak: 'after' },
  ];
}

interface Row {
  label: string;
  current: string;
  previous: string;
  change: string;
  rate: string;
}

function comparisonRow(context: Context, label: string, current: number, previous: number | null, format: (value: number) => string): Row {
  return {
    label,
    current: format(current),
    previous: previous === null ? '—' : format(previous),
    change: previous === null ? '—' : formatSigned(current - previous, context.locale, format),
    rate: formatChangeRate(current, previous, context.locale),
  };
}

function comparisonTable(context: Context, rows: Row[], currentHead: string, previousHead: string | null): ContentTable {
  const { words } = context;
  return table(
    ['*', 92, 92, 92, 52],
    [headerCell(words.item), headerCell(currentHead, 'right'), headerCell(previousHead ?? '—', 'right'), headerCell(words.change, 'right'), headerCell(words.changeRate, 'right')],
    rows.map((row) => [{ text: row.label }, numberCell(row.current, true), numberCell(row.previous), numberCell(row.change), numberCell(row.rate)]),
  );
}

function headlineSection(context: Context): Content {
  const { words, locale, headline, previous, data } = context;
  const people = (value: number) => words.count(value, 'people');
  const yen = (value: number) => formatYen(value, locale);
  const rows: Row[] = [
    comparisonRow(context, words.organizations, headline.organizations, previous?.organizations ?? null, (value) => words.count(value, 'organizations')),
    comparisonRow(context, words.workerMembers, headline.workerMembers, previous?.workerMembers ?? null, people),
    comparisonRow(context, words.userMembers, headline.userMembers, previous?.userMembers ?? null, people),
  ];
  if (headline.otherMembers > 0 || (previous?.otherMembers ?? 0) > 0) {
    rows.push(comparisonRow(context, words.otherMembers, headline.otherMembers, previous?.otherMembers ?? null, people));
  }
  rows.push(
    comparisonRow(context, words.sites, headline.sites, previous?.sites ?? null, (value) => words.count(value, 'sites')),
    comparisonRow(context, words.turnover, headline.turnover, previous?.turnover ?? null, yen),
  );
  const rateOf = (fiscalYear: number | undefined) => data.dashboard.fxRates.find((rate) => rate.fiscalYear === fiscalYear) ?? null;
  const rate = rateOf(context.fiscalYear);
  const previousRate = rateOf(previous?.fiscalYear);
  const usedRates: FxRate[] = [];
  if (rate !== null) {
    usedRates.push(rate);
    if (previous !== null && previousRate !== null) usedRates.push(previousRate);
    const previousUsd = previous !== null && previousRate !== null ? previous.turnover / previousRate.yenPerUsd : null;
    rows.push(comparisonRow(context, words.turnoverUsd, headline.turnover / rate.yenPerUsd, previousUsd, (value) => formatUsd(value, locale)));
  }
  rows.push(
    comparisonRow(context, words.surplus, headline.surplus, previous?.surplus ?? null, yen),
    comparisonRow(context, words.peopleServed, headline.peopleServed, previous?.peopleServed ?? null, people),
    comparisonRow(context, words.workers, headline.workers, previous?.workers ?? null, people),
  );
  return [
    heading(words.sections.headline),
    comparisonTable(context, rows, fiscalYearName(context.fiscalYear, locale, 'short'), previous === null ? null : fiscalYearName(previous.fiscalYear, locale, 'short')),
    note(words.reporting(headline.sitesReporting, headline.sites)),
    ...(usedRates.length > 0 ? [note(words.usdNote(usedRates))] : []),
    ...(previous === null ? [note(words.noPrevious)] : []),
    note(words.conventions),
  ];
}

const millions = (value: number) => Math.round(value / 1_000_000);

function trendSection(context: Context, charts: { turnover: string; members: string }): Content {
  const { words } = context;
  return [heading(words.sections.trends), figure(charts.turnover, words.figure(1, words.turnoverTrend)), figure(charts.members, words.figure(2, words.membersTrend))];
}

function trendCharts(context: Context, charts: Charts): { turnover: () => string; members: () => string } {
  const { data, locale, words } = context;
  const trend = data.dashboard.trend;
  const labels = trend.map((year) => fiscalYearName(year.fiscalYear, locale, 'short'));
  const axis = (value: number) => formatCount(value, locale);
  const kinds: { name: string; values: number[] }[] = [
    { name: words.workerMembers, values: trend.map((year) => year.workerMembers) },
    { name: locale === 'ja' ? '利用者組合員数' : 'User members', values: trend.map((year) => year.userMembers) },
  ];
  if (trend.some((year) => year.otherMembers > 0)) kinds.push({ name: words.otherMembers, values: trend.map((year) => year.otherMembers) });
  return {
    turnover: () =>
      charts.turnoverTrendChart({
        labels,
        values: trend.map((year) => millions(year.turnover)),
        highlight: trend.findIndex((year) => year.fiscalYear === context.fiscalYear),
        unit: words.millionsUnit,
        format: axis,
        width: CONTENT_WIDTH,
        height: 200,
      }),
    members: () => charts.membersTrendChart({ labels, series: kinds, unit: words.peopleUnit, format: axis, width: CONTENT_WIDTH, height: 200 }),
  };
}

const byTurnover = <T extends { turnover: number }>(key: (item: T) => string) => (a: T, b: T) => b.turnover - a.turnover || key(a).localeCompare(key(b));

function sortedLines(context: Context): BusinessLineFigures[] {
  return [...context.data.dashboard.byBusinessLine].sort(byTurnover((line) => line.code));
}

function linesChart(context: Context, charts: Charts): string {
  const lines = sortedLines(context);
  return charts.horizontalBarChart({
    items: lines.map((line) => ({ label: lineName(context, line), value: millions(line.turnover) })),
    unit: context.words.millionsUnit,
    format: (value) => formatCount(value, context.locale),
    labelWidth: 130,
    width: CONTENT_WIDTH,
    height: Math.max(120, 48 + 28 * lines.length),
  });
}

function linesSection(context: Context, chart: string): Content {
  const { words, locale } = context;
  const lines = sortedLines(context);
  const totals = lines.reduce(
    (sum, line) => ({ sites: sum.sites + line.sites, turnover: sum.turnover + line.turnover, peopleServed: sum.peopleServed + line.peopleServed, workers: sum.workers + line.workers }),
    { sites: 0, turnover: 0, peopleServed: 0, workers: 0 },
  );
  const count = (value: number) => formatCount(value, locale);
  const share = (value: number) => (totals.turnover === 0 ? '—' : formatPercent(value / totals.turnover, locale));
  const rows: TableCell[][] = lines.map((line) => [
    { text: lineName(context, line) },
    numberCell(count(line.sites)),
    numberCell(formatMillions(line.turnover, locale)),
    numberCell(share(line.turnover)),
    numberCell(count(line.peopleServed)),
    numberCell(count(line.workers)),
  ]);
  rows.push(bold([{ text: words.total }, numberCell(count(totals.sites)), numberCell(formatMillions(totals.turnover, locale)), numberCell(share(totals.turnover)), numberCell(count(totals.peopleServed)), numberCell(count(totals.workers))]));
  return [
    heading(words.sections.lines),
    paragraph(words.linesIntro(lines.length)),
    table(
      ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
      [headerCell(words.businessLine), headerCell(words.sites, 'right'), headerCell(words.millionsHead(words.turnover), 'right'), headerCell(words.share, 'right'), headerCell(words.peopleHead(words.peopleServed), 'right'), headerCell(words.peopleHead(words.workers), 'right')],
      rows,
      true,
    ),
    figure(chart, words.figure(3, words.linesChart)),
  ];
}

function prefecturesSection(context: Context): Content {
  const { words, locale, data } = context;
  const prefectures = data.dashboard.byPrefecture.filter((prefecture) => prefecture.sites > 0).sort(byTurnover((prefecture) => prefecture.prefectureCode));
  const total = prefectures.reduce((sum, prefecture) => sum + prefecture.turnover, 0);
  const count = (value: number) => formatCount(value, locale);
  const rows: TableCell[][] = prefectures.map((prefecture) => [
    { text: prefectureName(context, prefecture.prefectureCode) },
    numberCell(count(prefecture.organizations)),
    numberCell(count(prefecture.sites)),
    numberCell(formatMillions(prefecture.turnover, locale)),
    numberCell(total === 0 ? '—' : formatPercent(prefecture.turnover / total, locale)),
    numberCell(count(prefecture.peopleServed)),
  ]);
  return [
    heading(words.sections.prefectures),
    paragraph(words.prefecturesIntro(prefectures.length)),
    table(
      ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
      [headerCell(words.prefecture), headerCell(words.organizations, 'right'), headerCell(words.sites, 'right'), headerCell(words.millionsHead(words.turnover), 'right'), headerCell(words.share, 'right'), headerCell(words.peopleHead(words.peopleServed), 'right')],
      rows,
    ),
  ];
}

function organizationsSection(context: Context): Content {
  const { words, locale, data } = context;
  const organizations = [...data.dashboard.organizations].sort(
    (a, b) => (a.prefectureCode ?? '99').localeCompare(b.prefectureCode ?? '99') || a.code.localeCompare(b.code),
  );
  const count = (value: number) => formatCount(value, locale);
  const rows: TableCell[][] = organizations.map((organization) => [
    { text: locale === 'ja' ? organization.nameJa : (organization.nameEn ?? organization.nameJa) },
    { text: prefectureName(context, organization.prefectureCode) },
    numberCell(count(organization.workerMembers)),
    numberCell(count(organization.userMembers + organization.otherMembers)),
    numberCell(count(organization.sites)),
    numberCell(formatMillions(organization.turnover, locale)),
    numberCell(formatMillions(organization.surplus, locale)),
  ]);
  const otherHead = locale === 'ja' ? '利用者・その他\n組合員' : 'User and\nother members';
  return [
    heading(words.sections.organizations),
    paragraph(words.organizationsIntro(organizations.length)),
    table(
      ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
      [
        headerCell(words.organizationName),
        headerCell(words.prefecture),
        headerCell(locale === 'ja' ? '労働者\n組合員' : 'Worker\nmembers', 'right'),
        headerCell(otherHead, 'right'),
        headerCell(words.sites, 'right'),
        headerCell(words.millionsHead(words.turnover), 'right'),
        headerCell(words.millionsHead(words.surplus), 'right'),
      ],
      rows,
    ),
  ];
}

const served = (goal: SdgGoalView) => goal.businessLines.length > 0 || goal.sites.length > 0;

function sdgChart(context: Context, charts: Charts): string | null {
  const goals = context.data.sdg.goals.filter(served);
  if (goals.length === 0) return null;
  return charts.horizontalBarChart({
    items: goals.map((goal) => {
      const { name, color } = goalName(context, goal.goal);
      return { label: `${goal.goal}. ${name}`, value: millions(goal.turnover), color };
    }),
    unit: context.words.millionsUnit,
    format: (value) => formatCount(value, context.locale),
    labelWidth: 180,
    width: CONTENT_WIDTH,
    height: Math.max(120, 48 + 26 * goals.length),
  });
}

/** The business lines serving a goal, and how many sites are tagged with it themselves. */
function servedBy(context: Context, goal: SdgGoalView): string {
  const { words } = context;
  const direct = goal.sites.filter((site) => site.direct).length;
  const lines = words.list(goal.businessLines.map((line) => lineName(context, line)));
  if (direct === 0) return lines;
  return lines === '' ? words.directSites(direct) : `${lines}${words.alsoDirectSites(direct)}`;
}

function sdgSection(context: Context, chart: string | null): Content {
  const { words, locale, data } = context;
  const goals = [...data.sdg.goals].sort((a, b) => a.goal - b.goal);
  const servedGoals = goals.filter(served);
  const unserved = goals.filter((goal) => !served(goal));
  const count = (value: number) => formatCount(value, locale);
  const rows: TableCell[][] = servedGoals.map((goal) => {
    const { name, color } = goalName(context, goal.goal);
    return [
      { text: String(goal.goal), bold: true, color: '#ffffff', fillColor: color, alignment: 'center' },
      { text: name },
      { text: servedBy(context, goal) },
      numberCell(count(goal.sites.length)),
      numberCell(formatMillions(goal.turnover, locale)),
      numberCell(count(goal.peopleServed)),
    ];
  });
  const content: Content[] = [heading(words.sections.sdg), paragraph(words.sdgIntro(servedGoals.length))];
  if (servedGoals.length > 0) {
    content.push(
      table(
        [22, 120, '*', 'auto', 'auto', 'auto'],
        [
          { text: words.goal, bold: true, colSpan: 2 },
          {},
          headerCell(words.businessLine),
          headerCell(words.sites, 'right'),
          headerCell(words.millionsHead(words.turnover), 'right'),
          headerCell(words.peopleHead(words.peopleServed), 'right'),
        ],
        rows,
      ),
      note(words.sdgOverlap),
    );
  }
  content.push(
    unserved.length === 0
      ? paragraph(words.sdgAllServed)
      : small(words.sdgNone(unserved.map((goal) => (locale === 'ja' ? words.goalLabel(goal.goal, goalName(context, goal.goal).name) : `${goal.goal} (${goalName(context, goal.goal).name})`)))),
  );
  if (chart !== null) content.push(figure(chart, words.figure(4, words.sdgChart)));
  return content;
}

function capitalSection(context: Context): Content {
  const { words, locale, data, headline, previous, fiscalYear } = context;
  const people = (value: number) => words.count(value, 'people');
  const yen = (value: number) => formatYen(value, locale);
  const currentHead = words.yearEnd(fiscalYear);
  const previousHead = previous === null ? null : words.yearEnd(previous.fiscalYear);
  const memberRows: Row[] = [
    comparisonRow(context, words.workerMembers, headline.workerMembers, previous?.workerMembers ?? null, people),
    comparisonRow(context, words.userMembers, headline.userMembers, previous?.userMembers ?? null, people),
  ];
  if (headline.otherMembers > 0 || (previous?.otherMembers ?? 0) > 0) {
    memberRows.push(comparisonRow(context, words.otherMembers, headline.otherMembers, previous?.otherMembers ?? null, people));
  }
  const total = (year: YearFigures) => year.workerMembers + year.userMembers + year.otherMembers;
  memberRows.push(comparisonRow(context, words.totalMembers, total(headline), previous === null ? null : total(previous), people));

  const content: Content[] = [heading(words.sections.capital), subheading(words.membersTitle), comparisonTable(context, memberRows, currentHead, previousHead)];
  content.push(subheading(words.capitalTitle));
  const current = data.capital.find((year) => year.fiscalYear === fiscalYear) ?? null;
  const before = data.capital.find((year) => year.fiscalYear === fiscalYear - 1) ?? null;
  if (current === null) {
    content.push(paragraph(words.noCapital));
  } else {
    const capitalRows: Row[] = [
      comparisonRow(context, words.capitalMembers, current.members, before?.members ?? null, people),
      comparisonRow(context, words.capital, current.capital, before?.capital ?? null, yen),
      comparisonRow(context, words.paid, current.paid, before?.paid ?? null, yen),
      comparisonRow(context, words.unpaid, current.unpaid, before?.unpaid ?? null, yen),
    ];
    content.push(comparisonTable(context, capitalRows, currentHead, before === null ? null : words.yearEnd(before.fiscalYear)));
  }
  return content;
}

// ---------------------------------------------------------------------------------------------------------------
// The document

/** The steps reported to `onProgress`: the four charts, the title page and the seven sections, and the PDF itself. */
const STEPS = 13;

export async function renderAnnualReportPdf(data: AnnualReportData, onProgress?: (done: number, total: number) => void | Promise<void>): Promise<Uint8Array> {
  const madeOn = parseDate(data.madeOn);
  const locale = data.locale;
  const words = wordings[locale];
  const fiscalYear = data.dashboard.fiscalYear;
  const context: Context = { data, locale, words, fiscalYear, headline: data.dashboard.headline, previous: data.dashboard.previous };
  const title = annualReportTitle(fiscalYear, locale);

  let done = 0;
  const step = async <T>(make: () => T): Promise<T> => {
    const made = make();
    done += 1;
    await onProgress?.(done, STEPS);
    return made;
  };

  // echarts is loaded with the first report, not with the server: nothing else on the server draws charts.
  const charts = await import('./report-charts.js');
  const trend = trendCharts(context, charts);
  const turnoverChart = await step(trend.turnover);
  const membersChart = await step(trend.members);
  const businessChart = await step(() => linesChart(context, charts));
  const goalsChart = await step(() => sdgChart(context, charts));
  const content: Content[] = [
    await step(() => titlePage(context, title, madeOn)),
    await step(() => headlineSection(context)),
    await step(() => trendSection(context, { turnover: turnoverChart, members: membersChart })),
    await step(() => linesSection(context, businessChart)),
    await step(() => prefecturesSection(context)),
    await step(() => organizationsSection(context)),
    await step(() => sdgSection(context, goalsChart)),
    await step(() => capitalSection(context)),
  ];
  const scope = data.dashboard.scope;
  const federation = locale === 'ja' ? scope.nameJa : (scope.nameEn ?? scope.nameJa);
  const definition: TDocumentDefinitions = {
    ...baseDefinition({ locale, title, created: creationDate(data.madeOn), page: words.page, content }),
    pageMargins: [48, 56, 48, 52],
    // The title page stands alone: no running head and no number on it.
    header: (currentPage) => (currentPage === 1 ? null : { columns: [{ text: federation }, { text: title, alignment: 'right' }], fontSize: 7.5, color: MUTED, margin: [48, 24, 48, 0] }),
    footer: (currentPage, pageCount) => (currentPage === 1 ? null : { text: words.page(currentPage, pageCount), alignment: 'center', fontSize: 8, color: MUTED, margin: [0, 18, 0, 0] }),
    // A section's heading is never left alone at the foot of a page.
    pageBreakBefore: (node) => (node.headlineLevel === 1 || node.headlineLevel === 2) && node.startPosition.verticalRatio > 0.82,
  };
  const pdf = await renderPdf(definition);
  done = STEPS;
  await onProgress?.(done, STEPS);
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
