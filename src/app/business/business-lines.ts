import { canDefineBusinessLines, type Actor } from '../../domain/access/policy.js';
import { DomainError, forbidden } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, isUniqueViolation, type AppContext, type Tx } from '../shared/context.js';

export interface BusinessLineView {
  code: string;
  nameJa: string;
  nameEn: string;
  /** The seed's eight: the web app shows its own translation of the code. */
  builtIn: boolean;
}

/** Every business line: the seed's eight first, then the federation's own in the order they were added. */
export async function listBusinessLines(db: Tx): Promise<BusinessLineView[]> {
  const rows = await db.selectFrom('business_lines').selectAll().orderBy('position').execute();
  return rows.map((r) => ({ code: r.code, nameJa: r.name_ja, nameEn: r.name_en, builtIn: Number(r.built_in) === 1 }));
}

export const businessLineCodes = async (db: Tx): Promise<string[]> => (await listBusinessLines(db)).map((l) => l.code);

/**
 * Adds a business line to the federation's list (a bakery, a new kind of commissioned programme). Codes are
 * permanent: sites refer to them, so a line is never renamed to another code nor removed.
 */
export async function addBusinessLine(ctx: AppContext, actor: Actor, input: { code: string; nameJa: string; nameEn: string }): Promise<BusinessLineView> {
  if (!canDefineBusinessLines(actor)) throw forbidden();
  const line = { code: input.code.trim(), nameJa: input.nameJa.trim(), nameEn: input.nameEn.trim() };
  return inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    const last = await trx.selectFrom('business_lines').select((eb) => eb.fn.max('position').as('position')).executeTakeFirstOrThrow();
    try {
      await trx.insertInto('business_lines').values({ code: line.code, name_ja: line.nameJa, name_en: line.nameEn, built_in: 0, position: Number(last.position ?? 0) + 1, created_at: at }).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', 'duplicate_code', `a business line ${line.code} exists already`, [{ field: 'code', code: 'duplicate_code', message: line.code }]);
      throw error;
    }
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: null, entityType: 'business_line', entityId: line.code, action: 'create', before: null, after: line,
    }, at);
    return { ...line, builtIn: false };
  });
}
