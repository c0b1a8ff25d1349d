import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/app/shared/context.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/http/app.js';
import { buildTenants, testPassword } from '../factories.js';
import { dialects, openSharedTestDatabase } from '../support/databases.js';

/** Two app instances with their own connections to one database, as behind a load balancer. */
describe.each(dialects)('stateless instances sharing one database (%s)', (dialect) => {
  let databases: [Database, Database];
  let apps: FastifyInstance[];
  let tenants: Awaited<ReturnType<typeof buildTenants>>;

  beforeAll(async () => {
    databases = await openSharedTestDatabase(dialect);
    const config = loadConfig({ DATA_DIR: '/nonexistent-test-data', SIGN_IN_RATE_LIMIT: '4' });
    const contexts: AppContext[] = databases.map((d) => ({ db: d.db, dialect: d.dialect, runPrepared: d.runPrepared, runWrites: d.runWrites, now: () => new Date() }));
    apps = await Promise.all(contexts.map((ctx) => buildApp({ ctx, config, webRoot: null })));
    tenants = await buildTenants(contexts[0]!);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await databases[1].close();
    await databases[0].close();
  });

  it('honours a session opened on one instance on the other, and ends it everywhere', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const signedIn = await a.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: tenants.users.orgAdminA.email, password: testPassword } });
    const cookie = `kyodo_session=${signedIn.cookies.find((c) => c.name === 'kyodo_session')!.value}`;
    const csrf = signedIn.json<{ csrfToken: string }>().csrfToken;
    const onB = await b.inject({ url: `/api/v1/organizations/${tenants.orgA.id}`, headers: { cookie } });
    expect(onB.statusCode).toBe(200);
    expect((await b.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(204);
    expect((await a.inject({ url: '/api/v1/auth/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('counts sign-in attempts across instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = apps[i % 2]!;
      const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress: '203.0.113.7', payload: { email: 'x@test.example', password: 'wrong password' } });
      statuses.push(response.statusCode);
    }
    // Four attempts are allowed in all, whichever instance receives them.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });

  it('finds on one instance a member registered, renamed or imported on the other (each keeps its own search index)', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const signedIn = await a.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: tenants.users.orgAdminA.email, password: testPassword } });
    const cookie = `kyodo_session=${signedIn.cookies.find((c) => c.name === 'kyodo_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': signedIn.json<{ csrfToken: string }>().csrfToken };
    const members = `/api/v1/organizations/${tenants.orgA.id}/members`;
    const search = async (app: FastifyInstance, q: string) =>
      (await app.inject({ url: `${members}?q=${encodeURIComponent(q)}`, headers: { cookie } })).json<{ items: { memberNumber: string }[] }>().items.map((i) => i.memberNumber);
    // Both instances have made their index before the changes.
    expect(await search(a, 'はやかわ')).toEqual([]);
    expect(await search(b, 'はやかわ')).toEqual([]);
    const registered = await a.inject({
      method: 'POST', url: members, headers,
      payload: { person: { familyName: '早川', givenName: '一', familyKana: 'ハヤカワ', givenKana: 'ハジメ' }, memberNumber: 'SO-1', kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01' },
    });
    expect(registered.statusCode).toBe(201);
    expect(await search(b, 'hayakawa')).toEqual(['SO-1']);
    const { membership, person } = registered.json<{ membership: { id: string }; person: { version: number } }>();
    const renamed = await b.inject({ method: 'PATCH', url: `/api/v1/memberships/${membership.id}/person`, headers, payload: { version: person.version, familyName: '早瀬', familyKana: 'ハヤセ' } });
    expect(renamed.statusCode).toBe(200);
    expect(await search(a, 'hayakawa')).toEqual([]);
    expect(await search(a, 'hayase')).toEqual(['SO-1']);
    const csv = Buffer.from('組合員番号,姓,名,セイ,メイ,組合員の種類,加入日\r\nSO-2,早田,一,ハヤタ,ハジメ,worker,2024-04-01\r\n');
    expect((await b.inject({ method: 'POST', url: `/api/v1/organizations/${tenants.orgA.id}/member-imports`, headers: { ...headers, 'content-type': 'text/csv' }, payload: csv })).statusCode).toBe(200);
    expect(await search(a, 'はや')).toEqual(['SO-1', 'SO-2']);
  });

  it('keeps one audit chain when both instances write at once', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const tokenA = await a.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: tenants.users.federationAdmin.email, password: testPassword } });
    const cookie = `kyodo_session=${tokenA.cookies.find((c) => c.name === 'kyodo_session')!.value}`;
    const headers = { cookie, 'x-csrf-token': tokenA.json<{ csrfToken: string }>().csrfToken };
    const writes = Array.from({ length: 12 }, (_, i) =>
      (i % 2 ? a : b).inject({
        method: 'POST', url: '/api/v1/organizations', headers,
        payload: { code: `par-${i}`, nameJa: `労働者協同組合並行${i}`, parentId: tenants.federation.id, legalForm: 'worker-cooperative' },
      }),
    );
    const results = await Promise.all(writes);
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const verify = await b.inject({ url: '/api/v1/audit/verify', headers: { cookie } });
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
