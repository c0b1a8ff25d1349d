import { canAssignCases, type Actor } from '../../domain/access/policy.js';
import type { CaseAssignment, CaseRole, CaseSite } from '../../domain/programmes/participant.js';
import { forbidden, invalid, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, type AppContext, type Tx } from '../shared/context.js';

/** The actor's case role at an office, or null: the one question every participant record asks first. */
export async function caseRoleAt(db: Tx, actor: Actor, siteId: string): Promise<CaseRole | null> {
  const row = await db.selectFrom('case_assignments').select('case_role').where('user_id', '=', actor.userId).where('site_id', '=', siteId).executeTakeFirst();
  return row ? (row.case_role as CaseRole) : null;
}

const assignmentQuery = (db: Tx) => db.selectFrom('case_assignments as a')
  .innerJoin('users as u', 'u.id', 'a.user_id')
  .innerJoin('sites as s', 's.id', 'a.site_id')
  .select(['a.user_id', 'u.display_name', 'u.email', 'a.site_id', 's.name_ja', 'a.case_role']);

const toView = (r: { user_id: string; display_name: string; email: string; site_id: string; name_ja: string; case_role: string }): CaseAssignment => ({
  userId: r.user_id, displayName: r.display_name, email: r.email, siteId: r.site_id, siteNameJa: r.name_ja, caseRole: r.case_role as CaseRole,
});

/** Who works cases at the organization's offices. */
export async function listCaseAssignments(ctx: AppContext, actor: Actor, organizationId: string): Promise<CaseAssignment[]> {
  if (!canAssignCases(actor, organizationId)) throw forbidden();
  const rows = await assignmentQuery(ctx.db).where('a.organization_id', '=', organizationId).orderBy('s.name_ja').orderBy('u.display_name').execute();
  return rows.map(toView);
}

/** The offices where the actor works cases, with their role at each. */
export async function mySiteRoles(ctx: AppContext, actor: Actor): Promise<CaseSite[]> {
  const rows = await ctx.db.selectFrom('case_assignments as a').innerJoin('sites as s', 's.id', 'a.site_id')
    .select(['a.site_id', 's.name_ja', 'a.organization_id', 'a.case_role']).where('a.user_id', '=', actor.userId).orderBy('s.name_ja').execute();
  // An account moved to another organization keeps no case role from the old one.
  return rows.filter((r) => r.organization_id === actor.organizationId)
    .map((r) => ({ siteId: r.site_id, siteNameJa: r.name_ja, organizationId: r.organization_id, caseRole: r.case_role as CaseRole }));
}

async function siteInReach(db: Tx, actor: Actor, siteId: string): Promise<{ id: string; organization_id: string }> {
  const site = await db.selectFrom('sites').select(['id', 'organization_id']).where('id', '=', siteId).executeTakeFirst();
  if (!site || !canAssignCases(actor, site.organization_id)) throw notFound('site');
  return site;
}

/** Gives a user of the organization a case role at one of its offices (or changes it), audited. */
export async function assignCase(ctx: AppContext, actor: Actor, siteId: string, userId: string, caseRole: CaseRole): Promise<CaseAssignment> {
  return inTransaction(ctx, async (trx) => {
    const site = await siteInReach(trx, actor, siteId);
    const user = await trx.selectFrom('users').select(['id', 'role', 'organization_id', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
    if (!user || user.organization_id !== site.organization_id) throw invalid([{ field: 'userId', code: 'not_staff_of_organization', message: 'only the organization\'s own accounts work its cases' }]);
    if (user.role !== 'org-admin' && user.role !== 'clerk') throw invalid([{ field: 'userId', code: 'not_staff_of_organization', message: 'only staff accounts (administrator or clerk) work cases' }]);
    if (user.disabled_at !== null) throw invalid([{ field: 'userId', code: 'account_disabled', message: 'the account is disabled' }]);
    const at = isoNow(ctx);
    const before = await trx.selectFrom('case_assignments').select('case_role').where('user_id', '=', userId).where('site_id', '=', siteId).executeTakeFirst();
    if (before) await trx.updateTable('case_assignments').set({ case_role: caseRole }).where('user_id', '=', userId).where('site_id', '=', siteId).execute();
    else await trx.insertInto('case_assignments').values({ user_id: userId, site_id: siteId, organization_id: site.organization_id, case_role: caseRole, created_at: at }).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: site.organization_id, entityType: 'case-assignment', entityId: `${siteId}:${userId}`, action: before ? 'update' : 'create',
      before: before ? { caseRole: before.case_role } : null, after: { userId, siteId, caseRole },
    }, at);
    return toView((await assignmentQuery(trx).where('a.user_id', '=', userId).where('a.site_id', '=', siteId).executeTakeFirstOrThrow()));
  });
}

export async function unassignCase(ctx: AppContext, actor: Actor, siteId: string, userId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const site = await siteInReach(trx, actor, siteId);
    const before = await trx.selectFrom('case_assignments').select('case_role').where('user_id', '=', userId).where('site_id', '=', siteId).executeTakeFirst();
    if (!before) throw notFound('case assignment');
    await trx.deleteFrom('case_assignments').where('user_id', '=', userId).where('site_id', '=', siteId).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: site.organization_id, entityType: 'case-assignment', entityId: `${siteId}:${userId}`, action: 'delete', before: { caseRole: before.case_role }, after: null,
    }, isoNow(ctx));
  });
}
