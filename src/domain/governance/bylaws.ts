import type { LawProfile } from '../law-profiles/profiles.js';
import { DomainError, type FieldError } from '../shared/errors.js';
import { surplusRateProblems, type ReserveField, type SurplusRates } from '../surplus/allocation.js';
import { defaultWorkMeasure, workMeasureProblems, type WorkMeasureBasis } from '../surplus/work-measure.js';
import { officerRules } from './elections.js';
import { actResolutionRules, type Fraction, type ResolutionRules } from './resolutions.js';

/**
 * The structured settings of the bylaws (定款) that other capabilities read (domain.md §2 item 15): the fiscal
 * year, the share value, the legal reserve's target amount, proxies, notice, resolution thresholds and voting
 * methods. A bylaw version states only what it sets; anything it leaves out comes from the law profile. The law's
 * limits are floors (and ceilings) the bylaws may not cross: a notice period may be longer than the Act's ten days,
 * never shorter; a special resolution may demand more than two thirds, never less.
 */
export interface BylawSettings {
  fiscalYearStartMonth?: number;
  /** Integer yen per share. */
  sharePrice?: number;
  /** The legal reserve's target in yen (the Act: at least half of total capital; the surplus capability checks it). */
  legalReserveTarget?: number;
  proxyCapPerHolder?: number;
  meetingNoticeDays?: number;
  writtenVoting?: boolean;
  electronicVoting?: boolean;
  ordinaryQuorum?: Fraction;
  ordinaryMajority?: Fraction;
  specialQuorum?: Fraction;
  specialMajority?: Fraction;
  tie?: 'chair' | 'rejected';
  /** The year's surplus put into the legal reserve (準備金), at least the law's 1/10 (Art. 76(1)). */
  legalReserveRate?: Fraction;
  /** To the job-creation fund (就労創出等積立金), at least 1/20 (Art. 76(4)). */
  jobCreationFundRate?: Fraction;
  /** To the education carry-forward (教育繰越金), at least 1/20 (Art. 76(5)). */
  educationCarryForwardRate?: Fraction;
  /** How the amount of work behind dividends is measured (従事分量, Art. 77(2)). */
  workMeasure?: WorkMeasureBasis;
  /** Weights of roles in percent for weighted hours; unlisted roles weigh 100. */
  roleWeights?: Record<string, number>;
  /** Dividends are set against capital the member still owes on their shares (Art. 78). */
  withholdDividends?: boolean;
  /** Terms of those elected, in months: directors at most 2 years, auditors at most 4 (domain.md §2.9). */
  directorTermMonths?: number;
  auditorTermMonths?: number;
  /** Delegates (総代) serve the bylaws' term, at most 3 years [setting]. */
  delegateTermMonths?: number;
}

/** The longest term the bylaws may set for each office, in months. */
export const maxTermMonths = { director: officerRules.maxTermMonths.director, auditor: officerRules.maxTermMonths.auditor, delegate: 36 } as const;

export const bylawSettingNames = [
  'fiscalYearStartMonth', 'sharePrice', 'legalReserveTarget', 'proxyCapPerHolder', 'meetingNoticeDays', 'writtenVoting',
  'electronicVoting', 'ordinaryQuorum', 'ordinaryMajority', 'specialQuorum', 'specialMajority', 'tie',
  'legalReserveRate', 'jobCreationFundRate', 'educationCarryForwardRate', 'workMeasure', 'roleWeights', 'withholdDividends',
  'directorTermMonths', 'auditorTermMonths', 'delegateTermMonths',
] as const satisfies readonly (keyof BylawSettings)[];

export type SettingName = (typeof bylawSettingNames)[number];

/** Where a setting in force comes from: a bylaw version (and the resolution that adopted it), or the law. */
export type SettingSource =
  | { kind: 'bylaws'; versionId: string; versionNo: number; adoptedByMotionId: string | null; founding: boolean; effectiveFrom: string }
  | { kind: 'law_profile'; profileId: string };

export interface SettingInForce<T = unknown> {
  value: T;
  source: SettingSource;
}

const atLeast = (a: Fraction, b: Fraction): boolean => a.numerator * b.denominator >= b.numerator * a.denominator;
const isFraction = (f: Fraction): boolean =>
  Number.isSafeInteger(f.numerator) && Number.isSafeInteger(f.denominator) && f.numerator > 0 && f.denominator > 0 && f.numerator <= f.denominator;

/** The law's defaults, as settings: what applies where the bylaws are silent. */
export function lawDefaults(profile: LawProfile): Required<Omit<BylawSettings, 'sharePrice' | 'legalReserveTarget'>> & Pick<BylawSettings, 'sharePrice' | 'legalReserveTarget'> {
  return {
    fiscalYearStartMonth: 4,
    proxyCapPerHolder: profile.proxyCapPerHolder,
    meetingNoticeDays: profile.meetingNoticeDays,
    writtenVoting: true,
    electronicVoting: profile.electronicVotingAllowed,
    ordinaryQuorum: actResolutionRules.quorum.ordinary,
    ordinaryMajority: actResolutionRules.majority.ordinary,
    specialQuorum: actResolutionRules.quorum.special,
    specialMajority: actResolutionRules.majority.special,
    tie: actResolutionRules.tie,
    legalReserveRate: profile.surplusMinimumRates.legalReserve,
    jobCreationFundRate: profile.surplusMinimumRates.jobCreationFund,
    educationCarryForwardRate: profile.surplusMinimumRates.educationCarryForward,
    workMeasure: defaultWorkMeasure.basis,
    roleWeights: defaultWorkMeasure.roleWeights,
    withholdDividends: false,
    // Those elected serve the longest term the Act allows unless the bylaws say less; delegates one year.
    directorTermMonths: maxTermMonths.director,
    auditorTermMonths: maxTermMonths.auditor,
    delegateTermMonths: 12,
  };
}

const rateSettings: Record<ReserveField, 'legalReserveRate' | 'jobCreationFundRate' | 'educationCarryForwardRate'> = {
  legalReserve: 'legalReserveRate',
  jobCreationFund: 'jobCreationFundRate',
  educationCarryForward: 'educationCarryForwardRate',
};

/**
 * Checks a bylaw version's settings against the law: every problem with the setting it concerns and why. Refused
 * settings never reach the database, so a version in force is always within the law.
 */
export function checkBylawSettings(settings: BylawSettings, profile: LawProfile): void {
  const problems: FieldError[] = [];
  const law = lawDefaults(profile);
  const problem = (field: SettingName, code: string, message: string) => problems.push({ field: `settings.${field}`, code, message });
  const { fiscalYearStartMonth: month, sharePrice, legalReserveTarget, proxyCapPerHolder, meetingNoticeDays } = settings;
  if (month !== undefined && (!Number.isInteger(month) || month < 1 || month > 12)) problem('fiscalYearStartMonth', 'out_of_range', 'a month from 1 to 12');
  if (sharePrice !== undefined && (!Number.isSafeInteger(sharePrice) || sharePrice < 1)) problem('sharePrice', 'out_of_range', 'whole yen, at least 1');
  if (legalReserveTarget !== undefined && (!Number.isSafeInteger(legalReserveTarget) || legalReserveTarget < 0)) problem('legalReserveTarget', 'out_of_range', 'whole yen, 0 or more');
  if (proxyCapPerHolder !== undefined && (!Number.isInteger(proxyCapPerHolder) || proxyCapPerHolder < 0 || proxyCapPerHolder > profile.proxyCapPerHolder * 20)) {
    problem('proxyCapPerHolder', 'out_of_range', 'a whole number of votes, 0 or more');
  }
  if (meetingNoticeDays !== undefined && (!Number.isInteger(meetingNoticeDays) || meetingNoticeDays < profile.meetingNoticeDays || meetingNoticeDays > 90)) {
    problem('meetingNoticeDays', 'below_law', `the law asks for at least ${profile.meetingNoticeDays} days' notice`);
  }
  if (settings.electronicVoting === true && !profile.electronicVotingAllowed) problem('electronicVoting', 'not_allowed', 'the law profile does not allow electronic voting');
  const floors: [SettingName, Fraction | undefined, Fraction][] = [
    ['ordinaryQuorum', settings.ordinaryQuorum, { numerator: 0, denominator: 1 }],
    ['ordinaryMajority', settings.ordinaryMajority, law.ordinaryMajority],
    ['specialQuorum', settings.specialQuorum, law.specialQuorum],
    ['specialMajority', settings.specialMajority, law.specialMajority],
  ];
  for (const [field, value, floor] of floors) {
    if (value === undefined) continue;
    if (!isFraction(value)) problem(field, 'not_a_fraction', 'a fraction of whole numbers between 0 and 1');
    else if (!atLeast(value, floor)) problem(field, 'below_law', `the law's floor is ${floor.numerator}/${floor.denominator}`);
  }
  if (settings.tie !== undefined && settings.tie !== 'chair' && settings.tie !== 'rejected') problem('tie', 'out_of_range', 'chair or rejected');
  const statedRates = Object.values(rateSettings).some((name) => settings[name] !== undefined);
  if (statedRates) {
    // A version may state one rate: the others are the law's when the three are added up.
    const rates: SurplusRates = {
      legalReserve: settings.legalReserveRate ?? law.legalReserveRate,
      jobCreationFund: settings.jobCreationFundRate ?? law.jobCreationFundRate,
      educationCarryForward: settings.educationCarryForwardRate ?? law.educationCarryForwardRate,
    };
    problems.push(...surplusRateProblems(rates, profile.surplusMinimumRates, (field) => (field === 'rates' ? 'settings.legalReserveRate' : `settings.${rateSettings[field]}`)));
  }
  problems.push(...workMeasureProblems(settings.workMeasure, settings.roleWeights));
  for (const [name, max] of [['directorTermMonths', maxTermMonths.director], ['auditorTermMonths', maxTermMonths.auditor], ['delegateTermMonths', maxTermMonths.delegate]] as const) {
    const months = settings[name];
    if (months !== undefined && (!Number.isInteger(months) || months < 1 || months > max)) problem(name, 'out_of_range', `whole months from 1 to ${max}`);
  }
  if (settings.withholdDividends !== undefined && typeof settings.withholdDividends !== 'boolean') problem('withholdDividends', 'out_of_range', 'true or false');
  if (problems.length) throw new DomainError('invalid', 'bylaws_outside_law', 'the bylaw settings are outside what the law allows', problems);
}

export interface BylawVersionFacts {
  id: string;
  versionNo: number;
  effectiveFrom: string;
  adoptedByMotionId: string | null;
  founding: boolean;
  settings: BylawSettings;
}

/**
 * The settings in force on `date`: for each, the latest version in force that states it, or the law. Versions
 * must be those in force (adopted), in any order.
 */
export function settingsInForce(versions: readonly BylawVersionFacts[], profile: LawProfile, date: string): Record<SettingName, SettingInForce> {
  const law = lawDefaults(profile);
  const inForce = versions.filter((v) => v.effectiveFrom <= date).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.versionNo - b.versionNo);
  const result = {} as Record<SettingName, SettingInForce>;
  for (const name of bylawSettingNames) {
    const version = [...inForce].reverse().find((v) => v.settings[name] !== undefined);
    result[name] = version
      ? {
          value: version.settings[name],
          source: { kind: 'bylaws', versionId: version.id, versionNo: version.versionNo, adoptedByMotionId: version.adoptedByMotionId, founding: version.founding, effectiveFrom: version.effectiveFrom },
        }
      : { value: law[name] ?? null, source: { kind: 'law_profile', profileId: profile.id } };
  }
  return result;
}

/** The resolution rules a meeting applies, from the settings in force. */
export function resolutionRulesOf(settings: Record<SettingName, SettingInForce>): ResolutionRules {
  const fraction = (name: SettingName) => settings[name].value as Fraction;
  const ordinary = fraction('ordinaryMajority');
  const special = fraction('specialMajority');
  return {
    quorum: { ordinary: fraction('ordinaryQuorum'), special: fraction('specialQuorum') },
    majority: {
      // "More than half" stays strict at exactly one half; a higher bar set by the bylaws is "at least".
      ordinary: { ...ordinary, strictlyMore: ordinary.numerator * 2 === ordinary.denominator },
      special: { ...special, strictlyMore: false },
    },
    tie: settings.tie.value as 'chair' | 'rejected',
  };
}
