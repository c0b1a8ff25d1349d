import type { Actor } from '../../domain/access/policy.js';
import type { SiteFields } from '../../domain/business/site.js';
import { fiscalYearOf } from '../../domain/shared/fiscal-year.js';
import { recordSiteResult } from '../business/site-results.js';
import { createSite } from '../business/sites.js';
import type { AppContext } from '../shared/context.js';

const demoActor: Actor = { userId: 'demo', email: 'system:demo', role: 'federation-admin', organizationId: null };

/**
 * A site's fiscal 2025 and how it got there: what the demo's earlier years are worked back from (for a site closed
 * before 2025, the figures it was heading for).
 */
interface Figures2025 {
  turnover: number;
  /** Yearly growth of turnover and people served up to 2025, in per mille; negative for a programme winding down. */
  growth: number;
  /** Expenses as a share of turnover in an ordinary year, in per mille. */
  costRatio: number;
  /** A year with a loss: the pandemic's first year closed day services and playrooms for months. */
  lossIn?: number;
  peopleServed: number | null;
  workers: { members: number; nonMembers: number };
}

export interface DemoSite {
  organization: string;
  site: Partial<SiteFields> & Pick<SiteFields, 'nameJa' | 'nameEn' | 'businessLine' | 'operation' | 'openedOn'>;
  figures: Figures2025;
}

/**
 * The demo's sites after the seed (ILO interview, 2017; domain.md §1). Names and addresses are illustrative. The
 * Centre Jigyodan's first four are the sites its demo work records name (demo-work.ts, demo-surplus.ts), so their
 * workers by kind are counted from the records; its Youth Support Station is commissioned by the ministry (no
 * local-government code), its public facility by Toshima ward (豊島区, 131164).
 */
export const demoSites: readonly DemoSite[] = [
  {
    organization: 'wc-chiba',
    site: {
      nameJa: 'アグリーン', nameEn: 'Aguriin', businessLine: 'agriculture-biodiesel', operation: 'own', openedOn: '2011-04-01',
      postalCode: '2891624', prefectureCode: '12', address: '山武郡芝山町小池', capacity: 20,
    },
    figures: { turnover: 18_640_000, growth: 40, costRatio: 968, peopleServed: 20, workers: { members: 5, nonMembers: 1 } },
  },
  {
    organization: 'wc-chiba',
    site: {
      nameJa: 'あじさい', nameEn: 'Ajisai', businessLine: 'eldercare', operation: 'own', openedOn: '2013-04-01',
      postalCode: '2640021', prefectureCode: '12', address: '千葉市若葉区若松町', capacity: 25,
    },
    figures: { turnover: 32_150_000, growth: 30, costRatio: 975, lossIn: 2020, peopleServed: 38, workers: { members: 7, nonMembers: 2 } },
  },
  {
    organization: 'wc-chiba',
    site: {
      nameJa: 'ちば生活・就労支援センター', nameEn: 'Chiba Living and Work Support Centre', businessLine: 'employment-support', operation: 'commissioned',
      openedOn: '2015-04-01', commissionerName: '千葉市', commissionerCode: '121002', postalCode: '2600013', prefectureCode: '12', address: '千葉市中央区中央',
    },
    figures: { turnover: 21_300_000, growth: 25, costRatio: 985, peopleServed: 240, workers: { members: 4, nonMembers: 0 } },
  },
  {
    organization: 'center-jigyodan',
    site: {
      nameJa: '池袋ケアセンター', nameEn: 'Ikebukuro Care Centre', businessLine: 'eldercare', operation: 'own', openedOn: '2012-04-01',
      postalCode: '1700013', prefectureCode: '13', address: '豊島区東池袋2-1', capacity: 25,
    },
    figures: { turnover: 28_760_000, growth: 35, costRatio: 962, lossIn: 2020, peopleServed: 46, workers: { members: 3, nonMembers: 1 } },
  },
  {
    organization: 'center-jigyodan',
    site: {
      nameJa: '豊島区子育てひろば', nameEn: 'Toshima Childcare Playroom', businessLine: 'childcare', operation: 'commissioned', openedOn: '2016-04-01',
      commissionerName: '豊島区', commissionerCode: '131164', postalCode: '1700013', prefectureCode: '13', address: '豊島区東池袋4-5', capacity: 40,
    },
    figures: { turnover: 16_420_000, growth: 30, costRatio: 970, lossIn: 2020, peopleServed: 1_850, workers: { members: 3, nonMembers: 0 } },
  },
  {
    organization: 'center-jigyodan',
    site: {
      nameJa: '東池袋ビル管理', nameEn: 'Higashi-Ikebukuro Building Maintenance', businessLine: 'building-maintenance', operation: 'own', openedOn: '2010-04-01',
      postalCode: '1700013', prefectureCode: '13', address: '豊島区東池袋1-44-3',
    },
    figures: { turnover: 12_980_000, growth: 20, costRatio: 955, peopleServed: null, workers: { members: 3, nonMembers: 0 } },
  },
  {
    organization: 'center-jigyodan',
    site: {
      nameJa: '若者サポートステーション', nameEn: 'Regional Youth Support Station', businessLine: 'employment-support', operation: 'commissioned',
      openedOn: '2010-04-01', commissionerName: '厚生労働省', postalCode: '1700013', prefectureCode: '13', address: '豊島区東池袋1-44-3',
    },
    figures: { turnover: 14_500_000, growth: 15, costRatio: 988, peopleServed: 310, workers: { members: 2, nonMembers: 0 } },
  },
  {
    organization: 'center-jigyodan',
    site: {
      nameJa: '区民ひろば東池袋', nameEn: 'Higashi-Ikebukuro Community Hall', businessLine: 'public-facilities', operation: 'commissioned', openedOn: '2019-04-01',
      commissionerName: '豊島区', commissionerCode: '131164', postalCode: '1700013', prefectureCode: '13', address: '豊島区東池袋5-10',
    },
    figures: { turnover: 9_870_000, growth: 45, costRatio: 980, peopleServed: 12_400, workers: { members: 2, nonMembers: 1 } },
  },
  {
    organization: 'kigyo-sanriku',
    site: {
      nameJa: '石巻BDF工房', nameEn: 'Ishinomaki Biodiesel Plant', businessLine: 'agriculture-biodiesel', operation: 'own', openedOn: '2013-04-01',
      postalCode: '9860000', prefectureCode: '04', address: '石巻市', capacity: 10,
    },
    figures: { turnover: 8_930_000, growth: 50, costRatio: 972, peopleServed: 10, workers: { members: 3, nonMembers: 1 } },
  },
  {
    // The job-creation programme after the earthquake was commissioned year by year and ended; the site closed with it.
    organization: 'kigyo-sanriku',
    site: {
      nameJa: '雄勝しごとおこしセンター', nameEn: 'Ogatsu Job Creation Centre', businessLine: 'disaster-recovery', operation: 'commissioned', openedOn: '2012-04-01',
      closedOn: '2022-03-31', commissionerName: '石巻市', commissionerCode: '042021', postalCode: '9861333', prefectureCode: '04', address: '石巻市雄勝町',
    },
    figures: { turnover: 11_200_000, growth: -80, costRatio: 990, peopleServed: 60, workers: { members: 4, nonMembers: 2 } },
  },
];

/** The fiscal years the demo has results for: the seven before the one running in the demo (fiscal 2026). */
const firstYear = 2019;
const lastYear = 2025;

const noSiteFields = { nameEn: null, postalCode: null, prefectureCode: null, address: null, closedOn: null, commissionerName: null, commissionerCode: null, capacity: null };

/** A year's figures worked back from 2025 at the site's growth, in whole yen; the cost ratio moves a little year to year. */
function figuresFor({ figures }: DemoSite, fiscalYear: number) {
  const scale = (1 + figures.growth / 1000) ** (fiscalYear - lastYear);
  const turnover = Math.round(figures.turnover * scale);
  const ratio = fiscalYear === figures.lossIn ? 1_015 : figures.costRatio + ((fiscalYear * 7) % 5) - 2;
  return {
    turnover, expenses: Math.round((turnover * ratio) / 1000),
    peopleServed: figures.peopleServed === null ? null : Math.round(figures.peopleServed * scale),
    workersMembers: figures.workers.members, workersNonMembers: figures.workers.nonMembers,
  };
}

/**
 * The demo organizations' sites and their results for fiscal 2019–2025, through the use cases as a clerk would
 * enter them (checked and audited); a site closed earlier has results for the years it was open.
 */
export async function loadDemoBusinesses(ctx: AppContext, organizationIds: ReadonlyMap<string, string>): Promise<void> {
  for (const demo of demoSites) {
    const site = await createSite(ctx, demoActor, organizationIds.get(demo.organization)!, { ...noSiteFields, ...demo.site });
    // The demo's organizations keep April–March fiscal years (load-demo.ts).
    const closedYear = site.closedOn === null ? lastYear : fiscalYearOf(site.closedOn, 4);
    for (let fiscalYear = firstYear; fiscalYear <= Math.min(lastYear, closedYear); fiscalYear += 1) {
      await recordSiteResult(ctx, demoActor, site.id, { fiscalYear, ...figuresFor(demo, fiscalYear) });
    }
  }
}
