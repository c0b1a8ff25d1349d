import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allOrganizationIds, keptMemberSearchIndex, memberSearchIndexes, warmMemberSearch } from '../../src/app/members/member-search.js';
import { buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Listed { items: { memberNumber: string; familyName: string; status: string }[]; total: number }

describe.each(dialects)('membership registry (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let headers: { cookie: string; 'x-csrf-token': string };
  let orgUrl: string;

  const register = (memberNumber: string, familyName: string, familyKana: string, extra: Record<string, unknown> = {}) =>
    t.app.inject({
      method: 'POST', url: `${orgUrl}/members`, headers,
      payload: {
        person: { familyName, givenName: '太郎', familyKana, givenKana: 'タロウ', postalCode: '289-1624', prefectureCode: '12' },
        memberNumber, kind: 'worker', firstEvent: 'admit', effectiveDate: '2024-04-01', ...extra,
      },
    });
  const list = async (query: string) => (await t.app.inject({ url: `${orgUrl}/members?${query}`, headers })).json<Listed>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
    const session = await t.signIn(tenants.users.clerkA.email);
    headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    orgUrl = `/api/v1/organizations/${tenants.orgA.id}`;
    for (const [n, name, kana] of [['0001', '山田', 'ヤマダ'], ['0002', '大野', 'オオノ'], ['0003', '佐藤', 'サトウ'], ['0004', '山本', 'ﾔﾏﾓﾄ']] as const) {
      expect((await register(n, name, kana)).statusCode).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('registers a member with normalized kana and postal code, and finds them by name, kana, romaji and number', async () => {
    expect((await list('q=%E5%B1%B1')).items.map((i) => i.memberNumber)).toEqual(['0001', '0004']); // 山
    expect((await list('q=%E3%82%84%E3%81%BE%E3%82%82%E3%81%A8')).items.map((i) => i.familyName)).toEqual(['山本']); // やまもと (typed in half-width kana)
    expect((await list('q=ohno')).items.map((i) => i.familyName)).toEqual(['大野']);
    expect((await list('q=sato')).items.map((i) => i.familyName)).toEqual(['佐藤']);
    expect((await list('q=0003')).items.map((i) => i.familyName)).toEqual(['佐藤']);
    expect((await list('q=%E7%94%B0%E4%B8%AD')).total).toBe(0); // 田中
  });

  it('sorts and pages', async () => {
    const page = await list('sort=kana&order=desc&pageSize=2&page=1');
    expect(page.total).toBe(4);
    expect(page.items.map((i) => i.familyName)).toEqual(['山本', '山田']);
    expect((await list('sort=kana&order=desc&pageSize=2&page=2')).items.map((i) => i.familyName)).toEqual(['佐藤', '大野']);
  });

  it('refuses a duplicate member number and bad fields, naming them', async () => {
    const duplicate = await register('0001', '重複', 'チョウフク');
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'duplicate_member_number', errors: [{ field: 'memberNumber' }] });
    const bad = await register('0009', '', 'kana in latin', { effectiveDate: '2024-02-30x' });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['person.familyName', 'person.familyKana', 'effectiveDate']));
  });

  it('keeps the lifecycle as history and answers who was a member on a date', async () => {
    const { items } = await list('q=0002');
    const detail = await t.app.inject({ url: `/api/v1/organizations/${tenants.orgA.id}/members?q=0002`, headers });
    expect(detail.statusCode).toBe(200);
    const membershipId = (await t.ctx.db.selectFrom('memberships').select('id').where('member_number', '=', items[0]!.memberNumber).where('organization_id', '=', tenants.orgA.id).executeTakeFirstOrThrow()).id;
    const event = (type: string, effectiveDate: string, reason?: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/memberships/${membershipId}/events`, headers, payload: { type, effectiveDate, ...(reason ? { reason } : {}) } });

    expect((await event('notify_withdrawal', '2026-11-26')).statusCode).toBe(201);
    // Notice on 2026-11-26 with 90 days: the member leaves at the end of March 2027, not earlier.
    const early = await event('withdraw', '2026-12-31');
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'withdrawal_before_fiscal_year_end', errors: [{ field: 'effectiveDate' }] });
    expect((await event('withdraw', '2027-03-31')).json()).toMatchObject({ status: 'withdrawn', endedOn: '2027-03-31' });
    expect((await event('admit', '2027-04-01')).json()).toMatchObject({ code: 'invalid_transition' });

    const history = await t.app.inject({ url: `/api/v1/memberships/${membershipId}`, headers });
    expect(history.json<{ events: { type: string; effectiveDate: string }[] }>().events.map((e) => `${e.type}@${e.effectiveDate}`)).toEqual([
      'admit@2024-04-01', 'notify_withdrawal@2026-11-26', 'withdraw@2027-03-31',
    ]);
    expect((await list('memberOn=2027-03-30')).total).toBe(4);
    expect((await list('memberOn=2027-03-31')).total).toBe(3);
    expect((await list('memberOn=2024-03-31')).total).toBe(0);
  });

  it('records engagement in the work, labour contracts and non-member workers', async () => {
    const yamada = await t.ctx.db.selectFrom('memberships').select(['id', 'person_id']).where('member_number', '=', '0001').where('organization_id', '=', tenants.orgA.id).executeTakeFirstOrThrow();
    const engaged = await t.app.inject({
      method: 'POST', url: `${orgUrl}/engagements`, headers,
      payload: { personId: yamada.person_id, engagement: { site: 'あぐりーん', startedOn: '2024-04-01', labourContractFrom: '2024-04-01' } },
    });
    expect(engaged.statusCode).toBe(201);
    const badDates = await t.app.inject({
      method: 'POST', url: `${orgUrl}/engagements`, headers,
      payload: { personId: yamada.person_id, engagement: { startedOn: '2024-04-01', labourContractFrom: '2024-05-01', labourContractUntil: '2024-04-30' } },
    });
    expect(badDates.json()).toMatchObject({ code: 'end_before_start', errors: [{ field: 'labourContractUntil' }] });
    const worker = await t.app.inject({
      method: 'POST', url: `${orgUrl}/non-member-workers`, headers,
      payload: { person: { familyName: '鈴木', givenName: '花子', familyKana: 'スズキ', givenKana: 'ハナコ' }, engagement: { startedOn: '2025-01-06', labourContractFrom: '2025-01-06' } },
    });
    expect(worker.statusCode).toBe(201);
    expect((await list('engaged=true')).items.map((i) => i.memberNumber)).toEqual(['0001']);
    const workers = await t.app.inject({ url: `${orgUrl}/workers?date=2025-06-01`, headers });
    expect(workers.json<{ items: { familyName: string; member: boolean; site: string | null; membershipId: string | null }[] }>().items
      .map((w) => [w.familyName, w.member, w.site, w.membershipId]))
      .toEqual([['鈴木', false, null, null], ['山田', true, 'あぐりーん', yamada.id]]);
    // A member from the day of admission.
    const onAdmission = await t.app.inject({ url: `${orgUrl}/workers?date=2024-04-01`, headers });
    expect(onAdmission.json<{ items: { familyName: string; membershipId: string | null }[] }>().items.map((w) => [w.familyName, w.membershipId]))
      .toEqual([['山田', yamada.id]]);
    const nonMembers = await t.app.inject({ url: `${orgUrl}/workers?date=2025-06-01&nonMembersOnly=true`, headers });
    expect(nonMembers.json<{ items: { familyName: string }[] }>().items.map((w) => w.familyName)).toEqual(['鈴木']);
    expect((await list('labourContract=false')).total).toBe(3);
  });

  it('lets the federation administrator search across organizations, and nobody else', async () => {
    const admin = await t.signIn(tenants.users.federationAdmin.email);
    const all = await t.app.inject({ url: '/api/v1/members?q=yamada', headers: { cookie: admin.cookie } });
    expect(all.json<Listed>().items.map((i) => i.memberNumber)).toEqual(['0001']);
    const clerkWide = await t.app.inject({ url: '/api/v1/members?q=yamada', headers });
    expect(clerkWide.json<Listed>().total).toBe(1);
    const counts = await t.app.inject({ url: '/api/v1/member-counts?date=2026-01-01', headers: { cookie: admin.cookie } });
    expect(counts.json()).toEqual({ date: '2026-01-01', items: [{ organizationId: tenants.orgA.id, kind: 'worker', members: 4 }] });
    const member = await t.signIn(tenants.users.memberA.email);
    expect((await t.app.inject({ url: `${orgUrl}/members`, headers: { cookie: member.cookie } })).statusCode).toBe(403);
  });

  it('knows the kinds an organization defines, and refuses others', async () => {
    const orgAdmin = await t.signIn(tenants.users.orgAdminA.email);
    const adminHeaders = { cookie: orgAdmin.cookie, 'x-csrf-token': orgAdmin.csrf };
    expect((await register('0201', '石井', 'イシイ', { kind: 'supporter' })).json()).toMatchObject({ code: 'unknown_kind' });
    const defined = await t.app.inject({ method: 'POST', url: `${orgUrl}/member-kinds`, headers: adminHeaders, payload: { code: 'supporter', nameJa: '賛助組合員', nameEn: 'Supporting member' } });
    expect(defined.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `${orgUrl}/member-kinds`, headers, payload: { code: 'x', nameJa: 'x' } })).statusCode).toBe(403);
    expect((await register('0201', '石井', 'イシイ', { kind: 'supporter' })).statusCode).toBe(201);
    const kinds = await t.app.inject({ url: `${orgUrl}/member-kinds`, headers });
    expect(kinds.json<{ items: { code: string }[] }>().items.map((k) => k.code)).toEqual(['worker', 'user', 'supporter']);
  });

  it('corrects a name with optimistic locking and finds the person by the new kana', async () => {
    const { membershipId } = (await list('q=0003')).items[0] as unknown as { membershipId: string };
    const detail = await t.app.inject({ url: `/api/v1/memberships/${membershipId}`, headers });
    const version = detail.json<{ person: { version: number } }>().person.version;
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/memberships/${membershipId}/person`, headers, payload: { version, familyName: '斉藤', familyKana: 'サイトウ' } });
    expect(renamed.json()).toMatchObject({ familyName: '斉藤', version: version + 1 });
    const stale = await t.app.inject({ method: 'PATCH', url: `/api/v1/memberships/${membershipId}/person`, headers, payload: { version, phone: '03-0000-0000' } });
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });
    expect((await list('q=saito')).items.map((i) => i.familyName)).toEqual(['斉藤']);
    expect((await list('q=sato')).total).toBe(0);
  });

  it('links one person to a membership in another organization, for whoever keeps both registries', async () => {
    const person = await t.ctx.db.selectFrom('memberships').select('person_id').where('member_number', '=', '0001').where('organization_id', '=', tenants.orgA.id).executeTakeFirstOrThrow();
    const payload = { person: { id: person.person_id }, memberNumber: 'U-1', kind: 'user', firstEvent: 'admit', effectiveDate: '2025-01-01' };
    const orgB = `/api/v1/organizations/${tenants.orgB.id}/members`;
    const outsider = await t.signIn(tenants.users.orgAdminB.email);
    const refused = await t.app.inject({ method: 'POST', url: orgB, headers: { cookie: outsider.cookie, 'x-csrf-token': outsider.csrf }, payload });
    expect(refused.statusCode).toBe(404);
    const admin = await t.signIn(tenants.users.federationAdmin.email);
    const linked = await t.app.inject({ method: 'POST', url: orgB, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload });
    expect(linked.statusCode).toBe(201);
    expect(linked.json()).toMatchObject({ person: { id: person.person_id, familyName: '山田' }, membership: { organizationId: tenants.orgB.id } });
    const again = await t.app.inject({ method: 'POST', url: orgB, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf }, payload: { ...payload, memberNumber: 'U-2' } });
    expect(again.json()).toMatchObject({ code: 'already_member' });
  });

  it('finds a person by a new name in every organization they belong to, whichever registry renamed them', async () => {
    // 0001 (山田 in A) was linked to B above as U-1. Renamed through A, B's search and the federation's follow.
    const admin = await t.signIn(tenants.users.federationAdmin.email);
    const adminHeaders = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
    const inB = async (q: string) => (await t.app.inject({ url: `/api/v1/organizations/${tenants.orgB.id}/members?q=${encodeURIComponent(q)}`, headers: adminHeaders })).json<Listed>();
    expect((await inB('やまだ')).items.map((i) => i.memberNumber)).toEqual(['U-1']);
    const { membershipId } = (await list('q=0001')).items[0] as unknown as { membershipId: string };
    const version = (await t.app.inject({ url: `/api/v1/memberships/${membershipId}`, headers })).json<{ person: { version: number } }>().person.version;
    const renamed = await t.app.inject({ method: 'PATCH', url: `/api/v1/memberships/${membershipId}/person`, headers, payload: { version, familyName: '森田', familyKana: 'モリタ' } });
    expect(renamed.statusCode).toBe(200);
    expect((await inB('やまだ')).total).toBe(0);
    expect((await inB('morita')).items.map((i) => [i.memberNumber, i.familyName])).toEqual([['U-1', '森田']]);
    const everywhere = (await t.app.inject({ url: '/api/v1/members?q=%E6%A3%AE%E7%94%B0', headers: adminHeaders })).json<Listed>(); // 森田
    expect(everywhere.items.map((i) => i.memberNumber).sort()).toEqual(['0001', 'U-1']);
  });

  it("keeps an organization's search index, and lays each change over it: a new member in B is not read into A", async () => {
    const [keptA, keptB] = await memberSearchIndexes(t.ctx, [tenants.orgA.id, tenants.orgB.id]);
    const sizeOfA = keptA!.size;
    // Signing in is audited and changes no member: both are kept as they are.
    await t.signIn(tenants.users.clerkA.email);
    const [a1, b1] = await memberSearchIndexes(t.ctx, [tenants.orgA.id, tenants.orgB.id]);
    expect(a1).toBe(keptA);
    expect(b1).toBe(keptB);
    const admin = await t.signIn(tenants.users.federationAdmin.email);
    const added = await t.app.inject({
      method: 'POST', url: `/api/v1/organizations/${tenants.orgB.id}/members`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { person: { familyName: '林', givenName: '一', familyKana: 'ハヤシ', givenKana: 'ハジメ' }, memberNumber: 'U-9', kind: 'user', firstEvent: 'admit', effectiveDate: '2025-01-01' },
    });
    expect(added.statusCode).toBe(201);
    const [a2, b2] = await memberSearchIndexes(t.ctx, [tenants.orgA.id, tenants.orgB.id]);
    expect(a2).toBe(keptA);
    expect(a2!.size).toBe(sizeOfA);
    expect(b2).toBe(keptB);
    expect(b2!.select({ key: 'はやし' }).map((m) => m.memberNumber)).toEqual(['U-9']);
    // A withdrawal is laid over the index too: the status filter sees it at once.
    const membershipId = (added.json() as { membership: { id: string } }).membership.id;
    const event = await t.app.inject({
      method: 'POST', url: `/api/v1/memberships/${membershipId}/events`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { type: 'expel', effectiveDate: '2025-02-01', reason: 'test' },
    });
    expect(event.statusCode).toBe(201);
    const expelled = await t.app.inject({ url: `/api/v1/organizations/${tenants.orgB.id}/members?status=expelled`, headers: { cookie: admin.cookie } });
    expect(expelled.json<Listed>().items.map((i) => [i.memberNumber, i.status])).toEqual([['U-9', 'expelled']]);
  });

  it('reads an imported organization again as a whole', async () => {
    const [before] = await memberSearchIndexes(t.ctx, [tenants.orgA.id]);
    const csv = Buffer.from('組合員番号,姓,名,セイ,メイ,組合員の種類,加入日\r\n0100,小林,一,コバヤシ,ハジメ,worker,2024-04-01\r\n');
    const imported = await t.app.inject({ method: 'POST', url: `${orgUrl}/member-imports`, headers: { ...headers, 'content-type': 'text/csv' }, payload: csv });
    expect(imported.statusCode).toBe(200);
    const [after] = await memberSearchIndexes(t.ctx, [tenants.orgA.id]);
    expect(after).not.toBe(before);
    expect((await list('q=kobayashi')).items.map((i) => i.memberNumber)).toEqual(['0100']);
  });

  it('makes every organization\'s index ahead of the first search, with all its members', async () => {
    await warmMemberSearch(t.ctx);
    const counts = await t.ctx.db.selectFrom('memberships').select(['organization_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('organization_id').execute();
    const ids = await allOrganizationIds(t.ctx);
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) expect(keptMemberSearchIndex(t.ctx, id)?.size, id).toBe(Number(counts.find((c) => c.organization_id === id)?.n ?? 0));
  });

  it('filters by the site where members work', async () => {
    expect((await list(`site=${encodeURIComponent('あぐりーん')}`)).items.map((i) => i.memberNumber)).toEqual(['0001']);
    expect((await list(`site=${encodeURIComponent('あじさい')}`)).total).toBe(0);
  });

  it('sorts member numbers as numbers, whatever their zero padding, both ways, and exports in that order', async () => {
    for (const [n, name] of [['000284', '番号'], ['12', '番号'], ['W10', '番号'], ['W9', '番号']] as const) {
      expect((await register(n, name, 'バンゴウ')).statusCode).toBe(201);
    }
    const ours = new Set(['0003', '000284', '12', 'W10', 'W9']);
    const numbers = async (order: string) => (await list(`sort=memberNumber&order=${order}&pageSize=200`)).items.map((i) => i.memberNumber).filter((n) => ours.has(n));
    expect(await numbers('asc')).toEqual(['0003', '12', '000284', 'W9', 'W10']);
    expect(await numbers('desc')).toEqual(['W10', 'W9', '000284', '12', '0003']);
    const exported = await t.app.inject({ url: `${orgUrl}/members/export?date=2026-11-26`, headers });
    // Numbers with leading zeros are written as ="0003", so that Excel keeps the zeros.
    const records = parse(exported.body, { bom: true }) as string[][];
    const lines = records.map((r) => r[0]!.replace(/^="(.*)"$/, '$1')).filter((n) => ours.has(n));
    expect(lines).toEqual(['0003', '12', '000284', 'W9', 'W10']);
  });
});
