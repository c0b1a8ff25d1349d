/**
 * Elections of officers (役員選挙): approval voting for one or several seats, the lot that settles a tie, and who
 * may stand for which office under the Act (domain.md §2 item 9). Ranked elections are counted in stv.ts; ballots
 * are turned into counts in tally.ts.
 */

// ---------------------------------------------------------------------------------------------------------------
// Lots (くじ)

/** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser so that nearby seeds give unrelated states. */
function hash32(text: string, salt: number): number {
  let h = (2166136261 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A reproducible stream of numbers in [0, 1) from a seed string: the state of Chris Doty-Humphrey's SFC32 generator
 * is filled from four salted hashes of the seed. The same seed gives the same stream on every machine (32-bit
 * integer operations only). Not a secret: anyone holding the seed can replay it, which is the point of a lot that
 * must be checkable afterwards.
 */
export function seededRandom(seed: string): () => number {
  let a = hash32(seed, 1);
  let b = hash32(seed, 2);
  let c = hash32(seed, 3);
  let d = hash32(seed, 4);
  return () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A tie settled by lot, as the count sheet shows it. */
export interface LotDraw {
  /** The tied candidates, sorted by id (the order the draw uses). */
  among: string[];
  chosen: string;
  seed: string;
  /** What the draw decided (for example `stv:stage 4:exclusion`); part of what is hashed. */
  context: string;
}

/**
 * Draws one of `tied` by lot. The draw depends only on the seed, the context and the set of tied candidates, never
 * on the order they are passed in or on the order of the ballots, so anyone can repeat it. The lot is only as fair
 * as its seed: fix the seed publicly once the ballot has closed (for example digits read from dice at the meeting)
 * and publish it with the result.
 */
export function drawLot(seed: string, context: string, tied: readonly string[]): LotDraw {
  if (tied.length === 0) throw new RangeError('a lot needs at least one candidate');
  const among = [...new Set(tied)].sort();
  const random = seededRandom(`${seed}\u0000${context}\u0000${among.join('\u0000')}`);
  const chosen = among[Math.floor(random() * among.length)]!;
  return { among, chosen, seed, context };
}

// ---------------------------------------------------------------------------------------------------------------
// Approval voting (承認投票)

/** The last seats went to candidates with equal approvals: who was tied, for how many seats, and the lot. */
export interface ApprovalTie {
  candidates: string[];
  approvals: number;
  /** Seats the tied candidates competed for. */
  seats: number;
  /** The winners of the lot, in the order drawn; one draw per seat. */
  chosen: string[];
  draws: LotDraw[];
}

export interface ApprovalResult {
  seats: number;
  /** Approvals per candidate, in the order of the candidate list. */
  approvals: { candidate: string; approvals: number }[];
  /** Elected candidates: most approvals first; the winners of a lot last, in the order drawn. */
  elected: string[];
  /** A tie at the last seat, never settled silently; null when the approvals alone decided. */
  tie: ApprovalTie | null;
}

export function checkCandidates(candidates: readonly string[]): void {
  if (candidates.length === 0) throw new RangeError('an election needs at least one candidate');
  const seen = new Set<string>();
  for (const id of candidates) {
    if (typeof id !== 'string' || id === '') throw new RangeError('candidate ids are non-empty strings');
    if (seen.has(id)) throw new RangeError(`candidate "${id}" is listed twice`);
    seen.add(id);
  }
}

/**
 * Elects the `seats` candidates with most approvals. When the last seats go to candidates with equal approvals
 * (more of them than seats left), the result says so in `tie` and a lot drawn from `seed` decides; the lot is
 * reported, never hidden. An uncontested election (as many candidates as seats) elects everyone.
 */
export function decideApproval(approvals: Readonly<Record<string, number>>, candidates: readonly string[], seats: number, seed = ''): ApprovalResult {
  checkCandidates(candidates);
  if (!Number.isSafeInteger(seats) || seats < 1 || seats > candidates.length) {
    throw new RangeError(`seats must be a whole number from 1 to the ${candidates.length} candidates`);
  }
  const counted = candidates.map((candidate) => {
    const n = approvals[candidate] ?? 0;
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`approvals of "${candidate}" must be a whole number, 0 or more`);
    return { candidate, approvals: n };
  });
  // Most approvals first; equal approvals keep the order of the candidate list until a lot orders them.
  const ranked = [...counted].sort((a, b) => b.approvals - a.approvals);
  const cut = ranked[seats - 1]!.approvals;
  const above = ranked.filter((c) => c.approvals > cut).map((c) => c.candidate);
  const atCut = ranked.filter((c) => c.approvals === cut).map((c) => c.candidate);
  const seatsLeft = seats - above.length;
  if (atCut.length === seatsLeft) return { seats, approvals: counted, elected: [...above, ...atCut], tie: null };

  const draws: LotDraw[] = [];
  let remaining = atCut;
  for (let seat = 1; seat <= seatsLeft; seat++) {
    const draw = drawLot(seed, `approval:seat ${above.length + seat}`, remaining);
    draws.push(draw);
    remaining = remaining.filter((c) => c !== draw.chosen);
  }
  const chosen = draws.map((d) => d.chosen);
  return { seats, approvals: counted, elected: [...above, ...chosen], tie: { candidates: atCut, approvals: cut, seats: seatsLeft, chosen, draws } };
}

// ---------------------------------------------------------------------------------------------------------------
// Who may hold office under the Act (domain.md §2 item 9)

export const offices = ['director', 'auditor'] as const;
export type Office = (typeof offices)[number];

/**
 * The Act's figures for officers [law/quoted]: at least three directors (理事) and one auditor (監事); with 20 or
 * fewer members a member audit council (組合員監査会) may replace the auditor; directors serve at most two years,
 * auditors at most four.
 */
export const officerRules = {
  minDirectors: 3,
  minAuditors: 1,
  memberAuditCouncilUpToMembers: 20,
  maxTermMonths: { director: 24, auditor: 48 } satisfies Record<Office, number>,
} as const;

/** What is known about a person standing for an office. */
export interface CandidateFacts {
  /** A member of the co-op (組合員). */
  isMember: boolean;
  /** Holds, or would hold, a director's seat at the same time. */
  isDirector: boolean;
  /** An employee of the co-op (職員), engaged in its work under a labour contract. */
  isEmployee: boolean;
  /** The term the bylaws or the resolution give, in months. */
  termMonths: number;
}

export type CandidateRuleCode = 'director_not_member' | 'auditor_is_director' | 'auditor_is_employee' | 'term_too_long' | 'term_invalid';

/**
 * The rules a person breaks by standing for `office`, as codes the app translates; empty when eligible. Directors
 * must be members; an auditor may be neither a director nor an employee of the co-op (the audit would review their
 * own work); terms are capped per office.
 */
export function checkCandidate(office: Office, facts: CandidateFacts): CandidateRuleCode[] {
  const codes: CandidateRuleCode[] = [];
  if (office === 'director' && !facts.isMember) codes.push('director_not_member');
  if (office === 'auditor' && facts.isDirector) codes.push('auditor_is_director');
  if (office === 'auditor' && facts.isEmployee) codes.push('auditor_is_employee');
  if (!Number.isSafeInteger(facts.termMonths) || facts.termMonths < 1) codes.push('term_invalid');
  else if (facts.termMonths > officerRules.maxTermMonths[office]) codes.push('term_too_long');
  return codes;
}

export interface BoardComposition {
  /** Directors in office (or to be elected). */
  directors: number;
  /** Auditors in office (or to be elected). */
  auditors: number;
  /** Members of the co-op. */
  members: number;
  /** The bylaws set up a member audit council in place of an auditor. */
  memberAuditCouncil: boolean;
}

export type BoardRuleCode = 'too_few_directors' | 'no_auditor' | 'member_audit_council_not_allowed';

export interface BoardViolation {
  code: BoardRuleCode;
  needed: number;
  got: number;
}

/**
 * Checks the bodies as a whole: at least three directors; at least one auditor, unless the co-op has 20 or fewer
 * members and a member audit council instead. A member audit council is no substitute above 20 members.
 */
export function checkBoardComposition(board: BoardComposition): BoardViolation[] {
  for (const n of [board.directors, board.auditors, board.members]) {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('counts are whole numbers, 0 or more');
  }
  const violations: BoardViolation[] = [];
  if (board.directors < officerRules.minDirectors) violations.push({ code: 'too_few_directors', needed: officerRules.minDirectors, got: board.directors });
  const councilAllowed = board.members <= officerRules.memberAuditCouncilUpToMembers;
  if (board.memberAuditCouncil && !councilAllowed) {
    violations.push({ code: 'member_audit_council_not_allowed', needed: officerRules.memberAuditCouncilUpToMembers, got: board.members });
  }
  const councilReplacesAuditor = board.memberAuditCouncil && councilAllowed;
  if (!councilReplacesAuditor && board.auditors < officerRules.minAuditors) violations.push({ code: 'no_auditor', needed: officerRules.minAuditors, got: board.auditors });
  return violations;
}
