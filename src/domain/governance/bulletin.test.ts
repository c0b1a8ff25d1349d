import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildPublishedTally, canonicalJson, findReceipt, tallyDigest, verifyPublishedTally, type PublishedTally, type TallyInput } from './bulletin.js';
import { actResolutionRules } from './resolutions.js';
import type { MotionChoice } from './tally.js';

const receipt = (i: number) => `R-${String(i).padStart(4, '0')}`;

/** A bylaw change (special resolution) voted electronically by 30 members, 8 more on paper. */
function buildMotion(overrides: Partial<TallyInput> = {}): PublishedTally {
  const choices: MotionChoice[] = [...Array<MotionChoice>(22).fill('for'), ...Array<MotionChoice>(5).fill('against'), 'abstain', 'abstain', 'invalid'];
  return buildPublishedTally({
    question: { id: 'motion-2026-3', title: '定款変更の件 (bylaw change)', kind: 'special', rules: actResolutionRules },
    attendance: { eligible: 60, present: 40 },
    tellerCounts: [{ for: 6, against: 2, abstain: 0, invalid: 0 }],
    // Shuffled on purpose: the published record sorts them.
    ballots: choices.map((choice, i) => ({ receipt: receipt((i * 7) % 30), choice })),
    ...overrides,
  } as TallyInput);
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
/** Tampers with a copy and, like a careless forger, leaves the digest as it was. */
const tampered = (doc: PublishedTally, change: (d: PublishedTally) => void): PublishedTally => {
  const copy = clone(doc);
  change(copy);
  return copy;
};

describe('canonicalJson and the digest', () => {
  it('sorts keys, drops undefined fields and writes no whitespace', () => {
    expect(canonicalJson({ b: [1, { d: 'é', c: null }], a: true, z: undefined })).toBe('{"a":true,"b":[1,{"c":null,"d":"é"}]}');
  });

  it('hashes the canonical document without its digest', () => {
    const doc = buildMotion();
    const { digest, ...rest } = doc;
    expect(digest).toBe(createHash('sha256').update(canonicalJson(rest)).digest('hex'));
    expect(tallyDigest({ ...doc, digest: 'anything' })).toBe(digest);
  });
});

describe('buildPublishedTally and verifyPublishedTally', () => {
  it('round-trips: the published JSON verifies and recounts to the declared result', () => {
    const doc = buildMotion();
    expect(doc.format).toBe('kyodo-tally/1');
    expect(doc.ballots.map((b) => b.receipt)).toEqual([...doc.ballots.map((b) => b.receipt)].sort());
    expect(doc.result).toEqual({
      kind: 'motion',
      votes: { for: 28, against: 7, abstain: 2, invalid: 1 },
      decision: { outcome: 'adopted', rule: 'two_thirds_of_present', needed: 27, got: 28 },
    });
    const verification = verifyPublishedTally(JSON.parse(JSON.stringify(doc)));
    expect(verification).toEqual({ ok: true, problems: [], recomputed: doc.result });
  });

  it('detects a tampered ballot', () => {
    const doc = buildMotion();
    const index = doc.ballots.findIndex((b) => b.choice === 'against');
    const { ok, problems } = verifyPublishedTally(tampered(doc, (d) => void (d.ballots[index]!.choice = 'for')));
    expect(ok).toBe(false);
    expect(problems[0]).toMatch(/^digest: the document hashes to [0-9a-f]{64}, not the declared [0-9a-f]{64}; it was changed after it was published$/);
    expect(problems).toContain('result.votes.against: declared 7, recomputed 6 (the declared result is not what the ballots give)');
    expect(problems).toContain('result.votes.for: declared 28, recomputed 29 (the declared result is not what the ballots give)');
  });

  it('detects a dropped ballot, even when the forger recomputes the digest', () => {
    const doc = buildMotion();
    const dropped = tampered(doc, (d) => void d.ballots.splice(3, 1));
    dropped.digest = tallyDigest(dropped);
    const { ok, problems } = verifyPublishedTally(dropped);
    expect(ok).toBe(false);
    expect(problems.some((p) => p.startsWith('digest'))).toBe(false);
    expect(problems.some((p) => /^result\.votes\.\w+: declared \d+, recomputed \d+/.test(p))).toBe(true);
    // The voter whose receipt it was finds nothing: what a published record is for.
    expect(findReceipt(doc, doc.ballots[3]!.receipt)).toBeDefined();
    expect(findReceipt(dropped, doc.ballots[3]!.receipt)).toBeUndefined();
  });

  it('detects a duplicated receipt', () => {
    const doc = buildMotion();
    const duplicated = tampered(doc, (d) => void (d.ballots[5]!.receipt = d.ballots[4]!.receipt));
    const { problems } = verifyPublishedTally(duplicated);
    expect(problems).toContain(`ballots[5].receipt: "${doc.ballots[4]!.receipt}" is also the receipt of ballots[4]`);
    expect(() => buildPublishedTally({ ...clone(duplicated), tellerCounts: [] } as TallyInput)).toThrow(/is given to two ballots/);
  });

  it('detects a changed declared result', () => {
    const doc = buildMotion();
    const changed = tampered(doc, (d) => {
      if (d.result.kind === 'motion') d.result.decision.outcome = 'rejected';
    });
    changed.digest = tallyDigest(changed);
    expect(verifyPublishedTally(changed)).toMatchObject({
      ok: false,
      problems: ['result.decision.outcome: declared "rejected", recomputed "adopted" (the declared result is not what the ballots give)'],
      recomputed: doc.result,
    });
  });

  it('detects a wrong digest', () => {
    const doc = buildMotion();
    const wrong = { ...doc, digest: '0'.repeat(64) };
    expect(verifyPublishedTally(wrong).problems).toEqual([`digest: the document hashes to ${doc.digest}, not the declared ${'0'.repeat(64)}; it was changed after it was published`]);
  });

  it('says which field of a malformed document is wrong', () => {
    expect(verifyPublishedTally('hello')).toEqual({ ok: false, problems: ['document: expected a JSON object, found "hello"'], recomputed: null });
    const doc = clone(buildMotion()) as unknown as Record<string, unknown>;
    const broken = {
      ...doc,
      format: 'kyodo-tally/2',
      attendance: { eligible: 60, present: -1 },
      ballots: [{ receipt: '', choice: 'maybe' }],
      extra: 1,
      question: { ...(doc.question as object), kind: 'special', rules: { ...actResolutionRules, tie: 'coin' } },
    };
    const { ok, problems, recomputed } = verifyPublishedTally(broken);
    expect(ok).toBe(false);
    expect(recomputed).toBeNull();
    expect(problems).toEqual(expect.arrayContaining([
      'extra: unexpected field',
      'format: expected "kyodo-tally/1", found "kyodo-tally/2"',
      'attendance.present: expected a whole number, 0 or more, found -1',
      'ballots[0].receipt: expected a non-empty string, found ""',
      'ballots[0].choice: expected one of for, against, abstain, invalid, found "maybe"',
      'question.rules.tie: expected one of chair, rejected, found "coin"',
    ]));
    expect(problems.some((p) => p.startsWith('digest: the document hashes to'))).toBe(true);
  });

  it('reports ballots that cannot be counted at all', () => {
    const doc = buildMotion();
    const crowded = tampered(doc, (d) => void (d.attendance.present = 20));
    crowded.digest = tallyDigest(crowded);
    expect(verifyPublishedTally(crowded).problems).toEqual(['result: the ballots cannot be counted: more votes than members present']);
  });
});

describe('published elections', () => {
  const candidates = [{ id: 'ito', name: '伊藤' }, { id: 'kato', name: '加藤' }, { id: 'sato', name: '佐藤' }, { id: 'abe', name: '阿部' }];

  it('publishes and verifies an STV election with its count sheet, and finds a voter’s receipt', () => {
    const rankings = [['sato', 'ito'], ['sato', 'kato'], ['ito'], ['kato', 'ito'], ['abe', 'kato'], ['sato'], ['ito', 'sato'], ['suzuki']];
    const doc = buildPublishedTally({
      question: { id: 'board-2026', title: '理事選挙 (directors)', kind: 'stv', method: 'scottish', seats: 2, candidates, seed: 'dice 4-1-6' },
      attendance: { eligible: 40, present: 12 },
      tellerCounts: [{ ranking: ['kato', 'sato'], count: 2 }],
      ballots: rankings.map((choice, i) => ({ receipt: receipt(100 - i), choice })),
    });
    expect(doc.result).toMatchObject({ kind: 'stv', method: 'scottish', validBallots: 9, invalidBallots: 1 });
    expect(verifyPublishedTally(clone(doc))).toMatchObject({ ok: true, problems: [] });
    expect(findReceipt(doc, receipt(100))).toEqual({ receipt: receipt(100), choice: ['sato', 'ito'] });
    expect(findReceipt(doc, 'R-9999')).toBeUndefined();

    // The first voter's sato > ito becomes abe: sato has one first preference fewer, and loses the second seat.
    const changedRanking = tampered(doc, (d) => void (d.ballots.find((b) => b.receipt === receipt(100))!.choice = ['abe']));
    changedRanking.digest = tallyDigest(changedRanking);
    const { problems } = verifyPublishedTally(changedRanking);
    expect(problems).toContain('result.elected[1]: declared "sato", recomputed "ito" (the declared result is not what the ballots give)');
    expect(problems).toContain('result.stages[0].standings[2].votes.scaled: declared 300000, recomputed 200000 (the declared result is not what the ballots give)');
  });

  it('publishes an approval election whose tie went to a lot, and recounts the same lot', () => {
    const doc = buildPublishedTally({
      question: { id: 'audit-2026', title: '監事選挙 (auditor)', kind: 'approval', seats: 1, candidates, seed: 'dice 2-2-5' },
      attendance: { eligible: 40, present: 6 },
      tellerCounts: [{ abe: 1 }],
      ballots: [['ito'], ['kato', 'ito'], ['kato'], ['abe', 'ito', 'ito']].map((choice, i) => ({ receipt: receipt(i), choice })),
    });
    expect(doc.result).toMatchObject({ kind: 'approval', invalidBallots: 1, tie: { candidates: ['ito', 'kato'], seats: 1 } });
    expect(verifyPublishedTally(clone(doc))).toMatchObject({ ok: true, recomputed: doc.result });
    const otherSeed = tampered(doc, (d) => void (d.question.kind === 'approval' && (d.question.seed = 'dice 6-6-6')));
    otherSeed.digest = tallyDigest(otherSeed);
    const problems = verifyPublishedTally(otherSeed).problems;
    expect(problems.every((p) => p.startsWith('result.tie.draws[0]') || p.startsWith('result.elected') || p.startsWith('result.tie.chosen'))).toBe(true);
    expect(problems.some((p) => p.startsWith('result.tie.draws[0].seed'))).toBe(true);
  });

  it('carries an election\'s quorum, and a recount refuses an election decided without it (20 of 40 present, half needed: 20)', () => {
    const election = (present: number, quorum = { numerator: 1, denominator: 2 }) => ({
      question: { id: 'directors-2026', title: '理事選挙', kind: 'approval' as const, seats: 1, candidates, seed: 's', quorum },
      attendance: { eligible: 40, present },
      tellerCounts: [],
      ballots: [{ receipt: 'a', choice: ['ito'] }, { receipt: 'b', choice: ['kato'] }, { receipt: 'c', choice: ['ito'] }],
    });
    const doc = buildPublishedTally(election(20));
    expect(doc.question).toMatchObject({ quorum: { numerator: 1, denominator: 2 } });
    expect(verifyPublishedTally(clone(doc))).toMatchObject({ ok: true });
    expect(() => buildPublishedTally(election(19))).toThrow(/19 members present, but the quorum is 20 of 40/);
    // A forger who lowers the quorum to pass it off must also change the digest, which was published apart.
    const lowered = tampered(doc, (d) => {
      if (d.question.kind === 'approval') d.question.quorum = { numerator: 1, denominator: 3 };
      d.attendance.present = 14;
    });
    expect(verifyPublishedTally(lowered).ok).toBe(false);
    expect(verifyPublishedTally(tampered(doc, (d) => void (d.attendance.present = 19))).problems.some((p) => p.includes('quorum is 20 of 40'))).toBe(true);
  });

  it('refuses more ballots than members present', () => {
    expect(() => buildPublishedTally({
      question: { id: 'q', title: 't', kind: 'approval', seats: 1, candidates, seed: '' },
      attendance: { eligible: 40, present: 1 },
      tellerCounts: [],
      ballots: [{ receipt: 'a', choice: ['ito'] }, { receipt: 'b', choice: ['kato'] }],
    })).toThrow(/2 ballots, but 1 members present/);
  });
});
