import type { Selectable } from 'kysely';
import type { CommissionerTable } from '../../db/schema.js';
import { canKeepCommissioners, type Actor } from '../../domain/access/policy.js';
import { checkCommissioner, type CommissionerFields, type CommissionerKind } from '../../domain/programmes/contract.js';
import { localGovernment } from '../../domain/programmes/local-governments.js';
import { DomainError, forbidden, invalid } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, isUniqueViolation, newId, type AppContext } from '../shared/context.js';

export interface CommissionerView extends CommissionerFields {
  id: string;
  version: number;
}

export const toCommissioner = (row: Selectable<CommissionerTable>): CommissionerView => ({
  id: row.id, kind: row.kind as CommissionerKind, nameJa: row.name_ja, nameEn: row.name_en, localGovernmentCode: row.local_government_code,
  prefectureCode: row.prefecture_code, version: Number(row.version),
});

/** Every commissioner of the federation: ministries first, then prefectures and municipalities by code, then others. */
export async function listCommissioners(ctx: AppContext, actor: Actor): Promise<CommissionerView[]> {
  if (!canKeepCommissioners(actor)) throw forbidden();
  const order = { ministry: 0, prefecture: 1, municipality: 2, other: 3 } as Record<string, number>;
  const rows = await ctx.db.selectFrom('commissioners').selectAll().execute();
  return rows.map(toCommissioner)
    .sort((a, b) => (order[a.kind]! - order[b.kind]!) || (a.localGovernmentCode ?? '').localeCompare(b.localGovernmentCode ?? '') || a.nameJa.localeCompare(b.nameJa, 'ja'));
}

/**
 * Adds a commissioner to the federation's list. A prefecture or a municipality is chosen from the official list of
 * local governments by its code: its name and prefecture come from the list, not from what was typed, and each
 * local government is on the list once (the existing one is named when it is added again).
 */
export async function createCommissioner(ctx: AppContext, actor: Actor, input: CommissionerFields): Promise<CommissionerView> {
  if (!canKeepCommissioners(actor)) throw forbidden();
  let fields: CommissionerFields = { ...input, nameJa: input.nameJa.trim(), nameEn: input.nameEn?.trim() || null };
  if (fields.localGovernmentCode !== null) {
    const official = localGovernment(fields.localGovernmentCode);
    if (!official) throw invalid([{ field: 'localGovernmentCode', code: 'unknown_local_government', message: `${fields.localGovernmentCode} is not on the list of local governments` }]);
    fields = { ...fields, nameJa: official.nameJa, prefectureCode: official.prefectureCode };
  }
  checkCommissioner(fields);
  return inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    const id = newId();
    const taken = (existing: string) => new DomainError('conflict', 'duplicate_commissioner', `${fields.nameJa} is on the list already (${existing})`, [
      { field: 'localGovernmentCode', code: 'duplicate_commissioner', message: existing },
    ]);
    if (fields.localGovernmentCode !== null) {
      const existing = await trx.selectFrom('commissioners').select('id').where('local_government_code', '=', fields.localGovernmentCode).executeTakeFirst();
      if (existing) throw taken(existing.id);
    }
    try {
      await trx.insertInto('commissioners').values({
        id, kind: fields.kind, name_ja: fields.nameJa, name_en: fields.nameEn, local_government_code: fields.localGovernmentCode, prefecture_code: fields.prefectureCode,
        version: 1, created_at: at, updated_at: at,
      }).execute();
    } catch (error) {
      // Added by someone else at the same moment (the transaction cannot read any more on PostgreSQL).
      if (isUniqueViolation(error)) throw taken('');
      throw error;
    }
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, { organizationId: null, entityType: 'commissioner', entityId: id, action: 'create', before: null, after: fields }, at);
    return { ...fields, id, version: 1 };
  });
}
