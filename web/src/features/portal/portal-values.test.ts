import { describe, expect, it } from 'vitest';
import { batchFinished, batchShare, contactChanges, monthParts, normalizePostalCode, requestedChanges, withLocale, workBars, type NameAndAddress } from './portal-values';

const registry: NameAndAddress = {
  familyName: '山田',
  givenName: '花子',
  familyKana: 'ヤマダ',
  givenKana: 'ハナコ',
  postalCode: '1500001',
  prefectureCode: '13',
  address: '渋谷区神宮前1-1-1',
};

describe('a request to change name or address', () => {
  it('carries only the fields that differ from the registry', () => {
    expect(requestedChanges(registry, { ...registry, familyName: '佐藤', familyKana: 'サトウ' })).toEqual({ familyName: '佐藤', familyKana: 'サトウ' });
  });

  it('sees no change in spaces, full-width digits or a hyphen in the postal code', () => {
    expect(requestedChanges(registry, { ...registry, familyName: ' 山田　', postalCode: '１５０-０００１' })).toEqual({});
  });

  it('clears an emptied address but never sends an empty name', () => {
    expect(requestedChanges(registry, { ...registry, address: ' ' })).toEqual({ address: null });
    expect(requestedChanges(registry, { ...registry, givenName: '' })).toEqual({ givenName: '' });
  });

  it('sends a new postal code as seven digits', () => {
    expect(requestedChanges(registry, { ...registry, postalCode: '〒160-0022' })).toEqual({ postalCode: '1600022' });
    expect(normalizePostalCode('１６０－００２２')).toBe('1600022');
  });
});

describe('contact details', () => {
  it('send only what changed, an emptied phone as null', () => {
    const current = { email: 'hanako@example.jp', phone: '090-1234-5678' };
    expect(contactChanges(current, { email: 'hanako@example.jp ', phone: '' })).toEqual({ phone: null });
    expect(contactChanges(current, { email: 'new@example.jp', phone: '０９０-1234-5678' })).toEqual({ email: 'new@example.jp' });
  });
});

describe('hours by month', () => {
  it('are drawn oldest first, as a share of the busiest month', () => {
    const bars = workBars([
      { month: '2026-10', hours: 80, days: 10 },
      { month: '2026-09', hours: 160, days: 20 },
      { month: '2026-11', hours: 0, days: 0 },
    ]);
    expect(bars.map((b) => [b.month, b.share])).toEqual([
      ['2026-09', 1],
      ['2026-10', 0.5],
      ['2026-11', 0],
    ]);
  });

  it('have no bars when no hours were worked', () => {
    expect(workBars([{ month: '2026-11', hours: 0, days: 0 }])[0]?.share).toBe(0);
    expect(workBars([])).toEqual([]);
  });

  it('name a month by year and number', () => {
    expect(monthParts('2026-04')).toEqual({ year: 2026, month: 4 });
    expect(monthParts('April')).toBeNull();
  });
});

describe('an invitation batch', () => {
  it('shows its share done, never beyond the whole', () => {
    expect(batchShare({ total: 13_420, done: 6_710 })).toBe(0.5);
    expect(batchShare({ total: 0, done: 0 })).toBe(1);
    expect(batchShare({ total: 10, done: 12 })).toBe(1);
  });

  it('is finished when done or failed', () => {
    expect(batchFinished({ status: 'running' })).toBe(false);
    expect(batchFinished({ status: 'queued' })).toBe(false);
    expect(batchFinished({ status: 'done' })).toBe(true);
    expect(batchFinished({ status: 'failed' })).toBe(true);
  });
});

describe('document addresses', () => {
  it('carry the language', () => {
    expect(withLocale('/api/v1/memberships/m1/capital/certificate.pdf', 'en')).toBe('/api/v1/memberships/m1/capital/certificate.pdf?locale=en');
    expect(withLocale('/api/v1/x.pdf?date=2026-11-27', 'ja')).toBe('/api/v1/x.pdf?date=2026-11-27&locale=ja');
  });
});
