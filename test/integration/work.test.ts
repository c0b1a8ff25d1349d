import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerNonMemberWorker } from '../../src/app/members/record-engagement.js';
import { registerMember } from '../../src/app/members/register-member.js';
import { actorFor, buildPersonFields, buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import type { Problem } from '../support/errors.js';

type Headers = Record<string, string>;
interface WorkRecord {
  id: string;
  personId: string;
  date: string;
  site: string;
  minutes: number;
  status: string;
  version: number;
  memberNumber: string | null;
  periodClosed: boolean;
}


/**
 * Work records through the API on both databases: a clerk enters a member's and a non-member worker's days, the
 * coordinator (the organization's administrator) approves them and closes the month, after which nothing in it
 * changes; a time clock's CSV comes in, in UTF-8 or CP932, all or nothing.
 */
describe.each(dialects)('work records (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let clerk: Headers;
  let admin: Headers;
  let adminB: Headers;
  let orgUrl: string;
  let hanako: string;
  let jiro: string;
  let worker: string;

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });
  const upload = (path: string, headers: Headers, body: Buffer | string, query = '') =>
    t.app.inject({ method: 'POST', url: `/api/v1${orgUrl}/${path}${query}`, headers: { ...headers, 'content-type': 'text/csv' }, payload: body });
  const records = async (query: string) =>
    (await api('GET', `${orgUrl}/work-records?${query}`, clerk)).json<{ items: WorkRecord[]; totals: { records: number; minutes: number; days: number; people: number; entered: number } }>();
  const count = async () => Number((await t.ctx.db.selectFrom('work_records').select((eb) => eb.fn.countAll().as('n')).where('organization_id', '=', tenants.orgA.id).executeTakeFirstOrThrow()).n);

  async function signIn(email: string): Promise<Headers> {
    const session = await t.signIn(email);
    return { cookie: session.cookie, 'x-csrf-token': session.csrf };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
    t.ctx.now = () => new Date('2026-11-20T01:00:00Z');
    clerk = await signIn(tenants.users.clerkA.email);
    admin = await signIn(tenants.users.orgAdminA.email);
    adminB = await signIn(tenants.users.orgAdminB.email);
    orgUrl = `/organizations/${tenants.orgA.id}`;
    const actor = actorFor(tenants.users.clerkA);
    const member = async (memberNumber: string, givenName: string, effectiveDate: string) => (await registerMember(t.ctx, actor, tenants.orgA.id, {
      person: buildPersonFields({ familyName: '就労', givenName, familyKana: 'シュウロウ', givenKana: 'ハナコ' }), memberNumber, kind: 'worker', firstEvent: 'admit', effectiveDate,
    })).person.id;
    hanako = await member('0001', '花子', '2026-04-01');
    jiro = await member('0002', '次郎', '2026-10-15');
    worker = (await registerNonMemberWorker(t.ctx, actor, tenants.orgA.id, buildPersonFields({ familyName: '非組合', givenName: '員', familyKana: 'ヒクミアイ', givenKana: 'イン' }), {
      site: '池袋', startedOn: '2026-09-01', endedOn: '2026-10-31', labourContractFrom: '2026-09-01', labourContractUntil: '2026-10-31', exemption: null,
    })).personId;
  });
  afterAll(() => t.close());

  it('records a day at two sites for a member and a day for a non-member worker, with the totals of the period', async () => {
    const day = await api('POST', `${orgUrl}/work-records`, clerk, {
      personId: hanako, date: '2026-09-01', entries: [{ site: '池袋', businessLine: 'eldercare', minutes: 300 }, { site: '大塚', minutes: 180, role: 'coordinator', note: '応援' }],
    });
    expect(day.statusCode).toBe(201);
    expect(day.json<{ items: WorkRecord[] }>().items).toMatchObject([
      { personId: hanako, memberNumber: '0001', date: '2026-09-01', site: '池袋', minutes: 300, status: 'entered', version: 1, periodClosed: false },
      { site: '大塚', minutes: 180 },
    ]);
    expect((await api('POST', `${orgUrl}/work-records`, clerk, { personId: worker, date: '2026-09-02', entries: [{ site: '池袋', minutes: 450 }] })).statusCode).toBe(201);
    const september = await records('from=2026-09-01&until=2026-09-30');
    expect(september.totals).toEqual({ records: 3, minutes: 930, days: 2, people: 2, entered: 3 });
    expect(september.items.map((r) => [r.date, r.memberNumber])).toEqual([['2026-09-02', null], ['2026-09-01', '0001'], ['2026-09-01', '0001']]);
    expect((await records('from=2026-09-01&until=2026-09-30&site=%E6%B1%A0%E8%A2%8B&personId=' + hanako)).totals).toMatchObject({ records: 1, minutes: 300 });
  });

  it('refuses a day past 24 hours, the same site twice, someone not a member or worker that day, and a business line the organization lacks', async () => {
    const refused = async (payload: object) => (await api('POST', `${orgUrl}/work-records`, clerk, payload)).json<Problem>();
    expect(await refused({ personId: hanako, date: '2026-09-01', entries: [{ site: '目白', minutes: 1000 }] }))
      .toMatchObject({ code: 'validation_failed', errors: [{ field: 'entries', code: 'day_over_24_hours' }] });
    expect((await api('POST', `${orgUrl}/work-records`, clerk, { personId: hanako, date: '2026-09-01', entries: [{ site: '池袋', businessLine: 'eldercare', minutes: 60 }] })).json<Problem>())
      .toMatchObject({ code: 'already_recorded' });
    expect(await refused({ personId: jiro, date: '2026-10-14', entries: [{ minutes: 60 }] })).toMatchObject({ code: 'not_working_then' });
    expect(await refused({ personId: worker, date: '2026-11-02', entries: [{ minutes: 60 }] })).toMatchObject({ code: 'not_working_then' });
    // Someone of another organization is not found here.
    const otherOrganization = await registerMember(t.ctx, actorFor(tenants.users.orgAdminB), tenants.orgB.id, {
      person: buildPersonFields({ familyName: '他組合', givenName: '員', familyKana: 'タクミアイ', givenKana: 'イン' }), memberNumber: 'B-1', kind: 'worker', firstEvent: 'admit', effectiveDate: '2026-04-01',
    });
    expect(await refused({ personId: otherOrganization.person.id, date: '2026-09-01', entries: [{ minutes: 60 }] })).toMatchObject({ code: 'not_found' });
    expect(await refused({ personId: hanako, date: '2026-09-03', entries: [{ businessLine: 'childcare', minutes: 60 }] }))
      .toMatchObject({ errors: [{ field: 'entries.0.businessLine', code: 'unknown_business_line' }] });
    expect(await refused({ personId: hanako, date: '2026-09-31', entries: [{ minutes: 0 }] })).toMatchObject({ code: 'validation_failed' });
    expect(await refused({ personId: hanako, date: '2026-11-21', entries: [{ minutes: 60 }] })).toMatchObject({ errors: [{ field: 'entries.0.date', code: 'future_date' }] });
    expect((await records('from=2026-09-01&until=2026-09-30')).totals.records).toBe(3);
  });

  it('a clerk enters and corrects, only the coordinator approves and un-approves; an approved record is corrected only after', async () => {
    const [record] = (await records('from=2026-09-02&until=2026-09-02')).items;
    expect((await api('POST', `${orgUrl}/work-records/approve`, clerk, { ids: [record!.id] })).statusCode).toBe(403);
    expect((await api('POST', `${orgUrl}/work-periods/2026-09/close`, clerk)).statusCode).toBe(403);
    expect((await api('POST', `/organizations/${tenants.orgA.id}/work-records/approve`, adminB, { ids: [record!.id] })).statusCode).toBe(403);
    expect((await api('GET', `${orgUrl}/work-records?from=2026-09-01&until=2026-09-30`, adminB)).statusCode).toBe(403);

    const corrected = await api('PATCH', `/work-records/${record!.id}`, clerk, { version: 1, minutes: 420, note: '早退' });
    expect(corrected.json()).toMatchObject({ minutes: 420, note: '早退', version: 2 });
    expect((await api('PATCH', `/work-records/${record!.id}`, clerk, { version: 1, minutes: 400 })).json<Problem>()).toMatchObject({ code: 'version_conflict' });
    expect((await api('POST', `${orgUrl}/work-records/approve`, admin, { ids: [record!.id] })).json()).toEqual({ approved: 1 });
    expect((await api('PATCH', `/work-records/${record!.id}`, clerk, { version: 3, minutes: 400 })).json<Problem>()).toMatchObject({ code: 'work_approved' });
    expect((await api('DELETE', `/work-records/${record!.id}?version=3`, clerk)).json<Problem>()).toMatchObject({ code: 'work_approved' });
    expect((await api('POST', `/work-records/${record!.id}/unapprove`, clerk, { version: 3 })).statusCode).toBe(403);
    expect((await api('POST', `/work-records/${record!.id}/unapprove`, admin, { version: 3 })).json()).toMatchObject({ status: 'entered', version: 4 });
    expect((await api('PATCH', `/work-records/${record!.id}`, clerk, { version: 4, minutes: 450 })).json()).toMatchObject({ minutes: 450, version: 5 });
  });

  it('closes a month only once it is over and all approved; after that nothing in it changes, and it is never reopened', async () => {
    const november = await api('POST', `${orgUrl}/work-periods/2026-11/close`, admin);
    expect(november.json<Problem>()).toMatchObject({ code: 'period_not_ended' });
    const early = await api('POST', `${orgUrl}/work-periods/2026-09/close`, admin);
    expect(early.statusCode).toBe(422);
    expect(early.json<Problem>()).toMatchObject({ code: 'unapproved_work', errors: [{ field: 'period', code: 'unapproved_work', message: '3' }] });

    expect((await api('POST', `${orgUrl}/work-records/approve`, admin, { from: '2026-09-01', until: '2026-09-30' })).json()).toEqual({ approved: 3 });
    const closed = await api('POST', `${orgUrl}/work-periods/2026-09/close`, admin);
    expect(closed.statusCode).toBe(201);
    expect(closed.json()).toMatchObject({ period: '2026-09', records: 3, minutes: 930, people: 2, closedBy: tenants.users.orgAdminA.email });
    expect((await api('POST', `${orgUrl}/work-periods/2026-09/close`, admin)).json<Problem>()).toMatchObject({ code: 'period_already_closed' });

    const [record] = (await records('from=2026-09-02&until=2026-09-02')).items;
    expect(record).toMatchObject({ status: 'approved', periodClosed: true });
    expect((await api('POST', `${orgUrl}/work-records`, clerk, { personId: hanako, date: '2026-09-15', entries: [{ minutes: 60 }] })).json<Problem>())
      .toMatchObject({ code: 'period_closed' });
    expect((await api('POST', `/work-records/${record!.id}/unapprove`, admin, { version: record!.version })).json<Problem>()).toMatchObject({ code: 'period_closed' });
    expect((await api('PATCH', `/work-records/${record!.id}`, clerk, { version: record!.version, minutes: 60 })).statusCode).toBe(409);
    expect((await api('DELETE', `/work-records/${record!.id}?version=${record!.version}`, clerk)).statusCode).toBe(409);
    // Nor can an entered October record be moved into it.
    const october = (await api('POST', `${orgUrl}/work-records`, clerk, { personId: hanako, date: '2026-10-01', entries: [{ minutes: 60 }] })).json<{ items: WorkRecord[] }>().items[0]!;
    expect((await api('PATCH', `/work-records/${october.id}`, clerk, { version: 1, date: '2026-09-30' })).json<Problem>()).toMatchObject({ code: 'period_closed' });
    expect((await api('DELETE', `/work-records/${october.id}?version=1`, clerk)).statusCode).toBe(204);

    const periods = (await api('GET', `${orgUrl}/work-periods?from=2026-08&until=2026-11`, clerk)).json<{ items: { period: string; records: number; entered: number; closed: unknown }[] }>();
    expect(periods.items).toEqual([{ period: '2026-09', records: 3, minutes: 930, entered: 0, closed: expect.objectContaining({ records: 3, minutes: 930 }) }]);
    const totals = await t.ctx.db.selectFrom('work_month_totals').select(['person_id', 'minutes', 'days']).where('organization_id', '=', tenants.orgA.id).where('period', '=', '2026-09').execute();
    expect(totals.map((r) => [r.person_id, Number(r.minutes), Number(r.days)]).sort()).toEqual([[hanako, 480, 1], [worker, 450, 1]].sort());
  });

  describe('time-clock CSV', () => {
    const header = '会員番号,個人ID,日付,時間,現場,事業,役割';
    const file = (...rows: string[]) => `${[header, ...rows].join('\r\n')}\r\n`;
    const good = () => file(
      '０００１,,令和8年10月1日,7.5,池袋,高齢者介護,',
      '0001,,2026/10/2,7:30,池袋,,coordinator',
      `,${worker},2026-10-02,4,池袋,,`,
      '0002,,2026-10-15,8,大塚,eldercare,',
    );

    it('previews a UTF-8 file with a BOM: columns, totals and first rows; writes nothing', async () => {
      const before = await count();
      const preview = await upload('work-imports/preview', clerk, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good())]));
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({
        encoding: 'utf-8', rowCount: 4, validRows: 4, replacing: 0, errors: [],
        columns: { memberNumber: '会員番号', personId: '個人ID', date: '日付', hours: '時間', minutes: null, site: '現場', businessLine: '事業', role: '役割', note: null },
        totals: { minutes: 450 + 450 + 240 + 480, people: 3, days: 4, from: '2026-10-01', until: '2026-10-15' },
      });
      expect(preview.json<{ sample: unknown[] }>().sample[0]).toMatchObject({ line: 2, memberNumber: '0001', personId: hanako, date: '2026-10-01', minutes: 450, businessLine: 'eldercare' });
      expect(await count()).toBe(before);
    });

    it('refuses a CP932 file with bad rows whole, naming row, column and reason, and writes nothing; the report says it in Japanese', async () => {
      const before = await count();
      const bad = iconv.encode(file(
        '0001,,2026-10-05,7.5,池袋,,',
        '0099,,2026-10-05,7.5,池袋,,',
        '0001,,2026-09-30,7.5,池袋,,',
        '0001,,2026-10-05,2,池袋,,',
        '0002,,2026-10-01,8,,,',
        '0001,,2026-10-06,,池袋,農林業,',
        `,${worker},2026-11-02,4,,,`,
      ), 'cp932');
      const refused = await upload('work-imports', clerk, bad);
      expect(refused.statusCode).toBe(422);
      const problem = refused.json<Problem>();
      expect(problem.code).toBe('import_rejected');
      expect(problem.errors!.map((e) => `${e.field}:${e.code}`)).toEqual([
        'rows.3.memberNumber:unknown_member', 'rows.4.date:period_closed', 'rows.5.memberNumber:duplicate_in_file', 'rows.6.memberNumber:not_working_then',
        'rows.7.hours:required', 'rows.7.businessLine:unknown_business_line', 'rows.8.personId:not_working_then',
      ]);
      expect(await count()).toBe(before);

      const report = await upload('work-imports/report', clerk, bad, '?locale=ja');
      expect(report.headers['content-type']).toBe('text/csv; charset=shift_jis');
      const text = iconv.decode(report.rawPayload, 'cp932');
      expect(text.split('\r\n')[0]).toBe('行,列,理由,値,コード');
      expect(text).toContain('4,日付,この月の就労記録は締められています。,2026-09-30,period_closed');
      expect(text).toContain('5,会員番号,同じ人・日・現場・事業の行が2行目にもあります。');
    });

    it('imports a CP932 file in one transaction as entered records of the import; the same file again is refused, or replaces with existing=replace', async () => {
      const bytes = iconv.encode(good(), 'cp932');
      const imported = await upload('work-imports', clerk, bytes);
      expect(imported.statusCode).toBe(200);
      expect(imported.json()).toMatchObject({ created: 4, replaced: 0, minutes: 1620, people: 3, days: 4, from: '2026-10-01', until: '2026-10-15' });
      const october = await records('from=2026-10-01&until=2026-10-31');
      expect(october.totals).toMatchObject({ records: 4, entered: 4 });
      expect(october.items.every((r) => r.status === 'entered')).toBe(true);
      const batch = await t.ctx.db.selectFrom('work_records').select(['source', 'import_batch_id']).where('organization_id', '=', tenants.orgA.id).where('work_date', '=', '2026-10-15').executeTakeFirstOrThrow();
      expect(batch).toEqual({ source: 'import', import_batch_id: imported.json<{ batchId: string }>().batchId });

      const again = await upload('work-imports', clerk, bytes);
      expect(again.json<Problem>().errors!.map((e) => e.code)).toEqual(['already_recorded', 'already_recorded', 'already_recorded', 'already_recorded']);
      // The coordinator approves one; replacing leaves that one alone only by refusing the file.
      const [approved] = (await records('from=2026-10-15&until=2026-10-15')).items;
      await api('POST', `${orgUrl}/work-records/approve`, admin, { ids: [approved!.id] });
      expect((await upload('work-imports', clerk, bytes, '?existing=replace')).json<Problem>().errors!.map((e) => `${e.field}:${e.code}`)).toEqual(['rows.5.memberNumber:already_approved']);
      const corrected = iconv.encode(file('0001,,2026-10-01,6,池袋,高齢者介護,', '0001,,2026-10-03,1:15,目白,,'), 'cp932');
      const replaced = await upload('work-imports', clerk, corrected, '?existing=replace&encoding=cp932');
      expect(replaced.json()).toMatchObject({ created: 1, replaced: 1, minutes: 435 });
      expect((await records('from=2026-10-01&until=2026-10-01')).items.map((r) => r.minutes)).toEqual([360]);
      // The audit log keeps what the replaced record was.
      const audit = await t.ctx.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity_type', '=', 'work_import')
        .where('entity_id', '=', replaced.json<{ batchId: string }>().batchId).executeTakeFirstOrThrow();
      expect(JSON.parse(audit.before_json!)).toMatchObject({ replaced: [{ personId: hanako, date: '2026-10-01', site: '池袋', businessLine: 'eldercare', minutes: 450 }] });
      expect(JSON.parse(audit.after_json!)).toMatchObject({ existing: 'replace', created: 1, replaced: 1 });
    });

    it('streams its progress as JSON lines when asked, ending with the result', async () => {
      const rows = Array.from({ length: 12 }, (_, i) => `0001,,2026-11-${String(i + 3).padStart(2, '0')},8,本部,,`);
      const streamed = await t.app.inject({
        method: 'POST', url: `/api/v1${orgUrl}/work-imports`, headers: { ...clerk, 'content-type': 'text/csv', accept: 'application/x-ndjson' }, payload: file(...rows),
      });
      expect(streamed.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      const lines = streamed.body.trim().split('\n').map((l) => JSON.parse(l) as { progress?: { written: number; total: number }; result?: { created: number } });
      expect(lines[0]).toEqual({ progress: { written: 0, total: 12 } });
      expect(lines.at(-2)).toEqual({ progress: { written: 12, total: 12 } });
      expect(lines.at(-1)).toMatchObject({ result: { created: 12 } });
      // A file refused before anything is written gets its status and problem, not a stream.
      const refused = await t.app.inject({
        method: 'POST', url: `/api/v1${orgUrl}/work-imports`, headers: { ...clerk, 'content-type': 'text/csv', accept: 'application/x-ndjson' }, payload: file(...rows),
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json<Problem>().code).toBe('import_rejected');
    });

    it('refuses a file without the columns it needs, and an import by someone of another organization', async () => {
      const missing = await upload('work-imports', clerk, '氏名,日付\r\n就労 花子,2026-10-01\r\n');
      expect(missing.statusCode).toBe(400);
      expect(missing.json<Problem>()).toMatchObject({ code: 'incomplete_mapping', errors: [{ field: 'memberNumber' }, { field: 'hours' }] });
      expect((await upload('work-imports', adminB, good())).statusCode).toBe(403);
    });

    it('knows a business line the federation added by its code and by its Japanese or English name', async () => {
      const federation = await signIn(tenants.users.federationAdmin.email);
      expect((await api('POST', '/business-lines', federation, { code: 'bakery', nameJa: 'パン工房', nameEn: 'Bakery' })).statusCode).toBe(201);
      const { version } = (await api('GET', orgUrl, admin)).json<{ version: number }>();
      expect((await api('PATCH', orgUrl, admin, { version, businessLines: ['eldercare', 'bakery'] })).statusCode).toBe(200);
      const preview = await upload('work-imports/preview', clerk, file('0001,,2026-10-05,8,池袋,パン工房,', '0001,,2026-10-06,8,池袋,ＢＡＫＥＲＹ,', '0001,,2026-10-07,8,池袋,bakery,'));
      expect(preview.json()).toMatchObject({ validRows: 3, errors: [] });
      expect(preview.json<{ sample: { businessLine: string }[] }>().sample.map((r) => r.businessLine)).toEqual(['bakery', 'bakery', 'bakery']);
    });
  });

  it.runIf(dialect === 'sqlite')('imports a file of 100,000 rows in one go, every row written (its speed is a bench matter, not a test\'s)', async () => {
    // 400 members of their own organization, each 250 days of one month-long run of days.
    const org = tenants.orgB.id;
    const people = Array.from({ length: 400 }, (_, i) => ({ id: `bulk-person-${i}`, number: `B${String(i).padStart(4, '0')}` }));
    await t.ctx.db.insertInto('people').values(people.map((p) => ({
      id: p.id, family_name: '大量', given_name: p.number, family_kana: 'タイリョウ', given_kana: 'イチ',
      birth_date: null, email: null, phone: null, postal_code: null, prefecture_code: null, address: null,
      version: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    }))).execute();
    await t.ctx.db.insertInto('memberships').values(people.map((p, i) => ({
      id: `bulk-membership-${i}`, organization_id: org, person_id: p.id, member_number: p.number, member_number_key: p.number, kind: 'worker', status: 'admitted',
      admitted_on: '2025-01-01', ended_on: null, last_event_on: '2025-01-01', version: 1, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    }))).execute();
    const lines = ['member_number,date,hours,site'];
    const start = Date.UTC(2025, 9, 1);
    for (const p of people) for (let d = 0; d < 250; d++) lines.push(`${p.number},${new Date(start + d * 86_400_000).toISOString().slice(0, 10)},7.5,本部`);
    const body = `${lines.join('\r\n')}\r\n`;
    const imported = await t.app.inject({
      method: 'POST', url: `/api/v1/organizations/${org}/work-imports`, headers: { ...adminB, 'content-type': 'text/csv' }, payload: body,
    });
    expect(imported.json()).toMatchObject({ created: 100_000, days: 100_000, people: 400 });
    const written = await t.ctx.db.selectFrom('work_records').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', org).where('person_id', 'like', 'bulk-person-%').executeTakeFirstOrThrow();
    expect(Number(written.n)).toBe(100_000);
  });
});
