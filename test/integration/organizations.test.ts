import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/app/audit/read-audit-log.js';
import { buildOrganizationFields, buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Org { id: string; version: number; nameJa: string; nameEn: string | null; postalCode: string | null; businessLines: string[]; memberOrganizationCount: number }

describe.each(dialects)('organizations (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let admin: { cookie: string; csrf: string };
  const as = (session: { cookie: string; csrf: string }) => ({ cookie: session.cookie, 'x-csrf-token': session.csrf });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
    admin = await t.signIn(tenants.users.federationAdmin.email);
  });
  afterAll(() => t.close());

  it('lists the federation and its members for the federation administrator, with member counts', async () => {
    const response = await t.app.inject({ url: `/api/v1/organizations`, headers: as(admin) });
    const items = response.json<{ items: (Org & { code: string })[] }>().items;
    expect(items.map((o) => o.id)).toEqual(expect.arrayContaining([tenants.federation.id, tenants.orgA.id, tenants.orgB.id]));
    expect(items.find((o) => o.id === tenants.federation.id)!.memberOrganizationCount).toBe(2);
    const members = await t.app.inject({ url: `/api/v1/organizations?parentId=${tenants.federation.id}&q=%E3%82%A8%E3%83%BC`, headers: as(admin) });
    expect(members.json<{ items: Org[] }>().items.map((o) => o.id)).toEqual([tenants.orgA.id]);
    for (const wildcard of ['%', '_', '\\']) {
      const literal = await t.app.inject({ url: `/api/v1/organizations?q=${encodeURIComponent(wildcard)}`, headers: as(admin) });
      expect(literal.json<{ items: Org[] }>().items).toEqual([]);
    }
  });

  it('creates an organization with defaults and records it in the audit log', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/organizations', headers: as(admin),
      payload: { code: 'wc-new', nameJa: '労働者協同組合あたらしい', parentId: tenants.federation.id, legalForm: 'worker-cooperative', postalCode: '289-1624' },
    });
    expect(response.statusCode).toBe(201);
    const created = response.json<Org & { fiscalYearStartMonth: number; lawProfile: string; status: string }>();
    expect(created).toMatchObject({ fiscalYearStartMonth: 4, lawProfile: 'jp-worker-coop-2022', status: 'active', postalCode: '2891624', version: 1, businessLines: [] });
    const history = await t.app.inject({ url: `/api/v1/organizations/${created.id}/history`, headers: as(admin) });
    expect(history.json<{ items: { action: string; actorEmail: string }[] }>().items[0]).toMatchObject({ action: 'create', actorEmail: tenants.users.federationAdmin.email });
  });

  it('edits with optimistic locking and keeps a field-by-field history', async () => {
    const orgAdmin = await t.signIn(tenants.users.orgAdminA.email);
    const current = (await t.app.inject({ url: `/api/v1/organizations/${tenants.orgA.id}`, headers: as(orgAdmin) })).json<Org>();
    const saved = await t.app.inject({
      method: 'PATCH', url: `/api/v1/organizations/${tenants.orgA.id}`, headers: as(orgAdmin),
      payload: { version: current.version, nameEn: 'Workers Co-op A', businessLines: ['childcare', 'eldercare'] },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: current.version + 1, nameEn: 'Workers Co-op A', businessLines: ['childcare', 'eldercare'] });

    const stale = await t.app.inject({
      method: 'PATCH', url: `/api/v1/organizations/${tenants.orgA.id}`, headers: as(orgAdmin), payload: { version: current.version, nameEn: 'Lost update' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });

    const history = await t.app.inject({ url: `/api/v1/organizations/${tenants.orgA.id}/history`, headers: as(orgAdmin) });
    const [latest] = history.json<{ items: { action: string; actorEmail: string; before: unknown; after: unknown }[] }>().items;
    expect(latest).toMatchObject({
      action: 'update', actorEmail: tenants.users.orgAdminA.email,
      before: { nameEn: current.nameEn, businessLines: ['eldercare'] }, after: { nameEn: 'Workers Co-op A', businessLines: ['childcare', 'eldercare'] },
    });
  });

  it('lets an organization administrator edit the profile but not its place in the federation', async () => {
    const orgAdmin = await t.signIn(tenants.users.orgAdminA.email);
    const current = (await t.app.inject({ url: `/api/v1/organizations/${tenants.orgA.id}`, headers: as(orgAdmin) })).json<Org>();
    const response = await t.app.inject({
      method: 'PATCH', url: `/api/v1/organizations/${tenants.orgA.id}`, headers: as(orgAdmin), payload: { version: current.version, status: 'dissolved' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('names every bad field in one problem response', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/organizations', headers: as(admin),
      payload: { code: 'Bad Code', nameJa: '', parentId: tenants.federation.id, legalForm: 'corporation', fiscalYearStartMonth: 13, prefectureCode: '48', postalCode: '12-345', businessLines: ['Mining!'] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const fields = response.json<{ errors: { field: string; code: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'nameJa', 'legalForm', 'fiscalYearStartMonth', 'prefectureCode', 'postalCode', 'businessLines.0']));
  });

  it('refuses a business line the federation does not have, naming its place in the list', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/organizations', headers: as(admin),
      payload: { ...buildOrganizationFields({ parentId: tenants.federation.id }), businessLines: ['eldercare', 'mining'] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'unknown_business_line', errors: [{ field: 'businessLines.1', code: 'unknown_business_line' }] });
  });

  it('lets an organization take a business line the federation added, which the reference lists with its names', async () => {
    const added = await t.app.inject({
      method: 'POST', url: '/api/v1/business-lines', headers: as(admin), payload: { code: 'bakery', nameJa: 'パン工房', nameEn: 'Bakery' },
    });
    expect(added.statusCode).toBe(201);
    const reference = await t.app.inject({ url: '/api/v1/reference' });
    const lines = reference.json<{ businessLines: { code: string; nameJa: string; nameEn: string; builtIn: boolean }[] }>().businessLines;
    expect(lines).toHaveLength(9);
    expect(lines[0]).toEqual({ code: 'eldercare', nameJa: '高齢者介護', nameEn: 'Eldercare', builtIn: true });
    expect(lines.at(-1)).toEqual({ code: 'bakery', nameJa: 'パン工房', nameEn: 'Bakery', builtIn: false });

    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/organizations', headers: as(admin),
      payload: { ...buildOrganizationFields({ parentId: tenants.federation.id }), businessLines: ['bakery', 'eldercare'] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<Org>().businessLines).toEqual(['bakery', 'eldercare']);
    const current = (await t.app.inject({ url: `/api/v1/organizations/${tenants.orgB.id}`, headers: as(admin) })).json<Org>();
    const saved = await t.app.inject({
      method: 'PATCH', url: `/api/v1/organizations/${tenants.orgB.id}`, headers: as(admin), payload: { version: current.version, businessLines: ['bakery'] },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<Org>().businessLines).toEqual(['bakery']);
  });

  it('enforces the Act: a worker co-operative carries 労働者協同組合 in its name', async () => {
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/organizations', headers: as(admin),
      payload: { code: 'wc-noname', nameJa: 'ワーカーズ', parentId: tenants.federation.id, legalForm: 'worker-cooperative' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'worker_coop_name', errors: [{ field: 'nameJa', code: 'worker_coop_name' }] });
  });

  it('refuses a duplicate code and leaves nothing half-written', async () => {
    const before = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const response = await t.app.inject({
      method: 'POST', url: '/api/v1/organizations', headers: as(admin),
      payload: { ...buildOrganizationFields({ parentId: tenants.federation.id, code: tenants.orgB.code }), businessLines: ['eldercare', 'childcare'] },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'duplicate_code', errors: [{ field: 'code' }] });
    const after = await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const orphanLines = await t.ctx.db.selectFrom('organization_business_lines').leftJoin('organizations', 'organizations.id', 'organization_business_lines.organization_id')
      .select('organization_business_lines.organization_id').where('organizations.id', 'is', null).execute();
    expect(orphanLines).toEqual([]);
  });

  it('rolls back the whole change when the audit append fails', async () => {
    const current = (await t.app.inject({ url: `/api/v1/organizations/${tenants.orgB.id}`, headers: as(admin) })).json<Org>();
    // Break the audit head so that the append inside the transaction fails after the organization row was updated.
    await t.ctx.db.deleteFrom('audit_head').execute();
    try {
      const response = await t.app.inject({
        method: 'PATCH', url: `/api/v1/organizations/${tenants.orgB.id}`, headers: as(admin), payload: { version: current.version, nameEn: 'Never saved' },
      });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toMatchObject({ code: 'internal_error' });
    } finally {
      const last = await t.ctx.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      await t.ctx.db.insertInto('audit_head').values({ id: 1, seq: Number(last.seq), hash: last.hash }).execute();
    }
    const after = (await t.app.inject({ url: `/api/v1/organizations/${tenants.orgB.id}`, headers: as(admin) })).json<Org>();
    expect(after).toMatchObject({ version: current.version, nameEn: current.nameEn });
  });

  it('keeps the audit log append-only and detects tampering', async () => {
    expect(await verifyAuditLog(t.ctx)).toMatchObject({ ok: true });
    await expect(sql`update audit_log set action = 'forged' where seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where seq = 1`.execute(t.ctx.db)).rejects.toThrow(/append-only/);

    // Someone with direct database access disables the guard and rewrites history: verification catches it.
    if (dialect === 'sqlite') {
      await sql`drop trigger audit_log_no_update`.execute(t.ctx.db);
    } else {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.ctx.db);
    }
    await sql`update audit_log set after_json = '{"nameJa":"forged"}' where seq = 2`.execute(t.ctx.db);
    const verify = await t.app.inject({ url: '/api/v1/audit/verify', headers: as(admin) });
    expect(verify.json()).toMatchObject({ ok: false, brokenAtSeq: 2, reason: 'content_changed' });
  });
});
