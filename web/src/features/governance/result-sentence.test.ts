import { describe, expect, it } from 'vitest';
import ja from '../../locales/ja.json';
import type { MotionResult } from './governance';
import { outcomeKey, passed, resultSentence, type Translate } from './result-sentence';

/** Japanese, as i18next would say it: `{{name}}` replaced by the value. */
const t: Translate = (key, values = {}) => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], ja);
  if (typeof text !== 'string') throw new Error(`no text for ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};

const base: MotionResult = {
  outcome: 'adopted', rule: 'majority_of_present', needed: 4, got: 5, attendance: { eligible: 10, present: 7 },
  counts: { for: 5, against: 2, abstain: 0, invalid: 0 }, election: null, elected: null,
};
const context = { kind: 'ordinary' as const, chairDecision: null, candidateName: (id: string) => ({ c1: '組合 員4', c2: '組合 員5' })[id] ?? id, separator: '、' };

describe('the result of a motion in a sentence', () => {
  it('names the rule and the figures it compared', () => {
    expect(resultSentence(t, base, context)).toBe('出席組合員の議決権の過半数の賛成（必要数 4、賛成 5）により可決');
    expect(resultSentence(t, { ...base, outcome: 'rejected', got: 3 }, context)).toBe('出席組合員の議決権の過半数の賛成（必要数 4）が得られず否決（賛成 3）');
  });

  it('says a special resolution needs two thirds, or the higher share the bylaws set', () => {
    const special = { ...base, rule: 'two_thirds_of_present' as const, needed: 5, got: 6 };
    expect(resultSentence(t, special, { ...context, kind: 'special' })).toBe('出席組合員の議決権の3分の2以上の賛成（必要数 5、賛成 6）により可決');
    const rules = {
      quorum: { ordinary: { numerator: 1, denominator: 2 }, special: { numerator: 1, denominator: 2 } },
      majority: { ordinary: { numerator: 1, denominator: 2, strictlyMore: true }, special: { numerator: 3, denominator: 4, strictlyMore: false } },
      tie: 'chair' as const,
    };
    expect(resultSentence(t, { ...special, rules }, { ...context, kind: 'special' })).toBe('出席組合員の議決権の4分の3以上の賛成（必要数 5、賛成 6）により可決');
  });

  it('says when the quorum was not met, and how a tie was settled', () => {
    expect(resultSentence(t, { ...base, outcome: 'no_quorum', rule: 'quorum_not_met', needed: 5, got: 2 }, context)).toBe(
      '定足数（5人）に達しなかったため議決できませんでした（出席 2人）',
    );
    const tie = { ...base, outcome: 'tie_for_chair' as const, rule: 'tie_chair_decides' as const, got: 3 };
    expect(resultSentence(t, tie, context)).toBe('可否同数（賛成・反対 各 3）のため、議長が決します');
    expect(resultSentence(t, tie, { ...context, chairDecision: 'adopted' })).toBe('可否同数（賛成・反対 各 3）のため、議長の決するところにより可決');
    expect(outcomeKey(tie, 'rejected')).toBe('governance.outcome.rejected');
    expect(passed(tie, 'adopted')).toBe(true);
  });

  it('names those elected with their approvals, and the lot at a tie', () => {
    const election: MotionResult = {
      ...base, outcome: 'elected', rule: 'approval_most_votes', needed: 0, got: 2, counts: null, elected: ['c1', 'c2'],
      election: {
        method: 'approval', rule: 'approval_most_votes', seats: 2, ballots: 6, invalid: 0, elected: ['c1', 'c2'], quota: null, stv: null,
        approval: { seats: 2, approvals: [{ candidate: 'c1', approvals: 5 }, { candidate: 'c2', approvals: 3 }, { candidate: 'c3', approvals: 3 }], elected: ['c1', 'c2'],
          tie: { candidates: ['c2', 'c3'], approvals: 3, seats: 1, chosen: ['c2'], draws: [] } },
      },
    };
    expect(resultSentence(t, election, { ...context, kind: 'election' })).toBe(
      '承認投票により、承認の多い順に2人を選出：組合 員4（5票）、組合 員5（3票）。最後の議席は承認数が同数（3票）のため、くじで決定：組合 員5',
    );
  });
});
