import { canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import type { AppContext } from '../shared/context.js';

export interface MemberCount {
  organizationId: string;
  kind: string;
  members: number;
}

/** Members on `date` by organization and kind: all organizations for the federation administrator, else their own. */
export async function countMembers(ctx: AppContext, actor: Actor, date: string): Promise<MemberCount[]> {
  let query = ctx.db
    .selectFrom('memberships')
    .select(['organization_id', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('admitted_on', '<=', date)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', date)]))
    .groupBy(['organization_id', 'kind'])
    .orderBy('organization_id')
    .orderBy('kind');
  if (actor.role !== 'federation-admin') {
    if (!actor.organizationId || !canKeepRegistry(actor, actor.organizationId)) return [];
    query = query.where('organization_id', '=', actor.organizationId);
  }
  return (await query.execute()).map((r) => ({ organizationId: r.organization_id, kind: r.kind, members: Number(r.n) }));
}
