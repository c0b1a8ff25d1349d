import { checkPassword, normalizeEmail } from '../../domain/accounts/account.js';
import type { Actor } from '../../domain/access/policy.js';
import { loginIdOf, normalizeCode } from '../../domain/portal/one-time-code.js';
import { DomainError, notFound } from '../../domain/shared/errors.js';
import { hashPassword } from '../accounts/passwords.js';
import { hashSecret } from '../accounts/secrets.js';
import { startSession, type SignedIn } from '../accounts/sessions.js';
import { toUser, userColumns } from '../accounts/users.js';
import { recordAudit } from '../audit/record-audit.js';
import { inTransaction, isoNow, newId, type AppContext } from '../shared/context.js';
import { codeDigests } from './one-time-codes.js';

/**
 * Signing in with the one-time code of a letter or an e-mail. The first time, it makes the member's own account:
 * role member, linked to the person, login id `<organization code>-<member number>`, the registry's e-mail (or a
 * placeholder under `members.invalid` when there is none) and no usable password. Every code sign-in leaves the
 * account waiting for a new password that only this session may set: a member who forgot theirs asks the office
 * for a new letter, and nobody can reset an account by e-mail alone.
 */

/** One answer for every code that does not work (unknown, used, revoked, expired): nothing is learned by guessing. */
const invalidCode = () => new DomainError('unauthenticated', 'invalid_code', 'the code is wrong, used, replaced by a newer one or expired');

export interface CodeSignedIn extends SignedIn {
  mustSetPassword: true;
  /** The account was made by this sign-in. */
  created: boolean;
}

export async function signInWithCode(ctx: AppContext, typed: string, ttlHours: number): Promise<CodeSignedIn> {
  const code = normalizeCode(typed);
  if (code === null) throw invalidCode();
  const at = isoNow(ctx);
  const { user, created } = await inTransaction(ctx, async (trx) => {
    const invitation = await trx.selectFrom('member_invitations as i')
      .innerJoin('memberships as m', 'm.id', 'i.membership_id')
      .innerJoin('organizations as o', 'o.id', 'i.organization_id')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['i.id', 'i.organization_id', 'i.used_at', 'i.revoked_at', 'i.expires_at', 'm.id as membership_id', 'm.person_id', 'm.member_number', 'o.code as organization_code',
        'p.family_name', 'p.given_name', 'p.email'])
      .where('i.code_hash', 'in', codeDigests(ctx, code)).executeTakeFirst();
    if (!invitation || invitation.used_at !== null || invitation.revoked_at !== null || invitation.expires_at <= at) throw invalidCode();
    // Of two sign-ins racing with the same code, exactly one marks it used.
    const used = await trx.updateTable('member_invitations').set({ used_at: at })
      .where('id', '=', invitation.id).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw invalidCode();

    const existing = await trx.selectFrom('users').select([...userColumns, 'login_id']).where('person_id', '=', invitation.person_id)
      .where('organization_id', '=', invitation.organization_id).where('role', '=', 'member').orderBy('created_at').executeTakeFirst();
    if (existing && existing.disabled_at !== null) throw invalidCode();
    const loginId = loginIdOf(invitation.organization_code, invitation.member_number);
    if (existing) {
      // Whoever held a session of the account before (the finder of a lost letter, say) is signed out.
      await trx.deleteFrom('sessions').where('user_id', '=', existing.id).execute();
      if (existing.login_id === null) await trx.updateTable('users').set({ login_id: loginId, updated_at: at }).where('id', '=', existing.id).execute();
      return { user: toUser(existing), created: false };
    }
    const registryEmail = invitation.email ? normalizeEmail(invitation.email) : null;
    // The registry's address signs in too, unless another account (a clerk's, say) already uses it.
    const taken = registryEmail ? await trx.selectFrom('users').select('id').where('email', '=', registryEmail).executeTakeFirst() : undefined;
    const values = {
      id: newId(), email: registryEmail && !taken ? registryEmail : `${loginId}@members.invalid`, password_hash: unusablePassword,
      display_name: `${invitation.family_name} ${invitation.given_name}`, role: 'member', organization_id: invitation.organization_id, person_id: invitation.person_id,
      login_id: loginId, locale: 'ja', disabled_at: null, created_at: at, updated_at: at,
    };
    await trx.insertInto('users').values(values).execute();
    await recordAudit(trx, { userId: values.id, email: values.email }, {
      organizationId: invitation.organization_id, entityType: 'user', entityId: values.id, action: 'create_by_code',
      before: null, after: { email: values.email, loginId, role: 'member', membershipId: invitation.membership_id, invitationId: invitation.id },
    }, at);
    return { user: toUser(values), created: true };
  });
  const session = await startSession(ctx, user, ttlHours, 'code');
  // Only this session may choose the new password (PUT /me/password without the current one); an old one stops working.
  await ctx.db.updateTable('users').set({ password_hash: firstPasswordMark(session.sessionToken), updated_at: at }).where('id', '=', user.id).execute();
  return { ...session, mustSetPassword: true, created };
}

/** A password hash no password matches (passwords.ts only accepts `scrypt$…`). */
const unusablePassword = '!';
/** The unusable hash that also names the one session allowed to set the first password. */
const firstPasswordMark = (sessionToken: string): string => `!first-password:${hashSecret(sessionToken)}`;

/**
 * PUT /me/password without the current password: only in the session a code opened, and only until a password is
 * set. Every other session of the account ends; this one stays open (the member goes on to add a passkey).
 */
export async function setFirstPassword(ctx: AppContext, actor: Actor, sessionToken: string | null, newPassword: string): Promise<void> {
  const row = await ctx.db.selectFrom('users').select(['password_hash', 'organization_id']).where('id', '=', actor.userId).executeTakeFirst();
  if (!row) throw notFound('user');
  if (sessionToken === null || row.password_hash !== firstPasswordMark(sessionToken)) {
    throw new DomainError('invalid', 'current_password_required', 'give the current password (only the session opened with a one-time code may set the first one without)', [
      { field: 'currentPassword', code: 'required', message: 'required' },
    ]);
  }
  checkPassword(newPassword);
  const passwordHash = await hashPassword(newPassword);
  await inTransaction(ctx, async (trx) => {
    const at = isoNow(ctx);
    const set = await trx.updateTable('users').set({ password_hash: passwordHash, updated_at: at })
      .where('id', '=', actor.userId).where('password_hash', '=', firstPasswordMark(sessionToken)).executeTakeFirst();
    if (Number(set.numUpdatedRows) !== 1) throw new DomainError('conflict', 'password_already_set', 'a password was set meanwhile');
    await trx.deleteFrom('sessions').where('user_id', '=', actor.userId).where('id_hash', '!=', hashSecret(sessionToken)).execute();
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: row.organization_id, entityType: 'user', entityId: actor.userId, action: 'set_first_password', before: null, after: null,
    }, at);
  });
}
