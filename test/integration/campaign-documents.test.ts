import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Tenants = Awaited<ReturnType<typeof buildTenants>>;
interface TargetDocument { id: string; fileName: string; contentType: string; size: number; uploadedAt: string }

/** A small PDF-looking file: the server keeps bytes, it does not read them. */
const letter = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0x00, 0xff, 0x80, 0x7f]), Buffer.from('意見書\n%%EOF\n')]);
const letterName = '意見書（労働者協同組合法の制定を求める）.pdf';

describe.each(dialects)('campaign target documents (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Tenants;
  let auth: Record<'federationAdmin' | 'orgAdminA' | 'clerkA' | 'memberA' | 'orgAdminB', string>;
  let targetId: string;

  const call = (who: keyof typeof auth, method: 'GET' | 'POST' | 'DELETE', url: string) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: auth[who] } });
  const upload = (who: keyof typeof auth, fileName: string, content: Buffer | string, contentType = 'application/pdf', target = targetId) =>
    t.app.inject({
      method: 'POST', url: `/api/v1/targets/${target}/documents?fileName=${encodeURIComponent(fileName)}`,
      headers: { authorization: auth[who], 'content-type': contentType }, payload: content,
    });
  const documentsOf = async (who: keyof typeof auth = 'clerkA') => (await call(who, 'GET', `/targets/${targetId}`)).json<{ documents: TargetDocument[] }>().documents;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
    const u = tenants.users;
    auth = {
      federationAdmin: await t.bearer(u.federationAdmin), orgAdminA: await t.bearer(u.orgAdminA), clerkA: await t.bearer(u.clerkA),
      memberA: await t.bearer(u.memberA), orgAdminB: await t.bearer(u.orgAdminB),
    };
    const campaign = await t.app.inject({
      method: 'POST', url: `/api/v1/organizations/${tenants.orgA.id}/campaigns`, headers: { authorization: auth.orgAdminA },
      payload: { nameJa: '介護報酬の改善を求める運動', nameEn: null, goalJa: '意見書の採択', goalEn: null, periodFrom: '2026-04-01', periodUntil: null, includeLocalGovernments: false },
    });
    expect(campaign.statusCode).toBe(201);
    const target = await t.app.inject({
      method: 'POST', url: `/api/v1/campaigns/${campaign.json<{ id: string }>().id}/targets`, headers: { authorization: auth.orgAdminA },
      payload: { kind: 'parliamentary-group', nameJa: '協同組合振興研究議員連盟', nameEn: null },
    });
    expect(target.statusCode).toBe(201);
    targetId = target.json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  it('keeps a PDF under its Japanese name, lists it on the target and gives the same bytes back with the name in UTF-8', async () => {
    const uploaded = await upload('clerkA', letterName, letter);
    expect(uploaded.statusCode).toBe(201);
    const doc = uploaded.json<TargetDocument>();
    expect(doc).toMatchObject({ fileName: letterName, contentType: 'application/pdf', size: letter.length });

    expect(await documentsOf()).toEqual([doc]);

    const download = await call('clerkA', 'GET', `/campaign-documents/${doc.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(letter)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent(letterName)}`);
    expect(decodeURIComponent(String(download.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(letterName);

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_type', 'organization_id', 'actor_email']).where('entity_id', '=', targetId).where('action', '=', 'add-document').execute();
    expect(audit).toEqual([{ action: 'add-document', entity_type: 'campaign-target', organization_id: tenants.orgA.id, actor_email: tenants.users.clerkA.email }]);
  });

  it('keeps any other file as bytes, without the folder its name was sent with, and serves it as bytes', async () => {
    const minutes = Buffer.from('会議録,2026-06-10\r\n', 'utf8');
    const uploaded = await upload('orgAdminA', 'C:\\議会\\会議録 (6月).csv', minutes, 'application/octet-stream');
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json()).toMatchObject({ fileName: '会議録 (6月).csv', contentType: 'application/octet-stream', size: minutes.length });
    const download = await call('orgAdminA', 'GET', `/campaign-documents/${uploaded.json<TargetDocument>().id}`);
    expect(download.headers['content-type']).toBe('application/octet-stream');
    // RFC 8187 allows no parentheses in an extended value: they are percent-encoded too.
    expect(download.headers['content-disposition']).toBe("attachment; filename*=UTF-8''%E4%BC%9A%E8%AD%B0%E9%8C%B2%20%286%E6%9C%88%29.csv");
    expect(download.rawPayload.equals(minutes)).toBe(true);
    expect((await documentsOf()).map((d) => d.fileName)).toEqual([letterName, '会議録 (6月).csv']);
  });

  it('refuses a file of another type (415), an empty one and one without a name (400), and one over 20 MB (413), keeping nothing', async () => {
    const html = await upload('clerkA', 'page.html', '<html></html>', 'text/html');
    expect(html.statusCode).toBe(415);
    expect(html.json()).toMatchObject({ code: 'unsupported_media_type' });

    const empty = await upload('clerkA', 'empty.pdf', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'empty_file' });

    const nameless = await upload('clerkA', '資料/', letter);
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().errors).toEqual([expect.objectContaining({ field: 'fileName', code: 'required' })]);
    const blank = await upload('clerkA', ' ', letter);
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: 'fileName' })]);

    const huge = await upload('clerkA', 'scan.pdf', Buffer.alloc(20 * 1024 * 1024 + 1, 0x20));
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ code: 'payload_too_large', detail: expect.stringMatching(/too large/i) });

    expect(await documentsOf()).toHaveLength(2);
  });

  it('lets the federation administrator in; tells a member of the organization no and another organization that nothing is there', async () => {
    const [doc] = await documentsOf();
    expect((await call('federationAdmin', 'GET', `/campaign-documents/${doc!.id}`)).statusCode).toBe(200);
    expect((await upload('federationAdmin', '請願書.pdf', letter)).statusCode).toBe(201);

    for (const [who, status] of [['memberA', 403], ['orgAdminB', 404]] as const) {
      expect((await upload(who, '請願書.pdf', letter)).statusCode).toBe(status);
      expect((await call(who, 'GET', `/campaign-documents/${doc!.id}`)).statusCode).toBe(status);
      expect((await call(who, 'DELETE', `/campaign-documents/${doc!.id}`)).statusCode).toBe(status);
    }
    const unknown = await call('orgAdminB', 'GET', '/campaign-documents/no-such-document');
    const ofA = await call('orgAdminB', 'GET', `/campaign-documents/${doc!.id}`);
    // Another organization learns nothing: the answer for A's document is the answer for no document at all.
    expect(ofA.json()).toEqual(unknown.json());
    expect(await documentsOf()).toHaveLength(3);
  });

  it('removes a document (204): gone from the target and from download, and the audit log keeps its name', async () => {
    const [doc] = await documentsOf();
    const removed = await call('clerkA', 'DELETE', `/campaign-documents/${doc!.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await documentsOf()).map((d) => d.id)).not.toContain(doc!.id);
    expect((await call('clerkA', 'GET', `/campaign-documents/${doc!.id}`)).statusCode).toBe(404);
    expect((await call('clerkA', 'DELETE', `/campaign-documents/${doc!.id}`)).statusCode).toBe(404);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['before_json']).where('entity_id', '=', targetId).where('action', '=', 'remove-document').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ id: doc!.id, fileName: letterName, size: letter.length });
  });
});
