import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { COSEALG, decodeClientDataJSON, isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Actor } from '../../domain/access/policy.js';
import { DomainError, notFound } from '../../domain/shared/errors.js';
import { recordAudit } from '../audit/record-audit.js';
import { hashSecret } from '../accounts/secrets.js';
import { startSession, type SignedIn } from '../accounts/sessions.js';
import { toUser, userColumns } from '../accounts/users.js';
import { inTransaction, isoNow, isUniqueViolation, newId, type AppContext, type Tx } from '../shared/context.js';

/**
 * Passkeys (WebAuthn): a member — or anyone signed in — registers one from their own session and then signs in
 * with it alone, the authenticator offering its discoverable credentials. A challenge lives five minutes and is
 * taken (deleted) before its answer is checked, so it answers once, rightly or not.
 */

/** Where passkeys belong: the host name they are bound to (the relying party id) and the page origin they come from. */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

export interface PasskeyInfo {
  id: string;
  /** The owner's label ("iPhone"); null when none was given. */
  name: string | null;
  createdAt: string;
  lastUsedAt: string | null;
}

const challengeTtlMs = 5 * 60_000;
/** ES256 (what phones and security keys make), EdDSA and RS256 (Windows Hello). */
const algorithms = [COSEALG.ES256, COSEALG.EdDSA, COSEALG.RS256];
const loopbackHosts = new Set(['localhost', '127.0.0.1']);

/**
 * The relying party for a request: PUBLIC_URL's host and origin. When Kyodo runs on this machine (PUBLIC_URL unset
 * or on localhost) the page's own loopback origin is taken instead, whatever its port (a dev server, a test server
 * on a free port); a public address never accepts another origin.
 */
export function relyingParty(publicUrl: string, request: { origin: string | undefined; protocol: string; host: string }): RelyingParty {
  const configured = new URL(publicUrl);
  const base = { name: 'Kyodo', id: configured.hostname, origin: configured.origin };
  if (!loopbackHosts.has(configured.hostname)) return base;
  const candidate = request.origin ?? `${request.protocol}://${request.host}`;
  let page: URL;
  try {
    page = new URL(candidate);
  } catch {
    return base;
  }
  return loopbackHosts.has(page.hostname) ? { name: 'Kyodo', id: page.hostname, origin: page.origin } : base;
}

type Purpose = 'registration' | 'authentication';

/** Stored under the hash of the challenge, so that taking it back is a primary-key delete. */
async function storeChallenge(ctx: AppContext, challenge: string, purpose: Purpose, userId: string | null): Promise<void> {
  const now = ctx.now();
  await ctx.db.deleteFrom('webauthn_challenges').where('expires_at', '<=', now.toISOString()).execute();
  await ctx.db.insertInto('webauthn_challenges').values({
    id: hashSecret(challenge), user_id: userId, challenge, purpose, expires_at: new Date(now.getTime() + challengeTtlMs).toISOString(),
  }).execute();
}

/** The challenge the browser signed, read from its client data; null when that is not readable. */
function signedChallenge(clientDataJSON: string): string | null {
  try {
    const challenge: unknown = decodeClientDataJSON(clientDataJSON).challenge;
    return typeof challenge === 'string' && challenge !== '' ? challenge : null;
  } catch {
    return null;
  }
}

/** Takes the challenge: true once, for a challenge issued for this purpose (and user) that has not expired. */
async function takeChallenge(ctx: AppContext, challenge: string, purpose: Purpose, userId: string | null): Promise<boolean> {
  let query = ctx.db.deleteFrom('webauthn_challenges')
    .where('id', '=', hashSecret(challenge)).where('purpose', '=', purpose).where('expires_at', '>', isoNow(ctx));
  if (userId !== null) query = query.where('user_id', '=', userId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The user handle a passkey carries: the account's id as bytes (never the e-mail address). */
const userHandleOf = (userId: string) => new TextEncoder().encode(userId);

const presentPasskey = (row: { id: string; name: string | null; created_at: string; last_used_at: string | null }): PasskeyInfo => ({
  id: row.id, name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at,
});

const transportsOf = (stored: string | null): string[] | undefined => (stored === null ? undefined : (JSON.parse(stored) as string[]));

/** Options for the browser's startRegistration: a resident (discoverable) key with user verification. */
export async function passkeyRegistrationOptions(ctx: AppContext, actor: Actor, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await ctx.db.selectFrom('users').select(['id', 'email', 'display_name', 'login_id']).where('id', '=', actor.userId).executeTakeFirst();
  if (!user) throw notFound('user');
  const existing = await ctx.db.selectFrom('passkeys').select(['credential_id', 'transports']).where('user_id', '=', user.id).execute();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    // A member without e-mail is known by their login id; the placeholder address would mean nothing to them.
    userName: user.login_id ?? user.email,
    userID: userHandleOf(user.id),
    userDisplayName: user.display_name,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: transportsOf(p.transports) })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    supportedAlgorithmIDs: algorithms,
  });
  await storeChallenge(ctx, options.challenge, 'registration', user.id);
  return options;
}

const registrationRefused = (code: string, message: string) => new DomainError('rule_violation', code, message);

/** Checks the authenticator's answer to a registration challenge and keeps the new passkey. */
export async function registerPasskey(
  ctx: AppContext, actor: Actor, rp: RelyingParty, input: { response: RegistrationResponseJSON; name?: string | undefined },
): Promise<PasskeyInfo> {
  const challenge = signedChallenge(input.response.response.clientDataJSON);
  if (challenge === null || !(await takeChallenge(ctx, challenge, 'registration', actor.userId))) {
    throw registrationRefused('passkey_challenge_expired', 'the registration was not asked for, has expired or was answered already');
  }
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id,
      requireUserVerification: true, supportedAlgorithmIDs: algorithms,
    });
  } catch (error) {
    throw registrationRefused('passkey_not_verified', `the passkey could not be verified: ${(error as Error).message}`);
  }
  if (!verified.verified) throw registrationRefused('passkey_not_verified', 'the passkey could not be verified');
  const { credential } = verified.registrationInfo;
  const at = isoNow(ctx);
  const row = {
    id: newId(), user_id: actor.userId, credential_id: credential.id, public_key: credential.publicKey, counter: credential.counter,
    transports: credential.transports ? JSON.stringify(credential.transports) : null, name: input.name?.trim() || null, created_at: at, last_used_at: null,
  };
  try {
    await inTransaction(ctx, async (trx) => {
      await trx.insertInto('passkeys').values(row).execute();
      await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
        organizationId: actor.organizationId, entityType: 'passkey', entityId: row.id, action: 'create', before: null, after: { userId: actor.userId, name: row.name },
      }, at);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('conflict', 'passkey_exists', 'this passkey is registered already');
    throw error;
  }
  return presentPasskey(row);
}

export async function listPasskeys(ctx: AppContext, actor: Actor): Promise<PasskeyInfo[]> {
  const rows = await ctx.db.selectFrom('passkeys').select(['id', 'name', 'created_at', 'last_used_at'])
    .where('user_id', '=', actor.userId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(presentPasskey);
}

/** Removes one of the actor's own passkeys; another user's is not found. */
export async function removePasskey(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const result = await trx.deleteFrom('passkeys').where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw notFound('passkey');
    await recordAudit(trx, { userId: actor.userId, email: actor.email }, {
      organizationId: actor.organizationId, entityType: 'passkey', entityId: id, action: 'delete', before: null, after: null,
    }, isoNow(ctx));
  });
}

/** Options for the browser's startAuthentication: no credentials listed, the authenticator offers its own. */
export async function passkeySignInOptions(ctx: AppContext, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const options = await generateAuthenticationOptions({ rpID: rp.id, userVerification: 'required' });
  await storeChallenge(ctx, options.challenge, 'authentication', null);
  return options;
}

const signInRefused = (code: string, message: string) => new DomainError('unauthenticated', code, message);

async function findCredential(db: Tx, credentialId: string) {
  return db.selectFrom('passkeys')
    .innerJoin('users', 'users.id', 'passkeys.user_id')
    .select(userColumns.map((c) => `users.${c}` as const))
    .select(['passkeys.id as passkey_id', 'passkeys.public_key', 'passkeys.counter', 'passkeys.transports'])
    .where('passkeys.credential_id', '=', credentialId)
    .executeTakeFirst();
}

/**
 * Signs in with a passkey: the challenge must be one this server issued and still open, the credential one it
 * knows, the signature good, the user verified, and the signature counter must move forward (a counter that goes
 * back means a cloned authenticator).
 */
export async function signInWithPasskey(ctx: AppContext, rp: RelyingParty, response: AuthenticationResponseJSON, ttlHours: number): Promise<SignedIn> {
  const challenge = signedChallenge(response.response.clientDataJSON);
  if (challenge === null || !(await takeChallenge(ctx, challenge, 'authentication', null))) {
    throw signInRefused('passkey_challenge_expired', 'the sign-in was not asked for, has expired or was answered already');
  }
  const found = await findCredential(ctx.db, response.id);
  if (!found) throw signInRefused('passkey_unknown', 'this passkey is not registered here');
  const user = toUser(found);
  const handle = response.response.userHandle;
  if (handle !== undefined && handle !== isoBase64URL.fromBuffer(userHandleOf(user.id))) throw signInRefused('passkey_not_verified', 'the passkey belongs to another account');
  const counter = Number(found.counter);
  let newCounter: number;
  try {
    const verified = await verifyAuthenticationResponse({
      response, expectedChallenge: challenge, expectedOrigin: rp.origin, expectedRPID: rp.id, requireUserVerification: true,
      credential: { id: response.id, publicKey: new Uint8Array(found.public_key), counter, transports: transportsOf(found.transports) },
    });
    if (!verified.verified) throw new Error('signature not verified');
    newCounter = verified.authenticationInfo.newCounter;
  } catch (error) {
    throw signInRefused('passkey_not_verified', `the passkey could not be verified: ${(error as Error).message}`);
  }
  if (user.disabled) throw new DomainError('unauthenticated', 'invalid_credentials', 'this account is disabled');
  // Only from the counter just checked: of two sign-ins racing with the same count, one wins.
  const moved = await ctx.db.updateTable('passkeys').set({ counter: newCounter, last_used_at: isoNow(ctx) })
    .where('id', '=', found.passkey_id).where('counter', '=', counter).executeTakeFirst();
  if (Number(moved.numUpdatedRows) !== 1) throw signInRefused('passkey_not_verified', 'the passkey was used at the same moment elsewhere');
  return startSession(ctx, user, ttlHours, 'passkey');
}
