import { canCreateOrganization, canEditOrganization, type Actor } from '../../domain/access/policy.js';
import {
  changedFields,
  checkOrganizationRules,
  normalizePostalCode,
  structuralFields,
  type Organization,
  type OrganizationFields,
} from '../../domain/organizations/organization.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { recordAudit, type AuditActor } from '../audit/record-audit.js';
import { businessLineCodes } from '../business/business-lines.js';
import { inTransaction, isoNow, isUniqueViolation, newId, type AppContext, type Tx } from '../shared/context.js';
import { findOrganization, organizationColumns, replaceBusinessLines } from './organization-rows.js';
import { requireOrganizationView, type OrganizationView } from './organization-views.js';

const duplicateCode = (code: string) =>
  new DomainError('conflict', 'duplicate_code', `an organization with code "${code}" exists`, [
    { field: 'code', code: 'duplicate_code', message: 'already in use' },
  ]);

function normalize(fields: OrganizationFields): OrganizationFields {
  return {
    ...fields,
    nameJa: fields.nameJa.trim(),
    nameEn: fields.nameEn?.trim() || null,
    address: fields.address?.trim() || null,
    postalCode: normalizePostalCode(fields.postalCode),
  };
}

async function checkParent(db: Tx, parentId: string | null): Promise<void> {
  if (parentId === null) return;
  const parent = await findOrganization(db, parentId);
  if (!parent || parent.kind !== 'federation') {
    throw new DomainError('rule_violation', 'parent_not_federation', 'the parent must be a federation', [
      { field: 'parentId', code: 'parent_not_federation', message: 'must name a federation' },
    ]);
  }
}

/** Creates an organization; `actor` null means the system (CLI, demo loader), which is always allowed. */
export async function createOrganization(
  ctx: AppContext,
  actor: Actor | null,
  auditActor: AuditActor,
  input: OrganizationFields,
): Promise<OrganizationView> {
  if (actor && !canCreateOrganization(actor)) throw forbidden();
  const fields = normalize(input);
  checkOrganizationRules(fields, null, await businessLineCodes(ctx.db));
  await checkParent(ctx.db, fields.parentId);
  const at = isoNow(ctx);
  const organization: Organization = { ...fields, id: newId(), version: 1, createdAt: at, updatedAt: at };
  try {
    await inTransaction(ctx, async (trx) => {
      await trx.insertInto('organizations').values({ id: organization.id, created_at: at, ...organizationColumns(organization) }).execute();
      await replaceBusinessLines(trx, organization.id, organization.businessLines);
      await recordAudit(trx, auditActor, {
        organizationId: organization.id, entityType: 'organization', entityId: organization.id, action: 'create', before: null, after: fields,
      }, at);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(fields.code);
    throw error;
  }
  return requireOrganizationView(ctx, organization.id);
}

/**
 * Applies a partial change. `version` is the version the editor saw: a stale one is refused (optimistic locking),
 * so two clerks editing at once never silently overwrite each other.
 */
export async function updateOrganization(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
  patch: Partial<OrganizationFields>,
): Promise<OrganizationView> {
  const auditActor: AuditActor = { userId: actor.userId, email: actor.email };
  let updated: Organization;
  try {
    updated = await inTransaction(ctx, async (trx) => {
      const current = await findOrganization(trx, id);
      if (!current) throw notFound('organization');
      const { id: _id, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...before } = current;
      const after = normalize({ ...before, ...patch });
      const changed = changedFields(before, after);
      if (!canEditOrganization(actor, id, changed, structuralFields)) throw forbidden();
      if (current.version !== version) {
        throw new DomainError('conflict', 'version_conflict', `organization was changed by someone else (now version ${current.version})`);
      }
      if (changed.length === 0) return current;
      checkOrganizationRules(after, id, await businessLineCodes(trx));
      await checkParent(trx, after.parentId);
      const at = isoNow(ctx);
      const next: Organization = { ...after, id, version: current.version + 1, createdAt: current.createdAt, updatedAt: at };
      const result = await trx
        .updateTable('organizations')
        .set(organizationColumns(next))
        .where('id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) {
        throw new DomainError('conflict', 'version_conflict', 'organization was changed by someone else');
      }
      if (changed.includes('businessLines')) await replaceBusinessLines(trx, id, next.businessLines);
      const pick = (o: OrganizationFields) => Object.fromEntries(changed.map((f) => [f, o[f]]));
      await recordAudit(trx, auditActor, {
        organizationId: id, entityType: 'organization', entityId: id, action: 'update', before: pick(before), after: pick(after),
      }, at);
      return next;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(patch.code ?? '');
    throw error;
  }
  return requireOrganizationView(ctx, updated.id);
}
