import { describe, expect, it } from 'vitest';
import { hoursAndMinutes, statementExplanation, type StatementFormat } from './statement-explanation';

const format: StatementFormat = { yen: (n) => `${n}円`, work: (n) => `${n}分`, number: (n) => String(n) };

/** S-1 of the worked example: 800,000 yen among five members, by weighted minutes. */
const figures = {
  work: 12_000_000,
  totalWork: 43_800_000,
  members: 5,
  dividends: 800_000,
  exact: { yen: 219_178, remainder: 3_600_000, denominator: 43_800_000 },
  roundedUp: false,
  remainderRank: 3,
  yenRoundedUp: 2,
  amount: 219_178,
  withholdAgainstUnpaid: true,
  unpaidCapital: 0,
  withheld: 0,
  payment: 219_178,
};

describe('statementExplanation', () => {
  it('tells the work, the exact share, the rounding and the payment, in that order', () => {
    expect(statementExplanation(figures, format)).toEqual([
      { key: 'surplus.explain.work', values: { work: '12000000分', total: '43800000分', members: '5', count: 5 } },
      {
        key: 'surplus.explain.exact',
        values: { dividends: '800000円', work: '12000000', total: '43800000', yen: '219178', remainder: '3600000', denominator: '43800000' },
      },
      { key: 'surplus.explain.roundedDown', values: { amount: '219178円', leftOver: '2', rank: '3' } },
      { key: 'surplus.explain.nothingOwed', values: { unpaid: '0円', withheld: '0円', payment: '219178円' } },
    ]);
  });

  it('says when the yen left by rounding down gave the member one more', () => {
    const [, , rounding] = statementExplanation({ ...figures, roundedUp: true, remainderRank: 1, amount: 219_179 }, format);
    expect(rounding).toEqual({ key: 'surplus.explain.roundedUp', values: { amount: '219179円', leftOver: '2', rank: '1' } });
  });

  it('says when the share is whole yen', () => {
    const [, , rounding] = statementExplanation({ ...figures, exact: { ...figures.exact, remainder: 0 }, remainderRank: null }, format);
    expect(rounding?.key).toBe('surplus.explain.exactYen');
  });

  it('tells what is set against unpaid capital, or that the bylaws set nothing against it', () => {
    const owing = statementExplanation({ ...figures, unpaidCapital: 70_000, withheld: 70_000, payment: 149_178 }, format);
    expect(owing.at(-1)).toEqual({ key: 'surplus.explain.withheld', values: { unpaid: '70000円', withheld: '70000円', payment: '149178円' } });
    expect(statementExplanation({ ...figures, withholdAgainstUnpaid: false }, format).at(-1)?.key).toBe('surplus.explain.paid');
  });

  it('says a member without work has no dividend', () => {
    const none = statementExplanation({ ...figures, work: 0, exact: { ...figures.exact, yen: 0, remainder: 0 }, amount: 0, payment: 0 }, format);
    expect(none.map((sentence) => sentence.key)).toEqual(['surplus.explain.work', 'surplus.explain.noWork']);
  });
});

describe('hoursAndMinutes', () => {
  it('splits minutes into whole hours and the minutes left', () => {
    expect(hoursAndMinutes(96_000)).toEqual({ hours: 1_600, minutes: 0 });
    expect(hoursAndMinutes(125)).toEqual({ hours: 2, minutes: 5 });
    expect(hoursAndMinutes(0)).toEqual({ hours: 0, minutes: 0 });
  });
});
