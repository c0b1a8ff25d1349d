import type { Organization } from '../../domain/organizations/organization.js';
import type { Tx } from '../shared/context.js';

/** An organization as presented: with the number of organizations that are its members. */
export interface OrganizationView extends Organization {
  memberOrganizationCount: number;
}

export async function withMemberCounts(db: Tx, organizations: Organization[]): Promise<OrganizationView[]> {
  const federationIds = organizations.filter((o) => o.kind === 'federation').map((o) => o.id);
  const counts = new Map<string, number>();
  if (federationIds.length > 0) {
    const rows = await db
      .selectFrom('organizations')
      .select((eb) => ['parent_id', eb.fn.countAll().as('n')])
      .where('parent_id', 'in', federationIds)
      .groupBy('parent_id')
      .execute();
    for (const row of rows) if (row.parent_id) counts.set(row.parent_id, Number(row.n));
  }
  return organizations.map((o) => ({ ...o, memberOrganizationCount: counts.get(o.id) ?? 0 }));
}
