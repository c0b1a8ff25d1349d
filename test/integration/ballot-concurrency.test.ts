import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/accounts/users.js';
import { systemActor } from '../../src/app/audit/record-audit.js';
import { conveneMeeting } from '../../src/app/governance/notice.js';
import { addMotion, createMeeting } from '../../src/app/governance/meetings.js';
import { registerMember } from '../../src/app/members/register-member.js';
import { verifyPublishedTally } from '../../src/domain/governance/bulletin.js';
import { actorFor, buildTenants, testPassword } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * One member, one vote under load: 200 requests by the same voter on the same motion at the same moment leave
 * exactly one ballot and one record of voting, whatever the interleaving of the database's transactions.
 */
describe.each(dialects)('one ballot per voter under 200 simultaneous requests (%s)', (dialect) => {
  let t: TestApp;
  let motionId: string;
  let voter: { authorization: string };
  let proxyVoter: { authorization: string };
  let grantorPersonId: string;
  let meetingId: string;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    t.ctx.now = () => new Date('2027-05-20T01:00:00Z');
    tenants = await buildTenants(t.ctx);
    const clerk = actorFor(tenants.users.clerkA);
    const people = [];
    for (let i = 1; i <= 3; i++) {
      people.push(await registerMember(t.ctx, clerk, tenants.orgA.id, {
        person: { familyName: '同時', givenName: `${i}`, familyKana: 'ドウジ', givenKana: 'イチ', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null },
        memberNumber: `Z-${i}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2026-04-01',
      }));
    }
    const accounts = [];
    for (const [i, p] of people.slice(0, 2).entries()) {
      const user = await createUser(t.ctx, null, systemActor('test'), { email: `voter${i}@test.example`, displayName: 'v', password: testPassword, role: 'member', organizationId: tenants.orgA.id, membershipId: p.membership.id });
      accounts.push({ authorization: await t.bearer(user) });
    }
    [voter, proxyVoter] = accounts as [{ authorization: string }, { authorization: string }];
    const meeting = await createMeeting(t.ctx, clerk, tenants.orgA.id, { bodyKind: 'general_assembly', title: '臨時総会', startsAt: '2027-06-20T04:30:00Z', place: '会議室', recordDate: '2027-05-01' });
    meetingId = meeting.id;
    motionId = (await addMotion(t.ctx, clerk, meeting.id, { kind: 'ordinary', title: '議案' })).id;
    await conveneMeeting(t.ctx, clerk, { mailer: null, from: 'x@test.example' }, meeting.id, { sendEmail: false });
    grantorPersonId = people[2]!.person.id;
    const proxy = await t.app.inject({ method: 'POST', url: `/api/v1/meetings/${meetingId}/proxies`, headers: { authorization: (await t.bearer(tenants.users.clerkA)) }, payload: { grantorPersonId, holderPersonId: people[1]!.person.id } });
    expect(proxy.statusCode).toBe(201);
  });
  afterAll(() => t.close());

  const fire = (headers: { authorization: string }, payload: object) =>
    Promise.all(Array.from({ length: 200 }, (_, i) => t.app.inject({ method: 'POST', url: `/api/v1/motions/${motionId}/ballots`, headers, payload: { ...payload, choice: i % 2 ? 'for' : 'against' } })));

  it('accepts one and refuses 199 as already voted, for a member voting for themselves', async () => {
    const responses = await fire(voter, {});
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    expect(new Set(responses.filter((r) => r.statusCode === 409).map((r) => r.json().code))).toEqual(new Set(['already_voted']));
    const ballots = await t.ctx.db.selectFrom('ballots').select('receipt').where('motion_id', '=', motionId).execute();
    const cast = await t.ctx.db.selectFrom('votes_cast').select('person_id').where('motion_id', '=', motionId).execute();
    expect(ballots).toHaveLength(1);
    expect(cast).toHaveLength(1);
    expect(ballots[0]!.receipt).toBe(responses.find((r) => r.statusCode === 201)!.json().receipt);
  });

  it('counts exactly the ballots it accepts when the chair closes the vote while ballots are arriving', async () => {
    const clerk = { authorization: await t.bearer(tenants.users.clerkA) };
    const voters = [];
    for (let i = 0; i < 30; i++) {
      const { membership } = await registerMember(t.ctx, actorFor(tenants.users.clerkA), tenants.orgA.id, {
        person: { familyName: '駆込', givenName: `${i}`, familyKana: 'カケコミ', givenKana: 'イチ', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null },
        memberNumber: `R-${i}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2026-04-01',
      });
      const user = await createUser(t.ctx, null, systemActor('test'), { email: `late${i}@test.example`, displayName: 'v', password: testPassword, role: 'member', organizationId: tenants.orgA.id, membershipId: membership.id });
      voters.push({ authorization: await t.bearer(user) });
    }
    const meeting = await createMeeting(t.ctx, actorFor(tenants.users.clerkA), tenants.orgA.id, { bodyKind: 'general_assembly', title: '駆け込み', startsAt: '2027-06-21T04:30:00Z', place: '会議室', recordDate: '2027-05-10' });
    const late = (await addMotion(t.ctx, actorFor(tenants.users.clerkA), meeting.id, { kind: 'ordinary', title: '議案' })).id;
    await conveneMeeting(t.ctx, actorFor(tenants.users.clerkA), { mailer: null, from: 'x@test.example' }, meeting.id, { sendEmail: false });
    await t.app.inject({ method: 'POST', url: `/api/v1/meetings/${meeting.id}/session`, headers: clerk, payload: {} });
    const casts = voters.map((headers) => t.app.inject({ method: 'POST', url: `/api/v1/motions/${late}/ballots`, headers, payload: { choice: 'for' } }));
    const close = t.app.inject({ method: 'POST', url: `/api/v1/motions/${late}/close`, headers: clerk, payload: {} });
    const [closed, ...cast] = await Promise.all([close, ...casts]);
    expect(closed.statusCode, closed.body).toBe(200);
    const accepted = cast.filter((r) => r.statusCode === 201).length;
    expect(accepted + cast.filter((r) => r.json().code === 'voting_not_open').length).toBe(30);
    const stored = await t.ctx.db.selectFrom('ballots').select('receipt').where('motion_id', '=', late).execute();
    expect(stored).toHaveLength(accepted);
    expect(closed.json().ballots).toBe(accepted);
    const tally = await t.app.inject({ url: `/api/v1/motions/${late}/tally`, headers: clerk });
    expect(verifyPublishedTally(tally.json()).problems).toEqual([]);
  });

  it('does the same for a proxy voting for the member who appointed them', async () => {
    const responses = await fire(proxyVoter, { forPersonId: grantorPersonId });
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.statusCode === 409)).toHaveLength(199);
    const cast = await t.ctx.db.selectFrom('votes_cast').select(['person_id', 'channel']).where('motion_id', '=', motionId).where('person_id', '=', grantorPersonId).execute();
    expect(cast).toEqual([{ person_id: grantorPersonId, channel: 'proxy' }]);
    expect(await t.ctx.db.selectFrom('ballots').select('receipt').where('motion_id', '=', motionId).execute()).toHaveLength(2);
  });
});
