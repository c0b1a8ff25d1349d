import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit, systemActor } from '../../src/app/audit/record-audit.js';
import { subscribeShares } from '../../src/app/capital/capital-movements.js';
import { setCapitalRules } from '../../src/app/capital/capital-rules.js';
import { federationComplianceBoard, organizationComplianceBoard } from '../../src/app/compliance/compliance-board.js';
import { addSeat, establishBody } from '../../src/app/governance/bodies.js';
import { recordBylawVersion } from '../../src/app/governance/bylaws.js';
import { recordEngagement, registerNonMemberWorker } from '../../src/app/members/record-engagement.js';
import { registerMember } from '../../src/app/members/register-member.js';
import { recordWork } from '../../src/app/work/record-work.js';
import type { FederationCheck, CheckResult } from '../../src/domain/compliance/board.js';
import { complianceRules } from '../../src/domain/compliance/checks.js';
import { projectBreach } from '../../src/domain/compliance/trend.js';
import type { Actor } from '../../src/domain/access/policy.js';
import { actorFor, buildOrganizationFields, buildPersonFields, buildTenants, createOrg, testPassword } from '../factories.js';
import { dialects } from '../support/databases.js';
import { kyodo as runKyodo } from '../support/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Headers = Record<string, string>;
type Tenants = Awaited<ReturnType<typeof buildTenants>>;

const today = '2027-05-20';
const engagedSince = (date: string, contract = true) => ({
  site: null, startedOn: date, endedOn: null, labourContractFrom: contract ? date : null, labourContractUntil: null, exemption: contract ? null : ('representative-director' as const),
});

/**
 * Worker co-op A on 2027-05-20: ten members since April 2025, nine of them working (one, the representative
 * director, without a contract); non-member workers, one since 2025 and one since November 2026, so the members'
 * share of workers is falling; three directors until 2028 and an auditor whose term ends in June 2027; a reserve
 * target of 60,000 yen against capital that grew from 100,000 to 130,000 yen in March 2027.
 */
async function buildCoopA(t: TestApp, tenants: Tenants): Promise<void> {
  const admin = actorFor(tenants.users.orgAdminA);
  const a = tenants.orgA.id;
  const members: { membershipId: string; personId: string }[] = [];
  for (let i = 1; i <= 10; i += 1) {
    const { membership, person } = await registerMember(t.ctx, admin, a, {
      person: buildPersonFields(), memberNumber: `A-${i}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01',
    });
    members.push({ membershipId: membership.id, personId: person.id });
    if (i <= 9) await recordEngagement(t.ctx, admin, a, person.id, engagedSince('2025-04-01', i !== 9));
  }
  await registerNonMemberWorker(t.ctx, admin, a, buildPersonFields(), engagedSince('2025-04-01'));
  await registerNonMemberWorker(t.ctx, admin, a, buildPersonFields(), engagedSince('2026-11-01'));

  const board = await establishBody(t.ctx, admin, a, { kind: 'board' });
  for (const [i, role] of [[0, 'director'], [1, 'director'], [8, 'representative_director']] as const) {
    await addSeat(t.ctx, admin, board.id, { membershipId: members[i]!.membershipId, role, termFrom: '2026-06-01', termUntil: '2028-05-31' });
  }
  await addSeat(t.ctx, admin, board.id, { membershipId: members[9]!.membershipId, role: 'auditor', termFrom: '2025-06-01', termUntil: '2027-06-30' });

  await recordBylawVersion(t.ctx, admin, a, { title: '定款', text: '第1条…', settings: { legalReserveTarget: 60_000 }, foundingEffectiveFrom: '2025-04-01' });
  await setCapitalRules(t.ctx, admin, a, { effectiveFrom: '2025-04-01', sharePrice: 10_000 });
  for (const m of members) await subscribeShares(t.ctx, admin, m.membershipId, { date: '2025-04-01', shares: 1 });
  for (const m of members.slice(0, 3)) await subscribeShares(t.ctx, admin, m.membershipId, { date: '2027-03-01', shares: 1 });
}

/** The context with a database that counts the queries made through it (`reset` starts again from zero). */
function countingQueries(base: TestApp['ctx']) {
  let queries = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => {
      queries += 1;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { ctx: { ...base, db: base.db.withPlugin(counting) }, count: () => queries, reset: () => void (queries = 0) };
}

describe.each(dialects)('the compliance board (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Tenants;
  let consumerCoopId: string;
  const headers: Record<'fed' | 'clerkA' | 'memberA', Headers> = { fed: {}, clerkA: {}, memberA: {} };
  const get = (url: string, as: Headers) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: as });
  const check = <C extends { code: string }>(board: { checks: C[] }, code: string): C => board.checks.find((c) => c.code === code)!;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.ctx.now = () => new Date(`${today}T01:00:00Z`);
    tenants = await buildTenants(t.ctx);
    await buildCoopA(t, tenants);
    // An older persons' co-op: its members use its services; the worker co-op composition rules do not bind it.
    const consumer = await createOrg(t.ctx, buildOrganizationFields({ parentId: tenants.federation.id, lawProfile: 'jp-consumer-coop', legalForm: 'consumer-cooperative' }));
    consumerCoopId = consumer.id;
    // Co-op B keeps no engagements, only work records: one of its two members has work recorded in April 2027.
    const adminB = actorFor(tenants.users.orgAdminB);
    const [worker] = await Promise.all([1, 2].map((i) => registerMember(t.ctx, adminB, tenants.orgB.id, {
      person: buildPersonFields(), memberNumber: `B-${i}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2026-04-01',
    })));
    await recordWork(t.ctx, adminB, tenants.orgB.id, { personId: worker!.person.id, date: '2027-04-10', entries: [{ minutes: 420 }] });
    for (let i = 1; i <= 3; i += 1) {
      await registerMember(t.ctx, actorFor(tenants.users.federationAdmin), consumer.id, {
        person: buildPersonFields(), memberNumber: `U-${i}`, kind: 'user', firstEvent: 'admit', effectiveDate: '2020-04-01',
      });
    }
    headers.fed = { authorization: await t.bearer(tenants.users.federationAdmin) };
    headers.clerkA = { authorization: await t.bearer(tenants.users.clerkA) };
    headers.memberA = { authorization: await t.bearer(tenants.users.memberA) };
  });
  afterAll(() => t.close());

  it('shows an organization each requirement\'s figure and floor, live from the registry, the board, the bylaws and the ledger', async () => {
    const response = await get(`/organizations/${tenants.orgA.id}/compliance`, headers.clerkA);
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json();
    expect(board).toMatchObject({
      organizationId: tenants.orgA.id, lawProfile: 'jp-worker-coop-2022', date: today, compositionApplies: true,
      counts: { members: 10, workers: 11, engagedMembers: 9, labourContractMembers: 8 },
      officers: { directors: 3, auditors: 1, memberAuditCouncil: false },
      reserve: { target: 60_000, totalCapital: 130_000, balance: 0 },
    });
    expect(check<CheckResult>(board, 'engaged_members')).toMatchObject({ status: 'ok', figure: { numerator: 9, denominator: 10 }, floor: { numerator: 4, denominator: 5 }, article: 'Art. 8(1)', projection: null });
    expect(check<CheckResult>(board, 'labour_contract_votes')).toMatchObject({ status: 'ok', figure: { numerator: 8, denominator: 10 }, strict: true });
    expect(check<CheckResult>(board, 'directors')).toMatchObject({ status: 'ok', figure: { numerator: 3, denominator: 1 } });
    for (const c of board.checks as CheckResult[]) {
      expect(c.trend).toHaveLength(24);
      expect(c.trend.at(-1)!.date).toBe(today);
    }
  });

  it('is in breach when capital outgrows twice the reserve target, from the month it did', async () => {
    const reserve = check<CheckResult>((await get(`/organizations/${tenants.orgA.id}/compliance`, headers.clerkA)).json(), 'legal_reserve_target');
    expect(reserve).toMatchObject({ status: 'breach', figure: { numerator: 60_000, denominator: 130_000 }, floor: { numerator: 1, denominator: 2 }, article: 'Art. 76(2)' });
    const byDate = Object.fromEntries(reserve.trend.map((p) => [p.date, p.holds]));
    expect(byDate).toMatchObject({ '2025-06-30': true, '2027-02-28': true, '2027-03-31': false, [today]: false });
    // Before the founding bylaws stated a target, there was nothing to judge.
    const earlier = check<CheckResult>((await get(`/organizations/${tenants.orgA.id}/compliance?date=2026-03-31`, headers.clerkA)).json(), 'legal_reserve_target');
    expect(earlier.trend.filter((p) => p.date < '2025-04-01').map((p) => p.holds)).toEqual([null, null, null, null, null, null, null, null, null, null, null, null]);
    expect(earlier.status).toBe('ok');
  });

  it('warns with the date the members\' share of workers would reach 3/4 if its trend went on', async () => {
    const workers = check<CheckResult>((await get(`/organizations/${tenants.orgA.id}/compliance`, headers.clerkA)).json(), 'member_workers');
    expect(workers).toMatchObject({ status: 'warning', figure: { numerator: 9, denominator: 11 }, projection: { basis: 'trend' } });
    const holds = Object.fromEntries(workers.trend.map((p) => [p.date, p.figure]));
    expect(holds['2026-10-31']).toEqual({ numerator: 9, denominator: 10 });
    expect(holds['2026-11-30']).toEqual({ numerator: 9, denominator: 11 });
    expect(workers.projection!.date > today && workers.projection!.date <= '2028-05-20').toBe(true);
    // The date the server gives is the domain's projection of the very trend it shows.
    expect(workers.projection!.date).toBe(projectBreach(workers.trend, complianceRules.member_workers));
  });

  it('warns the day after the auditor\'s term ends with nobody to follow', async () => {
    const auditors = check<CheckResult>((await get(`/organizations/${tenants.orgA.id}/compliance`, headers.clerkA)).json(), 'auditors');
    expect(auditors).toMatchObject({ status: 'warning', projection: { date: '2027-07-01', basis: 'terms' }, note: null });
  });

  it('answers on another date, and refuses a date that is not one', async () => {
    const earlier = (await get(`/organizations/${tenants.orgA.id}/compliance?date=2026-03-31`, headers.clerkA)).json();
    expect(earlier).toMatchObject({ date: '2026-03-31', counts: { members: 10, workers: 10 }, reserve: { totalCapital: 100_000 } });
    expect(check<CheckResult>(earlier, 'directors').status).toBe('breach');
    const refused = await get(`/organizations/${tenants.orgA.id}/compliance?date=2027-02-30`, headers.clerkA);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'date' })] });
  });

  it('counts a member with work recorded and no engagement as engaged that month and the next, without a labour contract', async () => {
    const board = (await get(`/organizations/${tenants.orgB.id}/compliance`, headers.fed)).json();
    expect(board.counts).toEqual({ members: 2, workers: 1, engagedMembers: 1, labourContractMembers: 0 });
    const engaged = check<CheckResult>(board, 'engaged_members');
    expect(engaged).toMatchObject({ status: 'breach', figure: { numerator: 1, denominator: 2 } });
    expect(Object.fromEntries(engaged.trend.slice(-3).map((p) => [p.date, p.figure]))).toEqual({
      '2027-03-31': { numerator: 0, denominator: 2 }, '2027-04-30': { numerator: 1, denominator: 2 }, [today]: { numerator: 1, denominator: 2 },
    });
    expect(check<CheckResult>(board, 'labour_contract_votes')).toMatchObject({ status: 'breach', figure: { numerator: 0, denominator: 2 } });
  });

  it('does not apply the composition rules where the law profile does not', async () => {
    const board = (await get(`/organizations/${consumerCoopId}/compliance`, headers.fed)).json();
    expect(board).toMatchObject({ compositionApplies: false, counts: { members: 3 } });
    expect(board.checks.map((c: CheckResult) => [c.code, c.status])).toEqual([
      ['engaged_members', 'not_applicable'], ['member_workers', 'not_applicable'], ['labour_contract_votes', 'not_applicable'],
      ['directors', 'breach'], ['auditors', 'breach'], ['legal_reserve_target', 'no_data'],
    ]);
  });

  it('adds up the federation, and names the organizations in breach or about to be', async () => {
    const response = await get('/compliance', headers.fed);
    expect(response.statusCode, response.body).toBe(200);
    const board = response.json();
    expect(board.organizations.map((o: { id: string }) => o.id).sort()).toEqual([tenants.orgA.id, tenants.orgB.id, consumerCoopId].sort());
    // A's and B's members added up; the consumer co-op is not bound.
    expect(check<FederationCheck>(board, 'engaged_members')).toMatchObject({
      basis: 'sum', status: 'ok', figure: { numerator: 10, denominator: 12 }, organizations: { ok: 1, breach: 1, not_applicable: 1 },
      attention: [{ organizationId: tenants.orgB.id, status: 'breach', projection: null }],
    });
    expect(check<FederationCheck>(board, 'member_workers')).toMatchObject({
      figure: { numerator: 10, denominator: 12 }, attention: [{ organizationId: tenants.orgA.id, status: 'warning', projection: { basis: 'trend' } }],
    });
    const directors = check<FederationCheck>(board, 'directors');
    expect(directors).toMatchObject({ basis: 'organizations', status: 'breach', figure: { numerator: 1, denominator: 3 }, organizationFloor: { numerator: 3, denominator: 1 } });
    expect(directors.attention.map((a) => a.organizationId).sort()).toEqual([tenants.orgB.id, consumerCoopId].sort());
    expect(check<FederationCheck>(board, 'legal_reserve_target')).toMatchObject({ status: 'breach', figure: { numerator: 0, denominator: 1 }, organizations: { breach: 1, no_data: 2 } });
    // Exactly the organizations in breach of the labour-contract majority: B, whose worker has no contract recorded.
    expect(check<FederationCheck>(board, 'labour_contract_votes').attention.map((a) => a.organizationId)).toEqual([tenants.orgB.id]);
  });

  it('is read by the organization\'s staff and the federation administrator only', async () => {
    expect((await get(`/organizations/${tenants.orgB.id}/compliance`, headers.clerkA)).statusCode).toBe(403);
    expect((await get(`/organizations/${tenants.orgA.id}/compliance`, headers.memberA)).statusCode).toBe(403);
    expect((await get('/compliance', headers.clerkA)).statusCode).toBe(403);
    expect((await get('/compliance', {})).statusCode).toBe(401);
    expect((await get(`/organizations/${tenants.orgA.id}/compliance`, headers.fed)).statusCode).toBe(200);
    expect((await get('/organizations/no-such-organization/compliance', headers.fed)).statusCode).toBe(404);
    const federation = await get(`/organizations/${tenants.federation.id}/compliance`, headers.fed);
    expect(federation.statusCode).toBe(422);
    expect(federation.json().code).toBe('federation_board');
  });

  it('reads a fixed number of count() whatever the number of organizations', async () => {
    const { ctx, count, reset } = countingQueries(t.ctx);
    const fed: Actor = actorFor(tenants.users.federationAdmin);
    await federationComplianceBoard(ctx, fed, today);
    const withThree = count();
    for (let i = 0; i < 3; i += 1) await createOrg(t.ctx, buildOrganizationFields({ parentId: tenants.federation.id }));
    reset();
    const board = await federationComplianceBoard(ctx, fed, today);
    expect(board.organizations).toHaveLength(6);
    expect(count()).toBe(withThree);
    // The organizations, eleven set-based reads and one look at the audit log for changes since the last request.
    expect(count()).toBeLessThanOrEqual(13);
  });

  it('keeps its reads until the records change: a sign-in does not make them again, a new member does', async () => {
    const { ctx, count, reset } = countingQueries(t.ctx);
    const fed: Actor = actorFor(tenants.users.federationAdmin);
    const membersOfB = async () => (await organizationComplianceBoard(ctx, fed, tenants.orgB.id, today)).counts.members;
    expect(await membersOfB()).toBe(2);
    const made = count();
    reset();
    expect(await membersOfB()).toBe(2);
    // The organization and a look at the audit log since the last request: not the board's reads again.
    expect(count()).toBe(2);
    expect(made).toBeGreaterThan(count() + 5);
    // Signing in is audited but changes no record the board reads.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login: tenants.users.clerkA.email, password: testPassword } })).statusCode).toBe(200);
    reset();
    expect(await membersOfB()).toBe(2);
    expect(count()).toBe(2);
    await registerMember(t.ctx, actorFor(tenants.users.orgAdminB), tenants.orgB.id, {
      person: buildPersonFields(), memberNumber: 'B-3', kind: 'worker', firstEvent: 'admit', effectiveDate: '2027-05-01',
    });
    reset();
    expect(await membersOfB()).toBe(3);
    expect(count()).toBe(made);
    // Co-op A's records did not change: its board is made from what was kept.
    const boardOfA = () => organizationComplianceBoard(ctx, fed, tenants.orgA.id, today);
    await boardOfA();
    reset();
    expect((await boardOfA()).counts.members).toBe(10);
    expect(count()).toBe(2);
    // A change that names no organization (the federation's own, or the system's) counts for every one.
    await t.ctx.db.transaction().execute((trx) => recordAudit(trx, systemActor('test'), {
      organizationId: null, entityType: 'business_line', entityId: 'test', action: 'update', before: null, after: null,
    }, new Date().toISOString()));
    reset();
    expect((await boardOfA()).counts.members).toBe(10);
    expect(count()).toBe(made);
  });
});

describe('the kyodo compliance command', { timeout: 180_000 }, () => {
  let dataDir: string;
  const kyodo = (args: string[]) => runKyodo(args, { DATA_DIR: dataDir, DATABASE_URL: '', KYODO_DEMO_PASSWORD: 'demo password 1234' });
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-compliance-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('prints the federation\'s board, one organization\'s, as JSON on request, and refuses a bad date', async () => {
    expect((await kyodo(['demo'])).code).toBe(0);
    const federation = await kyodo(['compliance']);
    expect(federation.code, federation.stderr).toBe(0);
    expect(federation.stdout).toMatch(/^compliance of the federation's \d+ organizations on \d{4}-\d{2}-\d{2}/);
    expect(federation.stdout).toMatch(/^directors\s+Art\. 32\s+\w+/m);
    const chiba = await kyodo(['compliance', '--org', 'wc-chiba', '--date', '2026-11-27', '--json']);
    expect(chiba.code, chiba.stderr).toBe(0);
    const board = JSON.parse(chiba.stdout);
    expect(board).toMatchObject({ date: '2026-11-27', lawProfile: 'jp-worker-coop-2022' });
    expect(board.checks.map((c: { code: string }) => c.code)).toEqual(Object.keys(complianceRules));
    const refused = await kyodo(['compliance', '--date', '2026-02-30']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"2026-02-30" is not a calendar date');
  });
});
