/**
 * How a general meeting decides (domain.md §2.11). An ordinary resolution passes with a majority of the votes of
 * the members present; a special one (bylaw change, dissolution, merger, expulsion, transfer of the whole
 * business) needs at least half of all members present and at least two thirds of their votes. Written and proxy
 * votes count as present (§2.8). The thresholds are settings of the law profile and the bylaws, within the law.
 */

/** A fraction kept as whole numbers, so that comparisons are exact: at least 2/3 means 3·for ≥ 2·votes. */
export interface Fraction {
  numerator: number;
  denominator: number;
}

export const resolutionKinds = ['ordinary', 'special'] as const;
export type ResolutionKind = (typeof resolutionKinds)[number];

export interface ResolutionRules {
  /** Members present (in person, online, in writing or by proxy) needed to decide at all, as a share of all members. */
  quorum: Record<ResolutionKind, Fraction>;
  /** Share of the votes of the members present that a motion needs. */
  majority: Record<ResolutionKind, Fraction & { strictlyMore: boolean }>;
  /** A tie in an ordinary resolution: the chair decides (議長の決するところ), or the motion fails. */
  tie: 'chair' | 'rejected';
}

/** The Worker Cooperatives Act's defaults: half present for either kind; more than half, or at least two thirds. */
export const actResolutionRules: ResolutionRules = {
  quorum: { ordinary: { numerator: 1, denominator: 2 }, special: { numerator: 1, denominator: 2 } },
  majority: {
    ordinary: { numerator: 1, denominator: 2, strictlyMore: true },
    special: { numerator: 2, denominator: 3, strictlyMore: false },
  },
  tie: 'chair',
};

export interface Attendance {
  /** Members entitled to vote on the record date (one member, one vote, whatever their shares). */
  eligible: number;
  /** Present in person or online, plus written votes and proxies. */
  present: number;
}

export interface VoteCount {
  for: number;
  against: number;
  abstain: number;
  /** Ballots that could not be read as a choice; they count as votes of members present, for none of the options. */
  invalid: number;
}

export type ResolutionOutcome = 'adopted' | 'rejected' | 'no_quorum' | 'tie_for_chair';

export interface ResolutionDecision {
  outcome: ResolutionOutcome;
  /** Which rule decided, for the minutes: a stable code the app translates. */
  rule: 'quorum_not_met' | 'majority_of_present' | 'two_thirds_of_present' | 'tie_chair_decides' | 'tie_rejected';
  /** The figures the rule compared, so the minutes can show them. */
  needed: number;
  got: number;
}

/** The smallest whole number n with n/total ≥ fraction (or > fraction when `strictlyMore`). */
export function threshold(total: number, fraction: Fraction, strictlyMore = false): number {
  const exact = (total * fraction.numerator) / fraction.denominator;
  if (strictlyMore) return Math.floor(exact) + 1;
  return Math.ceil((total * fraction.numerator) / fraction.denominator);
}

/**
 * Decides a motion. Abstentions and invalid ballots are votes of members present: they count in the denominator
 * and never for the motion. Refuses counts that do not add up (more votes than members present).
 */
export function decideResolution(kind: ResolutionKind, attendance: Attendance, votes: VoteCount, rules: ResolutionRules = actResolutionRules): ResolutionDecision {
  const cast = votes.for + votes.against + votes.abstain + votes.invalid;
  for (const n of [attendance.eligible, attendance.present, votes.for, votes.against, votes.abstain, votes.invalid]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('counts are whole numbers, 0 or more');
  }
  if (attendance.present > attendance.eligible) throw new RangeError('more members present than members');
  if (cast > attendance.present) throw new RangeError('more votes than members present');

  const quorum = threshold(attendance.eligible, rules.quorum[kind]);
  if (attendance.present === 0 || attendance.present < quorum) return { outcome: 'no_quorum', rule: 'quorum_not_met', needed: Math.max(quorum, 1), got: attendance.present };

  const majority = rules.majority[kind];
  const needed = threshold(attendance.present, majority, majority.strictlyMore);
  const rule = kind === 'special' ? 'two_thirds_of_present' : 'majority_of_present';
  if (votes.for >= needed) return { outcome: 'adopted', rule, needed, got: votes.for };
  // A tie: as many for as against and nobody else present to tip it. Only ordinary resolutions go to the chair.
  if (kind === 'ordinary' && votes.for === votes.against && votes.for * 2 === attendance.present) {
    return rules.tie === 'chair'
      ? { outcome: 'tie_for_chair', rule: 'tie_chair_decides', needed, got: votes.for }
      : { outcome: 'rejected', rule: 'tie_rejected', needed, got: votes.for };
  }
  return { outcome: 'rejected', rule, needed, got: votes.for };
}
