import { invalid } from '../shared/errors.js';
import { compareSdgCodes, isSdgCode } from './catalogue.js';

/**
 * What can be tagged with SDG goals and targets: the federation's business lines, the organizations' sites, and
 * their commissioned programmes (a contract: a Youth Support Station serves 8.6, a needy persons' programme 1.3).
 */
export const sdgSubjectTypes = ['business-line', 'site', 'programme'] as const;
export type SdgSubjectType = (typeof sdgSubjectTypes)[number];

export interface SdgTag {
  subjectType: SdgSubjectType;
  subjectId: string;
  code: string;
}

/** At most this many goals and targets on one subject: a site serves a few goals, not the whole agenda. */
export const maxSdgCodes = 40;

/** The codes as given, checked against the catalogue, without repeats, in catalogue order. */
export function checkedCodes(codes: readonly string[]): string[] {
  const unknown = codes.map((code, i) => ({ code: code.trim(), i })).filter(({ code }) => !isSdgCode(code));
  if (unknown.length > 0) {
    throw invalid(unknown.map(({ code, i }) => ({ field: `codes.${i}`, code: 'unknown_sdg_code', message: `${code} is not an SDG goal (1–17) nor one of its 169 targets` })));
  }
  const unique = [...new Set(codes.map((c) => c.trim()))].sort(compareSdgCodes);
  if (unique.length > maxSdgCodes) throw invalid([{ field: 'codes', code: 'too_many', message: `at most ${maxSdgCodes} goals and targets` }]);
  return unique;
}

