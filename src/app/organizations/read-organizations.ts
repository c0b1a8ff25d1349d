import { sql } from 'kysely';
import { canReadOrganization, type Actor } from '../../domain/access/policy.js';
import { forbidden } from '../../domain/shared/errors.js';
import type { AppContext } from '../shared/context.js';
import { organizationViewQuery, requireOrganizationView, toView, type OrganizationView } from './organization-views.js';

/** Authorization comes first, so a refused caller learns nothing, not even whether the organization exists. */
export async function getOrganization(ctx: AppContext, actor: Actor, id: string): Promise<OrganizationView> {
  if (!canReadOrganization(actor, id)) throw forbidden();
  return requireOrganizationView(ctx, id);
}

export interface OrganizationFilter {
  parentId?: string;
  /** Matches the code or either name, case-insensitively. */
  q?: string;
}

/** The organizations the actor may see: everything for the federation administrator, else their own. */
export async function listOrganizations(ctx: AppContext, actor: Actor, filter: OrganizationFilter): Promise<OrganizationView[]> {
  let query = organizationViewQuery(ctx.db, ctx.dialect).orderBy('organizations.kind').orderBy('organizations.code');
  if (actor.role !== 'federation-admin') {
    if (!actor.organizationId || actor.role === 'member') return [];
    query = query.where('organizations.id', '=', actor.organizationId);
  }
  if (filter.parentId) query = query.where('organizations.parent_id', '=', filter.parentId);
  if (filter.q) {
    // Wildcards typed by the user are matched literally; SQLite has no default LIKE escape, so name one.
    const like = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const contains = (column: 'code' | 'name_ja' | 'name_en') => sql<boolean>`lower(${sql.ref(`organizations.${column}`)}) like ${like} escape '\\'`;
    query = query.where((eb) => eb.or([contains('code'), contains('name_ja'), contains('name_en')]));
  }
  const rows = await query.execute();
  return rows.filter((row) => canReadOrganization(actor, row.id)).map(toView);
}
