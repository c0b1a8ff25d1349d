import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import { applyEvent } from '../../domain/members/lifecycle.js';
import { memberNumberSortKey } from '../../domain/members/member-number.js';
import type { Membership, Person, PersonFields } from '../../domain/members/member.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, isUniqueViolation, newId, type AppContext } from '../shared/context.js';
import { kindCodesOf, unknownKind } from './member-kinds.js';
import { insertPerson, toPerson } from './member-rows.js';
import type { Tx } from '../shared/context.js';

/** A person the actor may link: one with a membership or engagement in an organization the actor keeps. */
async function requireKnownPerson(trx: Tx, actor: Actor, personId: string): Promise<Person> {
  const row = await trx.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
  const orgs = await trx.selectFrom('memberships').select('organization_id').where('person_id', '=', personId)
    .union(trx.selectFrom('engagements').select('organization_id').where('person_id', '=', personId)).execute();
  if (!row || !orgs.some((o) => canKeepRegistry(actor, o.organization_id))) throw notFound('person');
  return toPerson(row);
}

export interface NewMember {
  /** A new person, or one already known to an organization the actor keeps (a person may belong to several). */
  person: PersonFields | { id: string };
  memberNumber: string;
  kind: string;
  /** `apply` records an application to be admitted later; `admit` records a member admitted on that date. */
  firstEvent: 'apply' | 'admit';
  effectiveDate: string;
}

/** Registers a person and their membership in one organization, with its first event, in one transaction. */
export async function registerMember(ctx: AppContext, actor: Actor, organizationId: string, input: NewMember): Promise<{ person: Person; membership: Membership }> {
  if (!canKeepRegistry(actor, organizationId)) throw forbidden();
  if (!(await findOrganization(ctx.db, organizationId))) throw notFound('organization');
  if (!(await kindCodesOf(ctx.db, organizationId)).has(input.kind)) throw unknownKind(input.kind);
  const status = applyEvent(null, null, { type: input.firstEvent, effectiveDate: input.effectiveDate, reason: null });
  const at = isoNow(ctx);
  const memberNumber = input.memberNumber.normalize('NFKC').trim();
  try {
    return await inTransaction(ctx, async (trx) => {
      const person = 'id' in input.person ? await requireKnownPerson(trx, actor, input.person.id) : await insertPerson(trx, input.person, at);
      const open = await trx.selectFrom('memberships').select('id').where('organization_id', '=', organizationId).where('person_id', '=', person.id)
        .where('ended_on', 'is', null).executeTakeFirst();
      if (open) {
        throw new DomainError('conflict', 'already_member', 'this person already has a membership here', [{ field: 'person', code: 'already_member', message: 'already a member' }]);
      }
      const membership: Membership = {
        id: newId(), organizationId, personId: person.id, memberNumber, kind: input.kind, status,
        admittedOn: input.firstEvent === 'admit' ? input.effectiveDate : null, endedOn: null, version: 1,
      };
      await trx.insertInto('memberships').values({
        id: membership.id, organization_id: organizationId, person_id: person.id, member_number: memberNumber, member_number_key: memberNumberSortKey(memberNumber), kind: membership.kind,
        status, admitted_on: membership.admittedOn, ended_on: null, last_event_on: input.effectiveDate, version: 1, created_at: at, updated_at: at,
      }).execute();
      await trx.insertInto('membership_events').values({
        id: newId(), membership_id: membership.id, seq: 1, type: input.firstEvent, effective_date: input.effectiveDate, reason: null,
        recorded_at: at, recorded_by: actor.email,
      }).execute();
      await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
        organizationId, entityType: 'membership', entityId: membership.id, action: 'register',
        before: null, after: { memberNumber, kind: membership.kind, status, effectiveDate: input.effectiveDate, personId: person.id },
      }, at);
      return { person, membership };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', 'duplicate_member_number', `member number ${memberNumber} is taken`, [
        { field: 'memberNumber', code: 'duplicate_member_number', message: 'already in use in this organization' },
      ]);
    }
    throw error;
  }
}
