import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { capitalStateQuery, dateInProblem, payrollProblems, readCapitalState } from './capital-query';

describe('the capital page address', () => {
  it('reads the organization and the date, today unless a readable date is given', () => {
    expect(readCapitalState(new URLSearchParams('organization=o1&date=2026-03-31'), '2026-11-26')).toEqual({ organization: 'o1', date: '2026-03-31' });
    expect(readCapitalState(new URLSearchParams('date=yesterday'), '2026-11-26')).toEqual({ organization: '', date: '2026-11-26' });
  });

  it('leaves today out of the address', () => {
    expect(capitalStateQuery({ organization: '', date: '2026-11-26' }, '2026-11-26')).toEqual({});
    expect(capitalStateQuery({ organization: 'o1', date: '2026-03-31' }, '2026-11-26')).toEqual({ organization: 'o1', date: '2026-03-31' });
  });
});

describe('payrollProblems', () => {
  it('names the line, the field and the reason of each problem', () => {
    const error = new ApiError({
      status: 422,
      code: 'payroll_batch_rejected',
      errors: [
        { field: 'rows.3.memberNumber', code: 'unknown_member', message: '組合員番号: 9999' },
        { field: 'rows.4.amount', code: 'payment_exceeds_unpaid', message: '金額: 50000' },
      ],
    });
    expect(payrollProblems(error)).toEqual([
      { line: 3, field: 'memberNumber', code: 'unknown_member', detail: '組合員番号: 9999' },
      { line: 4, field: 'amount', code: 'payment_exceeds_unpaid', detail: '金額: 50000' },
    ]);
  });

  it('keeps a missing column, which has no line', () => {
    const error = new ApiError({ status: 400, code: 'incomplete_mapping', errors: [{ field: 'amount', code: 'required' }] });
    expect(payrollProblems(error)).toEqual([{ line: null, field: 'amount', code: 'required', detail: null }]);
    expect(payrollProblems(new Error('x'))).toEqual([]);
  });
});

describe('dateInProblem', () => {
  it('finds the date a rule problem names for a field', () => {
    const error = new ApiError({ status: 422, code: 'refund_before_year_close', errors: [{ field: 'date', code: 'refund_before_year_close', message: 'after 2027-03-31' }] });
    expect(dateInProblem(error, 'date')).toBe('2027-03-31');
    expect(dateInProblem(error, 'amount')).toBeNull();
  });
});
