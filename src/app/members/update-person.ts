import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import type { Person, PersonFields } from '../../domain/members/member.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, type AppContext } from '../shared/context.js';
import { normalizePerson, toPerson } from './member-rows.js';

/**
 * Corrects a person's name, kana or contact details through one of their memberships (which says where the
 * actor may see them). Optimistic locking on the person; the search follows the new names (the audit entry tells it, `member-search.ts`).
 */
export async function updatePerson(ctx: AppContext, actor: Actor, membershipId: string, version: number, patch: Partial<PersonFields>): Promise<Person> {
  return inTransaction(ctx, async (trx) => {
    const membership = await trx.selectFrom('memberships').selectAll().where('id', '=', membershipId).executeTakeFirst();
    if (!membership) throw notFound('membership');
    if (!canKeepRegistry(actor, membership.organization_id)) throw forbidden();
    const current = toPerson(await trx.selectFrom('people').selectAll().where('id', '=', membership.person_id).executeTakeFirstOrThrow());
    if (current.version !== version) throw new DomainError('conflict', 'version_conflict', `the person was changed by someone else (now version ${current.version})`);
    const { id, version: _v, ...before } = current;
    const after = normalizePerson({ ...before, ...patch });
    const changed = (Object.keys(after) as (keyof PersonFields)[]).filter((k) => after[k] !== before[k]);
    if (changed.length === 0) return current;
    const at = isoNow(ctx);
    await trx.updateTable('people').set({
      family_name: after.familyName, given_name: after.givenName, family_kana: after.familyKana, given_kana: after.givenKana, birth_date: after.birthDate,
      email: after.email, phone: after.phone, postal_code: after.postalCode, prefecture_code: after.prefectureCode, address: after.address,
      version: version + 1, updated_at: at,
    }).where('id', '=', id).execute();
    const updated: Person = { ...after, id, version: version + 1 };
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: membership.organization_id, entityType: 'person', entityId: id, action: 'update',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    }, at);
    return updated;
  });
}
