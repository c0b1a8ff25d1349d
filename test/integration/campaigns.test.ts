import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordStage } from '../../src/app/advocacy/targets.js';
import { northernTerritoriesVillages } from '../../src/domain/advocacy/local-targets.js';
import { localGovernments } from '../../src/domain/programmes/local-governments.js';
import { actorFor, buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Tenants = Awaited<ReturnType<typeof buildTenants>>;
interface Target { id: string; nameJa: string; kana: string | null; localGovernmentCode: string | null; prefectureCode: string | null; stage: string; stageOn: string | null; version: number }

const campaignBody = {
  nameJa: '労働者協同組合法の制定を求める運動', nameEn: 'For a Worker Cooperatives Act', goalJa: '法制化', goalEn: null, periodFrom: '2000-01-01', periodUntil: null,
  includeLocalGovernments: true,
};

describe.each(dialects)('advocacy campaigns (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Tenants;
  let auth: Record<'federationAdmin' | 'orgAdminA' | 'clerkA' | 'memberA' | 'orgAdminB', string>;
  let campaignId: string;

  const call = async (who: keyof typeof auth, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: auth[who] }, ...(payload ? { payload } : {}) });
  const targetOf = async (code: string): Promise<Target> => {
    const response = await call('clerkA', 'GET', `/campaigns/${campaignId}/targets?q=${code}`);
    return response.json<{ items: Target[] }>().items.find((x) => x.localGovernmentCode === code)!;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    tenants = await buildTenants(t.ctx);
    const u = tenants.users;
    auth = {
      federationAdmin: await t.bearer(u.federationAdmin), orgAdminA: await t.bearer(u.orgAdminA), clerkA: await t.bearer(u.clerkA),
      memberA: await t.bearer(u.memberA), orgAdminB: await t.bearer(u.orgAdminB),
    };
  });
  afterAll(() => t.close());

  it('starts a campaign with every local government with an assembly: the package\'s list by prefecture, less the six Northern Territories villages — 1,788', async () => {
    const started = performance.now();
    const response = await call('orgAdminA', 'POST', `/organizations/${tenants.orgA.id}/campaigns`, campaignBody);
    const took = performance.now() - started;
    expect(response.statusCode).toBe(201);
    campaignId = response.json<{ id: string }>().id;
    console.info(`[${dialect}] campaign with 1,788 targets created in ${took.toFixed(0)} ms`);
    expect(response.json()).toMatchObject({ nameJa: campaignBody.nameJa, organizationId: tenants.orgA.id, periodUntil: null, version: 1 });

    const expected = new Map<string, number>();
    for (const g of localGovernments()) if (!northernTerritoriesVillages.includes(g.code)) expected.set(g.prefectureCode, (expected.get(g.prefectureCode) ?? 0) + 1);
    const counted = await t.ctx.db.selectFrom('campaign_targets').select((eb) => ['prefecture_code', eb.fn.countAll().as('n')])
      .where('campaign_id', '=', campaignId).where('kind', '=', 'local-government').groupBy('prefecture_code').execute();
    expect(new Map(counted.map((r) => [r.prefecture_code!, Number(r.n)]))).toEqual(expected);
    expect(expected.size).toBe(47);
    expect([...expected.values()].reduce((a, b) => a + b, 0)).toBe(1_788);
    // Hokkaido: the prefecture and its municipalities, less 色丹村, 泊村, 留夜別村, 留別村, 紗那村, 蘂取村.
    expect(expected.get('01')).toBe(localGovernments().filter((g) => g.prefectureCode === '01').length - 6);
    const villages = await t.ctx.db.selectFrom('campaign_targets').select('id').where('campaign_id', '=', campaignId)
      .where('local_government_code', 'in', [...northernTerritoriesVillages]).execute();
    expect(villages).toEqual([]);

    const detail = (await call('clerkA', 'GET', `/campaigns/${campaignId}`)).json<{ progress: { adopted: number; denominator: number; byPrefecture: { total: number }[]; byStage: Record<string, number> } }>();
    expect(detail.progress).toMatchObject({ adopted: 0, denominator: 1_788, share: 0 });
    expect(detail.progress.byStage['not-contacted']).toBe(1_788);
    expect(detail.progress.byPrefecture).toHaveLength(47);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'entity_type']).where('entity_id', '=', campaignId).execute();
    expect(audit).toEqual([{ action: 'create', entity_type: 'campaign' }]);
  });

  it('refuses a campaign without a name or with a period that ends before it starts, each on its field', async () => {
    const blank = await call('orgAdminA', 'POST', `/organizations/${tenants.orgA.id}/campaigns`, { ...campaignBody, nameJa: '' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([expect.objectContaining({ field: 'nameJa', code: 'required' })]);
    const backwards = await call('orgAdminA', 'POST', `/organizations/${tenants.orgA.id}/campaigns`, { ...campaignBody, periodFrom: '2020-01-01', periodUntil: '2019-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([expect.objectContaining({ field: 'periodUntil', code: 'end_before_start' })]);
    const unknown = await call('orgAdminA', 'POST', `/organizations/${tenants.orgA.id}/campaigns`, { ...campaignBody, colour: 'red' });
    expect(unknown.statusCode).toBe(400);
  });

  it('finds targets by name, reading or code, and filters them by prefecture, stage and kind', async () => {
    const byName = (await call('clerkA', 'GET', `/campaigns/${campaignId}/targets?q=${encodeURIComponent('千代田')}`)).json<{ items: Target[]; total: number }>();
    // 千代田町 of 群馬県 comes first: local governments are listed in code order.
    expect(byName.items.map((x) => [x.localGovernmentCode, x.nameJa, x.kana])).toEqual([['105236', '千代田町', 'ちよだまち'], ['131016', '千代田区', 'ちよだく']]);
    const byKana = (await call('clerkA', 'GET', `/campaigns/${campaignId}/targets?q=${encodeURIComponent('チヨダ')}`)).json<{ items: Target[] }>();
    expect(byKana.items.map((x) => x.nameJa)).toContain('千代田区');
    const tokyo = (await call('clerkA', 'GET', `/campaigns/${campaignId}/targets?prefecture=13&limit=10`)).json<{ items: Target[]; total: number }>();
    expect(tokyo.total).toBe(localGovernments().filter((g) => g.prefectureCode === '13').length);
    expect(tokyo.items).toHaveLength(10);
    expect(tokyo.items[0]).toMatchObject({ nameJa: '東京都', localGovernmentCode: '130001', stage: 'not-contacted', stageOn: null });
    const page2 = (await call('clerkA', 'GET', `/campaigns/${campaignId}/targets?prefecture=13&limit=10&offset=10`)).json<{ items: Target[] }>();
    expect(page2.items[0]!.localGovernmentCode! > tokyo.items[9]!.localGovernmentCode!).toBe(true);

    const group = await call('clerkA', 'POST', `/campaigns/${campaignId}/targets`, { kind: 'parliamentary-group', nameJa: '協同組合振興研究議員連盟', nameEn: null });
    expect(group.statusCode).toBe(201);
    expect(group.json()).toMatchObject({ kind: 'parliamentary-group', localGovernmentCode: null, kana: null, stage: 'not-contacted' });
    expect((await call('clerkA', 'POST', `/campaigns/${campaignId}/targets`, { kind: 'local-government', nameJa: '千代田区', nameEn: null })).statusCode).toBe(400);
    const groups = (await call('clerkA', 'GET', `/campaigns/${campaignId}/targets?kind=parliamentary-group`)).json<{ items: Target[]; total: number }>();
    expect(groups.total).toBe(1);
    const percent = (await call('clerkA', 'GET', `/campaigns/${campaignId}/targets?q=%25`)).json<{ total: number }>();
    expect(percent.total).toBe(0);
  });

  it('moves a target forward, refuses a step back or an earlier date unless it is recorded as a correction, and keeps every step in its history', async () => {
    const chiyoda = await targetOf('131016');
    const stage = (body: object) => call('clerkA', 'POST', `/targets/${chiyoda.id}/stage`, body);

    const contacted = await stage({ stage: 'contacted', on: '2016-04-01', note: '議長に面会', correction: false, version: 1 });
    expect(contacted.statusCode).toBe(200);
    expect(contacted.json()).toMatchObject({ stage: 'contacted', stageOn: '2016-04-01', version: 2 });
    const stale = await stage({ stage: 'adopted', on: '2016-06-01', note: null, correction: false, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    // Several steps forward at once is ordinary.
    expect((await stage({ stage: 'adopted', on: '2016-06-20', note: null, correction: false, version: 2 })).json()).toMatchObject({ stage: 'adopted', version: 3 });

    const back = await stage({ stage: 'under-deliberation', on: '2016-07-01', note: null, correction: false, version: 3 });
    expect(back.statusCode).toBe(400);
    expect(back.json().errors).toEqual([expect.objectContaining({ field: 'stage', code: 'not_a_forward_step' })]);
    const earlier = await stage({ stage: 'rejected', on: '2016-05-01', note: null, correction: false, version: 3 });
    expect(earlier.json().errors.map((e: { code: string }) => e.code)).toEqual(['before_current_stage', 'not_a_forward_step']);
    const same = await stage({ stage: 'adopted', on: '2016-07-01', note: null, correction: true, version: 3 });
    expect(same.json().errors).toEqual([expect.objectContaining({ field: 'stage', code: 'same_stage' })]);
    const invalid = await stage({ stage: 'adopted', on: '2016-13-01', note: null, correction: false, version: 3 });
    expect(invalid.statusCode).toBe(400);

    const corrected = await stage({ stage: 'under-deliberation', on: '2016-06-20', note: '採択は誤記', correction: true, version: 3 });
    expect(corrected.json()).toMatchObject({ stage: 'under-deliberation', stageOn: '2016-06-20', version: 4 });
    const detail = (await call('clerkA', 'GET', `/targets/${chiyoda.id}`)).json<{ events: { stage: string; on: string; correction: boolean; note: string | null; recordedBy: string }[] }>();
    expect(detail.events.map((e) => [e.stage, e.on, e.correction, e.note])).toEqual([
      ['contacted', '2016-04-01', false, '議長に面会'], ['adopted', '2016-06-20', false, null], ['under-deliberation', '2016-06-20', true, '採択は誤記'],
    ]);
    expect(detail.events[0]!.recordedBy).toBe(tenants.users.clerkA.email);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'campaign-target').where('entity_id', '=', chiyoda.id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['stage', 'stage', 'correct-stage']);
  });

  it('adds up progress by prefecture and adoptions month by month, a correction taking an adoption back out', async () => {
    const clerk = actorFor(tenants.users.clerkA);
    const adopt = async (code: string, on: string) => {
      const target = await targetOf(code);
      return recordStage(t.ctx, clerk, target.id, { stage: 'adopted', on, note: null, correction: false, version: target.version });
    };
    // 千代田区 is under deliberation since 2016-06-20 (the test before); four adoptions in three months, one taken back.
    await adopt('011002', '2017-01-10');
    await adopt('130001', '2017-01-25');
    await adopt('132063', '2017-03-05');
    const hakodate = await adopt('012025', '2017-03-20');
    await recordStage(t.ctx, clerk, hakodate.id, { stage: 'rejected', on: '2017-04-02', note: '再議で否決', correction: true, version: hakodate.version });

    const started = performance.now();
    const response = await call('clerkA', 'GET', `/campaigns/${campaignId}`);
    console.info(`[${dialect}] GET /campaigns/:id (1,788 targets) in ${(performance.now() - started).toFixed(1)} ms`);
    const detail = response.json<{
      progress: { adopted: number; denominator: number; share: number; byStage: Record<string, number>; byPrefecture: { prefectureCode: string; adopted: number; total: number }[]; otherTargets: Record<string, number> };
      cumulative: { month: string; adopted: number }[];
    }>();
    expect(detail.progress).toMatchObject({ adopted: 3, denominator: 1_788 });
    expect(detail.progress.share).toBeCloseTo(3 / 1_788);
    expect(detail.progress.byStage).toMatchObject({ adopted: 3, rejected: 1, 'under-deliberation': 1, 'not-contacted': 1_783 });
    expect(detail.progress.byPrefecture.find((p) => p.prefectureCode === '13')).toMatchObject({ adopted: 2 });
    expect(detail.progress.byPrefecture.find((p) => p.prefectureCode === '01')).toMatchObject({ adopted: 1 });
    expect(detail.progress.otherTargets['not-contacted']).toBe(1);
    // 2016: 千代田区 adopted in June, corrected the same day; 2017: 1 in January, 2 more, then 1 out in April.
    expect(detail.cumulative[0]).toEqual({ month: '2016-04', adopted: 0 });
    expect(detail.cumulative.find((c) => c.month === '2016-06')).toEqual({ month: '2016-06', adopted: 0 });
    expect(detail.cumulative.slice(-4)).toEqual([
      { month: '2017-01', adopted: 2 }, { month: '2017-02', adopted: 2 }, { month: '2017-03', adopted: 4 }, { month: '2017-04', adopted: 3 },
    ]);
    expect(detail.cumulative).toHaveLength(13);

    const list = (await call('orgAdminA', 'GET', `/organizations/${tenants.orgA.id}/campaigns`)).json<{ items: { id: string; progress: object }[] }>();
    expect(list.items).toEqual([expect.objectContaining({ id: campaignId, progress: { adopted: 3, denominator: 1_788, share: 3 / 1_788 } })]);
    const adopted = (await call('clerkA', 'GET', `/campaigns/${campaignId}/targets?prefecture=13&stage=adopted`)).json<{ items: Target[] }>();
    expect(adopted.items.map((x) => x.nameJa)).toEqual(['東京都', '府中市']);
  });

  it('keeps milestones, links and who is responsible; edits at the version seen', async () => {
    const milestone = await call('clerkA', 'POST', `/campaigns/${campaignId}/milestones`, { kind: 'law-passed', on: '2020-12-04', titleJa: '労働者協同組合法成立', titleEn: 'The Act passed', description: null });
    expect(milestone.statusCode).toBe(201);
    await call('clerkA', 'POST', `/campaigns/${campaignId}/milestones`, { kind: 'founded', on: '2000-06-01', titleJa: '市民会議発足', titleEn: null, description: null });
    const badMilestone = await call('clerkA', 'POST', `/campaigns/${campaignId}/milestones`, { kind: 'founded', on: '2000-02-30', titleJa: 'x', titleEn: null, description: null });
    expect(badMilestone.statusCode).toBe(400);
    let detail = (await call('clerkA', 'GET', `/campaigns/${campaignId}`)).json<{ milestones: { kind: string; on: string }[] }>();
    expect(detail.milestones.map((m) => [m.kind, m.on])).toEqual([['founded', '2000-06-01'], ['law-passed', '2020-12-04']]);
    expect((await call('clerkA', 'DELETE', `/campaigns/${campaignId}/milestones/${milestone.json().id}`)).statusCode).toBe(204);
    expect((await call('clerkA', 'DELETE', `/campaigns/${campaignId}/milestones/${milestone.json().id}`)).statusCode).toBe(404);
    detail = (await call('clerkA', 'GET', `/campaigns/${campaignId}`)).json();
    expect(detail.milestones).toHaveLength(1);

    const sapporo = await targetOf('011002');
    const link = await call('clerkA', 'POST', `/targets/${sapporo.id}/links`, { title: '意見書', url: 'https://www.city.sapporo.jp/gikai/ikensho.html' });
    expect(link.statusCode).toBe(201);
    const script = await call('clerkA', 'POST', `/targets/${sapporo.id}/links`, { title: 'x', url: 'javascript:alert(1)' });
    expect(script.statusCode).toBe(400);
    expect(script.json().errors[0].field).toBe('url');
    const updated = await call('clerkA', 'PUT', `/targets/${sapporo.id}`, { version: sapporo.version, responsibleOrganizationId: tenants.orgA.id, responsiblePerson: '山田', notes: '北海道連合会と共同' });
    expect(updated.json()).toMatchObject({ responsibleOrganizationId: tenants.orgA.id, responsiblePerson: '山田', version: sapporo.version + 1 });
    expect((await call('clerkA', 'PUT', `/targets/${sapporo.id}`, { version: sapporo.version, responsibleOrganizationId: null, responsiblePerson: null, notes: null })).statusCode).toBe(409);
    const unknownOrg = await call('clerkA', 'PUT', `/targets/${sapporo.id}`, { version: sapporo.version + 1, responsibleOrganizationId: 'none', responsiblePerson: null, notes: null });
    expect(unknownOrg.json().errors).toEqual([expect.objectContaining({ field: 'responsibleOrganizationId', code: 'unknown_organization' })]);
    const target = (await call('clerkA', 'GET', `/targets/${sapporo.id}`)).json<{ links: { id: string; title: string }[] }>();
    expect(target.links.map((l) => l.title)).toEqual(['意見書']);
    expect((await call('clerkA', 'DELETE', `/targets/${sapporo.id}/links/${target.links[0]!.id}`)).statusCode).toBe(204);

    const renamed = await call('orgAdminA', 'PUT', `/campaigns/${campaignId}`, { ...campaignBody, includeLocalGovernments: undefined, periodUntil: '2020-12-04', version: 1 });
    expect(renamed.json()).toMatchObject({ periodUntil: '2020-12-04', version: 2 });
    expect((await call('orgAdminA', 'PUT', `/campaigns/${campaignId}`, { nameJa: 'x', nameEn: null, goalJa: 'y', goalEn: null, periodFrom: '2000-01-01', periodUntil: null, version: 1 })).json().code)
      .toBe('version_conflict');
  });

  it('lets the organization\'s staff and the federation administrator in; tells a member no and another organization nothing', async () => {
    const chiyoda = await targetOf('131016');
    expect((await call('memberA', 'GET', `/campaigns/${campaignId}`)).statusCode).toBe(403);
    expect((await call('memberA', 'GET', `/organizations/${tenants.orgA.id}/campaigns`)).statusCode).toBe(403);
    expect((await call('memberA', 'POST', `/targets/${chiyoda.id}/stage`, { stage: 'adopted', on: '2030-01-01', note: null, correction: false, version: chiyoda.version })).statusCode).toBe(403);
    for (const [method, url, body] of [
      ['GET', `/campaigns/${campaignId}`], ['GET', `/campaigns/${campaignId}/targets`], ['GET', `/targets/${chiyoda.id}`],
      ['POST', `/targets/${chiyoda.id}/stage`, { stage: 'adopted', on: '2030-01-01', note: null, correction: false, version: chiyoda.version }],
      ['POST', `/campaigns/${campaignId}/milestones`, { kind: 'other', on: '2030-01-01', titleJa: 'x', titleEn: null, description: null }],
    ] as const) {
      const response = await call('orgAdminB', method, url, body);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.body).not.toContain(campaignBody.nameJa);
    }
    expect((await call('orgAdminB', 'POST', `/organizations/${tenants.orgA.id}/campaigns`, campaignBody)).statusCode).toBe(403);
    expect((await call('federationAdmin', 'GET', `/campaigns/${campaignId}`)).statusCode).toBe(200);
    expect((await call('federationAdmin', 'POST', `/targets/${chiyoda.id}/stage`, { stage: 'adopted', on: '2030-01-01', note: null, correction: false, version: chiyoda.version })).statusCode).toBe(200);
    const own = await call('federationAdmin', 'POST', `/organizations/${tenants.federation.id}/campaigns`, { ...campaignBody, includeLocalGovernments: false });
    expect(own.statusCode).toBe(201);
    expect((await call('federationAdmin', 'GET', `/campaigns/${own.json().id}`)).json().progress).toMatchObject({ adopted: 0, denominator: 0, share: 0 });
  });
});
