import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/accounts/users.js';
import { systemActor } from '../../src/app/audit/record-audit.js';
import { registerMember } from '../../src/app/members/register-member.js';
import { actorFor, buildTenants, testPassword } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Headers = Record<string, string>;

/**
 * The bodies beyond the general assembly: the federation's assembly of member organizations' delegates, the
 * delegate assembly the law allows only above 200 members, and the board's own meetings; STV elections and a tie
 * the chair decides, all through the API.
 */
describe.each(dialects)('bodies, STV elections and ties (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let fed: Headers;
  let clerk: Headers;
  const delegates: { membershipId: string; personId: string; headers?: Headers }[] = [];
  const api = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.ctx.now = () => new Date('2027-05-20T01:00:00Z');
    tenants = await buildTenants(t.ctx);
    const fedSession = await t.signIn(tenants.users.federationAdmin.email);
    fed = { cookie: fedSession.cookie, 'x-csrf-token': fedSession.csrf };
    const clerkSession = await t.signIn(tenants.users.clerkA.email);
    clerk = { cookie: clerkSession.cookie, 'x-csrf-token': clerkSession.csrf };
    for (const [org, admin] of [[tenants.orgA, tenants.users.orgAdminA], [tenants.orgA, tenants.users.orgAdminA], [tenants.orgB, tenants.users.orgAdminB]] as const) {
      const { membership, person } = await registerMember(t.ctx, actorFor(admin), org.id, {
        person: { familyName: '代議', givenName: `員${delegates.length + 1}`, familyKana: 'ダイギ', givenKana: 'イン', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null },
        memberNumber: `D-${delegates.length + 1}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2026-04-01',
      });
      delegates.push({ membershipId: membership.id, personId: person.id });
    }
    const user = await createUser(t.ctx, null, systemActor('test'), { email: 'delegate1@test.example', displayName: 'd', password: testPassword, role: 'member', organizationId: tenants.orgA.id, membershipId: delegates[0]!.membershipId });
    delegates[0]!.headers = { authorization: await t.bearer(user) };
  });
  afterAll(() => t.close());

  it('refuses a delegate assembly to an organization of 200 members or fewer, and a federation assembly to a co-op', async () => {
    const delegateAssembly = await api('POST', `/organizations/${tenants.orgA.id}/bodies`, fed, { kind: 'delegate_assembly' });
    expect(delegateAssembly.json()).toMatchObject({ code: 'delegate_assembly_not_allowed', detail: expect.stringContaining('more than 200 members') });
    expect((await api('POST', `/organizations/${tenants.orgA.id}/bodies`, fed, { kind: 'federation_assembly' })).json().code).toBe('not_a_federation');
    const bodies = (await api('GET', `/organizations/${tenants.orgA.id}/bodies`, clerk)).json();
    expect(bodies).toMatchObject({ members: 2, delegateAssemblyAllowed: false, delegatesNeeded: 1 });
  });

  it('convenes the federation assembly, whose voters are the delegates of its member organizations', async () => {
    const body = await api('POST', `/organizations/${tenants.federation.id}/bodies`, fed, { kind: 'federation_assembly' });
    expect(body.statusCode).toBe(201);
    for (const d of delegates) {
      const seat = await api('POST', `/bodies/${body.json().id}/seats`, fed, { membershipId: d.membershipId, role: 'delegate', termFrom: '2026-06-01', termUntil: '2027-05-31' });
      expect(seat.statusCode, seat.body).toBe(201);
    }
    expect((await api('POST', `/bodies/${body.json().id}/seats`, fed, { membershipId: delegates[0]!.membershipId, role: 'delegate', termFrom: '2027-01-01' })).json().code).toBe('already_seated');
    expect((await api('POST', `/bodies/${body.json().id}/seats`, fed, { membershipId: delegates[1]!.membershipId, role: 'director', termFrom: '2027-06-01', termUntil: '2028-05-31' })).json().code).toBe('role_not_on_body');
    const meeting = await api('POST', `/organizations/${tenants.federation.id}/meetings`, fed, {
      bodyKind: 'federation_assembly', title: '第40回定期総会', startsAt: '2027-06-12T01:00:00Z', place: '東京', recordDate: '2027-05-15',
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const motion = await api('POST', `/meetings/${meeting.json().id}/motions`, fed, {
      kind: 'election', title: '理事選挙', electionMethod: 'stv_scottish', office: 'delegate', seats: 1,
      candidates: [], // the federation's own officers are not members of it: elections of its delegates happen in the member organizations
    });
    expect(motion.json().code).toBe('too_few_candidates');
    const plan = await api('POST', `/meetings/${meeting.json().id}/motions`, fed, { kind: 'ordinary', title: '2027年度活動方針' });
    const convened = (await api('POST', `/meetings/${meeting.json().id}/convene`, fed, {})).json();
    expect(convened.electorate).toBe(3);
    expect(convened.warnings.map((w: { code: string }) => w.code)).toEqual(['mail_not_configured']);
    const mine = (await api('GET', '/my/meetings', delegates[0]!.headers!)).json().items;
    expect(mine.map((m: { meeting: { title: string } }) => m.meeting.title)).toEqual(['第40回定期総会']);
    expect((await api('POST', `/motions/${plan.json().id}/ballots`, delegates[0]!.headers!, { choice: 'for' })).statusCode).toBe(201);
    // A clerk of a member organization does not run the federation's meeting.
    expect((await api('GET', `/meetings/${meeting.json().id}/participation`, clerk)).statusCode).toBe(403);
  });

  it('elects by STV through the app with the count sheet in the result, and sends a tie to the chair', async () => {
    const org = tenants.orgA.id;
    const voters = [];
    for (let i = 0; i < 6; i++) {
      const { membership, person } = await registerMember(t.ctx, actorFor(tenants.users.orgAdminA), org, {
        person: { familyName: '投票', givenName: `者${i}`, familyKana: 'トウヒョウ', givenKana: 'シャ', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null },
        memberNumber: `V-${i}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2026-04-01',
      });
      const user = await createUser(t.ctx, null, systemActor('test'), { email: `stv${i}@test.example`, displayName: 'v', password: testPassword, role: 'member', organizationId: org, membershipId: membership.id });
      voters.push({ membershipId: membership.id, personId: person.id, headers: { authorization: await t.bearer(user) } });
    }
    const meeting = (await api('POST', `/organizations/${org}/meetings`, clerk, { bodyKind: 'general_assembly', title: '臨時総会', startsAt: '2027-06-20T04:00:00Z', place: '会議室', recordDate: '2027-05-01' })).json();
    const election = (await api('POST', `/meetings/${meeting.id}/motions`, clerk, {
      kind: 'election', title: '監事選任の件', electionMethod: 'stv_meek', office: 'auditor', seats: 2, candidates: voters.slice(0, 3).map((v) => ({ membershipId: v.membershipId })),
    })).json();
    const tie = (await api('POST', `/meetings/${meeting.id}/motions`, clerk, { kind: 'ordinary', title: '会費改定の件' })).json();
    await api('POST', `/meetings/${meeting.id}/convene`, clerk, { sendEmail: false });
    const [a, b, c] = election.candidates.map((x: { id: string }) => x.id);
    const rankings = [[a, b], [a, c], [a, b], [b, a], [c, b], [b]];
    for (const [i, v] of voters.entries()) {
      expect((await api('POST', `/motions/${election.id}/ballots`, v.headers, { choice: rankings[i] })).statusCode).toBe(201);
      expect((await api('POST', `/motions/${tie.id}/ballots`, v.headers, { choice: i < 3 ? 'for' : 'against' })).statusCode).toBe(201);
    }
    await api('POST', `/meetings/${meeting.id}/session`, clerk, {});
    const result = (await api('POST', `/motions/${election.id}/close`, clerk, {})).json();
    expect(result).toMatchObject({ outcome: 'elected', rule: 'stv_quota', elected: [a, b] });
    expect(result.election.stv).toMatchObject({ method: 'meek', validBallots: 6, decimals: 9 });
    expect(result.election.stv.stages.length).toBeGreaterThan(0);
    const undecided = await api('POST', `/motions/${tie.id}/close`, clerk, {});
    expect(undecided.statusCode).toBe(409);
    expect(undecided.json().code).toBe('chair_must_decide');
    const decided = (await api('POST', `/motions/${tie.id}/close`, clerk, { chairDecision: 'rejected' })).json();
    expect(decided).toMatchObject({ outcome: 'tie_for_chair', rule: 'tie_chair_decides', chairDecision: 'rejected' });
  });
});
