import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const publicUrl = 'https://kyodo.example.jp';

/**
 * A software authenticator, enough for the ceremonies without a browser: one EC P-256 key (ES256), attestation
 * 'none', authenticator data with the user-present and user-verified flags and a signature counter.
 */
class SoftAuthenticator {
  readonly credentialId = randomBytes(16);
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  counter = 0;

  constructor(private readonly origin: string, private readonly rpId = new URL(origin).hostname) {
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  }

  get id(): string {
    return this.credentialId.toString('base64url');
  }

  /** Answers navigator.credentials.create() with the options the server gave. */
  register(options: { challenge: string; user: { id: string } }, overrides: { origin?: string } = {}) {
    this.userHandle = options.user.id;
    const jwk = this.publicKey.export({ format: 'jwk' });
    // The COSE key (RFC 9053): kty EC2, alg ES256, crv P-256, x, y.
    const coseKey = isoCBOR.encode(new Map<number, number | Uint8Array>([
      [1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x!, 'base64url')], [-3, Buffer.from(jwk.y!, 'base64url')],
    ]));
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attestedCredential = Buffer.concat([Buffer.alloc(16), idLength, this.credentialId, coseKey]);
    // Flags: user present (0x01), user verified (0x04), attested credential data (0x40).
    const authData = Buffer.concat([this.authData(0x45), attestedCredential]);
    const attestationObject = isoCBOR.encode(new Map<string, Uint8Array | string | Map<string, string>>([['fmt', 'none'], ['attStmt', new Map<string, string>()], ['authData', authData]]));
    return {
      id: this.id, rawId: this.id, type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {},
      response: {
        clientDataJSON: this.clientData('webauthn.create', options.challenge, overrides.origin).toString('base64url'),
        attestationObject: Buffer.from(attestationObject).toString('base64url'),
        transports: ['internal'],
      },
    };
  }

  userHandle: string | null = null;

  /** Answers navigator.credentials.get(): the counter moves on by one unless told where it stands. */
  authenticate(options: { challenge: string }, overrides: { counter?: number; origin?: string } = {}) {
    this.counter = overrides.counter ?? this.counter + 1;
    const authData = this.authData(0x05);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, overrides.origin);
    const signature = sign('sha256', Buffer.concat([authData, createHash('sha256').update(clientDataJSON).digest()]), this.privateKey);
    return {
      id: this.id, rawId: this.id, type: 'public-key', authenticatorAttachment: 'platform', clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString('base64url'), authenticatorData: authData.toString('base64url'), signature: signature.toString('base64url'),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
    };
  }

  private authData(flags: number): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    return Buffer.concat([createHash('sha256').update(this.rpId).digest(), Buffer.from([flags]), counter]);
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }
}

describe.each(dialects)('passkeys (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let member: { cookie: string; csrf: string };
  const headers = (who: { cookie: string; csrf: string }) => ({ cookie: who.cookie, 'x-csrf-token': who.csrf, origin: publicUrl });

  beforeAll(async () => {
    t = await createTestApp(dialect, { PUBLIC_URL: publicUrl });
    tenants = await buildTenants(t.ctx);
    member = await t.signIn(tenants.users.memberA.email);
  });
  afterAll(() => t.close());

  async function registrationOptions(who: { cookie: string; csrf: string }) {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys/registration-options', headers: headers(who) });
    expect(response.statusCode).toBe(200);
    return response.json<{ challenge: string; rp: { id: string }; user: { id: string; name: string }; authenticatorSelection: { residentKey: string } }>();
  }

  async function register(who: { cookie: string; csrf: string }, authenticator: SoftAuthenticator, name?: string) {
    const options = await registrationOptions(who);
    return t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys', headers: headers(who), payload: { response: authenticator.register(options), ...(name ? { name } : {}) } });
  }

  async function signInOptions() {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/options', headers: { origin: publicUrl } });
    expect(response.statusCode).toBe(200);
    return response.json<{ challenge: string; rpId: string; allowCredentials?: unknown[]; userVerification: string }>();
  }

  const signIn = (response: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/sign-in', headers: { origin: publicUrl }, payload: { response } });

  it('registers a passkey in a full ceremony and signs in with it alone, which opens a session', async () => {
    const authenticator = new SoftAuthenticator(publicUrl);
    const options = await registrationOptions(member);
    expect(options.rp.id).toBe('kyodo.example.jp');
    expect(options.user.name).toBe(tenants.users.memberA.email);
    expect(options.authenticatorSelection.residentKey).toBe('required');
    const registered = await t.app.inject({
      method: 'POST', url: '/api/v1/me/passkeys', headers: headers(member), payload: { response: authenticator.register(options), name: 'スマホ' },
    });
    expect(registered.statusCode).toBe(201);
    const passkey = registered.json<{ id: string; name: string; createdAt: string }>();
    expect(passkey.name).toBe('スマホ');

    const request = await signInOptions();
    expect(request.rpId).toBe('kyodo.example.jp');
    expect(request.allowCredentials ?? []).toEqual([]);
    const signedIn = await signIn(authenticator.authenticate(request));
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json()).toMatchObject({ user: { id: tenants.users.memberA.id, role: 'member' } });
    const cookie = signedIn.cookies.find((c) => c.name === 'kyodo_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const session = await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: `kyodo_session=${cookie.value}` } });
    expect(session.statusCode).toBe(200);
    expect(session.json()).toMatchObject({ user: { email: tenants.users.memberA.email }, csrfToken: signedIn.json<{ csrfToken: string }>().csrfToken });

    const list = await t.app.inject({ url: '/api/v1/me/passkeys', headers: { cookie: `kyodo_session=${cookie.value}` } });
    const mine = list.json<{ items: { id: string; name: string; lastUsedAt: string | null }[] }>().items.find((p) => p.id === passkey.id);
    expect(mine).toMatchObject({ name: 'スマホ' });
    expect(mine!.lastUsedAt).not.toBeNull();
    const stored = await t.ctx.db.selectFrom('passkeys').select(['counter', 'credential_id']).where('id', '=', passkey.id).executeTakeFirstOrThrow();
    expect({ counter: Number(stored.counter), credentialId: stored.credential_id }).toEqual({ counter: 1, credentialId: authenticator.id });
    const audit = await t.ctx.db.selectFrom('audit_log').select('after_json').where('entity_id', '=', tenants.users.memberA.id).where('action', '=', 'sign_in').execute();
    expect(audit.map((a) => JSON.parse(a.after_json ?? 'null'))).toContainEqual({ method: 'passkey' });
  });

  it('refuses a replayed sign-in and a replayed registration: each challenge answers once', async () => {
    const authenticator = new SoftAuthenticator(publicUrl);
    const options = await registrationOptions(member);
    const answer = authenticator.register(options);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys', headers: headers(member), payload: { response: answer } })).statusCode).toBe(201);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys', headers: headers(member), payload: { response: answer } });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'passkey_challenge_expired' });

    const assertion = authenticator.authenticate(await signInOptions());
    expect((await signIn(assertion)).statusCode).toBe(200);
    const replayed = await signIn(assertion);
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json()).toMatchObject({ code: 'passkey_challenge_expired' });
    expect(replayed.cookies.find((c) => c.name === 'kyodo_session')).toBeUndefined();
  });

  it('refuses a challenge the server never issued and one that has expired', async () => {
    const authenticator = new SoftAuthenticator(publicUrl);
    expect((await register(member, authenticator)).statusCode).toBe(201);
    const invented = await signIn(authenticator.authenticate({ challenge: randomBytes(32).toString('base64url') }));
    expect(invented.json()).toMatchObject({ status: 401, code: 'passkey_challenge_expired' });

    const options = await signInOptions();
    const realNow = t.ctx.now;
    t.ctx.now = () => new Date(Date.now() + 5 * 60_000 + 1000);
    try {
      const late = await signIn(authenticator.authenticate(options));
      expect(late.json()).toMatchObject({ status: 401, code: 'passkey_challenge_expired' });
    } finally {
      t.ctx.now = realNow;
    }
  });

  it('refuses a credential it does not know', async () => {
    const stranger = new SoftAuthenticator(publicUrl);
    stranger.userHandle = Buffer.from(tenants.users.memberA.id).toString('base64url');
    const response = await signIn(stranger.authenticate(await signInOptions()));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'passkey_unknown' });
  });

  it('refuses a signature counter that goes backwards (a cloned authenticator) and keeps the higher count', async () => {
    const authenticator = new SoftAuthenticator(publicUrl);
    const created = (await register(member, authenticator)).json<{ id: string }>();
    expect((await signIn(authenticator.authenticate(await signInOptions(), { counter: 5 }))).statusCode).toBe(200);
    const back = await signIn(authenticator.authenticate(await signInOptions(), { counter: 3 }));
    expect(back.statusCode).toBe(401);
    expect(back.json()).toMatchObject({ code: 'passkey_not_verified' });
    const same = await signIn(authenticator.authenticate(await signInOptions(), { counter: 5 }));
    expect(same.json()).toMatchObject({ status: 401, code: 'passkey_not_verified' });
    const stored = await t.ctx.db.selectFrom('passkeys').select('counter').where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(Number(stored.counter)).toBe(5);
    expect((await signIn(authenticator.authenticate(await signInOptions(), { counter: 6 }))).statusCode).toBe(200);
  });

  it('refuses an answer made for another site and a signature that does not match', async () => {
    const authenticator = new SoftAuthenticator(publicUrl);
    const options = await registrationOptions(member);
    const phished = await t.app.inject({
      method: 'POST', url: '/api/v1/me/passkeys', headers: headers(member), payload: { response: authenticator.register(options, { origin: 'https://kyodo-login.example.com' }) },
    });
    expect(phished.json()).toMatchObject({ status: 422, code: 'passkey_not_verified' });
    expect((await register(member, authenticator)).statusCode).toBe(201);
    const elsewhere = await signIn(authenticator.authenticate(await signInOptions(), { origin: 'https://kyodo-login.example.com' }));
    expect(elsewhere.json()).toMatchObject({ status: 401, code: 'passkey_not_verified' });
    const answer = authenticator.authenticate(await signInOptions());
    const forged = { ...answer, response: { ...answer.response, signature: randomBytes(70).toString('base64url') } };
    expect((await signIn(forged)).json()).toMatchObject({ status: 401, code: 'passkey_not_verified' });
  });

  it('refuses the same authenticator twice for one account', async () => {
    const authenticator = new SoftAuthenticator(publicUrl);
    expect((await register(member, authenticator)).statusCode).toBe(201);
    const options = await registrationOptions(member);
    expect(options).toMatchObject({ excludeCredentials: expect.arrayContaining([expect.objectContaining({ id: authenticator.id })]) });
    const twice = await t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys', headers: headers(member), payload: { response: authenticator.register(options) } });
    expect(twice.json()).toMatchObject({ status: 409, code: 'passkey_exists' });
  });

  it('keeps each user\'s passkeys their own: not listed to, answered for nor removable by anyone else (404)', async () => {
    const clerk = await t.signIn(tenants.users.clerkA.email);
    const clerksKey = (await register(clerk, new SoftAuthenticator(publicUrl), 'clerk key')).json<{ id: string }>();
    // A registration challenge is the user's who asked for it.
    const clerksOptions = await registrationOptions(clerk);
    const taken = await t.app.inject({
      method: 'POST', url: '/api/v1/me/passkeys', headers: headers(member), payload: { response: new SoftAuthenticator(publicUrl).register(clerksOptions) },
    });
    expect(taken.json()).toMatchObject({ status: 422, code: 'passkey_challenge_expired' });

    const membersList = await t.app.inject({ url: '/api/v1/me/passkeys', headers: headers(member) });
    expect(membersList.json<{ items: { id: string }[] }>().items.map((p) => p.id)).not.toContain(clerksKey.id);
    const removal = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/passkeys/${clerksKey.id}`, headers: headers(member) });
    expect(removal.statusCode).toBe(404);
    expect(await t.ctx.db.selectFrom('passkeys').select('id').where('id', '=', clerksKey.id).execute()).toHaveLength(1);

    const own = await t.app.inject({ method: 'DELETE', url: `/api/v1/me/passkeys/${clerksKey.id}`, headers: headers(clerk) });
    expect(own.statusCode).toBe(204);
    const clerksList = await t.app.inject({ url: '/api/v1/me/passkeys', headers: headers(clerk) });
    expect(clerksList.json()).toEqual({ items: [] });
  });

  it('no longer signs in with a removed passkey', async () => {
    const authenticator = new SoftAuthenticator(publicUrl);
    const created = (await register(member, authenticator)).json<{ id: string }>();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/passkeys/${created.id}`, headers: headers(member) })).statusCode).toBe(204);
    expect((await signIn(authenticator.authenticate(await signInOptions()))).json()).toMatchObject({ status: 401, code: 'passkey_unknown' });
  });

  it('refuses registration, listing and removal to someone signed out (401)', async () => {
    const options = await t.app.inject({ method: 'POST', url: '/api/v1/me/passkeys/registration-options' });
    const authenticator = new SoftAuthenticator(publicUrl);
    const registration = await t.app.inject({
      method: 'POST', url: '/api/v1/me/passkeys', payload: { response: authenticator.register({ challenge: 'x', user: { id: 'eA' } }) },
    });
    const list = await t.app.inject({ url: '/api/v1/me/passkeys' });
    const removal = await t.app.inject({ method: 'DELETE', url: '/api/v1/me/passkeys/anything' });
    for (const response of [options, registration, list, removal]) expect(response.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('names the field of a malformed answer', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/sign-in', payload: { response: { id: 'not base64url!', type: 'password' } } });
    expect(response.statusCode).toBe(400);
    const fields = response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['response.id', 'response.type', 'response.rawId', 'response.response']));
  });

  it('on this machine (no PUBLIC_URL) binds passkeys to localhost and the page\'s own port', async () => {
    const local = await createTestApp(dialect);
    try {
      const localTenants = await buildTenants(local.ctx);
      const who = await local.signIn(localTenants.users.memberA.email);
      const origin = 'http://localhost:5173';
      const authenticator = new SoftAuthenticator(origin);
      const options = (await local.app.inject({ method: 'POST', url: '/api/v1/me/passkeys/registration-options', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, origin } }))
        .json<{ challenge: string; rp: { id: string }; user: { id: string } }>();
      expect(options.rp.id).toBe('localhost');
      const registered = await local.app.inject({
        method: 'POST', url: '/api/v1/me/passkeys', headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, origin }, payload: { response: authenticator.register(options) },
      });
      expect(registered.statusCode).toBe(201);
      const request = (await local.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/options', headers: { origin } })).json<{ challenge: string }>();
      const signedIn = await local.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/sign-in', headers: { origin }, payload: { response: authenticator.authenticate(request) } });
      expect(signedIn.statusCode).toBe(200);
      // A page elsewhere cannot pass for this machine: its options still name localhost, and its answer is refused.
      const evil = 'https://evil.example';
      const foreignOptions = (await local.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/options', headers: { origin: evil } })).json<{ challenge: string; rpId: string }>();
      expect(foreignOptions.rpId).toBe('localhost');
      const relayed = await local.app.inject({
        method: 'POST', url: '/api/v1/auth/passkey/sign-in', headers: { origin: evil }, payload: { response: authenticator.authenticate(foreignOptions, { origin: evil }) },
      });
      expect(relayed.json()).toMatchObject({ status: 401, code: 'passkey_not_verified' });
    } finally {
      await local.close();
    }
  });
});
