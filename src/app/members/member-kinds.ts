import { canEditOrganization, canKeepRegistry, type Actor } from '../../domain/access/policy.js';
import { memberKinds } from '../../domain/members/member.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, isUniqueViolation, type AppContext, type Tx } from '../shared/context.js';

export interface MemberKind {
  code: string;
  nameJa: string | null;
  nameEn: string | null;
  engagedInWork: boolean;
  builtIn: boolean;
}

const builtIns: MemberKind[] = memberKinds.map((code) => ({ code, nameJa: null, nameEn: null, engagedInWork: code === 'worker', builtIn: true }));

/** The kinds a membership in this organization may have: the built-in ones and those it defined. */
export async function kindCodesOf(db: Tx, organizationId: string): Promise<Set<string>> {
  const own = await db.selectFrom('member_kinds').select('code').where('organization_id', '=', organizationId).execute();
  return new Set([...memberKinds, ...own.map((k) => k.code)]);
}

export async function listMemberKinds(ctx: AppContext, actor: Actor, organizationId: string): Promise<MemberKind[]> {
  if (!canKeepRegistry(actor, organizationId)) throw forbidden();
  const own = await ctx.db.selectFrom('member_kinds').selectAll().where('organization_id', '=', organizationId).orderBy('code').execute();
  return [...builtIns, ...own.map((k) => ({ code: k.code, nameJa: k.name_ja, nameEn: k.name_en, engagedInWork: Number(k.engaged_in_work) === 1, builtIn: false }))];
}

/** Organization administrators define their own kinds (e.g. 賛助組合員); the bylaws say what they mean. */
export async function defineMemberKind(ctx: AppContext, actor: Actor, organizationId: string, kind: Omit<MemberKind, 'builtIn'>): Promise<MemberKind> {
  if (!canEditOrganization(actor, organizationId, [], [])) throw forbidden();
  if (!(await findOrganization(ctx.db, organizationId))) throw notFound('organization');
  const duplicate = () => new DomainError('conflict', 'duplicate_kind', `kind ${kind.code} exists`, [{ field: 'code', code: 'duplicate_kind', message: 'already defined' }]);
  if ((memberKinds as readonly string[]).includes(kind.code)) throw duplicate();
  try {
    await inTransaction(ctx, async (trx) => {
      const at = isoNow(ctx);
      await trx.insertInto('member_kinds').values({
        organization_id: organizationId, code: kind.code, name_ja: kind.nameJa ?? kind.code, name_en: kind.nameEn, engaged_in_work: kind.engagedInWork ? 1 : 0, created_at: at,
      }).execute();
      await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
        organizationId, entityType: 'member_kind', entityId: kind.code, action: 'create', before: null, after: kind,
      }, at);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
  return { ...kind, builtIn: false };
}

export const unknownKind = (kind: string) =>
  new DomainError('rule_violation', 'unknown_kind', `the organization has no member kind "${kind}"`, [{ field: 'kind', code: 'unknown_kind', message: 'define it first' }]);
