import { jsonArrayFrom as postgresJsonArrayFrom } from 'kysely/helpers/postgres';
import { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { OrganizationView } from '../../domain/organizations/views.js';
import { notFound } from '../../domain/shared/errors.js';
import { compileOnce } from '../../db/compiled-query.js';
import type { DialectName } from '../../db/database.js';
import type { AppContext, Tx } from '../shared/context.js';
import { toOrganization } from './organization-rows.js';

export type { OrganizationView };

/**
 * Organizations with their business lines and member count in one query: a read is one round trip, whatever the
 * number of organizations. Kysely's JSON helpers differ per dialect only in the SQL they write.
 */
export function organizationViewQuery(db: Tx, dialect: DialectName) {
  const jsonArrayFrom = dialect === 'postgresql' ? postgresJsonArrayFrom : sqliteJsonArrayFrom;
  return db
    .selectFrom('organizations')
    .selectAll('organizations')
    .select((eb) => [
      eb
        .selectFrom('organizations as m')
        .select((m) => m.fn.countAll<number>().as('n'))
        .whereRef('m.parent_id', '=', 'organizations.id')
        .as('member_organization_count'),
      jsonArrayFrom(
        eb
          .selectFrom('organization_business_lines as l')
          .select('l.business_line')
          .whereRef('l.organization_id', '=', 'organizations.id')
          .orderBy('l.business_line'),
      ).as('business_lines'),
    ]);
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof organizationViewQuery>['execute']>>[number];

export function toView(row: ViewRow): OrganizationView {
  // SQLite hands JSON back as text; PostgreSQL's driver parses it.
  const lines: { business_line: string }[] = typeof row.business_lines === 'string' ? JSON.parse(row.business_lines) : row.business_lines;
  return {
    ...toOrganization(row, lines.map((l) => l.business_line)),
    memberOrganizationCount: Number(row.member_organization_count ?? 0),
  };
}

const organizationViewById = compileOnce(({ db, dialect }, p: { id: string }) =>
  organizationViewQuery(db, dialect).where('organizations.id', '=', p.id),
);

export async function requireOrganizationView(ctx: AppContext, id: string): Promise<OrganizationView> {
  const [row] = await organizationViewById(ctx, { id });
  if (!row) throw notFound('organization');
  return toView(row);
}
