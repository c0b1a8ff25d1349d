import type { Selectable } from 'kysely';
import { checkPassword, normalizeEmail, type Locale } from '../../domain/accounts/account.js';
import { canListUsers, canManageUser, roleNeedsOrganization, type Actor, type Role } from '../../domain/access/policy.js';
import { DomainError, forbidden, notFound } from '../../domain/shared/errors.js';
import type { UserTable } from '../../db/schema.js';
import { recordAudit, type AuditActor } from '../audit/record-audit.js';
import { findOrganization } from '../organizations/organization-rows.js';
import { inTransaction, isoNow, isUniqueViolation, newId, type AppContext, type Tx } from '../shared/context.js';
import { hashPassword, verifyPassword } from './passwords.js';

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  /** A member's own account is linked to the person they are. */
  personId: string | null;
  locale: Locale;
  disabled: boolean;
  createdAt: string;
}

/** The columns an account's view needs (never the password hash). */
export const userColumns = ['id', 'email', 'display_name', 'role', 'organization_id', 'person_id', 'locale', 'disabled_at', 'created_at'] as const;

export const toUser = (row: Pick<Selectable<UserTable>, (typeof userColumns)[number]>): User => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  role: row.role as Role,
  organizationId: row.organization_id,
  personId: row.person_id ?? null,
  locale: row.locale as Locale,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at,
});

/** What the audit log keeps of an account: never the password hash. */
const auditView = (u: User) => ({ email: u.email, displayName: u.displayName, role: u.role, organizationId: u.organizationId, disabled: u.disabled, locale: u.locale });

async function checkAssignment(db: Tx, role: Role, organizationId: string | null): Promise<void> {
  if (roleNeedsOrganization(role) && organizationId === null) {
    throw new DomainError('rule_violation', 'organization_required', `role ${role} belongs to an organization`, [
      { field: 'organizationId', code: 'required', message: `required for role ${role}` },
    ]);
  }
  if (organizationId !== null && !(await findOrganization(db, organizationId))) {
    throw new DomainError('invalid', 'validation_failed', 'unknown organization', [
      { field: 'organizationId', code: 'not_found', message: 'no such organization' },
    ]);
  }
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  organizationId: string | null;
  locale?: Locale;
  /** For a member's own account: their membership in the organization (they vote as this person). */
  membershipId?: string | null;
}

/** A member account belongs to a member of its organization: the person behind that membership. */
async function personOfMembership(db: Tx, role: Role, organizationId: string | null, membershipId: string | null | undefined): Promise<string | null> {
  if (!membershipId) return null;
  const membership = await db.selectFrom('memberships').select(['person_id', 'organization_id']).where('id', '=', membershipId).executeTakeFirst();
  if (role !== 'member' || !membership || membership.organization_id !== organizationId) {
    throw new DomainError('invalid', 'validation_failed', 'a member account links to a membership of its own organization', [
      { field: 'membershipId', code: membership ? 'wrong_organization' : 'not_found', message: 'a membership of the account\'s organization, for the member role' },
    ]);
  }
  return membership.person_id;
}

/** Creates an account; `actor` null means the system (CLI, demo loader). */
export async function createUser(ctx: AppContext, actor: Actor | null, auditActor: AuditActor, input: NewUser): Promise<User> {
  if (actor && !canManageUser(actor, input)) throw forbidden();
  checkPassword(input.password);
  await checkAssignment(ctx.db, input.role, input.organizationId);
  const personId = await personOfMembership(ctx.db, input.role, input.organizationId, input.membershipId);
  const at = isoNow(ctx);
  const user: User = {
    id: newId(),
    email: normalizeEmail(input.email),
    displayName: input.displayName.trim() || normalizeEmail(input.email),
    role: input.role,
    organizationId: input.organizationId,
    personId,
    locale: input.locale ?? 'ja',
    disabled: false,
    createdAt: at,
  };
  const passwordHash = await hashPassword(input.password);
  try {
    await inTransaction(ctx, async (trx) => {
      await trx.insertInto('users').values({
        id: user.id, email: user.email, password_hash: passwordHash, display_name: user.displayName, role: user.role,
        organization_id: user.organizationId, person_id: personId, locale: user.locale, disabled_at: null, created_at: at, updated_at: at,
      }).execute();
      await recordAudit(trx, auditActor, {
        organizationId: user.organizationId, entityType: 'user', entityId: user.id, action: 'create', before: null, after: auditView(user),
      }, at);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError('conflict', 'duplicate_email', 'an account with this e-mail exists', [
        { field: 'email', code: 'duplicate_email', message: 'already in use' },
      ]);
    }
    throw error;
  }
  return user;
}

export async function listUsers(ctx: AppContext, actor: Actor, organizationId: string | null): Promise<User[]> {
  const scope = actor.role === 'federation-admin' ? organizationId : (organizationId ?? actor.organizationId);
  if (!canListUsers(actor, scope)) throw forbidden();
  let query = ctx.db.selectFrom('users').selectAll().orderBy('email');
  if (scope !== null) query = query.where('organization_id', '=', scope);
  return (await query.execute()).map(toUser);
}

export interface UserPatch {
  displayName?: string;
  role?: Role;
  organizationId?: string | null;
  disabled?: boolean;
  password?: string;
  locale?: Locale;
}

/** Changes an account. Both the account as it is and as it would be must be within the actor's reach. */
export async function updateUser(ctx: AppContext, actor: Actor | null, auditActor: AuditActor, id: string, patch: UserPatch): Promise<User> {
  if (patch.password !== undefined) checkPassword(patch.password);
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  return inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('user');
    const before = toUser(row);
    const after: User = {
      ...before,
      displayName: patch.displayName?.trim() || before.displayName,
      role: patch.role ?? before.role,
      organizationId: patch.organizationId === undefined ? before.organizationId : patch.organizationId,
      disabled: patch.disabled ?? before.disabled,
      locale: patch.locale ?? before.locale,
    };
    const isSelf = actor?.userId === id;
    // On their own account everyone may change name and language; a new password needs the current one (changePassword).
    const selfServiceOnly = patch.role === undefined && patch.organizationId === undefined && patch.disabled === undefined && patch.password === undefined;
    if (actor && !(isSelf && selfServiceOnly) && !(canManageUser(actor, before) && canManageUser(actor, after))) throw forbidden();
    if (isSelf && after.disabled) {
      throw new DomainError('rule_violation', 'cannot_disable_self', 'you cannot disable your own account');
    }
    await checkAssignment(trx, after.role, after.organizationId);
    const at = isoNow(ctx);
    await trx.updateTable('users').set({
      display_name: after.displayName, role: after.role, organization_id: after.organizationId, locale: after.locale,
      disabled_at: after.disabled ? (row.disabled_at ?? at) : null, updated_at: at,
      ...(passwordHash ? { password_hash: passwordHash } : {}),
    }).where('id', '=', id).execute();
    if (after.disabled || passwordHash) {
      // A disabled account or a changed password ends every open session of that account.
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    await recordAudit(trx, auditActor, {
      organizationId: after.organizationId, entityType: 'user', entityId: id, action: passwordHash ? 'update_with_password' : 'update',
      before: auditView(before), after: auditView(after),
    }, at);
    return after;
  });
}

export async function findUserByEmail(ctx: AppContext, email: string): Promise<Selectable<UserTable> | undefined> {
  return ctx.db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

/** A member's account by login id (members without e-mail sign in with it); ids are kept in lower case. */
export async function findUserByLoginId(ctx: AppContext, loginId: string): Promise<Selectable<UserTable> | undefined> {
  return ctx.db.selectFrom('users').selectAll().where('login_id', '=', loginId.normalize('NFKC').trim().toLowerCase()).executeTakeFirst();
}

/** Changes the actor's own password; the current password is required, so a borrowed session cannot lock the owner out. */
export async function changeOwnPassword(ctx: AppContext, actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
  const row = await ctx.db.selectFrom('users').select('password_hash').where('id', '=', actor.userId).executeTakeFirst();
  if (!row) throw notFound('user');
  if (!(await verifyPassword(currentPassword, row.password_hash))) {
    throw new DomainError('invalid', 'wrong_password', 'the current password is wrong', [
      { field: 'currentPassword', code: 'wrong_password', message: 'does not match' },
    ]);
  }
  checkPassword(newPassword);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: at }).where('id', '=', actor.userId).execute();
    // Every other session of the account ends; the caller signs in again.
    await trx.deleteFrom('sessions').where('user_id', '=', actor.userId).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: actor.organizationId, entityType: 'user', entityId: actor.userId, action: 'change_password', before: null, after: null,
    }, at);
  });
}
