import { describe, expect, it } from 'vitest';
import type { CapitalEntry } from './capital';
import {
  changedFigures,
  checkRules,
  checkSubscription,
  checkTransfer,
  checkWithdrawal,
  emptyRules,
  emptySubscription,
  foundingMinimum,
  offeredMovements,
  parseWhole,
  parseYen,
  paymentChannel,
  positionChanges,
  reversible,
  subscriptionField,
  toRefundInput,
  toRulesInput,
  toSubscriptionInput,
  toWithdrawalInput,
  transferCounterpart,
  transferField,
} from './capital-values';

const position = (overrides: Partial<CapitalEntry['positionAfter']> = {}) => ({ shares: 0, capital: 0, unpaid: 0, paid: 0, refundPayable: 0, ...overrides });

describe('parseYen', () => {
  it('reads yen as people type them', () => {
    expect(parseYen('12000')).toBe(12000);
    expect(parseYen('12,000')).toBe(12000);
    expect(parseYen(' ¥12,000 ')).toBe(12000);
    expect(parseYen('12,000円')).toBe(12000);
    expect(parseYen('１２，０００')).toBe(12000);
    expect(parseYen('￥１２０００円')).toBe(12000);
  });

  it('refuses anything but a whole, positive number of yen', () => {
    for (const text of ['', '0', '-5', '12.5', '1,2000', 'abc', '12 000', '1000000000001']) expect(parseYen(text)).toBeNull();
  });
});

describe('parseWhole', () => {
  it('reads whole numbers within the range', () => {
    expect(parseWhole('3')).toBe(3);
    expect(parseWhole('３')).toBe(3);
    expect(parseWhole('0', 0, 100)).toBe(0);
    expect(parseWhole('0')).toBeNull();
    expect(parseWhole('101', 1, 100)).toBeNull();
    expect(parseWhole('2.5')).toBeNull();
  });
});

describe('the capital rules form', () => {
  it('needs the effective date and the share price; leaves empty settings to the law profile', () => {
    const values = { ...emptyRules('2026-04-01'), sharePrice: '10,000', minimumShares: '', capPercent: '25' };
    expect(checkRules(values)).toEqual({});
    expect(toRulesInput(values)).toEqual({ effectiveFrom: '2026-04-01', sharePrice: 10000, capPercent: 25 });
    expect(checkRules({ ...emptyRules(''), sharePrice: '' })).toEqual({ effectiveFrom: 'required', sharePrice: 'required' });
  });

  it('refuses settings out of range and a takeover cap below the ordinary one', () => {
    const values = { ...emptyRules('2026-04-01'), sharePrice: '1000', capPercent: '25', takeoverCapPercent: '20', refundNoticeDays: '400' };
    expect(checkRules(values)).toEqual({ takeoverCapPercent: 'takeover_below_cap', refundNoticeDays: 'out_of_range' });
  });
});

describe('the subscription form', () => {
  it('starts with the minimum shares and sends a first payment only when asked', () => {
    const values = emptySubscription('2026-05-01', 2);
    expect(values.shares).toBe('2');
    expect(toSubscriptionInput(values)).toEqual({ date: '2026-05-01', shares: 2, description: null, firstPayment: null });
    const paying = { ...values, withPayment: true, amount: '5,000', method: 'payroll' as const, description: ' 増口 ' };
    expect(toSubscriptionInput(paying)).toEqual({ date: '2026-05-01', shares: 2, description: '増口', firstPayment: { amount: 5000, method: 'payroll', founding: false } });
  });

  it('checks the shares, and the amount of a first payment', () => {
    expect(checkSubscription({ ...emptySubscription('2026-05-01', 1), shares: '0', withPayment: true, amount: 'x' })).toEqual({ shares: 'invalid_shares', amount: 'invalid_amount' });
  });

  it('puts the first payment problems on the fields at the top of the form', () => {
    expect(subscriptionField('firstPayment.amount')).toBe('amount');
    expect(subscriptionField('shares')).toBe('shares');
  });

  it('asks at founding for a quarter of each share, rounded up to the yen', () => {
    expect(foundingMinimum(2, 10000)).toBe(5000);
    expect(foundingMinimum(3, 1001)).toBe(3 * 251);
  });
});

describe('the other movements', () => {
  it('does not transfer to the member themselves, and needs the approval', () => {
    expect(checkTransfer({ date: '2026-05-01', toMembershipId: 'm1', shares: '1', approval: ' ', approvedTakeover: false, description: '' }, 'm1')).toEqual({
      toMembershipId: 'transfer_to_self',
      approval: 'required',
    });
    expect(transferField('to')).toBe('toMembershipId');
    expect(transferField('membershipId')).toBe('toMembershipId');
    expect(transferField('shares')).toBe('shares');
  });

  it('withdraws all shares and refunds all that is owed when no number is given', () => {
    expect(checkWithdrawal({ date: '2026-05-01', shares: '', description: '' })).toEqual({});
    expect(toWithdrawalInput({ date: '2026-05-01', shares: '', description: '' }).shares).toBeNull();
    expect(toWithdrawalInput({ date: '2026-05-01', shares: '2', description: '' }).shares).toBe(2);
    expect(toRefundInput({ date: '2027-04-01', amount: '', description: '' }).amount).toBeNull();
  });
});

describe('offeredMovements', () => {
  it('offers nothing before the organization has capital rules', () => {
    expect(offeredMovements(position(), 'admitted', false)).toEqual([]);
  });

  it('offers what the position allows', () => {
    expect(offeredMovements(position(), 'admitted', true)).toEqual(['subscribe']);
    expect(offeredMovements(position({ shares: 2, capital: 20000, unpaid: 15000, paid: 5000 }), 'admitted', true)).toEqual(['subscribe', 'pay', 'withdraw', 'writeDown']);
    expect(offeredMovements(position({ shares: 2, capital: 20000, paid: 20000 }), 'admitted', true)).toEqual(['subscribe', 'transfer', 'withdraw', 'writeDown']);
    expect(offeredMovements(position({ refundPayable: 20000 }), 'withdrawn', true)).toEqual(['refund']);
  });
});

describe('reading the entries', () => {
  const entries = [
    { id: 'a', positionAfter: position({ shares: 2, capital: 20000, unpaid: 20000 }) },
    { id: 'b', positionAfter: position({ shares: 2, capital: 20000, unpaid: 5000, paid: 15000 }) },
  ];

  it('gives what each entry changed', () => {
    const changes = positionChanges(entries);
    expect(changes.get('a')).toEqual(position({ shares: 2, capital: 20000, unpaid: 20000 }));
    expect(changes.get('b')).toEqual(position({ unpaid: -15000, paid: 15000 }));
    expect(changedFigures(changes.get('b')!)).toEqual(['paid', 'unpaid']);
  });

  it('tells how a payment came in and who the other member of a transfer is', () => {
    expect(paymentChannel([{ account: 'wages-payable', membershipId: 'm', amount: 1000, shares: 0 }, { account: 'capital-unpaid', membershipId: 'm', amount: -1000, shares: 0 }])).toBe('payroll');
    expect(paymentChannel([{ account: 'bank', membershipId: null, amount: 1000, shares: 0 }, { account: 'capital-unpaid', membershipId: 'm', amount: -1000, shares: 0 }])).toBe('bank');
    expect(paymentChannel([{ account: 'capital-unpaid', membershipId: 'm', amount: 1000, shares: 0 }, { account: 'capital', membershipId: 'm', amount: -1000, shares: 1 }])).toBeNull();
    expect(transferCounterpart([{ account: 'capital', membershipId: 'm', amount: 1000, shares: -1 }, { account: 'capital', membershipId: 'n', amount: -1000, shares: 1 }], 'm')).toBe('n');
  });

  it('reverses an entry once, and never a reversal', () => {
    expect(reversible({ type: 'payment', reversedByEntryId: null })).toBe(true);
    expect(reversible({ type: 'payment', reversedByEntryId: 'r' })).toBe(false);
    expect(reversible({ type: 'reversal', reversedByEntryId: null })).toBe(false);
  });
});
