import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenants, testPassword } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe.each(dialects)('accounts and sessions (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
  });
  afterAll(() => t.close());

  it('answers health with the dialect in use', async () => {
    const response = await t.app.inject({ url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: dialect });
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    const problem = await t.app.inject({ url: '/api/v1/nowhere' });
    expect(problem.headers['x-frame-options']).toBe('DENY');
    const docs = await t.app.inject({ url: '/api/v1/docs/static/index.html' });
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('signs in with a secure HttpOnly SameSite cookie, reports the session, and signs out', async () => {
    const email = tenants.users.clerkA.email;
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: email.toUpperCase(), password: testPassword } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'kyodo_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const { csrfToken, user } = response.json<{ csrfToken: string; user: { email: string; role: string } }>();
    expect(user).toMatchObject({ email, role: 'clerk' });
    const headers = { cookie: `kyodo_session=${cookie.value}` };

    const session = await t.app.inject({ url: '/api/v1/auth/session', headers });
    expect(session.json()).toMatchObject({ user: { email }, csrfToken });

    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json()).toMatchObject({ code: 'csrf_failed' });
    expect(noCsrf.headers['content-type']).toBe('application/problem+json; charset=utf-8');

    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { ...headers, 'x-csrf-token': csrfToken } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: '/api/v1/auth/session', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const proxied = await createTestApp(dialect, { TRUST_PROXY: 'true' });
    try {
      const tenants2 = await buildTenants(proxied.ctx);
      const response = await proxied.app.inject({
        method: 'POST', url: '/api/v1/auth/sign-in', headers: { 'x-forwarded-proto': 'https' },
        payload: { email: tenants2.users.clerkA.email, password: testPassword },
      });
      expect(response.cookies.find((c) => c.name === 'kyodo_session')).toMatchObject({ secure: true });
    } finally {
      await proxied.close();
    }
  });

  it('refuses a wrong password, an unknown e-mail and a disabled account alike', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: tenants.users.memberA.email, password: 'not the password' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'nobody@test.example', password: testPassword } });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'invalid_credentials' });
    }
  });

  it('names the field of a malformed sign-in', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'not-an-email', extra: 1 } });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; errors: { field: string; code: string }[] }>();
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ field: 'email', code: 'invalid_format' }),
      expect.objectContaining({ field: 'password', code: 'required' }),
      expect.objectContaining({ field: 'extra', code: 'unknown_field' }),
    ]));
  });

  it('limits sign-in attempts with counters kept in the database', async () => {
    const limited = await createTestApp(dialect, { SIGN_IN_RATE_LIMIT: '3' });
    try {
      const attempt = () => limited.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'x@test.example', password: 'wrong password' } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await attempt();
      expect(refused.json()).toMatchObject({ code: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const rows = await limited.ctx.db.selectFrom('rate_limits').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(Number(rows[0]!.hits)).toBe(5);
    } finally {
      await limited.close();
    }
  });

  it('records when a token was last used in the database within a second or two, without a write per request', async () => {
    const { cookie, csrf } = await t.signIn(tenants.users.orgAdminA.email);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: 'nightly export' } });
    const { id, token } = created.json<{ id: string; token: string }>();
    const lastUsed = async () => (await t.ctx.db.selectFrom('api_tokens').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow()).last_used_at;
    for (let i = 0; i < 3; i++) {
      expect((await t.app.inject({ url: `/api/v1/organizations/${tenants.orgA.id}`, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    }
    expect(await lastUsed()).toBeNull();
    await expect.poll(lastUsed, { timeout: 5_000, interval: 100 }).not.toBeNull();
  });

  it('lets scripts use API tokens, and stops accepting a revoked one', async () => {
    const { users } = tenants;
    const { cookie, csrf } = await t.signIn(users.orgAdminA.email);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: 'payroll script' } });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json<{ id: string; token: string }>();
    const stored = await t.ctx.db.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const read = await t.app.inject({ url: `/api/v1/organizations/${tenants.orgA.id}`, headers: { authorization: `Bearer ${token}` } });
    expect(read.statusCode).toBe(200);
    // Bearer requests carry no cookie, so they need no CSRF token.
    const write = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${tenants.orgA.id}`, headers: { authorization: `Bearer ${token}` },
      payload: { version: read.json<{ version: number }>().version, address: '芝山町' } });
    expect(write.statusCode).toBe(200);

    // The use is noted in memory and written within a second, in a batch; the list shows it at once.
    const list = await t.app.inject({ url: '/api/v1/tokens', headers: { cookie } });
    const listed = list.json<{ items: { id: string; name: string; lastUsedAt: string | null }[] }>().items.find((i) => i.id === id);
    expect(listed).toMatchObject({ name: 'payroll script', lastUsedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/) });
    expect(Date.now() - Date.parse(listed!.lastUsedAt!)).toBeLessThan(60_000);
    expect(list.body).not.toContain(token);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(204);
    const revoked = await t.app.inject({ url: `/api/v1/organizations/${tenants.orgA.id}`, headers: { authorization: `Bearer ${token}` } });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ code: 'invalid_token' });
  });

  it('remembers the language a user chose', async () => {
    const { cookie, csrf } = await t.signIn(tenants.users.memberA.email);
    const changed = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie, 'x-csrf-token': csrf }, payload: { locale: 'en' } });
    expect(changed.json()).toMatchObject({ locale: 'en' });
    const session = await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie } });
    expect(session.json()).toMatchObject({ user: { locale: 'en' } });
  });

  it('changes your own password only with the current one, and ends your sessions', async () => {
    const me = tenants.users.clerkA;
    const { cookie, csrf } = await t.signIn(me.email);
    const headers = { cookie, 'x-csrf-token': csrf };
    const viaPatch = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${me.id}`, headers, payload: { password: 'a new long password' } });
    expect(viaPatch.statusCode).toBe(403);
    const wrong = await t.app.inject({ method: 'PUT', url: '/api/v1/me/password', headers, payload: { currentPassword: 'not it at all', newPassword: 'a new long password' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'wrong_password', errors: [{ field: 'currentPassword' }] });
    const weak = await t.app.inject({ method: 'PUT', url: '/api/v1/me/password', headers, payload: { currentPassword: testPassword, newPassword: 'short' } });
    expect(weak.json()).toMatchObject({ code: 'weak_password', errors: [{ field: 'password' }] });
    const changed = await t.app.inject({ method: 'PUT', url: '/api/v1/me/password', headers, payload: { currentPassword: testPassword, newPassword: 'a new long password' } });
    expect(changed.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(401);
    await t.signIn(me.email, 'a new long password');
  });

  it('ends every session of an account when it is disabled, and refuses its API tokens', async () => {
    const victim = tenants.users.orgAdminB;
    const { cookie, csrf } = await t.signIn(victim.email);
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie, 'x-csrf-token': csrf }, payload: { name: 'nightly export' } })).json<{ token: string }>();
    const byToken = () => t.app.inject({ url: `/api/v1/organizations/${tenants.orgB.id}`, headers: { authorization: `Bearer ${token}` } });
    expect((await byToken()).statusCode).toBe(200);
    const admin = await t.signIn(tenants.users.federationAdmin.email);
    const disabled = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${victim.id}`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { disabled: true } });
    expect(disabled.json()).toMatchObject({ disabled: true });
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(401);
    expect((await byToken()).json()).toMatchObject({ code: 'invalid_token' });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: victim.email, password: testPassword } });
    expect(again.statusCode).toBe(401);
  });
});
