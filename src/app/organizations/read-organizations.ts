import { canReadOrganization, type Actor } from '../../domain/access/policy.js';
import { forbidden } from '../../domain/shared/errors.js';
import type { AppContext } from '../shared/context.js';
import { loadOrganizations, requireOrganization } from './organization-rows.js';
import { withMemberCounts, type OrganizationView } from './organization-views.js';

export async function getOrganization(ctx: AppContext, actor: Actor, id: string): Promise<OrganizationView> {
  const organization = await requireOrganization(ctx.db, id);
  if (!canReadOrganization(actor, id)) throw forbidden();
  const [view] = await withMemberCounts(ctx.db, [organization]);
  return view!;
}

export interface OrganizationFilter {
  parentId?: string;
  /** Matches the code or either name, case-insensitively. */
  q?: string;
}

/** The organizations the actor may see: everything for the federation administrator, else their own. */
export async function listOrganizations(ctx: AppContext, actor: Actor, filter: OrganizationFilter): Promise<OrganizationView[]> {
  let query = ctx.db.selectFrom('organizations').selectAll().orderBy('kind').orderBy('code');
  if (actor.role !== 'federation-admin') {
    if (!actor.organizationId || actor.role === 'member') return [];
    query = query.where('id', '=', actor.organizationId);
  }
  if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
  if (filter.q) {
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['code']), 'like', like),
        eb(eb.fn('lower', ['name_ja']), 'like', like),
        eb(eb.fn('lower', ['name_en']), 'like', like),
      ]),
    );
  }
  const rows = await query.execute();
  const visible = rows.filter((row) => canReadOrganization(actor, row.id));
  return withMemberCounts(ctx.db, await loadOrganizations(ctx.db, visible));
}
