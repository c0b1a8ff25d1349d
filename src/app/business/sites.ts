import type { Selectable } from 'kysely';
import type { SiteTable } from '../../db/schema.js';
import { canKeepBusinesses, type Actor } from '../../domain/access/policy.js';
import { checkSite, type SiteFields, type SiteOperation } from '../../domain/business/site.js';
import { normalizePostalCode } from '../../domain/organizations/organization.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, isUniqueViolation, newId, type AppContext, type Tx } from '../shared/context.js';
import { fiscalYearPeriod } from '../../domain/shared/fiscal-year.js';
import { businessLineCodes } from './business-lines.js';
import { openIn, startMonthOf } from './site-periods.js';

export interface SiteView extends SiteFields {
  id: string;
  organizationId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const toSite = (row: Selectable<SiteTable>): SiteView => ({
  id: row.id, organizationId: row.organization_id, nameJa: row.name_ja, nameEn: row.name_en, businessLine: row.business_line,
  postalCode: row.postal_code, prefectureCode: row.prefecture_code, address: row.address, openedOn: row.opened_on, closedOn: row.closed_on,
  operation: row.operation as SiteOperation, commissionerName: row.commissioner_name, commissionerCode: row.commissioner_code,
  capacity: row.capacity === null ? null : Number(row.capacity), version: Number(row.version), createdAt: row.created_at, updatedAt: row.updated_at,
});

const columnsOf = (site: SiteFields) => ({
  name_ja: site.nameJa, name_en: site.nameEn, business_line: site.businessLine, postal_code: site.postalCode, prefecture_code: site.prefectureCode,
  address: site.address, opened_on: site.openedOn, closed_on: site.closedOn, operation: site.operation, commissioner_name: site.commissionerName,
  commissioner_code: site.commissionerCode, capacity: site.capacity,
});

/** Blank text is no value; the postal code is stored as seven digits; an own site keeps no commissioner. */
const tidy = (site: SiteFields): SiteFields => {
  const text = (value: string | null): string | null => (value === null || value.trim() === '' ? null : value.trim());
  return {
    ...site, nameJa: site.nameJa.trim(), nameEn: text(site.nameEn), postalCode: normalizePostalCode(text(site.postalCode)), address: text(site.address),
    commissionerName: text(site.commissionerName), commissionerCode: text(site.commissionerCode),
  };
};

const nameTaken = (name: string): DomainError =>
  new DomainError('conflict', 'duplicate_name', `the organization has a site named ${name} already`, [{ field: 'nameJa', code: 'duplicate_name', message: name }]);

/** An organization that does not exist is not found (rather than an empty list of sites). */
async function knownOrganization(db: Tx, organizationId: string): Promise<void> {
  if (!(await db.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst())) throw notFound('organization');
}

/** An organization's sites, open ones first, by name. */
export async function listSites(ctx: AppContext, actor: Actor, organizationId: string): Promise<SiteView[]> {
  if (!canKeepBusinesses(actor, organizationId)) throw forbidden();
  await knownOrganization(ctx.db, organizationId);
  const rows = await ctx.db.selectFrom('sites').selectAll().where('organization_id', '=', organizationId)
    .orderBy((eb) => eb.case().when('closed_on', 'is', null).then(0).else(1).end()).orderBy('name_ja').execute();
  return rows.map(toSite);
}

/** Opens a site's record: checked against the rules and the federation's business lines, audited. */
export async function createSite(ctx: AppContext, actor: Actor, organizationId: string, input: SiteFields): Promise<SiteView> {
  if (!canKeepBusinesses(actor, organizationId)) throw forbidden();
  const site = tidy(input);
  return inTransaction(ctx, async (trx) => {
    await knownOrganization(trx, organizationId);
    checkSite(site, await businessLineCodes(trx));
    const at = isoNow(ctx);
    const id = newId();
    try {
      await trx.insertInto('sites').values({ id, organization_id: organizationId, ...columnsOf(site), version: 1, created_at: at, updated_at: at }).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(site.nameJa);
      throw error;
    }
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId, entityType: 'site', entityId: id, action: 'create', before: null, after: site }, at);
    return readSite(trx, id);
  });
}

const readSite = async (db: Tx, id: string): Promise<SiteView> => toSite(await db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirstOrThrow());

/** A site in the actor's reach: one of another organization is not found, as anywhere else. */
export async function siteInReach(db: Tx, actor: Actor, siteId: string): Promise<Selectable<SiteTable>> {
  const row = await db.selectFrom('sites').selectAll().where('id', '=', siteId).executeTakeFirst();
  if (!row || !canKeepBusinesses(actor, row.organization_id)) throw notFound('site');
  return row;
}

const fieldsOf = ({ id: _id, organizationId: _organizationId, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...fields }: SiteView): SiteFields => fields;

/**
 * Years recorded for the site that its new dates would leave outside the time it was open: a result belongs to a
 * year the site was open in, so moving the dates past recorded results is refused (correct or remove them first).
 */
async function checkRecordedYears(db: Tx, site: SiteFields, siteId: string, organizationId: string): Promise<void> {
  const years = await db.selectFrom('site_results').select('fiscal_year').where('site_id', '=', siteId).execute();
  if (years.length === 0) return;
  const startMonth = await startMonthOf(db, organizationId);
  const outside = years.map((r) => Number(r.fiscal_year)).filter((year) => !openIn({ opened_on: site.openedOn, closed_on: site.closedOn }, fiscalYearPeriod(year, startMonth)));
  if (outside.length > 0) {
    throw new DomainError('rule_violation', 'results_outside_period', `results are recorded for fiscal ${outside.join(', ')}, when the site would not be open`,
      [{ field: site.closedOn !== null ? 'closedOn' : 'openedOn', code: 'results_outside_period', message: outside.join(', ') }]);
  }
}

/** Changes a site at the version the editor saw (a stale one answers version_conflict). */
export async function updateSite(ctx: AppContext, actor: Actor, siteId: string, change: Partial<SiteFields> & { version: number }): Promise<SiteView> {
  const { version, ...fields } = change;
  return inTransaction(ctx, async (trx) => {
    const row = await siteInReach(trx, actor, siteId);
    if (Number(row.version) !== version) throw new DomainError('conflict', 'version_conflict', `the site was changed by someone else (now version ${row.version})`);
    const current = fieldsOf(toSite(row));
    const next = tidy({ ...current, ...fields });
    checkSite(next, await businessLineCodes(trx));
    await checkRecordedYears(trx, next, siteId, row.organization_id);
    const at = isoNow(ctx);
    try {
      await trx.updateTable('sites').set({ ...columnsOf(next), version: version + 1, updated_at: at }).where('id', '=', siteId).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw nameTaken(next.nameJa);
      throw error;
    }
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: row.organization_id, entityType: 'site', entityId: siteId, action: 'update', before: current, after: next,
    }, at);
    return readSite(trx, siteId);
  });
}

/** Closes a site on a date (閉所): its record and results stay, for the years it was open. */
export async function closeSite(ctx: AppContext, actor: Actor, siteId: string, input: { closedOn: string; version: number }): Promise<SiteView> {
  return updateSite(ctx, actor, siteId, { closedOn: input.closedOn, version: input.version });
}
