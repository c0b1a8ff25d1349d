import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, genesisHash, verifyChain, type AuditRecord, type ChainEntry } from './chain.js';

const recordArb = fc.record({
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  actorUserId: fc.option(fc.uuid(), { nil: null }),
  actorEmail: fc.option(fc.emailAddress(), { nil: null }),
  organizationId: fc.option(fc.uuid(), { nil: null }),
  entityType: fc.constantFrom('organization', 'user', 'api_token'),
  entityId: fc.uuid(),
  action: fc.constantFrom('create', 'update', 'sign_in'),
  before: fc.option(fc.json(), { nil: null }),
  after: fc.option(fc.json(), { nil: null }),
});

function chainOf(records: Omit<AuditRecord, 'seq'>[]): { entries: ChainEntry[]; head: { seq: number; hash: string } } {
  let prev = genesisHash;
  const entries = records.map((r, i) => {
    const record = { ...r, seq: i + 1 };
    const hash = entryHash(prev, record);
    const entry = { ...record, prevHash: prev, hash };
    prev = hash;
    return entry;
  });
  return { entries, head: { seq: entries.length, hash: prev } };
}

describe('audit hash chain', () => {
  it('verifies an untouched chain of any length', () => {
    fc.assert(fc.property(fc.array(recordArb, { maxLength: 20 }), (records) => {
      const { entries, head } = chainOf(records);
      expect(verifyChain(entries, head)).toEqual({ ok: true, entries: records.length });
    }));
  });

  it('detects any change to any field of any entry', () => {
    fc.assert(fc.property(
      fc.array(recordArb, { minLength: 1, maxLength: 10 }),
      fc.nat(),
      fc.constantFrom('at', 'actorEmail', 'entityId', 'action', 'before', 'after'),
      (records, pick, field) => {
        const { entries, head } = chainOf(records);
        const index = pick % entries.length;
        const target = entries[index]!;
        const tampered = { ...target, [field]: `${String(target[field as keyof ChainEntry])}x` };
        const copy = entries.map((e, i) => (i === index ? tampered : e));
        const verdict = verifyChain(copy, head);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) expect(verdict.brokenAtSeq).toBe(index + 1);
      },
    ));
  });

  it('detects a removed entry and a truncated tail', () => {
    const { entries, head } = chainOf([
      { at: '2026-01-01T00:00:00.000Z', actorUserId: null, actorEmail: null, organizationId: null, entityType: 'o', entityId: '1', action: 'create', before: null, after: null },
      { at: '2026-01-02T00:00:00.000Z', actorUserId: null, actorEmail: null, organizationId: null, entityType: 'o', entityId: '1', action: 'update', before: null, after: null },
      { at: '2026-01-03T00:00:00.000Z', actorUserId: null, actorEmail: null, organizationId: null, entityType: 'o', entityId: '1', action: 'update', before: null, after: null },
    ]);
    expect(verifyChain([entries[0]!, entries[2]!], head)).toMatchObject({ ok: false, brokenAtSeq: 3, reason: 'gap_in_sequence' });
    expect(verifyChain(entries.slice(0, 2), head)).toMatchObject({ ok: false, reason: 'head_mismatch' });
  });

  it('hashes objects the same whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 4, e: 5 }] } })).toBe('{"a":{"c":[3,{"e":5,"f":4}],"d":2},"b":1}');
  });
});
