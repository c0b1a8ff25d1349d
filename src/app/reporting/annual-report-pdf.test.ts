import { describe, expect, it } from 'vitest';
import { pdfReader, popplerAvailable as checkPoppler } from '../../../test/support/poppler.js';
import {
  annualReportTitle,
  fiscalYearName,
  formatChangeRate,
  formatCount,
  formatMillions,
  formatPercent,
  formatSigned,
  formatUsdEn,
  formatUsdJa,
  formatYenEn,
  formatYenJa,
  renderAnnualReportPdf,
  type AnnualReportData,
} from './annual-report-pdf.js';
import type { Dashboard, SdgGoalView, SdgView, YearFigures } from '../../domain/reporting/dashboard.js';

const popplerAvailable = checkPoppler('the annual report PDF suite');
const { pagesOf, flat, fontsOf, infoOf } = pdfReader('annual-report');

// ---------------------------------------------------------------------------------------------------------------
// A small federation over three fiscal years: four member organizations in four prefectures, four business lines,
// nine sites in 2016, five SDG goals served.

const scope: Dashboard['scope'] = { kind: 'federation', id: 'fed', nameJa: '日本労働者協同組合（ワーカーズコープ）連合会', nameEn: "Japan Workers' Co-operative Union" };

function year(fiscalYear: number, figures: Omit<YearFigures, 'fiscalYear' | 'expenses' | 'otherMembers'>): YearFigures {
  return { fiscalYear, ...figures, otherMembers: 0, expenses: figures.turnover - figures.surplus };
}

const fy2014 = year(2014, { organizations: 3, workerMembers: 11_020, userMembers: 2_800, sites: 7, turnover: 28_400_000_000, surplus: 301_000_000, peopleServed: 40_050, workers: 14_100, sitesReporting: 7 });
const fy2015 = year(2015, { organizations: 4, workerMembers: 11_800, userMembers: 3_000, sites: 8, turnover: 30_100_000_000, surplus: 380_500_000, peopleServed: 43_210, workers: 14_900, sitesReporting: 8 });
const fy2016 = year(2016, { organizations: 4, workerMembers: 12_345, userMembers: 3_210, sites: 9, turnover: 32_520_000_000, surplus: 412_000_000, peopleServed: 45_678, workers: 15_432, sitesReporting: 8 });

const lines = {
  elderly_care: { ja: '高齢者介護・福祉', en: 'Elderly care' },
  childcare: { ja: '子育て支援', en: 'Childcare' },
  building_maintenance: { ja: '建物総合管理', en: 'Building maintenance' },
  youth_support: { ja: '若者・困窮者の就労支援', en: 'Employment support' },
};
const line = (code: keyof typeof lines) => ({ code, nameJa: lines[code].ja, nameEn: lines[code].en });

const dashboard: Dashboard = {
  scope,
  fiscalYear: 2016,
  years: [2014, 2015, 2016],
  headline: fy2016,
  previous: fy2015,
  trend: [fy2014, fy2015, fy2016],
  byBusinessLine: [
    { ...line('childcare'), builtIn: true, sites: 2, turnover: 8_120_000_000, surplus: 101_000_000, peopleServed: 12_400, workers: 3_900 },
    { ...line('elderly_care'), builtIn: true, sites: 4, turnover: 14_200_000_000, surplus: 180_000_000, peopleServed: 20_100, workers: 6_800 },
    { ...line('youth_support'), builtIn: false, sites: 1, turnover: 2_900_000_000, surplus: 21_000_000, peopleServed: 13_178, workers: 1_132 },
    { ...line('building_maintenance'), builtIn: true, sites: 2, turnover: 7_300_000_000, surplus: 110_000_000, peopleServed: 0, workers: 3_600 },
  ],
  byPrefecture: [
    { prefectureCode: '01', organizations: 0, sites: 0, turnover: 0, peopleServed: 0 },
    { prefectureCode: '12', organizations: 1, sites: 2, turnover: 7_520_000_000, peopleServed: 11_000 },
    { prefectureCode: '13', organizations: 2, sites: 4, turnover: 16_000_000_000, peopleServed: 20_000 },
    { prefectureCode: '14', organizations: 1, sites: 1, turnover: 3_000_000_000, peopleServed: 5_000 },
    { prefectureCode: '27', organizations: 1, sites: 2, turnover: 6_000_000_000, peopleServed: 9_678 },
  ],
  organizations: [
    { id: 'o1', code: 'C001', nameJa: 'ワーカーズコープ・センター事業団', nameEn: 'Workers Co-op Center Jigyodan', prefectureCode: '13', workerMembers: 8_000, userMembers: 0, otherMembers: 0, sites: 4, turnover: 18_500_000_000, surplus: 240_000_000 },
    { id: 'o2', code: 'C002', nameJa: 'ワーカーズコープちば', nameEn: 'Workers Co-op Chiba', prefectureCode: '12', workerMembers: 1_800, userMembers: 0, otherMembers: 0, sites: 2, turnover: 7_520_000_000, surplus: 90_000_000 },
    { id: 'o3', code: 'C003', nameJa: '高齢者生活協同組合おおさか', nameEn: null, prefectureCode: '27', workerMembers: 1_200, userMembers: 3_210, otherMembers: 0, sites: 2, turnover: 6_000_000_000, surplus: 72_000_000 },
    { id: 'o4', code: 'C004', nameJa: '労働者協同組合みなと', nameEn: 'Minato Workers Co-op', prefectureCode: '13', workerMembers: 1_345, userMembers: 0, otherMembers: 0, sites: 1, turnover: 500_000_000, surplus: 10_000_000 },
  ],
  sites: [],
  fxRates: [
    { fiscalYear: 2015, yenPerUsd: 120.14, source: 'IMF IFS' },
    { fiscalYear: 2016, yenPerUsd: 108.79, source: 'IMF IFS' },
  ],
};

const sdgGoals: AnnualReportData['sdgGoals'] = [
  { goal: 1, nameJa: '貧困をなくそう', nameEn: 'No Poverty', color: '#E5243B' },
  { goal: 2, nameJa: '飢餓をゼロに', nameEn: 'Zero Hunger', color: '#DDA63A' },
  { goal: 3, nameJa: 'すべての人に健康と福祉を', nameEn: 'Good Health and Well-being', color: '#4C9F38' },
  { goal: 4, nameJa: '質の高い教育をみんなに', nameEn: 'Quality Education', color: '#C5192D' },
  { goal: 5, nameJa: 'ジェンダー平等を実現しよう', nameEn: 'Gender Equality', color: '#FF3A21' },
  { goal: 6, nameJa: '安全な水とトイレを世界中に', nameEn: 'Clean Water and Sanitation', color: '#26BDE2' },
  { goal: 7, nameJa: 'エネルギーをみんなに そしてクリーンに', nameEn: 'Affordable and Clean Energy', color: '#FCC30B' },
  { goal: 8, nameJa: '働きがいも経済成長も', nameEn: 'Decent Work and Economic Growth', color: '#A21942' },
  { goal: 9, nameJa: '産業と技術革新の基盤をつくろう', nameEn: 'Industry, Innovation and Infrastructure', color: '#FD6925' },
  { goal: 10, nameJa: '人や国の不平等をなくそう', nameEn: 'Reduced Inequalities', color: '#DD1367' },
  { goal: 11, nameJa: '住み続けられるまちづくりを', nameEn: 'Sustainable Cities and Communities', color: '#FD9D24' },
  { goal: 12, nameJa: 'つくる責任 つかう責任', nameEn: 'Responsible Consumption and Production', color: '#BF8B2E' },
  { goal: 13, nameJa: '気候変動に具体的な対策を', nameEn: 'Climate Action', color: '#3F7E44' },
  { goal: 14, nameJa: '海の豊かさを守ろう', nameEn: 'Life Below Water', color: '#0A97D9' },
  { goal: 15, nameJa: '陸の豊かさも守ろう', nameEn: 'Life on Land', color: '#56C02B' },
  { goal: 16, nameJa: '平和と公正をすべての人に', nameEn: 'Peace, Justice and Strong Institutions', color: '#00689D' },
  { goal: 17, nameJa: 'パートナーシップで目標を達成しよう', nameEn: 'Partnerships for the Goals', color: '#19486A' },
];

const site = (id: string, organizationId: string, nameJa: string, direct = false) => ({ id, organizationId, nameJa, nameEn: null, direct });

function goalView(goal: number, served: Partial<SdgGoalView> = {}): SdgGoalView {
  return { goal, codes: served.businessLines || served.sites ? [String(goal)] : [], businessLines: [], sites: [], programmes: [], turnover: 0, peopleServed: 0, workers: 0, ...served };
}

const sdg: SdgView = {
  scope,
  fiscalYear: 2016,
  goals: Array.from({ length: 17 }, (_, index) => {
    const goal = index + 1;
    switch (goal) {
      case 3:
        return goalView(3, {
          codes: ['3', '3.8'],
          businessLines: [line('elderly_care')],
          sites: [site('s1', 'o1', 'ケアセンターあおば'), site('s2', 'o1', 'ケアセンターみどり'), site('s5', 'o3', 'デイサービスすみれ'), site('s6', 'o3', '訪問介護なにわ')],
          turnover: 14_200_000_000,
          peopleServed: 20_100,
          workers: 6_800,
        });
      case 4:
        return goalView(4, { businessLines: [line('childcare')], sites: [site('s3', 'o2', 'こども園いなげ'), site('s4', 'o2', '学童クラブみどり')], turnover: 8_120_000_000, peopleServed: 12_400, workers: 3_900 });
      case 8:
        return goalView(8, {
          codes: ['8', '8.5'],
          businessLines: [line('youth_support'), line('building_maintenance')],
          sites: [site('s7', 'o1', '地域若者サポートステーション'), site('s8', 'o4', '港区庁舎管理'), site('s9', 'o1', '市民会館管理')],
          turnover: 10_200_000_000,
          peopleServed: 13_178,
          workers: 4_732,
        });
      case 10:
        return goalView(10, { businessLines: [line('youth_support')], sites: [site('s7', 'o1', '地域若者サポートステーション'), site('s6', 'o3', '訪問介護なにわ', true)], turnover: 4_400_000_000, peopleServed: 15_178, workers: 1_732 });
      case 11:
        return goalView(11, { sites: [site('s9', 'o1', '市民会館管理', true)], turnover: 3_650_000_000, peopleServed: 0, workers: 1_800 });
      default:
        return goalView(goal);
    }
  }),
};

function buildData(overrides: Partial<AnnualReportData> = {}): AnnualReportData {
  return {
    locale: 'ja',
    dashboard,
    sdg,
    capital: [
      { fiscalYear: 2014, members: 13_820, capital: 2_210_000_000, paid: 2_050_000_000, unpaid: 160_000_000 },
      { fiscalYear: 2015, members: 14_800, capital: 2_350_000_000, paid: 2_180_000_000, unpaid: 170_000_000 },
      { fiscalYear: 2016, members: 15_555, capital: 2_480_000_000, paid: 2_310_500_000, unpaid: 169_500_000 },
    ],
    businessLineNames: lines,
    prefectureNames: {
      '01': { ja: '北海道', en: 'Hokkaido' },
      '12': { ja: '千葉県', en: 'Chiba' },
      '13': { ja: '東京都', en: 'Tokyo' },
      '14': { ja: '神奈川県', en: 'Kanagawa' },
      '27': { ja: '大阪府', en: 'Osaka' },
    },
    sdgGoals,
    madeOn: '2026-11-27',
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe('number formatting of the annual report', () => {
  it('writes large yen amounts in Japanese with 億 and 万, to the nearest 万円', () => {
    expect(formatYenJa(32_520_000_000)).toBe('325億2,000万円');
    expect(formatYenJa(2_480_000_000)).toBe('24億8,000万円');
    expect(formatYenJa(412_000_000)).toBe('4億1,200万円');
    expect(formatYenJa(3_000_000_000)).toBe('30億円');
    expect(formatYenJa(1_234_567_890_000)).toBe('1兆2,345億6,789万円');
    expect(formatYenJa(123_456)).toBe('12万円');
    expect(formatYenJa(9_800)).toBe('9,800円');
    expect(formatYenJa(0)).toBe('0円');
    expect(formatYenJa(-720_000_000)).toBe('△7億2,000万円');
    expect(formatUsdJa(298_924_533)).toBe('2億9,892万米ドル');
  });

  it('writes large amounts in English in billions or millions to one decimal', () => {
    expect(formatYenEn(32_520_000_000)).toBe('¥32.5 billion');
    expect(formatYenEn(412_000_000)).toBe('¥412.0 million');
    expect(formatYenEn(999_960_000)).toBe('¥1.0 billion');
    expect(formatYenEn(1_500_000_000_000)).toBe('¥1.5 trillion');
    expect(formatYenEn(9_800)).toBe('¥9,800');
    expect(formatYenEn(-720_000_000)).toBe('−¥720.0 million');
    expect(formatUsdEn(300_000_000)).toBe('USD 300.0 million');
    expect(formatUsdEn(32_520_000_000 / 108.79)).toBe('USD 298.9 million');
  });

  it('writes table amounts in millions, counts, shares and changes per language', () => {
    expect(formatMillions(32_520_000_000, 'ja')).toBe('32,520');
    expect(formatMillions(-1_600_000, 'ja')).toBe('△2');
    expect(formatMillions(-1_600_000, 'en')).toBe('−2');
    expect(formatCount(12_345, 'en')).toBe('12,345');
    expect(formatPercent(0.43665, 'ja')).toBe('43.7%');
    expect(formatSigned(545, 'ja', (value) => formatCount(value, 'ja'))).toBe('+545');
    expect(formatSigned(-545, 'ja', (value) => formatCount(value, 'ja'))).toBe('△545');
    expect(formatSigned(-545, 'en', (value) => formatCount(value, 'en'))).toBe('−545');
    expect(formatSigned(0, 'ja', (value) => formatCount(value, 'ja'))).toBe('±0');
    expect(formatChangeRate(32_520, 30_100, 'ja')).toBe('+8.0%');
    expect(formatChangeRate(95, 100, 'ja')).toBe('△5.0%');
    expect(formatChangeRate(95, 100, 'en')).toBe('−5.0%');
    expect(formatChangeRate(5, 0, 'en')).toBe('—');
    expect(formatChangeRate(5, null, 'en')).toBe('—');
  });

  it('names the fiscal year with its era in Japanese and as FY in English', () => {
    expect(fiscalYearName(2016, 'ja')).toBe('2016年度（平成28年度）');
    expect(fiscalYearName(2019, 'ja')).toBe('2019年度（令和元年度）');
    expect(fiscalYearName(2016, 'ja', 'short')).toBe('2016年度');
    expect(fiscalYearName(2016, 'en')).toBe('FY2016');
    expect(annualReportTitle(2016, 'ja')).toBe('2016年度（平成28年度）年次報告書');
    expect(annualReportTitle(2016, 'en')).toBe('Annual Report FY2016');
  });
});

describe.skipIf(!popplerAvailable)('the annual report as PDF', () => {
  it('is published in Japanese: title page, headline figures, charts, tables, SDGs and capital, numbered pages', async () => {
    const progress: [number, number][] = [];
    const pdf = await renderAnnualReportPdf(buildData(), (done, total) => {
      progress.push([done, total]);
    });
    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const text = flat(pdf);

    // Title page: the federation, the title with the fiscal year in both calendars, the date made, the contents.
    expect(pages[0]).toContain('日本労働者協同組合（ワーカーズコープ）連合会');
    expect(pages[0]).toContain('2016年度（平成28年度）年次報告書');
    expect(pages[0]).toMatch(/作成日\s+2026年11月27日（令和8年11月27日）/);
    expect(pages[0]).toMatch(/325億2,000万円\s+12,345人\s+9か所\s+45,678人/);
    expect(pages[0]).toMatch(/前年度比 \+8\.0%/);
    expect(pages[0]).toContain('目次');
    expect(text).toContain('7.組合員と出資金');

    // Headline figures with the year before and the change.
    const lineOf = (start: string) => (pages.slice(1).join('\n').split('\n').map((line) => line.trim()).find((line) => line.startsWith(start)) ?? '').split(/\s{2,}/);
    expect(lineOf('事業高  ')).toEqual(['事業高', '325億2,000万円', '301億円', '+24億2,000万円', '+8.0%']);
    expect(lineOf('労働者組合員数')).toEqual(['労働者組合員数', '12,345人', '11,800人', '+545人', '+4.6%']);
    expect(lineOf('事業高（米ドル換算）')).toEqual(['事業高（米ドル換算）', '2億9,892万米ドル', '2億5,054万米ドル', '+4,838万米ドル', '+19.3%']);
    expect(text).toContain('2016年度は1米ドル＝108.79円（出典：IMFIFS）');
    expect(text).toContain('事業所9か所のうち実績の報告があった8か所の合計です');

    // Charts drawn as SVG keep their Japanese text: the years only the trend charts show.
    expect(text).toContain('図1事業高の推移（百万円）');
    expect(text).toContain('2014年度');

    // Business lines, largest first, with their share; prefectures with sites only; the organizations.
    expect(lineOf('高齢者介護・福祉')).toEqual(['高齢者介護・福祉', '4', '14,200', '43.7%', '20,100', '6,800']);
    expect(lineOf('合計')).toEqual(['合計', '9', '32,520', '100.0%', '45,678', '15,432']);
    expect(lineOf('東京都')).toEqual(['東京都', '2', '4', '16,000', '49.2%', '20,000']);
    expect(text).not.toContain('北海道');
    expect(text).toContain('高齢者生活協同組合おおさか');

    // SDGs: the goals served with their lines, the others named briefly.
    expect(text).toContain('すべての人に健康と福祉を');
    expect(text).toContain('次の目標に該当する事業・事業所はありません：目標1貧困をなくそう、目標2飢餓をゼロに');

    // Capital at the year end and the year before.
    expect(lineOf('出資金  ')).toEqual(['出資金', '24億8,000万円', '23億5,000万円', '+1億3,000万円', '+5.5%']);
    expect(lineOf('未払込出資金')).toEqual(['未払込出資金', '1億6,950万円', '1億7,000万円', '△50万円', '△0.3%']);

    // Numbered pages after the title page; no English title.
    expect(pages.at(-1)).toMatch(new RegExp(`${pages.length}\\s*/\\s*${pages.length}`));
    expect(pages[0]).not.toMatch(/\d+ \/ \d+/);
    expect(text).not.toContain('AnnualReport');
    expect(text).not.toContain('\uFFFD');

    // Progress step by step to the end.
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
    expect(progress.map(([done]) => done)).toEqual(Array.from({ length: progress.length }, (_, index) => index + 1));
    expect(new Set(progress.map(([, total]) => total)).size).toBe(1);
  });

  it('is published in English with yen and US dollar amounts and no Japanese title', async () => {
    const pdf = await renderAnnualReportPdf(buildData({ locale: 'en' }));
    const pages = pagesOf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.join('\n');
    const lines = all.split('\n').map((line) => line.trim().replace(/\s+/g, ' '));
    expect(pages[0]).toContain('Annual Report FY2016');
    expect(pages[0]).toContain("Japan Workers' Co-operative Union");
    expect(pages[0]).toContain('Prepared on November 27, 2026');
    expect(lines).toContain('Turnover ¥32.5 billion ¥30.1 billion +¥2.4 billion +8.0%');
    expect(lines).toContain('Turnover in US dollars USD 298.9 million USD 250.5 million +USD 48.4 million +19.3%');
    expect(lines).toContain('Worker members 12,345 11,800 +545 +4.6%');
    expect(all).toMatch(/¥108\.79 to the US dollar \(source: IMF IFS\) for FY2016/);
    expect(lines.some((line) => line.startsWith('Elderly care 4 14,200 43.7%'))).toBe(true);
    expect(all).toContain('Good Health and Well-being');
    expect(all).toContain('Workers Co-op Chiba');
    expect(all).toContain('FY2014'); // in the trend chart
    expect(pages.at(-1)).toContain(`Page ${pages.length} of ${pages.length}`);
    expect(all).not.toContain('年次報告書');
    expect(all).not.toContain('平成');
  });

  it('gives the same bytes for the same data, dated the day it was made, with subset fonts only', async () => {
    const first = await renderAnnualReportPdf(buildData());
    const second = await renderAnnualReportPdf(buildData());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(infoOf(first)).toMatch(/CreationDate:\s+2026-11-26T15:00:00Z/);
    expect(infoOf(first)).toMatch(/Title:\s+2016年度（平成28年度）年次報告書/);
    for (const font of fontsOf(first)) expect(font).toMatchObject({ embedded: true, subset: true });
  });

  it('leaves out the comparison and the dollars when there is no year before and no rate', async () => {
    const single: Dashboard = { ...dashboard, years: [2016], previous: null, trend: [fy2016], fxRates: [] };
    const pdf = await renderAnnualReportPdf(buildData({ locale: 'en', dashboard: single, capital: [] }));
    const text = pagesOf(pdf).join('\n');
    expect(text).toContain('There are no results for the year before to compare with.');
    expect(text).not.toContain('USD');
    expect(text).toContain('No capital is recorded.');
  });

  it('refuses a creation date that is not YYYY-MM-DD', async () => {
    await expect(renderAnnualReportPdf(buildData({ madeOn: '2026-02-30' }))).rejects.toThrow(RangeError);
  });
});
