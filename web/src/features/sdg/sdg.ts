import { api, withQuery, type Items } from '../../api';

// The UN Sustainable Development Goals (SDGs): the catalogue of the 17 goals and their 169 targets, what business
// lines and sites are tagged with, and what serves each goal in a year — as the server answers them
// (the types are the domain's: src/domain/sdg/, src/domain/reporting/dashboard.ts).

import type { SdgGoal } from '../../../../src/domain/sdg/catalogue';

export type { SdgGoal, SdgTarget } from '../../../../src/domain/sdg/catalogue';

export interface SdgCatalogue {
  goals: SdgGoal[];
}

import type { SdgSubjectType, SdgTag } from '../../../../src/domain/sdg/tags';

export type { SdgSubjectType, SdgTag } from '../../../../src/domain/sdg/tags';
export type { SdgGoalView, SdgView } from '../../../../src/domain/reporting/dashboard';

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
      subjectType === 'site'
        ? `/sites/${encodeURIComponent(subjectId)}/sdg`
        : subjectType === 'programme'
          ? `/contracts/${encodeURIComponent(subjectId)}/sdg`
          : `/business-lines/${encodeURIComponent(subjectId)}/sdg`,
      { codes },
    ),
};
