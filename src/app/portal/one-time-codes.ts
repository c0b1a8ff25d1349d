import { randomBytes } from 'node:crypto';
import { bulkInsert } from '../../db/bulk-insert.js';
import { codeExpiry, codesFromBytes, type InvitationChannel } from '../../domain/portal/one-time-code.js';
import { keyedDigest, keyedDigestPattern, keyedDigests, requireKeyring, type Keyring } from '../crypto/keyring.js';
import { hashSecret } from '../accounts/secrets.js';
import { newId, type AppContext, type Tx } from '../shared/context.js';

/**
 * Invitations with one-time codes, written in bulk. The code leaves this module only towards the letter or the
 * e-mail; the database keeps its keyed digest under the data key (code_hash, `kh1.<key id>.…`), which is also how a
 * typed code is found again. A plain hash would let anyone holding a copy of the database try all 2^59 codes offline
 * against every stored one at once; the key is kept outside the database. Codes issued before digests were keyed
 * (a plain SHA-256) are still found until they expire.
 */

/** The stored forms a typed code may have: its digest under each loaded key, and the plain hash of older codes. */
export function codeDigests(ctx: AppContext, code: string): string[] {
  return [...(ctx.keyring ? keyedDigests(ctx.keyring, code, 'one-time-code') : []), hashSecret(code)];
}

/**
 * The keys, of those given, that codes still usable (neither used, revoked nor expired) were digested under: a
 * rotation keeps them in the key file until those codes expire, or the letters would stop working.
 */
export async function keysOfLiveCodes(ctx: AppContext, keyIds: readonly string[]): Promise<Map<string, number>> {
  const now = ctx.now().toISOString();
  const live = new Map<string, number>();
  for (const id of keyIds) {
    const row = await ctx.db.selectFrom('member_invitations').select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('code_hash', 'like', keyedDigestPattern(id)).where('used_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    if (Number(row.n) > 0) live.set(id, Number(row.n));
  }
  return live;
}

export interface IssuedCode {
  membershipId: string;
  invitationId: string;
  /** The code itself (12 characters): never stored. */
  code: string;
  expiresAt: string;
}

export interface CodeRequest {
  membershipId: string;
  channel: InvitationChannel;
}

/** How many memberships one revoking statement names (well under both dialects' limits on bound values). */
const revokeChunk = 500;

/**
 * Issues a code for each membership asked for, in one transaction: the unused codes those members still hold are
 * revoked first (a reprinted letter makes the lost one worthless), then the new invitations are inserted in
 * multi-row statements. Codes and their hashes are made in bulk from one draw of random bytes.
 */
export async function issueCodes(
  ctx: AppContext,
  trx: Tx,
  requests: readonly CodeRequest[],
  options: { organizationId: string; batchId: string | null; createdBy: string | null; at: Date },
): Promise<IssuedCode[]> {
  if (requests.length === 0) return [];
  const keyring: Keyring = requireKeyring(ctx);
  const atIso = options.at.toISOString();
  const ids = requests.map((r) => r.membershipId);
  for (let i = 0; i < ids.length; i += revokeChunk) {
    await trx.updateTable('member_invitations').set({ revoked_at: atIso })
      .where('membership_id', 'in', ids.slice(i, i + revokeChunk)).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
  }
  const codes = codesFromBytes(requests.length, (size) => randomBytes(size));
  const issued = requests.map((request, i): IssuedCode => ({
    membershipId: request.membershipId, invitationId: newId(), code: codes[i]!, expiresAt: codeExpiry(options.at, request.channel).toISOString(),
  }));
  await bulkInsert(trx, ctx.dialect, 'member_invitations', issued.map((row, i) => ({
    id: row.invitationId, organization_id: options.organizationId, membership_id: row.membershipId, batch_id: options.batchId, channel: requests[i]!.channel,
    code_hash: keyedDigest(keyring, row.code, 'one-time-code'), expires_at: row.expiresAt, used_at: null, revoked_at: null, created_by: options.createdBy, created_at: atIso,
  })));
  return issued;
}
