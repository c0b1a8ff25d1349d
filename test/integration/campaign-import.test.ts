import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignLocalGovernments } from '../../src/domain/advocacy/local-targets.js';
import { buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Tenants = Awaited<ReturnType<typeof buildTenants>>;

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const cp932 = (text: string) => iconv.encode(text, 'cp932');
const utf8WithBom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

/** A campaign's import as Japanese offices keep it: Excel's CSV (CP932), Japanese headers and stage labels. */
const firstFile = csv(
  '団体コード,団体名,都道府県,段階,日付,担当者,メモ',
  '011002,札幌市,北海道,接触済み,2016/4/1,山田,',
  '131016,,,採択（意見書可決）,2016年6月20日,,議長に面会後に採択',
  ',府中市,東京都,請願・陳情提出,令和元年5月10日,,',
  '12100,,,審議中,2017-02-01,佐藤,',
);

describe.each(dialects)('importing targets\' stages from CSV (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Tenants;
  let auth: Record<'clerkA' | 'memberA' | 'orgAdminB', string>;
  let campaignId: string;

  const importFile = (who: keyof typeof auth, body: Buffer | string, query = '') =>
    t.app.inject({ method: 'POST', url: `/api/v1/campaigns/${campaignId}/targets/import${query}`, headers: { authorization: auth[who], 'content-type': 'text/csv' }, payload: body });
  const stageOf = async (code: string) =>
    t.ctx.db.selectFrom('campaign_targets').select(['stage', 'stage_on', 'responsible_person', 'notes', 'version']).where('campaign_id', '=', campaignId).where('local_government_code', '=', code).executeTakeFirstOrThrow();
  const eventCount = async () => Number((await t.ctx.db.selectFrom('campaign_target_events').select((eb) => eb.fn.countAll().as('n')).where('campaign_id', '=', campaignId).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
    auth = { clerkA: await t.bearer(tenants.users.clerkA), memberA: await t.bearer(tenants.users.memberA), orgAdminB: await t.bearer(tenants.users.orgAdminB) };
    const created = await t.app.inject({
      method: 'POST', url: `/api/v1/organizations/${tenants.orgA.id}/campaigns`, headers: { authorization: auth.clerkA },
      payload: { nameJa: '法制化運動', nameEn: null, goalJa: '法制化', goalEn: null, periodFrom: '2000-01-01', periodUntil: null, includeLocalGovernments: true },
    });
    campaignId = created.json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  it('imports a CP932 file with Japanese headers, labels and dates, each stage an entry of its target\'s history', async () => {
    const response = await importFile('clerkA', cp932(firstFile));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ updated: 4, unchanged: 0 });
    expect(await stageOf('011002')).toMatchObject({ stage: 'contacted', stage_on: '2016-04-01', responsible_person: '山田' });
    // Not contacted to adopted in one row: an ordinary step, one entry.
    expect(await stageOf('131016')).toMatchObject({ stage: 'adopted', stage_on: '2016-06-20', notes: '議長に面会後に採択' });
    expect(await stageOf('132063')).toMatchObject({ stage: 'petition-submitted', stage_on: '2019-05-10' });
    // 12100: 千葉市's code without its check digit.
    expect(await stageOf('121002')).toMatchObject({ stage: 'under-deliberation', stage_on: '2017-02-01', responsible_person: '佐藤' });
    expect(await eventCount()).toBe(4);
    const audit = await t.ctx.db.selectFrom('audit_log').select('after_json').where('entity_id', '=', campaignId).where('action', '=', 'import-targets').execute();
    expect(audit.map((a) => JSON.parse(a.after_json!))).toEqual([expect.objectContaining({ encoding: 'cp932', rows: 4, updated: 4, unchanged: 0, stages: 4, corrections: 0 })]);
  });

  it('changes nothing when the same file comes again', async () => {
    const response = await importFile('clerkA', cp932(firstFile));
    expect(response.json()).toEqual({ updated: 0, unchanged: 4 });
    expect(await eventCount()).toBe(4);
    expect(Number((await stageOf('011002')).version)).toBe(2);
  });

  it('refuses a file with a bad row in the middle whole, naming the row and the column, and writes nothing', async () => {
    const file = csv(
      '団体コード,段階,日付',
      '011002,請願・陳情提出,2016-05-01',
      '012025,決議済み,2016-05-01',
      '999999,接触済み,2016-05-01',
      '121002,採択,2017-03-01',
    );
    const response = await importFile('clerkA', cp932(file));
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('import_rejected');
    expect(response.json().errors).toEqual([
      { field: 'rows.3.段階', row: 3, column: '段階', code: 'invalid_stage', message: expect.any(String) },
      { field: 'rows.4.団体コード', row: 4, column: '団体コード', code: 'unknown_local_government', message: expect.any(String) },
    ]);
    expect(await stageOf('011002')).toMatchObject({ stage: 'contacted', stage_on: '2016-04-01' });
    expect(await stageOf('121002')).toMatchObject({ stage: 'under-deliberation' });
    expect(await eventCount()).toBe(4);
  });

  it('asks for the prefecture when a name is not unique, and takes it when given', async () => {
    const ambiguous = await importFile('clerkA', Buffer.from(csv('団体名,段階,日付', '伊達市,接触済み,2016-05-01'), 'utf8'));
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().errors).toEqual([expect.objectContaining({ row: 2, column: '団体名', code: 'ambiguous_name' })]);
    const unknown = await importFile('clerkA', Buffer.from(csv('団体名,段階,日付', '存在しない町,接触済み,2016-05-01'), 'utf8'));
    expect(unknown.json().errors).toEqual([expect.objectContaining({ row: 2, column: '団体名', code: 'unknown_target' })]);
    const named = await importFile('clerkA', Buffer.from(csv('団体名,都道府県,段階,日付', '伊達市,福島,接触済み,2016-05-01'), 'utf8'));
    expect(named.json()).toEqual({ updated: 1, unchanged: 0 });
    expect(await stageOf('072133')).toMatchObject({ stage: 'contacted' });
    expect(await stageOf('012335')).toMatchObject({ stage: 'not-contacted' });
  });

  it('reads UTF-8 with a BOM and English headers; a step back needs the correction column', async () => {
    const back = csv('code,stage,date,correction', '131016,under-deliberation,2016-07-01,');
    const refused = await importFile('clerkA', utf8WithBom(back));
    expect(refused.json().errors).toEqual([expect.objectContaining({ row: 2, column: 'stage', code: 'not_a_forward_step' })]);
    const corrected = await importFile('clerkA', utf8WithBom(back.replace('2016-07-01,', '2016-07-01,yes')), '?encoding=auto&mode=all-or-nothing');
    expect(corrected.json()).toEqual({ updated: 1, unchanged: 0 });
    const events = await t.ctx.db.selectFrom('campaign_target_events as e').innerJoin('campaign_targets as t', 't.id', 'e.target_id')
      .select(['e.stage', 'e.correction']).where('t.local_government_code', '=', '131016').where('t.campaign_id', '=', campaignId).orderBy('e.created_at').execute();
    expect(events.map((e) => [e.stage, Number(e.correction)])).toEqual([['adopted', 0], ['under-deliberation', 1]]);
  });

  it('refuses files that are not CSV, or lack the columns it needs', async () => {
    const noStage = await importFile('clerkA', Buffer.from(csv('団体コード,担当者', '011002,山田'), 'utf8'));
    expect(noStage.statusCode).toBe(400);
    expect(noStage.json().code).toBe('incomplete_mapping');
    const pdf = await importFile('clerkA', Buffer.from('%PDF-1.4 not a csv'));
    expect(pdf.json().code).toBe('not_csv');
    const badEncoding = await t.app.inject({
      method: 'POST', url: `/api/v1/campaigns/${campaignId}/targets/import?encoding=latin1`, headers: { authorization: auth.clerkA, 'content-type': 'text/csv' }, payload: 'a,b\r\n',
    });
    expect(badEncoding.statusCode).toBe(400);
  });

  it('takes every local government in one file, and the campaign\'s progress stays quick to read', async () => {
    const governments = campaignLocalGovernments();
    const lines = ['団体コード,段階,日付', ...governments.map((g, i) => `${g.code},${i % 2 === 0 ? '採択（意見書可決）' : '接触済み'},${2008 + (i % 12)}-0${1 + (i % 9)}-15`)];
    // The four targets the tests before moved keep their stage here: only rows that step forward are in the file.
    const moved = new Set(['011002', '131016', '132063', '121002', '072133']);
    const file = csv(...lines.filter((line) => !moved.has(line.slice(0, 6))));
    const started = performance.now();
    const response = await importFile('clerkA', cp932(file));
    const took = performance.now() - started;
    expect(response.statusCode, response.body.slice(0, 500)).toBe(200);
    expect(response.json()).toEqual({ updated: governments.length - moved.size, unchanged: 0 });
    // The second read is the one a user waits for (the first also warms the query plans).
    await t.app.inject({ url: `/api/v1/campaigns/${campaignId}`, headers: { authorization: auth.clerkA } });
    const reading = performance.now();
    const detail = await t.app.inject({ url: `/api/v1/campaigns/${campaignId}`, headers: { authorization: auth.clerkA } });
    const read = performance.now() - reading;
    console.info(`[${dialect}] import of ${governments.length - moved.size} rows in ${took.toFixed(0)} ms; GET /campaigns/:id with ${await eventCount()} events in ${read.toFixed(1)} ms`);
    const progress = detail.json<{ progress: { adopted: number; denominator: number } }>().progress;
    expect(progress.denominator).toBe(1_788);
    expect(progress.adopted).toBe(governments.filter((g, i) => i % 2 === 0 && !moved.has(g.code)).length);
  });

  it('tells a member no and another organization nothing', async () => {
    expect((await importFile('memberA', cp932(firstFile))).statusCode).toBe(403);
    const other = await importFile('orgAdminB', cp932(firstFile));
    expect(other.statusCode).toBe(404);
    expect(other.body).not.toContain('法制化運動');
  });
});
