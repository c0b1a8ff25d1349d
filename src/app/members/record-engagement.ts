import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import { checkEngagement, type Engagement, type EngagementFields, type PersonFields } from '../../domain/members/member.js';
import { forbidden, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, newId, type AppContext } from '../shared/context.js';
import type { Tx } from '../shared/context.js';
import { insertPerson } from './member-rows.js';

async function insertEngagement(trx: Tx, organizationId: string, personId: string, fields: EngagementFields, at: string): Promise<Engagement> {
  const engagement: Engagement = { id: newId(), organizationId, personId, ...fields };
  await trx.insertInto('engagements').values({
    id: engagement.id, organization_id: organizationId, person_id: personId, site: fields.site, started_on: fields.startedOn, ended_on: fields.endedOn,
    labour_contract_from: fields.labourContractFrom, labour_contract_until: fields.labourContractUntil, exemption: fields.exemption,
    version: 1, created_at: at, updated_at: at,
  }).execute();
  return engagement;
}

/**
 * Records that a person is engaged in the organization's work (従事), with their labour contract or the exemption
 * the Act allows. The person must already be known to the organization (a membership or an earlier engagement).
 */
export async function recordEngagement(ctx: AppContext, actor: Actor, organizationId: string, personId: string, fields: EngagementFields): Promise<Engagement> {
  if (!canKeepRegistry(actor, organizationId)) throw forbidden();
  checkEngagement(fields);
  return inTransaction(ctx, async (trx) => {
    const known = await trx.selectFrom('memberships').select('id').where('organization_id', '=', organizationId).where('person_id', '=', personId)
      .union(trx.selectFrom('engagements').select('id').where('organization_id', '=', organizationId).where('person_id', '=', personId))
      .limit(1).executeTakeFirst();
    if (!known) throw notFound('person');
    const at = isoNow(ctx);
    const engagement = await insertEngagement(trx, organizationId, personId, fields, at);
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'engagement', entityId: engagement.id, action: 'create', before: null, after: { personId, ...fields },
    }, at);
    return engagement;
  });
}

/** Registers a worker who is not a member (組合員でない従事者): the person and their engagement together. */
export async function registerNonMemberWorker(ctx: AppContext, actor: Actor, organizationId: string, person: PersonFields, fields: EngagementFields): Promise<Engagement> {
  if (!canKeepRegistry(actor, organizationId)) throw forbidden();
  if (!(await findOrganization(ctx.db, organizationId))) throw notFound('organization');
  checkEngagement(fields);
  return inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    const { id: personId } = await insertPerson(trx, person, at);
    const engagement = await insertEngagement(trx, organizationId, personId, fields, at);
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId, entityType: 'engagement', entityId: engagement.id, action: 'register_non_member_worker', before: null, after: { personId, ...fields },
    }, at);
    return engagement;
  });
}
