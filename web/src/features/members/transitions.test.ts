import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { MEMBERSHIP_STATUSES } from './member';
import { allowedEvents, dateInProblem, isMemberStatus, reasonRequired } from './transitions';

describe('allowed membership events', () => {
  it('mirrors the server: application, membership and notice of withdrawal each have their next steps', () => {
    expect(allowedEvents('applied')).toEqual(['admit', 'reject', 'die']);
    expect(allowedEvents('admitted')).toEqual(['notify_withdrawal', 'expel', 'die']);
    expect(allowedEvents('withdrawal_notified')).toEqual(['withdraw', 'revoke_withdrawal_notice', 'expel', 'die']);
  });

  it('offers nothing once a membership has ended or was refused, nor for a status it does not know', () => {
    for (const status of ['withdrawn', 'expelled', 'deceased', 'rejected', 'suspended', 'toString']) {
      expect(allowedEvents(status)).toEqual([]);
    }
  });

  it('never offers applying again or withdrawing without notice', () => {
    for (const status of MEMBERSHIP_STATUSES) {
      expect(allowedEvents(status)).not.toContain('apply');
      if (status !== 'withdrawal_notified') expect(allowedEvents(status)).not.toContain('withdraw');
    }
  });

  it('asks a reason for expulsion and rejection only', () => {
    expect(reasonRequired('expel')).toBe(true);
    expect(reasonRequired('reject')).toBe(true);
    expect(reasonRequired('notify_withdrawal')).toBe(false);
    expect(reasonRequired('die')).toBe(false);
  });

  it('counts admitted members and those under notice of withdrawal as members', () => {
    expect(MEMBERSHIP_STATUSES.filter(isMemberStatus)).toEqual(['admitted', 'withdrawal_notified']);
  });
});

describe('the date a rule problem names', () => {
  const problem = (code: string, field: string, message: string) =>
    new ApiError({ status: 422, code, errors: [{ field, code, message }] });

  it('reads the earliest withdrawal date and the previous event date', () => {
    expect(dateInProblem(problem('withdrawal_before_fiscal_year_end', 'effectiveDate', '2027-03-31 or later'))).toBe('2027-03-31');
    expect(dateInProblem(problem('date_before_previous_event', 'effectiveDate', 'must be 2025-06-01 or later'))).toBe('2025-06-01');
  });

  it('finds none elsewhere', () => {
    expect(dateInProblem(problem('reason_required', 'reason', 'required for this event'))).toBeNull();
    expect(dateInProblem(new Error('2027-03-31'))).toBeNull();
  });
});
