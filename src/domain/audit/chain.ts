import { createHash } from 'node:crypto';

/** The first entry links to this hash. */
export const genesisHash = '0'.repeat(64);

/** What one audit entry says; `seq` orders the chain. */
export interface AuditRecord {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorEmail: string | null;
  organizationId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: string | null;
  after: string | null;
}

/** JSON with sorted keys, so the same value always hashes the same way. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Each entry's hash covers its content and the previous hash: changing or removing any entry breaks the chain. */
export function entryHash(prevHash: string, record: AuditRecord): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(record)).digest('hex');
}

export type ChainVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAtSeq: number; reason: string };

export type ChainEntry = AuditRecord & { prevHash: string; hash: string };

/**
 * Checks entries one at a time in seq order, so a long log can be streamed in pages. `push` answers a verdict at
 * the first broken entry; `finish` compares the end with the stored head, which catches a truncated tail.
 */
export function createChainVerifier() {
  let prev = genesisHash;
  let count = 0;
  let lastSeq = 0;
  return {
    push(entry: ChainEntry): ChainVerdict | null {
      count += 1;
      const broken = (reason: string): ChainVerdict => ({ ok: false, entries: count, brokenAtSeq: entry.seq, reason });
      if (entry.seq !== lastSeq + 1) return broken('gap_in_sequence');
      if (entry.prevHash !== prev) return broken('previous_hash_mismatch');
      const { prevHash: _prevHash, hash, ...record } = entry;
      if (entryHash(prev, record) !== hash) return broken('content_changed');
      prev = hash;
      lastSeq = entry.seq;
      return null;
    },
    finish(expectedHead: { seq: number; hash: string }): ChainVerdict {
      if (lastSeq !== expectedHead.seq || prev !== expectedHead.hash) {
        return { ok: false, entries: count, brokenAtSeq: lastSeq + 1, reason: 'head_mismatch' };
      }
      return { ok: true, entries: count };
    },
  };
}

export function verifyChain(entries: Iterable<ChainEntry>, expectedHead: { seq: number; hash: string }): ChainVerdict {
  const verifier = createChainVerifier();
  for (const entry of entries) {
    const verdict = verifier.push(entry);
    if (verdict) return verdict;
  }
  return verifier.finish(expectedHead);
}
