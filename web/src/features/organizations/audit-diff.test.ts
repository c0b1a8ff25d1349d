import { describe, expect, it } from 'vitest';
import { fieldChanges, membershipKindsIn } from './audit-diff';

describe('fieldChanges', () => {
  it('lists only the fields whose values changed, leaving out bookkeeping', () => {
    const before = { id: 'o1', version: 1, nameJa: 'A', businessLines: ['eldercare'], postalCode: null };
    const after = { id: 'o1', version: 2, nameJa: 'A', businessLines: ['eldercare', 'childcare'], postalCode: '1700013' };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'postalCode', before: null, after: '1700013' },
      { field: 'businessLines', before: ['eldercare'], after: ['eldercare', 'childcare'] },
    ]);
  });

  it('treats a creation as every field changing from nothing, in the order of the form', () => {
    expect(fieldChanges(null, { status: 'active', nameJa: 'A', code: 'a' }).map((c) => c.field)).toEqual([
      'code',
      'nameJa',
      'status',
    ]);
  });

  it('leaves out fields that stay empty and the person a membership belongs to', () => {
    const before = { status: 'admitted' };
    const after = { status: 'expelled', effectiveDate: '2026-06-20', reason: null, personId: 'p1' };
    expect(fieldChanges(before, after).map((change) => change.field)).toEqual(['status', 'effectiveDate']);
  });
});

describe('membershipKindsIn', () => {
  it('collects the kinds membership entries record, each once, and nothing from other entities', () => {
    const entries = [
      { entityType: 'membership', before: null, after: { memberNumber: '0001', kind: 'supporter' } },
      { entityType: 'membership', before: { kind: 'worker' }, after: { kind: 'supporter' } },
      { entityType: 'membership', before: null, after: { imported: 12 } },
      { entityType: 'organization', before: { kind: 'organization' }, after: { kind: 'organization' } },
    ];
    expect(membershipKindsIn(entries)).toEqual(['supporter', 'worker']);
  });
});
