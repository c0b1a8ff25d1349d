import type { Selectable } from 'kysely';
import type { ProgrammeContractTable } from '../../db/schema.js';
import { canKeepProgrammes, type Actor } from '../../domain/access/policy.js';
import { checkContract, erasureDate, type ContractFields, type IndicatorFields } from '../../domain/programmes/contract.js';
import { DomainError, forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, newId, type AppContext, type Tx } from '../shared/context.js';

export interface ContractView extends ContractFields {
  id: string;
  organizationId: string;
  /** The day participants' records of the contract are erased (the retention after the period). */
  erasureOn: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Blank text is no value; codes and names trimmed. */
const tidy = (c: ContractFields): ContractFields => ({
  ...c, programmeJa: c.programmeJa.trim(), programmeEn: c.programmeEn?.trim() || null,
  indicators: c.indicators.map((i): IndicatorFields => ({ ...i, code: i.code.trim(), nameJa: i.nameJa.trim(), nameEn: i.nameEn?.trim() || null })),
});

/** The contract's commissioner exists and its sites are the organization's own: each problem on its field. */
async function checkReferences(db: Tx, organizationId: string, contract: ContractFields): Promise<void> {
  const commissioner = await db.selectFrom('commissioners').select('id').where('id', '=', contract.commissionerId).executeTakeFirst();
  const own = contract.siteIds.length === 0 ? [] : await db.selectFrom('sites').select('id').where('organization_id', '=', organizationId).where('id', 'in', contract.siteIds).execute();
  const ownIds = new Set(own.map((s) => s.id));
  const errors = [
    ...(commissioner ? [] : [{ field: 'commissionerId', code: 'unknown_commissioner', message: 'not on the federation\'s list of commissioners' }]),
    ...contract.siteIds.flatMap((id, i) => (ownIds.has(id) ? [] : [{ field: `siteIds.${i}`, code: 'unknown_site', message: `no site ${id} in the organization` }])),
  ];
  if (errors.length > 0) throw invalid(errors);
}

/** Contracts with their sites and indicators: three reads however many contracts, in the order of `rows`. */
async function withParts(db: Tx, rows: Selectable<ProgrammeContractTable>[]): Promise<ContractView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [sites, indicators] = await Promise.all([
    db.selectFrom('contract_sites').select(['contract_id', 'site_id']).where('contract_id', 'in', ids).orderBy('site_id').execute(),
    db.selectFrom('contract_indicators').selectAll().where('contract_id', 'in', ids).orderBy('position').execute(),
  ]);
  return rows.map((row) => ({
    id: row.id, organizationId: row.organization_id, commissionerId: row.commissioner_id, programmeJa: row.programme_ja, programmeEn: row.programme_en,
    periodFrom: row.period_from, periodUntil: row.period_until, amount: Number(row.amount), retentionMonths: Number(row.retention_months),
    siteIds: sites.filter((s) => s.contract_id === row.id).map((s) => s.site_id),
    indicators: indicators.filter((i) => i.contract_id === row.id)
      .map((i) => ({ code: i.code, nameJa: i.name_ja, nameEn: i.name_en, target: i.target === null ? null : Number(i.target) })),
    erasureOn: erasureDate(row.period_until, Number(row.retention_months)), version: Number(row.version), createdAt: row.created_at, updatedAt: row.updated_at,
  }));
}

async function readContract(db: Tx, id: string): Promise<ContractView | null> {
  const row = await db.selectFrom('programme_contracts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withParts(db, [row]))[0]! : null;
}

/** A contract the actor may keep; another organization's is not found. */
async function contractInReach(db: Tx, actor: Actor, id: string): Promise<ContractView> {
  const contract = await readContract(db, id);
  if (!contract || !canKeepProgrammes(actor, contract.organizationId)) throw notFound('contract');
  return contract;
}

export const getContract = (ctx: AppContext, actor: Actor, id: string): Promise<ContractView> => contractInReach(ctx.db, actor, id);

/** An organization's contracts, the latest period first. */
export async function listContracts(ctx: AppContext, actor: Actor, organizationId: string): Promise<ContractView[]> {
  if (!canKeepProgrammes(actor, organizationId)) throw forbidden();
  const rows = await ctx.db.selectFrom('programme_contracts').selectAll().where('organization_id', '=', organizationId)
    .orderBy('period_from', 'desc').orderBy('programme_ja').execute();
  return withParts(ctx.db, rows);
}

async function writeParts(trx: Tx, id: string, contract: ContractFields): Promise<void> {
  await trx.deleteFrom('contract_sites').where('contract_id', '=', id).execute();
  await trx.deleteFrom('contract_indicators').where('contract_id', '=', id).execute();
  if (contract.siteIds.length > 0) await trx.insertInto('contract_sites').values(contract.siteIds.map((site_id) => ({ contract_id: id, site_id }))).execute();
  if (contract.indicators.length > 0) {
    await trx.insertInto('contract_indicators').values(contract.indicators.map((i, position) => ({
      contract_id: id, code: i.code, name_ja: i.nameJa, name_en: i.nameEn, target: i.target, position,
    }))).execute();
  }
}

const columnsOf = (c: ContractFields) => ({
  commissioner_id: c.commissionerId, programme_ja: c.programmeJa, programme_en: c.programmeEn, period_from: c.periodFrom, period_until: c.periodUntil,
  amount: c.amount, retention_months: c.retentionMonths,
});

/** Records a contract with its sites and indicators in one transaction, audited. */
export async function createContract(ctx: AppContext, actor: Actor, organizationId: string, input: ContractFields): Promise<ContractView> {
  if (!canKeepProgrammes(actor, organizationId)) throw forbidden();
  const contract = tidy(input);
  checkContract(contract);
  return inTransaction(ctx, async (trx) => {
    if (!(await trx.selectFrom('organizations').select('id').where('id', '=', organizationId).executeTakeFirst())) throw notFound('organization');
    await checkReferences(trx, organizationId, contract);
    const at = isoNow(ctx);
    const id = newId();
    await trx.insertInto('programme_contracts').values({ id, organization_id: organizationId, ...columnsOf(contract), version: 1, created_at: at, updated_at: at }).execute();
    await writeParts(trx, id, contract);
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId, entityType: 'contract', entityId: id, action: 'create', before: null, after: contract }, at);
    return (await readContract(trx, id))!;
  });
}

/** Replaces a contract's fields, sites and indicators at the version the editor saw. */
export async function updateContract(ctx: AppContext, actor: Actor, id: string, input: ContractFields & { version: number }): Promise<ContractView> {
  const { version, ...fields } = input;
  const contract = tidy(fields);
  checkContract(contract);
  return inTransaction(ctx, async (trx) => {
    const before = await contractInReach(trx, actor, id);
    if (before.version !== version) throw new DomainError('conflict', 'version_conflict', `the contract was changed by someone else (now version ${before.version})`);
    await checkReferences(trx, before.organizationId, contract);
    const at = isoNow(ctx);
    await trx.updateTable('programme_contracts').set({ ...columnsOf(contract), version: version + 1, updated_at: at }).where('id', '=', id).execute();
    await writeParts(trx, id, contract);
    const { id: _id, organizationId, erasureOn: _erasureOn, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...previous } = before;
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId, entityType: 'contract', entityId: id, action: 'update', before: previous, after: contract }, at);
    return (await readContract(trx, id))!;
  });
}
