import { api, withQuery, type Items } from '../../api';

// The UN Sustainable Development Goals (SDGs): the catalogue of the 17 goals and their 169 targets, what business
// lines and sites are tagged with, and what serves each goal in a year — as the server answers them
// (src/domain/sdg/catalogue.ts, src/app/reporting/dashboard-types.ts).

export interface SdgTarget {
  /** '1.1', '1.a', '17.19'. */
  code: string;
  goal: number;
  textEn: string;
  /** 外務省 仮訳; null where there is no trustworthy text. */
  textJa: string | null;
}

export interface SdgGoal {
  /** 1 … 17. */
  goal: number;
  /** Short names: 貧困をなくそう, No poverty. */
  nameJa: string;
  nameEn: string;
  /** Full titles (外務省 仮訳, A/RES/70/1). */
  titleJa: string;
  titleEn: string;
  /** The official colour, '#RRGGBB'. */
  color: string;
  /** Catalogue order: numbered targets, then lettered ones. */
  targets: SdgTarget[];
}

export interface SdgCatalogue {
  goals: SdgGoal[];
}

export type SdgSubjectType = 'business-line' | 'site';

export interface SdgTag {
  subjectType: SdgSubjectType;
  /** A business line's code or a site's id. */
  subjectId: string;
  /** A goal ('8') or a target ('8.5', '8.b'). */
  code: string;
}

export interface SdgGoalView {
  goal: number;
  /** The goal and its targets something is tagged with, catalogue order. */
  codes: string[];
  businessLines: { code: string; nameJa: string; nameEn: string }[];
  /** Sites tagged themselves (`direct`) or through their business line. */
  sites: { id: string; organizationId: string; nameJa: string; nameEn: string | null; direct: boolean }[];
  /** The year's results of those sites: yen, people. */
  turnover: number;
  peopleServed: number;
  workers: number;
}

export interface SdgView {
  scope: { kind: 'federation' | 'organization'; id: string; nameJa: string; nameEn: string | null };
  fiscalYear: number;
  /** All seventeen goals, in order. */
  goals: SdgGoalView[];
}

/** The most goals and targets one business line or site can be tagged with (the server's maxSdgCodes). */
export const MAX_SDG_CODES = 40;

const year = (fiscalYear: number | null) => ({ fiscalYear: fiscalYear === null ? null : String(fiscalYear) });

export const sdgPaths = {
  catalogue: '/sdg/catalogue',
  tags: (organizationId: string | null) => withQuery('/sdg/tags', { organizationId }),
  /** The latest year with results when no year is asked for. */
  federation: (fiscalYear: number | null) => withQuery('/federation/sdg', year(fiscalYear)),
  organization: (organizationId: string, fiscalYear: number | null) => withQuery(`/organizations/${organizationId}/sdg`, year(fiscalYear)),
};

export const sdgApi = {
  /** Replaces the subject's tags with `codes`; answers the subject's tags as saved. */
  setTags: (subjectType: SdgSubjectType, subjectId: string, codes: string[]) =>
    api.put<Items<SdgTag>>(
      subjectType === 'site' ? `/sites/${encodeURIComponent(subjectId)}/sdg` : `/business-lines/${encodeURIComponent(subjectId)}/sdg`,
      { codes },
    ),
};
