/** What the federation dashboard, an organization's dashboard, the SDG view and the annual report are made of. */

/** The figures of one fiscal year, summed over what is in view (the federation, or one organization). */
export interface YearFigures {
  /** Named by the calendar year it starts in: 2016 is 2016年度 (平成28年度, FY2016). */
  fiscalYear: number;
  /** Member organizations (the federation's view) or 1 (an organization's), active during the year. */
  organizations: number;
  /** Members at the end of each organization's fiscal year, by kind: worker members, user members, any other kind. */
  workerMembers: number;
  userMembers: number;
  otherMembers: number;
  /** Sites open at any time in the year. */
  sites: number;
  /** Summed from the sites' results for the year, in yen. */
  turnover: number;
  expenses: number;
  surplus: number;
  /** Summed where results give them; a site without the figure adds nothing. */
  peopleServed: number;
  workers: number;
  /** Sites with results recorded for the year: how complete the sums are. */
  sitesReporting: number;
}

export interface BusinessLineFigures {
  code: string;
  nameJa: string;
  nameEn: string;
  builtIn: boolean;
  sites: number;
  turnover: number;
  surplus: number;
  peopleServed: number;
  workers: number;
}

export interface PrefectureFigures {
  /** JIS X 0401 two-digit code: '01' Hokkaido … '47' Okinawa. */
  prefectureCode: string;
  organizations: number;
  sites: number;
  turnover: number;
  peopleServed: number;
}

/** A member organization's line in the federation's dashboard (the way down to it). */
export interface OrganizationFigures {
  id: string;
  code: string;
  nameJa: string;
  nameEn: string | null;
  prefectureCode: string | null;
  workerMembers: number;
  userMembers: number;
  otherMembers: number;
  sites: number;
  turnover: number;
  surplus: number;
}

/** A site's line in an organization's dashboard (the way down to it). */
export interface SiteFigures {
  id: string;
  nameJa: string;
  nameEn: string | null;
  businessLine: string;
  prefectureCode: string | null;
  operation: string;
  commissionerName: string | null;
  /** Null when the site has no results for the year. */
  turnover: number | null;
  surplus: number | null;
  peopleServed: number | null;
  workers: number | null;
}

export interface FxRate {
  fiscalYear: number;
  /** Yen per US dollar, to two decimals (108.79). */
  yenPerUsd: number;
  source: string | null;
}

export interface Dashboard {
  scope: { kind: 'federation' | 'organization'; id: string; nameJa: string; nameEn: string | null };
  /** The year shown; the latest year with results unless one was asked for. */
  fiscalYear: number;
  /** Every fiscal year with results, ascending (the trend's axis and the year picker). */
  years: number[];
  headline: YearFigures;
  /** The year before, for the change; null when there is none. */
  previous: YearFigures | null;
  /** One entry per year in `years`. */
  trend: YearFigures[];
  byBusinessLine: BusinessLineFigures[];
  byPrefecture: PrefectureFigures[];
  /** The federation's member organizations (empty in an organization's dashboard). */
  organizations: OrganizationFigures[];
  /** The organization's sites (empty in the federation's dashboard). */
  sites: SiteFigures[];
  /** The recorded rates for the years in `years` (a year without one has no USD view). */
  fxRates: FxRate[];
}

/** What serves one SDG goal, with the figures of the year for the sites that serve it. */
export interface SdgGoalView {
  /** 1 … 17. */
  goal: number;
  /** The goal itself and its targets that something is tagged with ('8', '8.5', '8.b'), catalogue order. */
  codes: string[];
  /** Business lines tagged with the goal or one of its targets. */
  businessLines: { code: string; nameJa: string; nameEn: string }[];
  /** Sites tagged themselves, or through their business line. */
  sites: { id: string; organizationId: string; nameJa: string; nameEn: string | null; direct: boolean }[];
  /** Programme contracts tagged with the goal or one of its targets, running in the fiscal year, with the participants they took in that year. */
  programmes: { id: string; organizationId: string; programmeJa: string; programmeEn: string | null; periodFrom: string; periodUntil: string; intakes: number }[];
  /** The year's results of those sites, in yen and people. */
  turnover: number;
  peopleServed: number;
  workers: number;
}

export interface SdgView {
  scope: Dashboard['scope'];
  fiscalYear: number;
  /** All seventeen goals in order, served or not. */
  goals: SdgGoalView[];
}
