import { createChainVerifier, type ChainVerdict } from '../../domain/audit/chain.js';
import { canReadAuditLog, canReadOrganization, type Actor } from '../../domain/access/policy.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import type { AppContext } from '../shared/context.js';
import { findOrganization } from '../organizations/organization-rows.js';

export interface AuditEntry {
  seq: number;
  at: string;
  actorEmail: string | null;
  organizationId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

function baseQuery(ctx: AppContext) {
  return ctx.db.selectFrom('audit_log').select([
    'seq', 'at', 'actor_email', 'organization_id', 'entity_type', 'entity_id', 'action', 'before_json', 'after_json',
  ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const toEntry = (row: Row): AuditEntry => ({
  seq: Number(row.seq),
  at: row.at,
  actorEmail: row.actor_email,
  organizationId: row.organization_id,
  entityType: row.entity_type,
  entityId: row.entity_id,
  action: row.action,
  before: parse(row.before_json),
  after: parse(row.after_json),
});

/** The history of one organization: every audited change made within it, newest first (sign-ins are not changes). */
export async function getOrganizationHistory(ctx: AppContext, actor: Actor, organizationId: string, limit = 200): Promise<AuditEntry[]> {
  if (!canReadOrganization(actor, organizationId)) throw forbidden();
  if (!(await findOrganization(ctx.db, organizationId))) throw notFound('organization');
  const rows = await baseQuery(ctx)
    .where('organization_id', '=', organizationId)
    .where('action', '!=', 'sign_in')
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toEntry);
}

/** The whole log, for the federation administrator, newest first, paged by `beforeSeq`. */
export async function listAuditLog(ctx: AppContext, actor: Actor, options: { beforeSeq?: number; limit: number }): Promise<AuditEntry[]> {
  if (!canReadAuditLog(actor)) throw forbidden();
  let query = baseQuery(ctx).orderBy('seq', 'desc').limit(options.limit);
  if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
  return (await query.execute()).map(toEntry);
}

/** Recomputes every hash in order, a page at a time, and compares the end with the stored head. */
export async function verifyAuditLog(ctx: AppContext): Promise<ChainVerdict> {
  const head = await ctx.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const verifier = createChainVerifier();
  let after = 0;
  for (;;) {
    const rows = await ctx.db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(1000).execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const verdict = verifier.push({
        seq: Number(r.seq), at: r.at, actorUserId: r.actor_user_id, actorEmail: r.actor_email, organizationId: r.organization_id,
        entityType: r.entity_type, entityId: r.entity_id, action: r.action, before: r.before_json, after: r.after_json,
        prevHash: r.prev_hash, hash: r.hash,
      });
      if (verdict) return verdict;
    }
    after = Number(rows[rows.length - 1]!.seq);
  }
  return verifier.finish({ seq: Number(head.seq), hash: head.hash });
}
