import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api';
import { initialOrganization, phaseProgress, refusalProblems } from './csv-import';

describe('the progress of an import request', () => {
  it('measures the file going out and the rows being written', () => {
    expect(phaseProgress({ step: 'uploading', share: 0.424, what: 'preview' })).toEqual({ measured: true, percent: 42 });
    expect(phaseProgress({ step: 'writing', share: 1, what: 'import' })).toEqual({ measured: true, percent: 100 });
  });

  it('has no measure while the server reads the file', () => {
    expect(phaseProgress({ step: 'processing', what: 'import' })).toEqual({ measured: false, percent: 100 });
  });
});

describe('the organization a file goes into', () => {
  const organizations = [{ id: 'org-a' }, { id: 'org-b' }];

  it('is the one the link asked for when it is offered', () => {
    expect(initialOrganization(organizations, 'org-b')).toBe('org-b');
  });

  it('is the first offered otherwise, or none', () => {
    expect(initialOrganization(organizations, 'org-elsewhere')).toBe('org-a');
    expect(initialOrganization(organizations, null)).toBe('org-a');
    expect(initialOrganization([], 'org-a')).toBe('');
  });
});

describe('the problems a refusal lists', () => {
  const refusal = new ApiError({ status: 400, code: 'incomplete_mapping', errors: [{ field: 'date', code: 'missing' }] });

  it('are those of a refusal with the code asked for', () => {
    expect(refusalProblems(refusal, 'incomplete_mapping')).toEqual([{ field: 'date', code: 'missing' }]);
  });

  it('are none for another refusal or another error', () => {
    expect(refusalProblems(refusal, 'import_rejected')).toEqual([]);
    expect(refusalProblems(new ApiError({ status: 400, code: 'incomplete_mapping' }), 'incomplete_mapping')).toEqual([]);
    expect(refusalProblems(new Error('offline'), 'incomplete_mapping')).toEqual([]);
  });
});
