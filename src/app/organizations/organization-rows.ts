import type { Selectable, Transaction } from 'kysely';
import type { Tx } from '../shared/context.js';
import type { Organization } from '../../domain/organizations/organization.js';
import type { LegalForm, OrganizationKind, OrganizationStatus } from '../../domain/organizations/reference.js';
import type { OrganizationTable, Schema } from '../../db/schema.js';


export function toOrganization(row: Selectable<OrganizationTable>, businessLines: string[]): Organization {
  return {
    id: row.id,
    code: row.code,
    kind: row.kind as OrganizationKind,
    parentId: row.parent_id,
    nameJa: row.name_ja,
    nameEn: row.name_en,
    legalForm: row.legal_form as LegalForm,
    lawProfile: row.law_profile,
    registrationDate: row.registration_date,
    fiscalYearStartMonth: Number(row.fiscal_year_start_month),
    prefectureCode: row.prefecture_code,
    postalCode: row.postal_code,
    address: row.address,
    businessLines,
    status: row.status as OrganizationStatus,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Business lines of many organizations in one query, in the canonical order of the reference list. */
export async function businessLinesOf(db: Tx, ids: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('organization_business_lines')
    .select(['organization_id', 'business_line'])
    .where('organization_id', 'in', ids)
    .orderBy('organization_id')
    .orderBy('business_line')
    .execute();
  for (const row of rows) map.get(row.organization_id)?.push(row.business_line);
  return map;
}

export async function findOrganization(db: Tx, id: string): Promise<Organization | null> {
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const lines = await businessLinesOf(db, [row.id]);
  return toOrganization(row, lines.get(row.id) ?? []);
}

/** Columns for insert and update, from the domain fields. */
export function organizationColumns(o: Omit<Organization, 'id' | 'createdAt' | 'businessLines'>) {
  return {
    code: o.code,
    kind: o.kind,
    parent_id: o.parentId,
    name_ja: o.nameJa,
    name_en: o.nameEn,
    legal_form: o.legalForm,
    law_profile: o.lawProfile,
    registration_date: o.registrationDate,
    fiscal_year_start_month: o.fiscalYearStartMonth,
    prefecture_code: o.prefectureCode,
    postal_code: o.postalCode,
    address: o.address,
    status: o.status,
    version: o.version,
    updated_at: o.updatedAt,
  };
}

export async function replaceBusinessLines(trx: Transaction<Schema>, organizationId: string, lines: string[]): Promise<void> {
  await trx.deleteFrom('organization_business_lines').where('organization_id', '=', organizationId).execute();
  if (lines.length > 0) {
    await trx
      .insertInto('organization_business_lines')
      .values(lines.map((business_line) => ({ organization_id: organizationId, business_line })))
      .execute();
  }
}
