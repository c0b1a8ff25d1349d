import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const header = '組合員番号,姓,名,セイ,メイ,組合員の種類,加入日,郵便番号,都道府県,住所,従事,労働契約開始日';
const lines = (...rows: string[]) => `${[header, ...rows].join('\r\n')}\r\n`;
const cp932 = (text: string) => iconv.encode(text, 'cp932');

/** A file as Japanese Excel saves it: CP932, full-width digits, half-width kana, Japanese era dates. */
const excelFile = cp932(lines(
  '０００１,山田,太郎,ﾔﾏﾀﾞ,ﾀﾛｳ,労働者組合員,令和6年4月1日,１５０－０００１,東京都,渋谷区神宮前1-2-3,はい,2024/4/1',
  '0002,大野,花子,おおの,はなこ,worker,2024-04-01,2891624,千葉県,山武郡芝山町,いいえ,',
  '0003,佐藤,次郎,サトウ,ジロウ,利用者組合員,平成31年4月30日,,,,,',
));

describe.each(dialects)('member CSV import and export (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let headers: Record<string, string>;
  let base: string;
  const post = (path: string, body: Buffer | string, query = '') =>
    t.app.inject({ method: 'POST', url: `${base}/${path}${query}`, headers: { ...headers, 'content-type': 'text/csv' }, payload: body });
  const count = async () => Number((await t.ctx.db.selectFrom('memberships').select((eb) => eb.fn.countAll().as('n')).where('organization_id', '=', tenants.orgA.id).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
    const session = await t.signIn(tenants.users.clerkA.email);
    headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    base = `/api/v1/organizations/${tenants.orgA.id}`;
  });
  afterAll(() => t.close());

  it('previews a CP932 file from Excel: encoding detected, Japanese headers mapped, rows normalized', async () => {
    const preview = await post('member-imports/preview', excelFile);
    expect(preview.statusCode).toBe(200);
    const body = preview.json<{ encoding: string; mapping: Record<string, string>; rowCount: number; validRows: number; errors: unknown[]; sample: { row: Record<string, unknown> }[] }>();
    expect(body).toMatchObject({ encoding: 'cp932', rowCount: 3, validRows: 3, errors: [] });
    expect(body.mapping).toMatchObject({ 0: 'memberNumber', 3: 'familyKana', 6: 'admittedOn' });
    expect(body.sample[0]!.row).toMatchObject({ memberNumber: '0001', familyKana: 'ヤマダ', admittedOn: '2024-04-01', postalCode: '1500001', prefectureCode: '13' });
    expect(body.sample[2]!.row).toMatchObject({ kind: 'user', admittedOn: '2019-04-30' });
    expect(await count()).toBe(0);
  });

  it('imports in one transaction, finds members by kana, and a re-import adds nobody', async () => {
    const first = await post('member-imports', excelFile);
    expect(first.json()).toMatchObject({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
    const found = await t.app.inject({ url: `${base}/members?q=${encodeURIComponent('やまだ')}`, headers });
    expect(found.json<{ items: { memberNumber: string }[] }>().items.map((i) => i.memberNumber)).toEqual(['0001']);
    const engaged = await t.app.inject({ url: `${base}/members?labourContract=true`, headers });
    expect(engaged.json<{ total: number }>().total).toBe(1);
    const again = await post('member-imports', excelFile);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await count()).toBe(3);
  });

  it('refuses a file with a bad row in the middle as a whole, naming row, column and reason', async () => {
    const file = Buffer.from(lines(
      '0101,鈴木,一郎,スズキ,イチロウ,worker,2024-04-01,,,,,',
      '0102,田中,,タナカ,hanako,worker,2024-02-30,12345,火星,,,',
      '0103,高橋,三郎,タカハシ,サブロウ,mystery,2024-04-01,,,,,',
    ));
    const refused = await post('member-imports', file);
    expect(refused.statusCode).toBe(422);
    const problem = refused.json<{ code: string; errors: { field: string; code: string }[] }>();
    expect(problem.code).toBe('import_rejected');
    expect(problem.errors.map((e) => `${e.field}:${e.code}`)).toEqual(expect.arrayContaining([
      'rows.3.givenName:required', 'rows.3.givenKana:invalid_kana', 'rows.3.admittedOn:invalid_date', 'rows.3.postalCode:invalid_postal_code',
      'rows.3.prefectureCode:unknown_prefecture', 'rows.4.kind:unknown_kind',
    ]));
    expect(await count()).toBe(3);

    const report = await post('member-imports/report', file, '?report=errors&locale=ja');
    expect(report.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(report.headers['content-disposition']).toContain('import-errors.csv');
    expect(report.body).toContain('行');
    expect(report.body).toContain('郵便番号');

    const partial = await post('member-imports', file, '?mode=good-rows');
    expect(partial.json()).toMatchObject({ created: 1, rejected: 2 });
    const rejected = await post('member-imports/report', file, '?report=rejected&locale=en');
    const rejectedLines = rejected.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(rejectedLines).toHaveLength(3);
    expect(rejectedLines[0]).toContain('errors');
    expect(await count()).toBe(4);
  });

  it('refuses an empty file, a header alone and a file that is not CSV', async () => {
    expect((await post('member-imports', Buffer.from(''))).json()).toMatchObject({ code: 'empty_file' });
    expect((await post('member-imports', Buffer.from(`${header}\r\n`))).json()).toMatchObject({ code: 'empty_file' });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const notCsv = await post('member-imports', png);
    expect(notCsv.statusCode).toBe(400);
    expect(notCsv.json()).toMatchObject({ code: 'not_csv' });
    expect(await count()).toBe(4);
  });

  it('exports for Excel in both encodings, and the export re-imports unchanged', async () => {
    for (const encoding of ['utf-8', 'cp932'] as const) {
      const exported = await t.app.inject({ url: `${base}/members/export?encoding=${encoding}&locale=ja&date=2026-11-26`, headers });
      expect(exported.statusCode).toBe(200);
      const bytes = exported.rawPayload;
      if (encoding === 'utf-8') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = encoding === 'utf-8' ? bytes.toString('utf8') : iconv.decode(bytes, 'cp932');
      expect(text).toContain('山田');
      const back = await post('member-imports', bytes);
      expect(back.json()).toMatchObject({ created: 0, updated: 0, unchanged: 4, rejected: 0 });
    }
  });

  describe('progress as a stream of JSON lines', () => {
    const ndjson = { accept: 'application/x-ndjson' };
    /** A file of `n` new members numbered from `first`. */
    const bigFile = (first: number, n: number) => cp932(lines(...Array.from({ length: n }, (_, i) =>
      `${first + i},森,一${i},モリ,イチ,worker,2024-04-01,,,,はい,2024-04-01`)));
    const linesOf = (body: string) => body.trim().split('\n').map((l) => JSON.parse(l) as {
      progress?: { written: number; total: number }; result?: { created: number; updated: number }; error?: { code: string };
    });

    it('reports rows written as the import goes, then the result', async () => {
      const before = await count();
      const answer = await t.app.inject({ method: 'POST', url: `${base}/member-imports`, headers: { ...headers, ...ndjson, 'content-type': 'text/csv' }, payload: bigFile(20_000, 1_500) });
      expect(answer.statusCode).toBe(200);
      expect(answer.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
      const events = linesOf(answer.body);
      const progress = events.filter((e) => e.progress).map((e) => e.progress!);
      // A line at least for each table written (people, memberships, events, engagements) besides the first.
      expect(progress.length).toBeGreaterThan(4);
      expect(progress[0]!.written).toBe(0);
      const total = progress[0]!.total;
      // people, memberships, events and engagements: every member here works in the co-operative
      expect(total).toBe(1_500 * 4);
      for (let i = 1; i < progress.length; i++) expect(progress[i]!.written).toBeGreaterThan(progress[i - 1]!.written);
      expect(progress.at(-1)).toEqual({ written: total, total });
      expect(events.at(-1)).toMatchObject({ result: { created: 1_500, updated: 0 } });
      expect(await count()).toBe(before + 1_500);
    });

    it('answers a refused file as usual, before any line is sent', async () => {
      const refused = await t.app.inject({
        method: 'POST', url: `${base}/member-imports`, headers: { ...headers, ...ndjson, 'content-type': 'text/csv' },
        payload: Buffer.from(lines('0901,鈴木,一郎,スズキ,イチロウ,mystery,2024-04-01,,,,,')),
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'import_rejected' });
    });

    it('sends the progress while the import runs, not all at the end', async () => {
      const origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const response = await fetch(`${origin}${base}/member-imports`, {
        method: 'POST', headers: { ...headers, ...ndjson, 'content-type': 'text/csv' }, body: new Uint8Array(bigFile(30_000, 3_000)),
      });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      const chunks: string[] = [];
      for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(decoder.decode(next.value, { stream: true }));
      // Each report leaves the server on its own before the next batch is written.
      expect(chunks.length).toBeGreaterThan(5);
      expect(linesOf(chunks.join('')).at(-1)).toMatchObject({ result: { created: 3_000 } });
    });
  });

  it('keeps other organizations out', async () => {
    const outsider = await t.signIn(tenants.users.orgAdminB.email);
    const refused = await t.app.inject({
      method: 'POST', url: `${base}/member-imports`, headers: { cookie: outsider.cookie, 'x-csrf-token': outsider.csrf, 'content-type': 'text/csv' }, payload: excelFile,
    });
    expect(refused.statusCode).toBe(403);
    expect((await t.app.inject({ url: `${base}/members/export`, headers: { cookie: outsider.cookie } })).statusCode).toBe(403);
  });
});
