import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { allowedEvents, applyEvent, earliestWithdrawalDate, fiscalYearEnd, isMemberStatus, membershipEventTypes, statusOn, type MembershipEvent } from './lifecycle.js';

const ev = (type: MembershipEvent['type'], effectiveDate: string, reason: string | null = null): MembershipEvent => ({ type, effectiveDate, reason });

describe('membership lifecycle', () => {
  const life = [ev('apply', '2023-03-01'), ev('admit', '2023-04-01'), ev('notify_withdrawal', '2025-10-01'), ev('withdraw', '2026-03-31')];

  it('answers who was a member on any date', () => {
    expect(statusOn(life, '2023-02-28')).toBeNull();
    expect(statusOn(life, '2023-03-15')).toBe('applied');
    expect(statusOn(life, '2023-04-01')).toBe('admitted');
    expect(statusOn(life, '2025-12-01')).toBe('withdrawal_notified');
    expect(isMemberStatus(statusOn(life, '2025-12-01'))).toBe(true);
    expect(statusOn(life, '2026-03-31')).toBe('withdrawn');
    expect(isMemberStatus(statusOn(life, '2026-04-01'))).toBe(false);
  });

  it('lists the events each status allows', () => {
    expect(allowedEvents(null)).toEqual(['apply', 'admit']);
    expect(allowedEvents('admitted')).toEqual(['notify_withdrawal', 'expel', 'die']);
    expect(allowedEvents('withdrawal_notified')).toEqual(['withdraw', 'revoke_withdrawal_notice', 'expel', 'die']);
    expect(allowedEvents('deceased')).toEqual([]);
  });

  it('refuses transitions the lifecycle does not have', () => {
    expect(() => applyEvent(null, null, ev('withdraw', '2024-01-01'))).toThrow(DomainError);
    expect(() => applyEvent('applied', '2024-01-01', ev('notify_withdrawal', '2024-02-01'))).toThrow(/cannot notify_withdrawal/);
    expect(() => applyEvent('withdrawn', '2024-01-01', ev('admit', '2024-02-01'))).toThrow(/cannot admit/);
  });

  it('keeps effective dates in order and asks a reason for expulsion', () => {
    expect(() => applyEvent('admitted', '2024-05-01', ev('die', '2024-04-30'))).toThrow(/before the previous event/);
    expect(() => applyEvent('admitted', '2024-05-01', ev('expel', '2024-06-01'))).toThrow(/reason is required/);
    expect(applyEvent('admitted', '2024-05-01', ev('expel', '2024-06-01', '総会特別決議 2024-06-01'))).toBe('expelled');
  });

  it('never reaches a status from a terminal one, whatever events follow', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...membershipEventTypes), { maxLength: 12 }), (types) => {
      let status = null as ReturnType<typeof applyEvent> | null;
      for (const type of types) {
        try {
          const next = applyEvent(status, '2024-01-01', ev(type, '2024-01-01', 'r'));
          if (status && ['withdrawn', 'expelled', 'deceased', 'rejected'].includes(status)) throw new Error(`left terminal ${status}`);
          status = next;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
      }
    }));
  });
});

describe('fiscal year and withdrawal dates', () => {
  it('ends the fiscal year on the day before the start month, any start month', () => {
    expect(fiscalYearEnd('2026-11-26', 4)).toBe('2027-03-31');
    expect(fiscalYearEnd('2026-02-10', 4)).toBe('2026-03-31');
    expect(fiscalYearEnd('2026-11-26', 1)).toBe('2026-12-31');
    expect(fiscalYearEnd('2024-01-15', 3)).toBe('2024-02-29');
    expect(fiscalYearEnd('2026-10-01', 10)).toBe('2027-09-30');
  });

  it('lets a member leave at the end of the fiscal year when notice came 90 days before it, else a year later', () => {
    expect(earliestWithdrawalDate('2026-11-26', 4, 90)).toBe('2027-03-31');
    expect(earliestWithdrawalDate('2027-01-15', 4, 90)).toBe('2028-03-31');
    // 90 days before 2027-03-31, counting from the next day (初日不算入), is 2026-12-31.
    expect(earliestWithdrawalDate('2026-12-31', 4, 90)).toBe('2027-03-31');
    expect(earliestWithdrawalDate('2027-01-01', 4, 90)).toBe('2028-03-31');
  });
});
