import type { Actor } from '../../domain/access/policy.js';
import { notFound } from '../../domain/shared/errors.js';
import { recordAudit, type AuditActor } from '../audit/record-audit.js';
import { inTransaction, isoNow, newId, type AppContext } from '../shared/context.js';
import { hashSecret, newSecret } from './secrets.js';
import { flushTokenUse } from './token-use.js';

export interface ApiTokenInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** Creates a token for a user; the secret is returned once and only its hash is kept. */
export async function createApiToken(
  ctx: AppContext,
  auditActor: AuditActor,
  owner: { userId: string; organizationId: string | null },
  name: string,
): Promise<ApiTokenInfo & { token: string }> {
  const token = newSecret('kyodo_');
  const at = isoNow(ctx);
  const info: ApiTokenInfo = { id: newId(), name: name.trim() || 'token', createdAt: at, lastUsedAt: null };
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('api_tokens').values({
      id: info.id, user_id: owner.userId, name: info.name, token_hash: hashSecret(token), created_at: at, last_used_at: null, revoked_at: null,
    }).execute();
    await recordAudit(trx, auditActor, {
      organizationId: owner.organizationId, entityType: 'api_token', entityId: info.id, action: 'create', before: null, after: { name: info.name, userId: owner.userId },
    }, at);
  });
  return { ...info, token };
}

export async function listApiTokens(ctx: AppContext, actor: Actor): Promise<ApiTokenInfo[]> {
  // Uses this instance noted in the last second are shown too.
  await flushTokenUse(ctx);
  const rows = await ctx.db.selectFrom('api_tokens').select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', actor.userId).where('revoked_at', 'is', null).orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

/** Revokes one of the actor's own tokens. */
export async function revokeApiToken(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    const result = await trx.updateTable('api_tokens').set({ revoked_at: at })
      .where('id', '=', id).where('user_id', '=', actor.userId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notFound('token');
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: actor.organizationId, entityType: 'api_token', entityId: id, action: 'revoke', before: null, after: null,
    }, at);
  });
}
