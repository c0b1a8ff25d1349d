import type { Transaction } from 'kysely';
import { entryHash, type AuditRecord } from '../../domain/audit/chain.js';
import type { Schema } from '../../db/schema.js';

/** Who did it: a signed-in user, or the system (CLI, demo loader, jobs) named by a label. */
export interface AuditActor {
  userId: string | null;
  email: string | null;
}

export const systemActor = (label: string): AuditActor => ({ userId: null, email: `system:${label}` });

export interface AuditChange {
  organizationId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

/**
 * Appends one entry to the hash chain inside the caller's transaction. Bumping the head row first takes its
 * row lock (PostgreSQL) or the write lock (SQLite), so concurrent writers append one after another.
 */
export async function recordAudit(trx: Transaction<Schema>, actor: AuditActor, change: AuditChange, at: string): Promise<void> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const record: AuditRecord = {
    seq: Number(head.seq),
    at,
    actorUserId: actor.userId,
    actorEmail: actor.email,
    organizationId: change.organizationId,
    entityType: change.entityType,
    entityId: change.entityId,
    action: change.action,
    before: change.before === null || change.before === undefined ? null : JSON.stringify(change.before),
    after: change.after === null || change.after === undefined ? null : JSON.stringify(change.after),
  };
  const hash = entryHash(head.hash, record);
  await trx
    .insertInto('audit_log')
    .values({
      seq: record.seq,
      at: record.at,
      actor_user_id: record.actorUserId,
      actor_email: record.actorEmail,
      organization_id: record.organizationId,
      entity_type: record.entityType,
      entity_id: record.entityId,
      action: record.action,
      before_json: record.before,
      after_json: record.after,
      prev_hash: head.hash,
      hash,
    })
    .execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}
