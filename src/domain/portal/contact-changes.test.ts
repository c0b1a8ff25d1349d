import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { assertPending, clerkConfirmedFields, directContactFields, effectiveChanges, needsClerk } from './contact-changes.js';

const record = { familyName: '山田', givenName: '花子', familyKana: 'ヤマダ', givenKana: 'ハナコ', postalCode: '100-0001', prefectureCode: '13', address: '千代田区1-1' };

const codeOf = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'unexpected';
  }
};

describe('which contact details a member changes directly and which a clerk confirms', () => {
  it('lets e-mail and phone change at once and sends names and the address to a clerk', () => {
    expect(directContactFields).toEqual(['email', 'phone']);
    for (const f of ['familyName', 'givenName', 'familyKana', 'givenKana', 'postalCode', 'prefectureCode', 'address']) expect(needsClerk(f)).toBe(true);
    expect(needsClerk('email')).toBe(false);
    expect(needsClerk('phone')).toBe(false);
    expect(clerkConfirmedFields.some((f) => (directContactFields as readonly string[]).includes(f))).toBe(false);
  });

  it('keeps only the fields that differ from the record', () => {
    expect(effectiveChanges(record, { familyName: '佐藤', givenName: '花子', address: '千代田区2-2' })).toEqual({ familyName: '佐藤', address: '千代田区2-2' });
    expect(effectiveChanges(record, { address: null })).toEqual({ address: null });
  });

  it('refuses a request that changes nothing', () => {
    expect(codeOf(() => effectiveChanges(record, { familyName: '山田' }))).toBe('no_changes');
    expect(codeOf(() => effectiveChanges(record, {}))).toBe('no_changes');
  });

  it('refuses to blank a name or its reading, naming the field', () => {
    try {
      effectiveChanges(record, { givenKana: '  ' });
      expect.unreachable();
    } catch (error) {
      expect((error as DomainError).code).toBe('validation_failed');
      expect((error as DomainError).errors.map((e) => e.field)).toEqual(['givenKana']);
    }
  });

  it('decides or withdraws a request only while it is pending', () => {
    expect(codeOf(() => assertPending('pending'))).toBeNull();
    for (const s of ['confirmed', 'rejected', 'withdrawn']) expect(codeOf(() => assertPending(s))).toBe('change_request_decided');
  });
});
