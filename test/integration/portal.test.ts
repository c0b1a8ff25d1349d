import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeShares } from '../../src/app/capital/capital-movements.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { addDocument } from '../../src/app/governance/meetings.js';
import { newId } from '../../src/app/shared/context.js';
import type { Actor } from '../../src/domain/access/policy.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Account { id: string; email: string; organizationId: string; personId: string; membershipId: string; memberNumber: string }

/** The demo's member accounts of センター事業団 (member1 and member2), each with their membership. */
async function memberAccount(t: TestApp, email: string): Promise<Account> {
  const row = await t.ctx.db.selectFrom('users').innerJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'users.person_id').onRef('m.organization_id', '=', 'users.organization_id'))
    .select(['users.id', 'users.email', 'users.organization_id', 'users.person_id', 'm.id as membership_id', 'm.member_number']).where('users.email', '=', email).executeTakeFirstOrThrow();
  return { id: row.id, email: row.email, organizationId: row.organization_id!, personId: row.person_id!, membershipId: row.membership_id, memberNumber: row.member_number };
}

const staffActor = async (t: TestApp, email: string): Promise<Actor> => {
  const u = await t.ctx.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
  return { userId: u.id, email: u.email, role: u.role as Actor['role'], organizationId: u.organization_id };
};

interface PortalBody {
  member: { personId: string; familyName: string; email: string | null; phone: string | null };
  memberships: { id: string; memberNumber: string; events: { event: string }[] }[];
  capital: { sharesHeld: number; amountSubscribed: number; amountPaid: number; unpaid: number; payments: { amount: number; kind: string }[]; certificateUrl: string };
  work: { months: { month: string; hours: number; days: number }[] };
  dividends: { closingId: string; amount: number; statementUrl: string }[];
  meetings: { id: string; title: string; documents: { url: string; fileName: string }[]; openMotions: { id: string; voted: boolean }[]; noticeUrl: string | null }[];
  receipts: { motionId: string; tallyUrl: string }[];
  consents: { purpose: string; givenOn: string; programme: { ja: string } }[];
  proxies: { given: { holderName: string }[]; held: { grantorName: string }[] };
  pendingChanges: { id: string; changes: Record<string, string | null> }[];
}

describe.each(dialects)('member portal (マイページ) (%s)', (dialect) => {
  let t: TestApp;
  let x: Account;
  let y: Account;
  let asX: string;
  let asY: string;
  let admin: Actor;
  let adminAuth: string;
  let documentName: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await loadDemo(t.ctx, 'demo password 1234');
    x = await memberAccount(t, 'member1@kyodo.example');
    y = await memberAccount(t, 'member2@kyodo.example');
    admin = await staffActor(t, 'center-admin@kyodo.example');
    adminAuth = await t.bearer({ id: admin.userId, organizationId: admin.organizationId });
    asX = await t.bearer({ id: x.id, organizationId: x.organizationId });
    asY = await t.bearer({ id: y.id, organizationId: y.organizationId });
    // Capital: X subscribes two shares and pays one, Y three paid in full.
    await subscribeShares(t.ctx, admin, x.membershipId, { date: '2026-04-01', shares: 2, description: null, firstPayment: { amount: 10_000, method: 'bank', founding: false } });
    await subscribeShares(t.ctx, admin, y.membershipId, { date: '2026-04-01', shares: 3, description: null, firstPayment: { amount: 30_000, method: 'bank', founding: false } });
    // A document on the convened meeting, and X a participant of a programme with a consent.
    const meeting = await t.ctx.db.selectFrom('meetings').select('id').where('status', '=', 'convened').where('organization_id', '=', x.organizationId).executeTakeFirstOrThrow();
    documentName = '議案書.pdf';
    await addDocument(t.ctx, admin, meeting.id, { fileName: documentName, contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 agenda') });
    const contract = await t.ctx.db.selectFrom('programme_contracts as k').innerJoin('contract_sites as s', 's.contract_id', 'k.id').select(['k.id', 's.site_id', 'k.programme_ja'])
      .where('k.organization_id', '=', x.organizationId).executeTakeFirstOrThrow();
    const participantId = newId();
    await t.ctx.db.insertInto('participants').values({
      id: participantId, organization_id: x.organizationId, contract_id: contract.id, site_id: contract.site_id, reference: 'P-PORTAL-1', intake_on: '2025-05-01', age_band: '20-24',
      status: 'closed', closed_on: '2025-12-01', person_id: x.personId, sealed: null, erased_at: null, erasure_reason: null, version: 1, created_at: '2025-05-01T00:00:00Z', updated_at: '2025-05-01T00:00:00Z',
    }).execute();
    await t.ctx.db.insertInto('participant_consents').values({
      id: newId(), participant_id: participantId, purpose: 'registry-link', method: 'written', given_on: '2025-05-01', withdrawn_on: null, recorded_by: null, created_at: '2025-05-01T00:00:00Z',
    }).execute();
  });
  afterAll(() => t.close());

  const portalOf = async (authorization: string) => {
    const response = await t.app.inject({ url: '/api/v1/me/portal', headers: { authorization } });
    expect(response.statusCode, response.body).toBe(200);
    return { body: response.json<PortalBody>(), text: response.body };
  };

  it("shows a member their own record, capital, work, dividends, meetings and consents, and nothing of another member's", async () => {
    const { body, text } = await portalOf(asX);
    expect(body.member.personId).toBe(x.personId);
    expect(body.memberships.map((m) => m.memberNumber)).toEqual([x.memberNumber]);
    expect(body.memberships[0]!.events.map((e) => e.event)).toContain('admit');
    expect(body.capital).toMatchObject({ sharesHeld: 2, amountSubscribed: 20_000, amountPaid: 10_000, unpaid: 10_000 });
    expect(body.capital.payments).toEqual([{ on: '2026-04-01', amount: 10_000, kind: 'payment' }]);
    expect(body.capital.certificateUrl).toBe(`/api/v1/memberships/${x.membershipId}/capital/certificate.pdf`);
    // Work by month, as the work records add up (approved hours): a closed month (from its totals) and an open one.
    for (const month of ['2026-09', '2026-10']) {
      const records = await t.ctx.db.selectFrom('work_records').select(['work_date', 'minutes']).where('person_id', '=', x.personId).where('status', '=', 'approved')
        .where('work_date', '>=', `${month}-01`).where('work_date', '<=', `${month}-31`).execute();
      expect(records.length).toBeGreaterThan(0);
      const shown = body.work.months.find((m) => m.month === month);
      expect(shown).toEqual({ month, hours: records.reduce((s, r) => s + Number(r.minutes), 0) / 60, days: new Set(records.map((r) => r.work_date)).size, pendingHours: 0 });
    }
    expect(body.work.months.length).toBeLessThanOrEqual(24);
    // The dividend of the posted close, and its statement downloads.
    const dividend = await t.ctx.db.selectFrom('surplus_dividends').select(['closing_id', 'amount']).where('membership_id', '=', x.membershipId).executeTakeFirstOrThrow();
    expect(body.dividends.map((d) => [d.closingId, d.amount])).toEqual([[dividend.closing_id, Number(dividend.amount)]]);
    const statement = await t.app.inject({ url: body.dividends[0]!.statementUrl, headers: { authorization: asX } });
    expect(statement.statusCode).toBe(200);
    expect(statement.headers['content-type']).toContain('application/pdf');
    // Meetings: the convened one with its open motions, notice and document; the closed one's motions with tallies.
    const convened = body.meetings.find((m) => m.title === '第5回臨時総会')!;
    expect(convened.openMotions.map((m) => m.voted)).toEqual([false, false]);
    expect(convened.documents.map((d) => d.fileName)).toEqual([documentName]);
    expect((await t.app.inject({ url: convened.documents[0]!.url, headers: { authorization: asX } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: convened.noticeUrl!, headers: { authorization: asX } })).statusCode).toBe(200);
    expect(body.receipts.length).toBe(4);
    const tally = await t.app.inject({ url: body.receipts[0]!.tallyUrl, headers: { authorization: asX } });
    expect(tally.statusCode).toBe(200);
    // The proxy the demo gives member1 to hold, with the grantor's name only.
    const proxy = await t.ctx.db.selectFrom('proxies').innerJoin('people', 'people.id', 'proxies.grantor_person_id').select(['people.family_name', 'people.given_name'])
      .where('holder_person_id', '=', x.personId).execute();
    expect(body.proxies.held.map((p) => p.grantorName)).toEqual(proxy.map((p) => `${p.family_name} ${p.given_name}`));
    expect(body.consents).toMatchObject([{ purpose: 'registry-link', givenOn: '2025-05-01', withdrawnOn: null }]);
    // Nothing of Y's.
    const yPerson = await t.ctx.db.selectFrom('people').selectAll().where('id', '=', y.personId).executeTakeFirstOrThrow();
    for (const secret of [y.memberNumber, y.membershipId, y.personId, y.email, `${yPerson.family_name} ${yPerson.given_name}`]) expect(text).not.toContain(secret);

    const other = await portalOf(asY);
    expect(other.body.capital).toMatchObject({ sharesHeld: 3, amountSubscribed: 30_000, amountPaid: 30_000 });
    expect(other.body.consents).toEqual([]);
    expect(other.text).not.toContain(x.memberNumber);
    expect(other.text).not.toContain(x.membershipId);
  });

  it('shows a delegate (総代) the members of their constituency, names only', async () => {
    const third = await memberAccount(t, 'member3@kyodo.example');
    const at = '2026-04-01T00:00:00Z';
    const bodyId = newId();
    await t.ctx.db.insertInto('bodies').values({ id: bodyId, organization_id: x.organizationId, kind: 'delegate_assembly', name_ja: '総代会', name_en: 'Delegate assembly', created_at: at }).execute();
    await t.ctx.db.insertInto('body_seats').values({
      id: newId(), body_id: bodyId, person_id: x.personId, membership_id: x.membershipId, represents_organization_id: x.organizationId, constituency: '大塚事業所',
      role: 'delegate', term_from: '2026-04-01', term_until: null, elected_by_motion_id: null, created_at: at, recorded_by: null,
    }).execute();
    await t.ctx.db.insertInto('engagements').values({
      id: newId(), organization_id: x.organizationId, person_id: third.personId, site: '大塚事業所', started_on: '2026-04-01', ended_on: null, labour_contract_from: null,
      labour_contract_until: null, exemption: null, version: 1, created_at: at, updated_at: at,
    }).execute();
    const person = await t.ctx.db.selectFrom('people').select(['family_name', 'given_name']).where('id', '=', third.personId).executeTakeFirstOrThrow();
    const { body, text } = await portalOf(asX);
    expect((body as unknown as { delegate: unknown }).delegate).toEqual({
      seats: [{ bodyNameJa: '総代会', bodyNameEn: 'Delegate assembly', constituency: '大塚事業所' }], represented: [`${person.family_name} ${person.given_name}`],
    });
    expect(text).not.toContain(third.memberNumber);
    expect((await portalOf(asY)).body).toMatchObject({ delegate: null });
  });

  it('lets a member download their own contribution certificate and nobody else\'s', async () => {
    const own = await t.app.inject({ url: `/api/v1/memberships/${x.membershipId}/capital/certificate.pdf`, headers: { authorization: asX } });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toContain('application/pdf');
    const others = await t.app.inject({ url: `/api/v1/memberships/${y.membershipId}/capital/certificate.pdf`, headers: { authorization: asX } });
    expect(others.statusCode).toBe(403);
    const capital = await t.app.inject({ url: `/api/v1/memberships/${y.membershipId}/capital`, headers: { authorization: asX } });
    expect(capital.statusCode).toBe(403);
    const ownCapital = await t.app.inject({ url: `/api/v1/memberships/${x.membershipId}/capital`, headers: { authorization: asX } });
    expect(ownCapital.json<{ position: { shares: number } }>().position.shares).toBe(2);
  });

  it('answers 403 to an account that is not a member\'s own', async () => {
    const response = await t.app.inject({ url: '/api/v1/me/portal', headers: { authorization: adminAuth } });
    expect(response.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/me/portal' })).statusCode).toBe(401);
  });

  it('changes e-mail and phone at once and keeps the change in the audit log', async () => {
    const response = await t.app.inject({ method: 'PATCH', url: '/api/v1/me/contact', headers: { authorization: asX }, payload: { email: 'new-x@kyodo.example', phone: ' 03-1234-5678 ' } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({ email: 'new-x@kyodo.example', phone: '03-1234-5678' });
    const person = await t.ctx.db.selectFrom('people').select(['email', 'phone']).where('id', '=', x.personId).executeTakeFirstOrThrow();
    expect(person).toEqual({ email: 'new-x@kyodo.example', phone: '03-1234-5678' });
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'person').where('entity_id', '=', x.personId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(x.id);
    expect(JSON.parse(audit.after_json!)).toEqual({ email: 'new-x@kyodo.example', phone: '03-1234-5678' });
    // Names go through a clerk: the contact route takes none, nor an empty body.
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/me/contact', headers: { authorization: asX }, payload: { familyName: '別名' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/me/contact', headers: { authorization: asX }, payload: {} })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/v1/me/contact', headers: { authorization: adminAuth }, payload: { phone: '0' } })).statusCode).toBe(403);
  });

  it('keeps a change of name pending until a clerk confirms it, normalized as the registry does; a rejection keeps the old', async () => {
    const before = await t.ctx.db.selectFrom('people').selectAll().where('id', '=', x.personId).executeTakeFirstOrThrow();
    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/me/change-requests', headers: { authorization: asX }, payload: { familyName: ' 新姓 ', familyKana: 'ｼﾝｾｲ', postalCode: '170-0013' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json<{ id: string; status: string; changes: Record<string, string> }>();
    expect(request.status).toBe('pending');
    expect(request.changes).toEqual({ familyName: '新姓', familyKana: 'シンセイ', postalCode: '1700013' });
    // Pending: the record is unchanged, and the member sees the request.
    expect((await t.ctx.db.selectFrom('people').select('family_name').where('id', '=', x.personId).executeTakeFirstOrThrow()).family_name).toBe(before.family_name);
    expect((await portalOf(asX)).body.pendingChanges.map((p) => p.id)).toEqual([request.id]);
    // Another member can neither withdraw it nor confirm it; a clerk of another organization cannot see or decide it.
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/change-requests/${request.id}`, headers: { authorization: asY } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/change-requests/${request.id}/confirm`, headers: { authorization: asY } })).statusCode).toBe(403);
    const chiba = await staffActor(t, 'chiba-clerk@kyodo.example');
    const asChiba = await t.bearer({ id: chiba.userId, organizationId: chiba.organizationId });
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/change-requests/${request.id}/confirm`, headers: { authorization: asChiba } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/organizations/${x.organizationId}/change-requests`, headers: { authorization: asChiba } })).statusCode).toBe(403);
    // The clerk's list shows it with the record as it is; confirming applies it.
    const list = await t.app.inject({ url: `/api/v1/organizations/${x.organizationId}/change-requests?status=pending`, headers: { authorization: adminAuth } });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: { id: string; memberNumber: string; current: { familyName: string } }[] }>().items).toMatchObject([{ id: request.id, memberNumber: x.memberNumber, current: { familyName: before.family_name } }]);
    const confirmed = await t.app.inject({ method: 'POST', url: `/api/v1/change-requests/${request.id}/confirm`, headers: { authorization: adminAuth } });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const after = await t.ctx.db.selectFrom('people').selectAll().where('id', '=', x.personId).executeTakeFirstOrThrow();
    expect({ family_name: after.family_name, family_kana: after.family_kana, postal_code: after.postal_code, given_name: after.given_name }).toEqual({
      family_name: '新姓', family_kana: 'シンセイ', postal_code: '1700013', given_name: before.given_name,
    });
    expect(Number(after.version)).toBe(Number(before.version) + 1);
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'person').where('entity_id', '=', x.personId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.actor_user_id).toBe(admin.userId);
    expect(JSON.parse(audit.before_json!)).toMatchObject({ familyName: before.family_name });
    // The registry search finds the new name.
    const search = await t.app.inject({ url: `/api/v1/organizations/${x.organizationId}/members?q=${encodeURIComponent('シンセイ')}`, headers: { authorization: adminAuth } });
    expect(search.body).toContain(x.memberNumber);
    // Decided once only.
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/change-requests/${request.id}/confirm`, headers: { authorization: adminAuth } })).json()).toMatchObject({ code: 'change_request_decided' });

    // A rejected request leaves the record as it was.
    const second = (await t.app.inject({ method: 'POST', url: '/api/v1/me/change-requests', headers: { authorization: asX }, payload: { address: '東京都豊島区東池袋1-1' } })).json<{ id: string }>();
    const rejected = await t.app.inject({ method: 'POST', url: `/api/v1/change-requests/${second.id}/reject`, headers: { authorization: adminAuth }, payload: { reason: '住民票と一致しません' } });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '住民票と一致しません' });
    expect((await t.ctx.db.selectFrom('people').select('address').where('id', '=', x.personId).executeTakeFirstOrThrow()).address).toBe(after.address);
    expect((await portalOf(asX)).body.pendingChanges).toEqual([]);

    // A member withdraws their own; a request that changes nothing is refused.
    const third = (await t.app.inject({ method: 'POST', url: '/api/v1/me/change-requests', headers: { authorization: asX }, payload: { givenName: '新名' } })).json<{ id: string }>();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/me/change-requests/${third.id}`, headers: { authorization: asX } })).statusCode).toBe(204);
    const row = await t.ctx.db.selectFrom('contact_change_requests').select('status').where('id', '=', third.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('withdrawn');
    const nothing = await t.app.inject({ method: 'POST', url: '/api/v1/me/change-requests', headers: { authorization: asX }, payload: { familyName: '新姓' } });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json()).toMatchObject({ code: 'no_changes' });
    const badKana = await t.app.inject({ method: 'POST', url: '/api/v1/me/change-requests', headers: { authorization: asX }, payload: { familyKana: 'abc' } });
    expect(badKana.statusCode).toBe(400);
  });
});
