import type { Fraction, MotionKind, MotionResult } from './governance';

/** The app's translate function, or a stand-in in tests. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface ResultContext {
  kind: MotionKind;
  chairDecision: 'adopted' | 'rejected' | null;
  /** A candidate's name by id, for elections. */
  candidateName: (candidateId: string) => string;
  /** Joins names as the language lists them (、 or , ). */
  separator: string;
}

/** More than half, or at least a fraction: the share of the votes present a resolution needed, in words. */
function shareOf(t: Translate, result: MotionResult, kind: 'ordinary' | 'special'): string {
  const majority = result.rules?.majority[kind];
  const fallback: Fraction & { strictlyMore: boolean } =
    kind === 'special' ? { numerator: 2, denominator: 3, strictlyMore: false } : { numerator: 1, denominator: 2, strictlyMore: true };
  const { numerator, denominator, strictlyMore } = majority ?? fallback;
  if (strictlyMore && numerator * 2 === denominator) return t('governance.result.share.majority');
  return t(strictlyMore ? 'governance.result.share.moreThan' : 'governance.result.share.atLeast', { numerator, denominator });
}

/**
 * The result of a motion as one sentence naming the rule that decided it and the figures it compared, as the
 * minutes say it: 出席組合員の議決権の過半数の賛成（必要数 4、賛成 5）により可決.
 */
export function resultSentence(t: Translate, result: MotionResult, context: ResultContext): string {
  const { needed, got } = result;
  const resolutionKind = context.kind === 'special' ? 'special' : 'ordinary';
  switch (result.rule) {
    case 'quorum_not_met':
      return t('governance.result.sentence.quorumNotMet', { needed, got });
    case 'majority_of_present':
    case 'two_thirds_of_present':
      return t(result.outcome === 'adopted' ? 'governance.result.sentence.adopted' : 'governance.result.sentence.rejected', {
        share: shareOf(t, result, resolutionKind),
        needed,
        got,
      });
    case 'tie_chair_decides':
      if (context.chairDecision === 'adopted') return t('governance.result.sentence.tieChairAdopted', { got });
      if (context.chairDecision === 'rejected') return t('governance.result.sentence.tieChairRejected', { got });
      return t('governance.result.sentence.tieChairPending', { got });
    case 'tie_rejected':
      return t('governance.result.sentence.tieRejected', { got });
    case 'approval_most_votes': {
      const election = result.election;
      const approvals = new Map((election?.approval?.approvals ?? []).map((a) => [a.candidate, a.approvals]));
      const elected = (result.elected ?? [])
        .map((id) => t('governance.result.candidateVotes', { name: context.candidateName(id), count: approvals.get(id) ?? 0 }))
        .join(context.separator);
      const sentence = t('governance.result.sentence.approval', { seats: election?.seats ?? result.elected?.length ?? 0, elected });
      const tie = election?.approval?.tie;
      if (!tie) return sentence;
      const chosen = tie.chosen.map(context.candidateName).join(context.separator);
      return `${sentence}${t('governance.result.sentence.approvalLot', { approvals: tie.approvals, chosen })}`;
    }
    case 'stv_quota': {
      const elected = (result.elected ?? []).map(context.candidateName).join(context.separator);
      return t('governance.result.sentence.stv', { quota: String(result.election?.quota ?? needed), elected });
    }
  }
}

/** The outcome in a word or two, for a badge: 可決, 否決, 不成立, 議長裁決待ち, 選出. */
export function outcomeKey(result: MotionResult, chairDecision: 'adopted' | 'rejected' | null): string {
  if (result.outcome === 'tie_for_chair') return chairDecision ? `governance.outcome.${chairDecision}` : 'governance.outcome.tie_for_chair';
  return `governance.outcome.${result.outcome}`;
}

/** Whether the motion passed (adopted, elected, or adopted by the chair on a tie). */
export function passed(result: MotionResult, chairDecision: 'adopted' | 'rejected' | null): boolean {
  return result.outcome === 'adopted' || result.outcome === 'elected' || (result.outcome === 'tie_for_chair' && chairDecision === 'adopted');
}
