import { createHash } from 'node:crypto';
import { decideResolution, resolutionKinds, threshold, type Attendance, type Fraction, type ResolutionDecision, type ResolutionKind, type ResolutionRules, type VoteCount } from './resolutions.js';
import { stvMethods, type RankedBallots, type StvMethod } from './stv.js';
import { decideElection, motionChoices, tallyMotion, type ElectionDecision, type MotionChoice } from './tally.js';

/**
 * The published record of a closed secret ballot (投票結果の公開記録), so that anyone can check it: every ballot with
 * the receipt its voter was given (and nothing that names the voter), the tellers' counts of the paper ballots, the
 * declared result and a digest. A voter finds their receipt and sees their choice counted; anyone recounts the
 * ballots with the same rules and compares.
 *
 * The digest is SHA-256, in lowercase hex, of the UTF-8 bytes of the canonical JSON of the document without its
 * `digest` field. Canonical JSON: objects with their keys sorted by UTF-16 code units, no whitespace, strings and
 * numbers written as JSON.stringify writes them, fields whose value is undefined left out — the JSON Canonicalization
 * Scheme of RFC 8785 for these documents, whose numbers are all integers. The digest names one version of the
 * document: read it out or print it in the minutes, and any later copy can be compared. It is not a signature:
 * whoever alters a document can compute a new digest, which is why the digest must be published apart from it.
 */

export const tallyFormat = 'kyodo-tally/1';

export interface TallyCandidate {
  id: string;
  name: string;
}

interface QuestionBase {
  id: string;
  title: string;
}
export type MotionQuestion = QuestionBase & { kind: ResolutionKind; rules: ResolutionRules };
/**
 * An election is decided only by a meeting that has its quorum, as an ordinary resolution is: `quorum` is the share of
 * the eligible members that must be present (the bylaws' ordinary quorum), so the recount checks it too. Documents
 * published before it was carried have none, and are recounted without it.
 */
interface ElectionBase extends QuestionBase {
  seats: number;
  candidates: TallyCandidate[];
  seed: string;
  quorum?: Fraction;
}
export type ApprovalQuestion = ElectionBase & { kind: 'approval' };
export type StvQuestion = ElectionBase & { kind: 'stv'; method: StvMethod };
export type PublishedQuestion = MotionQuestion | ApprovalQuestion | StvQuestion;

export interface MotionResult {
  kind: 'motion';
  votes: VoteCount;
  decision: ResolutionDecision;
}
export type TallyResult = MotionResult | ElectionDecision;

interface Variant<Q, T, C> {
  question: Q;
  attendance: Attendance;
  /** Paper ballots as the tellers counted them: per option (motions), approvals per candidate, grouped rankings (STV). */
  tellerCounts: T[];
  /** Sorted by receipt. */
  ballots: { receipt: string; choice: C }[];
}
type MotionTally = Variant<MotionQuestion, VoteCount, MotionChoice>;
type ApprovalTally = Variant<ApprovalQuestion, Record<string, number>, string[]>;
type StvTally = Variant<StvQuestion, RankedBallots, string[]>;

/** What a closed ballot is published from. */
export type TallyInput = MotionTally | ApprovalTally | StvTally;
export type PublishedBallot = TallyInput['ballots'][number];

export type PublishedTally = TallyInput & {
  format: typeof tallyFormat;
  result: TallyResult;
  digest: string;
};

// ---------------------------------------------------------------------------------------------------------------
// Canonical form and digest

/** The canonical JSON of a JSON value (see the module comment). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no ${typeof value}`);
}

/** SHA-256 (hex) of the canonical JSON of the document without its `digest`. */
export function tallyDigest(document: object): string {
  const { digest: _digest, ...rest } = document as { digest?: unknown };
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// Building and recounting

const isMotion = (tally: TallyInput): tally is MotionTally => (resolutionKinds as readonly string[]).includes(tally.question.kind);
const isApproval = (tally: TallyInput): tally is ApprovalTally => tally.question.kind === 'approval';

const byReceipt = (a: PublishedBallot, b: PublishedBallot): number => (a.receipt < b.receipt ? -1 : a.receipt > b.receipt ? 1 : 0);

/** Counts the ballots and the tellers' counts by the question's rules. Throws a RangeError when they do not add up. */
function recount(tally: TallyInput): TallyResult {
  if (isMotion(tally)) {
    const votes = tallyMotion(tally.ballots.map((b) => b.choice), tally.tellerCounts);
    return { kind: 'motion', votes, decision: decideResolution(tally.question.kind, tally.attendance, votes, tally.question.rules) };
  }
  const cast = tally.ballots.length + (isApproval(tally) ? 0 : tally.tellerCounts.reduce((n, g) => n + g.count, 0));
  if (cast > tally.attendance.present) throw new RangeError(`${cast} ballots, but ${tally.attendance.present} members present`);
  const { question } = tally;
  if (question.quorum) {
    const needed = Math.max(1, threshold(tally.attendance.eligible, question.quorum));
    if (tally.attendance.present < needed) throw new RangeError(`${tally.attendance.present} members present, but the quorum is ${needed} of ${tally.attendance.eligible}`);
  }
  const common = { candidates: question.candidates.map((c) => c.id), seats: question.seats, ballots: tally.ballots.map((b) => b.choice), seed: question.seed };
  if (isApproval(tally)) return decideElection({ kind: 'approval', ...common, tellerCounts: tally.tellerCounts });
  return decideElection({ kind: 'stv', method: tally.question.method, ...common, tellerCounts: tally.tellerCounts });
}

/**
 * Builds the published record of a closed ballot: the ballots sorted by receipt, the result counted from them and the
 * tellers' counts, and the digest. Throws a RangeError for a repeated receipt or counts that do not add up.
 */
export function buildPublishedTally(input: TallyInput): PublishedTally {
  const ballots = [...input.ballots].sort(byReceipt);
  ballots.forEach((b, i) => {
    if (typeof b.receipt !== 'string' || b.receipt === '') throw new RangeError('every ballot needs a receipt');
    if (i > 0 && b.receipt === ballots[i - 1]!.receipt) throw new RangeError(`receipt "${b.receipt}" is given to two ballots`);
  });
  const sorted = { ...input, ballots } as TallyInput;
  const document = { format: tallyFormat, ...sorted, result: recount(sorted) };
  return { ...document, digest: tallyDigest(document) } as PublishedTally;
}

/** The ballot with this receipt, by binary search over the receipts (a verified document is sorted by them). */
export function findReceipt(tally: PublishedTally, receipt: string): PublishedBallot | undefined {
  const ballots: PublishedBallot[] = tally.ballots;
  let low = 0;
  let high = ballots.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = ballots[middle]!;
    if (found.receipt === receipt) return found;
    if (found.receipt < receipt) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Verification

export interface TallyVerification {
  ok: boolean;
  /** One sentence per problem, starting with the field it concerns. */
  problems: string[];
  /** The result counted again from the document's ballots, or null when the document cannot be read. */
  recomputed: TallyResult | null;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: Json): string => {
  if (v === undefined) return 'nothing';
  const text = canonicalJson(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Checks the shape of an untrusted document, field by field, collecting what is wrong. */
class ShapeCheck {
  readonly problems: string[] = [];

  fail(path: string, expected: string, found: Json): false {
    this.problems.push(`${path}: expected ${expected}, found ${show(found)}`);
    return false;
  }
  object(v: Json, path: string): v is Record<string, Json> {
    return isObject(v) || this.fail(path, 'an object', v);
  }
  array(v: Json, path: string): v is Json[] {
    return Array.isArray(v) || this.fail(path, 'an array', v);
  }
  text(v: Json, path: string, nonEmpty = false): v is string {
    return (typeof v === 'string' && (!nonEmpty || v !== '')) || this.fail(path, nonEmpty ? 'a non-empty string' : 'a string', v);
  }
  whole(v: Json, path: string, min = 0): v is number {
    return (typeof v === 'number' && Number.isSafeInteger(v) && v >= min) || this.fail(path, `a whole number, ${min} or more`, v);
  }
  oneOf<T extends string>(v: Json, path: string, allowed: readonly T[]): v is T {
    return (typeof v === 'string' && (allowed as readonly string[]).includes(v)) || this.fail(path, `one of ${allowed.join(', ')}`, v);
  }
  only(v: Record<string, Json>, path: string, fields: readonly string[]): void {
    for (const key of Object.keys(v)) if (!fields.includes(key)) this.problems.push(`${path}${path ? '.' : ''}${key}: unexpected field`);
  }
  fraction(v: Json, path: string, strictness: boolean): void {
    if (!this.object(v, path)) return;
    this.whole(v.numerator, `${path}.numerator`);
    this.whole(v.denominator, `${path}.denominator`, 1);
    if (strictness && typeof v.strictlyMore !== 'boolean') this.fail(`${path}.strictlyMore`, 'true or false', v.strictlyMore);
  }
  rules(v: Json, path: string): void {
    if (!this.object(v, path)) return;
    for (const kind of resolutionKinds) {
      if (this.object(v.quorum, `${path}.quorum`)) this.fraction(v.quorum[kind], `${path}.quorum.${kind}`, false);
      if (this.object(v.majority, `${path}.majority`)) this.fraction(v.majority[kind], `${path}.majority.${kind}`, true);
    }
    this.oneOf(v.tie, `${path}.tie`, ['chair', 'rejected'] as const);
  }
  question(v: Json): void {
    if (!this.object(v, 'question')) return;
    this.text(v.id, 'question.id', true);
    this.text(v.title, 'question.title');
    if (!this.oneOf(v.kind, 'question.kind', [...resolutionKinds, 'approval', 'stv'] as const)) return;
    if (v.kind === 'ordinary' || v.kind === 'special') {
      this.only(v, 'question', ['id', 'title', 'kind', 'rules']);
      this.rules(v.rules, 'question.rules');
      return;
    }
    this.only(v, 'question', ['id', 'title', 'kind', 'seats', 'candidates', 'seed', 'quorum', ...(v.kind === 'stv' ? ['method'] : [])]);
    if (v.kind === 'stv') this.oneOf(v.method, 'question.method', stvMethods);
    if (v.quorum !== undefined) this.fraction(v.quorum, 'question.quorum', false);
    this.whole(v.seats, 'question.seats', 1);
    this.text(v.seed, 'question.seed');
    if (!this.array(v.candidates, 'question.candidates')) return;
    const ids = new Set<string>();
    v.candidates.forEach((c, i) => {
      if (!this.object(c, `question.candidates[${i}]`)) return;
      if (this.text(c.id, `question.candidates[${i}].id`, true) && ids.has(c.id)) this.problems.push(`question.candidates[${i}].id: "${c.id}" is listed twice`);
      if (typeof c.id === 'string') ids.add(c.id);
      this.text(c.name, `question.candidates[${i}].name`);
    });
  }
  tellerCount(kind: string, v: Json, path: string): void {
    if (!this.object(v, path)) return;
    if (kind === 'approval') {
      for (const [candidate, n] of Object.entries(v)) this.whole(n, `${path}["${candidate}"]`);
    } else if (kind === 'stv') {
      this.whole(v.count, `${path}.count`, 1);
      if (this.array(v.ranking, `${path}.ranking`)) v.ranking.forEach((id, j) => this.text(id, `${path}.ranking[${j}]`, true));
    } else {
      for (const option of motionChoices) this.whole(v[option], `${path}.${option}`);
    }
  }
  ballot(kind: string, v: Json, path: string): void {
    if (!this.object(v, path)) return;
    this.only(v, path, ['receipt', 'choice']);
    this.text(v.receipt, `${path}.receipt`, true);
    if (kind === 'approval' || kind === 'stv') {
      // A ballot naming an unknown candidate is the voter's (invalid) ballot, not a malformed document.
      if (this.array(v.choice, `${path}.choice`)) v.choice.forEach((id, j) => this.text(id, `${path}.choice[${j}]`));
    } else {
      this.oneOf(v.choice, `${path}.choice`, motionChoices);
    }
  }
  document(doc: Json): doc is PublishedTally {
    if (!isObject(doc)) return this.fail('document', 'a JSON object', doc);
    this.only(doc, '', ['format', 'question', 'attendance', 'tellerCounts', 'ballots', 'result', 'digest']);
    if (doc.format !== tallyFormat) this.fail('format', `"${tallyFormat}"`, doc.format);
    this.question(doc.question);
    if (this.object(doc.attendance, 'attendance')) {
      this.whole(doc.attendance.eligible, 'attendance.eligible');
      this.whole(doc.attendance.present, 'attendance.present');
    }
    const kind = isObject(doc.question) && typeof doc.question.kind === 'string' ? doc.question.kind : '';
    if (this.array(doc.tellerCounts, 'tellerCounts')) doc.tellerCounts.forEach((t, i) => this.tellerCount(kind, t, `tellerCounts[${i}]`));
    if (this.array(doc.ballots, 'ballots')) doc.ballots.forEach((b, i) => this.ballot(kind, b, `ballots[${i}]`));
    if (this.object(doc.result, 'result')) this.text(doc.result.kind, 'result.kind', true);
    if (typeof doc.digest !== 'string' || !/^[0-9a-f]{64}$/.test(doc.digest)) this.fail('digest', '64 lowercase hexadecimal digits (SHA-256)', doc.digest);
    return this.problems.length === 0;
  }
}

/** Where a declared result and a recomputed one differ, as `path: declared …, recomputed …` (at most `limit`). */
function differences(declared: Json, recomputed: Json, path: string, found: string[], limit = 5): void {
  if (found.length >= limit || canonicalJson(declared ?? null) === canonicalJson(recomputed ?? null)) return;
  if (Array.isArray(declared) && Array.isArray(recomputed)) {
    for (let i = 0; i < Math.min(declared.length, recomputed.length); i++) differences(declared[i], recomputed[i], `${path}[${i}]`, found, limit);
    if (declared.length !== recomputed.length && found.length < limit) found.push(`${path}: declared ${declared.length} entries, recomputed ${recomputed.length}`);
  } else if (isObject(declared) && isObject(recomputed)) {
    for (const key of [...new Set([...Object.keys(declared), ...Object.keys(recomputed)])].sort()) differences(declared[key], recomputed[key], `${path}.${key}`, found, limit);
  } else {
    found.push(`${path}: declared ${show(declared)}, recomputed ${show(recomputed)}`);
  }
}

/**
 * Checks a published tally: its shape (naming each malformed field), its digest, that no receipt is given twice and
 * the ballots are in receipt order, and that counting its ballots and teller counts again gives the declared result.
 */
export function verifyPublishedTally(doc: unknown): TallyVerification {
  const shape = new ShapeCheck();
  const wellFormed = shape.document(doc);
  const problems = [...shape.problems];
  if (isObject(doc) && typeof doc.digest === 'string') {
    const actual = tallyDigest(doc);
    if (actual !== doc.digest) problems.push(`digest: the document hashes to ${actual}, not the declared ${doc.digest}; it was changed after it was published`);
  }
  if (!wellFormed) return { ok: false, problems, recomputed: null };

  const ballots: PublishedBallot[] = doc.ballots;
  const firstSeen = new Map<string, number>();
  ballots.forEach((b, i) => {
    const first = firstSeen.get(b.receipt);
    if (first !== undefined) problems.push(`ballots[${i}].receipt: "${b.receipt}" is also the receipt of ballots[${first}]`);
    else firstSeen.set(b.receipt, i);
    if (i > 0 && byReceipt(ballots[i - 1]!, b) > 0) problems.push(`ballots[${i}]: not in receipt order ("${b.receipt}" after "${ballots[i - 1]!.receipt}")`);
  });

  let recomputed: TallyResult | null = null;
  try {
    recomputed = recount(doc);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    problems.push(`result: the ballots cannot be counted: ${error.message}`);
  }
  if (recomputed) {
    const found: string[] = [];
    differences(doc.result, recomputed, 'result', found);
    problems.push(...found.map((d) => `${d} (the declared result is not what the ballots give)`));
  }
  return { ok: problems.length === 0, problems, recomputed };
}
