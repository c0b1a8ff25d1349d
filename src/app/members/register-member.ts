import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import { applyEvent } from '../../domain/members/lifecycle.js';
import type { Membership, Person, PersonFields } from '../../domain/members/member.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, isUniqueViolation, newId, type AppContext } from '../shared/context.js';
import { indexMembership, insertPerson } from './member-rows.js';

export interface NewMember {
  person: PersonFields;
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
  const status = applyEvent(null, null, { type: input.firstEvent, effectiveDate: input.effectiveDate, reason: null });
  const at = isoNow(ctx);
  const memberNumber = input.memberNumber.normalize('NFKC').trim();
  try {
    return await inTransaction(ctx, async (trx) => {
      const person = await insertPerson(trx, input.person, at);
      const membership: Membership = {
        id: newId(), organizationId, personId: person.id, memberNumber, kind: input.kind, status,
        admittedOn: input.firstEvent === 'admit' ? input.effectiveDate : null, endedOn: null, version: 1,
      };
      await trx.insertInto('memberships').values({
        id: membership.id, organization_id: organizationId, person_id: person.id, member_number: memberNumber, kind: membership.kind,
        status, admitted_on: membership.admittedOn, ended_on: null, last_event_on: input.effectiveDate, version: 1, created_at: at, updated_at: at,
      }).execute();
      await trx.insertInto('membership_events').values({
        id: newId(), membership_id: membership.id, seq: 1, type: input.firstEvent, effective_date: input.effectiveDate, reason: null,
        recorded_at: at, recorded_by: actor.email,
      }).execute();
      await indexMembership(trx, membership, person);
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
