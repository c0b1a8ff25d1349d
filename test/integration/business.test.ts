import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerNonMemberWorker } from '../../src/app/members/record-engagement.js';
import { registerMember } from '../../src/app/members/register-member.js';
import { newId } from '../../src/app/shared/context.js';
import { actorFor, buildPersonFields, buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Problem } from '../support/errors.js';

type Headers = Record<string, string>;
interface Site {
  id: string;
  nameJa: string;
  operation: string;
  commissionerName: string | null;
  closedOn: string | null;
  version: number;
}
interface SiteYear {
  site: Site;
  result: { turnover: number; expenses: number; surplus: number; source: string; version: number } | null;
  workers: { members: number | null; nonMembers: number | null; source: string | null };
}
interface Year {
  period: { from: string; until: string };
  items: SiteYear[];
  totals: { sites: number; turnover: number; expenses: number; surplus: number; peopleServed: number };
}


/**
 * Sites and their fiscal-year results through the API on both databases: the seed's business lines and one the
 * federation adds, sites own and commissioned, results entered and imported (UTF-8 and CP932, all or nothing), the
 * organization's year added up, and workers by kind counted from the work records of the site's name.
 */
describe.each(dialects)('businesses (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let clerk: Headers;
  let federation: Headers;
  let adminB: Headers;
  let orgUrl: string;
  let ajisai: Site;
  let aguriin: Site;

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const upload = (headers: Headers, body: Buffer | string, query = '') =>
    t.app.inject({ method: 'POST', url: `/api/v1${orgUrl}/site-results/import${query}`, headers: { ...headers, 'content-type': 'text/csv' }, payload: body });
  const year = async (fiscalYear: number) => (await api('GET', `${orgUrl}/site-results?fiscalYear=${fiscalYear}`, clerk)).json<Year>();

  async function signIn(email: string): Promise<Headers> {
    const session = await t.signIn(email);
    return { cookie: session.cookie, 'x-csrf-token': session.csrf };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
    clerk = await signIn(tenants.users.clerkA.email);
    federation = await signIn(tenants.users.federationAdmin.email);
    adminB = await signIn(tenants.users.orgAdminB.email);
    orgUrl = `/organizations/${tenants.orgA.id}`;
  });
  afterAll(() => t.close());

  it("lists the seed's eight business lines and lets only the federation add one", async () => {
    const lines = (await api('GET', '/business-lines', clerk)).json<{ items: { code: string; builtIn: boolean }[] }>().items;
    expect(lines.filter((l) => l.builtIn).map((l) => l.code)).toEqual([
      'eldercare', 'childcare', 'disability-support', 'employment-support', 'building-maintenance', 'public-facilities', 'disaster-recovery', 'agriculture-biodiesel',
    ]);
    expect((await api('POST', '/business-lines', clerk, { code: 'bakery', nameJa: 'パン製造', nameEn: 'Bakery' })).statusCode).toBe(403);
    const added = await api('POST', '/business-lines', federation, { code: 'bakery', nameJa: 'パン製造', nameEn: 'Bakery' });
    expect(added.statusCode).toBe(201);
    expect((await api('POST', '/business-lines', federation, { code: 'bakery', nameJa: '再', nameEn: 'again' })).json<Problem>().code).toBe('duplicate_code');
    expect((await api('GET', '/business-lines', clerk)).json<{ items: { code: string }[] }>().items.at(-1)?.code).toBe('bakery');
  });

  it('keeps sites own and commissioned, with every bad field named at once', async () => {
    const created = await api('POST', `${orgUrl}/sites`, clerk, {
      nameJa: 'あじさい', businessLine: 'eldercare', postalCode: '289-1234', prefectureCode: '12', openedOn: '2015-04-01', operation: 'own', capacity: 20,
    });
    expect(created.statusCode).toBe(201);
    ajisai = created.json<Site>();
    aguriin = (await api('POST', `${orgUrl}/sites`, clerk, {
      nameJa: 'アグリーン', nameEn: 'Aguriin', businessLine: 'agriculture-biodiesel', operation: 'commissioned', commissionerName: '芝山町', openedOn: '2011-04-01',
    })).json<Site>();
    expect((await api('POST', `${orgUrl}/sites`, clerk, { nameJa: 'パン工房', businessLine: 'bakery', operation: 'own' })).statusCode).toBe(201);

    const bad = await api('POST', `${orgUrl}/sites`, clerk, {
      nameJa: 'はまなす', businessLine: 'mining', prefectureCode: '48', openedOn: '2020-04-01', closedOn: '2020-03-31', operation: 'commissioned', capacity: 3,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
      'businessLine:unknown_business_line', 'prefectureCode:unknown_prefecture', 'closedOn:closed_before_opened', 'commissionerName:required',
    ]);
    expect((await api('POST', `${orgUrl}/sites`, clerk, { nameJa: 'あじさい', businessLine: 'childcare', operation: 'own' })).json<Problem>().code).toBe('duplicate_name');

    const changed = await api('PATCH', `/sites/${ajisai.id}`, clerk, { version: 1, capacity: 25 });
    expect(changed.json<Site & { capacity: number }>()).toMatchObject({ capacity: 25, version: 2 });
    expect((await api('PATCH', `/sites/${ajisai.id}`, clerk, { version: 1, capacity: 30 })).json<Problem>().code).toBe('version_conflict');
    ajisai = changed.json<Site>();

    const list = (await api('GET', `${orgUrl}/sites`, clerk)).json<{ items: Site[] }>().items;
    expect(list.map((s) => s.nameJa)).toEqual(['あじさい', 'アグリーン', 'パン工房']);
    // Another organization's staff neither see nor change A's sites.
    expect((await api('GET', `${orgUrl}/sites`, adminB)).statusCode).toBe(403);
    expect((await api('PATCH', `/sites/${ajisai.id}`, adminB, { version: 2, capacity: 1 })).statusCode).toBe(404);
  });

  it("records a year's results, adds up the organization's year, and counts workers by kind from the work records", async () => {
    const entered = await api('PUT', `/sites/${ajisai.id}/results/2025`, clerk, { turnover: 12_000_000, expenses: 11_500_000, peopleServed: 40, workersMembers: 9, workersNonMembers: 2 });
    expect(entered.statusCode).toBe(200);
    expect(entered.json()).toMatchObject({ surplus: 500_000, source: 'entered', version: 1 });
    expect((await api('PUT', `/sites/${ajisai.id}/results/2025`, clerk, { turnover: 1, expenses: 1 })).json<Problem>().code).toBe('version_conflict');
    expect((await api('PUT', `/sites/${aguriin.id}/results/2010`, clerk, { turnover: 1, expenses: 1 })).json<Problem>().code).toBe('site_not_open');
    await api('PUT', `/sites/${aguriin.id}/results/2025`, clerk, { turnover: 3_000_000, expenses: 3_400_000 });

    const actor = actorFor(tenants.users.clerkA);
    const member = (await registerMember(t.ctx, actor, tenants.orgA.id, {
      person: buildPersonFields({ familyName: '事業', givenName: '花子', familyKana: 'ジギョウ', givenKana: 'ハナコ' }), memberNumber: '0001', kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01',
    })).person.id;
    const worker = (await registerNonMemberWorker(t.ctx, actor, tenants.orgA.id, buildPersonFields({ familyName: '非組合', givenName: '員', familyKana: 'ヒクミアイ', givenKana: 'イン' }), {
      site: 'アグリーン', startedOn: '2025-04-01', endedOn: null, labourContractFrom: '2025-04-01', labourContractUntil: null, exemption: null,
    })).personId;
    const work = (personId: string, date: string) => ({
      id: newId(), organization_id: tenants.orgA.id, person_id: personId, work_date: date, site: 'アグリーン', business_line: '', role: '', minutes: 480, status: 'approved',
      source: 'app', import_batch_id: null, note: null, approved_at: null, approved_by: null, version: 1, created_at: date, updated_at: date, recorded_by: 'test',
    });
    // Two days of the member (counted once), one of the worker, and one in fiscal 2026 that 2025 leaves out.
    await t.ctx.db.insertInto('work_records').values([work(member, '2025-06-02'), work(member, '2025-06-03'), work(worker, '2026-03-31'), work(worker, '2026-04-01')]).execute();

    const fy = await year(2025);
    expect(fy.period).toEqual({ from: '2025-04-01', until: '2026-03-31' });
    expect(fy.totals).toEqual({ sites: 2, turnover: 15_000_000, expenses: 14_900_000, surplus: 100_000, peopleServed: 40 });
    const bySite = new Map(fy.items.map((i) => [i.site.nameJa, i]));
    expect(bySite.get('アグリーン')?.workers).toEqual({ members: 1, nonMembers: 1, source: 'work_records' });
    expect(bySite.get('アグリーン')?.result?.surplus).toBe(-400_000);
    expect(bySite.get('あじさい')?.workers).toEqual({ members: 9, nonMembers: 2, source: 'entered' });
    expect(bySite.get('パン工房')).toMatchObject({ result: null, workers: { members: null, nonMembers: null, source: null } });
  });

  it('closes a site: it stays in the years it was open and leaves the later ones', async () => {
    const closed = await api('POST', `/sites/${ajisai.id}/close`, clerk, { closedOn: '2026-03-31', version: ajisai.version });
    expect(closed.json<Site>().closedOn).toBe('2026-03-31');
    expect((await year(2025)).items.map((i) => i.site.nameJa)).toContain('あじさい');
    expect((await year(2026)).items.map((i) => i.site.nameJa)).not.toContain('あじさい');
    expect((await api('PUT', `/sites/${ajisai.id}/results/2026`, clerk, { turnover: 1, expenses: 1 })).json<Problem>().code).toBe('site_not_open');
    // Dates that would leave a recorded year outside the time the site was open are refused, naming the years.
    const early = await api('POST', `/sites/${aguriin.id}/close`, clerk, { closedOn: '2025-03-31', version: aguriin.version });
    expect(early.statusCode).toBe(422);
    expect(early.json<Problem>().errors).toEqual([{ field: 'closedOn', code: 'results_outside_period', message: '2025' }]);
  });

  it('imports results from CSV in CP932, all or nothing, and replaces a year already recorded', async () => {
    const bad = '事業所,年度,事業高,経費,剰余\r\nアグリーン,令和8年度,"1,000,000",900000,100000\r\nはまなす,2026年度,1,1,\r\nAguriin,FY2026,5,1,3\r\nあじさい,2026,1,1,\r\n';
    const refused = await upload(clerk, iconv.encode(bad, 'cp932'));
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>().errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
      'rows.3.site:unknown_site', 'rows.4.surplus:surplus_mismatch', 'rows.5.fiscalYear:site_not_open',
    ]);
    expect((await year(2026)).totals.sites).toBe(0);

    const good = '事業所,年度,事業高,経費,利用者数\r\nアグリーン,令和8年度,"1,000,000",900000,12\r\nパン工房,2026年度,500000,450000,\r\nAguriin,FY2025,3000000,2900000,\r\n';
    const imported = await upload(clerk, iconv.encode(good, 'cp932'));
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ created: 2, replaced: 1, fiscalYears: [2025, 2026] });
    expect((await year(2026)).totals).toEqual({ sites: 2, turnover: 1_500_000, expenses: 1_350_000, surplus: 150_000, peopleServed: 12 });
    const aguriin2025 = (await year(2025)).items.find((i) => i.site.id === aguriin.id)?.result;
    expect(aguriin2025).toMatchObject({ turnover: 3_000_000, surplus: 100_000, source: 'import', version: 2 });

    expect((await upload(adminB, good)).statusCode).toBe(403);
    expect((await upload(clerk, '事業所,事業高\r\nアグリーン,1\r\n')).json<Problem>().code).toBe('incomplete_mapping');
  });
});
