import type { Selectable, Transaction } from 'kysely';
import { canDecideChangeRequests, type Actor } from '../../domain/access/policy.js';
import type { PersonFields } from '../../domain/members/member.js';
import {
  assertPending, clerkConfirmedFields, effectiveChanges, type ChangeRequestStatus, type ClerkConfirmedField, type DirectContactChanges, type RequestedChanges,
} from '../../domain/portal/contact-changes.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import type { ContactChangeRequestTable, Schema } from '../../db/schema.js';
import { recordAudit } from '../audit/record-audit.js';
import { normalizePerson, toPerson } from '../members/member-rows.js';
import { inTransaction, isoNow, newId, type AppContext } from '../shared/context.js';

export interface ChangeRequest {
  id: string;
  personId: string;
  changes: RequestedChanges;
  status: ChangeRequestStatus;
  createdAt: string;
  decidedAt: string | null;
  reason: string | null;
}

export const toChangeRequest = (r: Selectable<ContactChangeRequestTable>): ChangeRequest => ({
  id: r.id, personId: r.person_id, changes: JSON.parse(r.changes_json) as RequestedChanges, status: r.status as ChangeRequestStatus, createdAt: r.created_at,
  decidedAt: r.decided_at, reason: r.reason,
});

/** The member behind the account: only a member's own account has a record to change. */
function ownPerson(actor: Actor): { personId: string; organizationId: string } {
  if (actor.role !== 'member' || !actor.personId || !actor.organizationId) throw forbidden('this account is not a member\'s own');
  return { personId: actor.personId, organizationId: actor.organizationId };
}

const clerkFieldsOf = (p: PersonFields): Record<ClerkConfirmedField, string | null> => Object.fromEntries(clerkConfirmedFields.map((f) => [f, p[f]])) as Record<ClerkConfirmedField, string | null>;

async function personFields(trx: Transaction<Schema>, personId: string) {
  return toPerson(await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirstOrThrow());
}

/** Writes a person's new fields (normalized as the registry does), keeps their search tokens in step, audits the change. */
async function applyToPerson(trx: Transaction<Schema>, actor: Actor, organizationId: string, personId: string, patch: Partial<PersonFields>, at: string): Promise<string[]> {
  const current = await personFields(trx, personId);
  const { id, version, ...before } = current;
  const after = normalizePerson({ ...before, ...patch });
  const changed = (Object.keys(after) as (keyof PersonFields)[]).filter((k) => after[k] !== before[k]);
  if (changed.length === 0) return [];
  await trx.updateTable('people').set({
    family_name: after.familyName, given_name: after.givenName, family_kana: after.familyKana, given_kana: after.givenKana, email: after.email, phone: after.phone,
    postal_code: after.postalCode, prefecture_code: after.prefectureCode, address: after.address, version: version + 1, updated_at: at,
  }).where('id', '=', id).execute();
  await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
    organizationId, entityType: 'person', entityId: id, action: 'update',
    before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  }, at);
  return changed;
}

/** 連絡先の変更: the member's own e-mail and phone change at once, in the audit log. */
export async function updateMyContact(ctx: AppContext, actor: Actor, changes: DirectContactChanges): Promise<{ email: string | null; phone: string | null }> {
  const { personId, organizationId } = ownPerson(actor);
  return inTransaction(ctx, async (trx) => {
    const patch: Partial<PersonFields> = {};
    if ('email' in changes) patch.email = changes.email ?? null;
    if ('phone' in changes) patch.phone = changes.phone ?? null;
    await applyToPerson(trx, actor, organizationId, personId, patch, isoNow(ctx));
    const person = await personFields(trx, personId);
    return { email: person.email, phone: person.phone };
  });
}

/**
 * A member asks for their name, kana or address to change; a clerk confirms it. A newer request replaces a pending
 * one (the older is withdrawn), so the clerk sees one request per member.
 */
export async function requestChange(ctx: AppContext, actor: Actor, requested: RequestedChanges): Promise<ChangeRequest> {
  const { personId, organizationId } = ownPerson(actor);
  return inTransaction(ctx, async (trx) => {
    const { id: _id, version: _v, ...current } = await personFields(trx, personId);
    const normalized = clerkFieldsOf(normalizePerson({ ...current, ...requested } as PersonFields));
    const asked = Object.fromEntries(Object.keys(requested).map((f) => [f, normalized[f as ClerkConfirmedField]])) as RequestedChanges;
    const changes = effectiveChanges(clerkFieldsOf(current), asked);
    const at = isoNow(ctx);
    await trx.updateTable('contact_change_requests').set({ status: 'withdrawn', decided_by: actor.userId, decided_at: at })
      .where('organization_id', '=', organizationId).where('status', '=', 'pending').where('person_id', '=', personId).execute();
    const row = {
      id: newId(), organization_id: organizationId, person_id: personId, requested_by: actor.userId, changes_json: JSON.stringify(changes), status: 'pending',
      decided_by: null, decided_at: null, reason: null, created_at: at,
    };
    await trx.insertInto('contact_change_requests').values(row).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'contact_change_request', entityId: row.id, action: 'create', before: null, after: { personId, changes },
    }, at);
    return toChangeRequest(row);
  });
}

/** The member withdraws their own pending request; anyone else's is not there for them. */
export async function withdrawChangeRequest(ctx: AppContext, actor: Actor, requestId: string): Promise<void> {
  const { personId, organizationId } = ownPerson(actor);
  await inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('contact_change_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
    if (!row || row.person_id !== personId || row.organization_id !== organizationId) throw notFound('change request');
    assertPending(row.status);
    const at = isoNow(ctx);
    await trx.updateTable('contact_change_requests').set({ status: 'withdrawn', decided_by: actor.userId, decided_at: at }).where('id', '=', requestId).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'contact_change_request', entityId: requestId, action: 'withdraw', before: { status: 'pending' }, after: { status: 'withdrawn' },
    }, at);
  });
}

/** The requests a clerk decides: each with the member's number and the record as it is now, oldest first. */
export async function listChangeRequests(ctx: AppContext, actor: Actor, organizationId: string, status: ChangeRequestStatus | null) {
  if (!canDecideChangeRequests(actor, organizationId)) throw forbidden();
  let query = ctx.db.selectFrom('contact_change_requests as r').innerJoin('people as p', 'p.id', 'r.person_id')
    .leftJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'r.person_id').onRef('m.organization_id', '=', 'r.organization_id'))
    .selectAll('r').select(['m.id as membership_id', 'm.member_number', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana', 'p.postal_code', 'p.prefecture_code', 'p.address'])
    .where('r.organization_id', '=', organizationId);
  if (status) query = query.where('r.status', '=', status);
  const rows = await query.orderBy('r.created_at').orderBy('r.id').limit(1000).execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({
    ...toChangeRequest(r), membershipId: r.membership_id, memberNumber: r.member_number,
    current: { familyName: r.family_name, givenName: r.given_name, familyKana: r.family_kana, givenKana: r.given_kana, postalCode: r.postal_code, prefectureCode: r.prefecture_code, address: r.address },
  }));
}

async function requestToDecide(trx: Transaction<Schema>, actor: Actor, requestId: string) {
  const row = await trx.selectFrom('contact_change_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
  if (!row) throw notFound('change request');
  if (!canDecideChangeRequests(actor, row.organization_id)) throw forbidden();
  assertPending(row.status);
  return row;
}

/** A clerk confirms: the change is applied to the person with the registry's normalization, in the audit log. */
export async function confirmChangeRequest(ctx: AppContext, actor: Actor, requestId: string): Promise<ChangeRequest> {
  return inTransaction(ctx, async (trx) => {
    const row = await requestToDecide(trx, actor, requestId);
    const at = isoNow(ctx);
    const request = toChangeRequest(row);
    await applyToPerson(trx, actor, row.organization_id, row.person_id, request.changes as Partial<PersonFields>, at);
    await trx.updateTable('contact_change_requests').set({ status: 'confirmed', decided_by: actor.userId, decided_at: at }).where('id', '=', requestId).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: row.organization_id, entityType: 'contact_change_request', entityId: requestId, action: 'confirm', before: { status: 'pending' }, after: { status: 'confirmed' },
    }, at);
    return { ...request, status: 'confirmed', decidedAt: at };
  });
}

/** A clerk rejects, saying why: the record keeps what it had. */
export async function rejectChangeRequest(ctx: AppContext, actor: Actor, requestId: string, reason: string): Promise<ChangeRequest> {
  const why = reason.trim();
  if (!why) throw new DomainError('invalid', 'validation_failed', 'a reason is required', [{ field: 'reason', code: 'required', message: 'say why' }]);
  return inTransaction(ctx, async (trx) => {
    const row = await requestToDecide(trx, actor, requestId);
    const at = isoNow(ctx);
    await trx.updateTable('contact_change_requests').set({ status: 'rejected', decided_by: actor.userId, decided_at: at, reason: why }).where('id', '=', requestId).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: row.organization_id, entityType: 'contact_change_request', entityId: requestId, action: 'reject', before: { status: 'pending' }, after: { status: 'rejected', reason: why },
    }, at);
    return { ...toChangeRequest(row), status: 'rejected', decidedAt: at, reason: why };
  });
}
