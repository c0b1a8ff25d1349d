import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { fieldErrorsOf } from './errors';
import { invalidCount, withoutError } from './use-form-submit';

const problem = (code: string, errors?: { field: string; code: string }[]) => new ApiError({ status: 400, code, errors });

describe('form submission', () => {
  it('counts only the fields that have a problem', () => {
    expect(invalidCount({})).toBe(0);
    expect(invalidCount({ email: 'required', password: undefined, displayName: 'required' })).toBe(2);
  });

  it('clears the error of a changed field, and keeps the same errors when it had none', () => {
    const errors = { email: 'required', password: 'weak_password' };
    expect(withoutError(errors, 'email')).toEqual({ email: undefined, password: 'weak_password' });
    expect(errors.email).toBe('required');
    expect(withoutError(errors, 'displayName')).toBe(errors);
  });

  it('clears the errors of the parts of a changed list too', () => {
    const errors = { entries: 'day_over_24_hours', 'entries.0.hours': 'required', 'entries.1.site': 'too_long', entriesNote: 'required' };
    expect(withoutError(errors, 'entries')).toEqual({ entries: undefined, 'entries.0.hours': undefined, 'entries.1.site': undefined, entriesNote: 'required' });
  });

  it('marks the fields a problem names, the first problem of a field winning', () => {
    const error = problem('validation_failed', [
      { field: 'businessLines.2', code: 'unknown_code' },
      { field: 'nameJa', code: 'required' },
      { field: 'nameJa', code: 'too_long' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ businessLines: 'unknown_code', nameJa: 'required' });
  });

  it('marks the field of a problem reported by its code alone', () => {
    expect(fieldErrorsOf(problem('duplicate_email'), { duplicate_email: 'email' })).toEqual({ email: 'duplicate_email' });
    expect(fieldErrorsOf(problem('duplicate_email'))).toEqual({});
  });

  it('puts nested fields where the form says they are', () => {
    const error = problem('validation_failed', [
      { field: 'person.familyKana', code: 'invalid_format' },
      { field: 'memberNumber', code: 'required' },
    ]);
    expect(fieldErrorsOf(error)).toEqual({ person: 'invalid_format', memberNumber: 'required' });
    const lastSegment = (field: string) => field.split('.').at(-1) ?? field;
    expect(fieldErrorsOf(error, {}, lastSegment)).toEqual({ familyKana: 'invalid_format', memberNumber: 'required' });
  });

  it('marks nothing for failures that are not problems', () => {
    expect(fieldErrorsOf(new TypeError('Failed to fetch'), { internal_error: 'email' })).toEqual({});
  });
});
