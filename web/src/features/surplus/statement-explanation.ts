import type { DividendStatement } from './surplus';

// A member's dividend told in sentences from its figures, so that they can follow (and redo) every step: their work
// against everyone's, the exact share, the rounding by largest remainder, what is set against unpaid capital.
// Each sentence is a translation key with its values already formatted.

/** How the figures are written in the current language. */
export interface StatementFormat {
  yen: (amount: number) => string;
  /** An amount of work in the bylaws' unit (1,600時間0分, 200日 …). */
  work: (amount: number) => string;
  number: (value: number) => string;
}

export interface Sentence {
  key: string;
  values: Record<string, string | number>;
}

type Figures = Pick<
  DividendStatement,
  | 'work'
  | 'totalWork'
  | 'members'
  | 'dividends'
  | 'exact'
  | 'roundedUp'
  | 'remainderRank'
  | 'yenRoundedUp'
  | 'amount'
  | 'withholdAgainstUnpaid'
  | 'unpaidCapital'
  | 'withheld'
  | 'payment'
>;

function rounding(s: Figures, f: StatementFormat): Sentence {
  const values = { amount: f.yen(s.amount), leftOver: f.number(s.yenRoundedUp), rank: f.number(s.remainderRank ?? 0) };
  if (s.exact.remainder === 0) return { key: 'surplus.explain.exactYen', values };
  return { key: s.roundedUp ? 'surplus.explain.roundedUp' : 'surplus.explain.roundedDown', values };
}

function payment(s: Figures, f: StatementFormat): Sentence {
  const values = { unpaid: f.yen(s.unpaidCapital), withheld: f.yen(s.withheld), payment: f.yen(s.payment) };
  if (!s.withholdAgainstUnpaid) return { key: 'surplus.explain.paid', values };
  return { key: s.withheld > 0 ? 'surplus.explain.withheld' : 'surplus.explain.nothingOwed', values };
}

/** The statement in sentences, in the order the dividend was reached. */
export function statementExplanation(s: Figures, f: StatementFormat): Sentence[] {
  const work: Sentence = {
    key: 'surplus.explain.work',
    // `count` picks the plural form ("the 1 member", "the 11 members").
    values: { work: f.work(s.work), total: f.work(s.totalWork), members: f.number(s.members), count: s.members },
  };
  if (s.work === 0) return [work, { key: 'surplus.explain.noWork', values: {} }];
  const exact: Sentence = {
    key: 'surplus.explain.exact',
    values: {
      dividends: f.yen(s.dividends),
      work: f.number(s.work),
      total: f.number(s.totalWork),
      yen: f.number(s.exact.yen),
      remainder: f.number(s.exact.remainder),
      denominator: f.number(s.exact.denominator),
    },
  };
  return [work, exact, rounding(s, f), payment(s, f)];
}

/** Minutes as hours and minutes: 96,000 → 1,600 h 0 min. */
export function hoursAndMinutes(minutes: number): { hours: number; minutes: number } {
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}
