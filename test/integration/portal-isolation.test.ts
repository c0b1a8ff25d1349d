import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribeShares } from '../../src/app/capital/capital-movements.js';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { appointProxy } from '../../src/app/governance/voting.js';
import { newId } from '../../src/app/shared/context.js';
import type { Actor } from '../../src/domain/access/policy.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A member can never see or change another member's data through any route: member X walks every route and method of
 * the OpenAPI document with each path parameter filled with member Y's ids, and no answer may carry anything that
 * identifies Y, nor may anything of Y's change.
 */

/** Y's identifying values: set on Y's record so that no other value in the demo can match them by chance. */
const yIdentity = { family_name: '乙野', given_name: '秘子', family_kana: 'オツノ', given_kana: 'ヒミツコ', email: 'y.secret@kyodo.example', address: '秘密町九丁目', postal_code: '9990999' };

interface YData {
  organizationId: string; userId: string; personId: string; membershipId: string; memberNumber: string; meetingId: string; openMotionId: string; closedMotionId: string;
  closingId: string; documentId: string; participantId: string; consentId: string; changeRequestId: string; tokenId: string; entryId: string; workRecordId: string;
  siteId: string; receipt: string;
}

/** The value for a path parameter, aimed at Y. */
function fill(path: string, y: YData): string {
  const byName: Record<string, string> = {
    membershipId: y.membershipId, personId: y.personId, meetingId: y.meetingId, motionId: y.openMotionId, closingId: y.closingId, documentId: y.documentId,
    consentId: y.consentId, userId: y.userId, entryId: y.entryId, recordId: y.workRecordId, siteId: y.siteId, receipt: y.receipt, period: '2026-10', followUpId: y.consentId,
    participantId: y.participantId, batchId: y.membershipId,
  };
  const idFor = (p: string): string => {
    if (p.startsWith('/api/v1/organizations/')) return y.organizationId;
    if (p.startsWith('/api/v1/participants/')) return y.participantId;
    if (p.includes('change-requests/')) return y.changeRequestId;
    if (p.startsWith('/api/v1/users/')) return y.userId;
    if (p.startsWith('/api/v1/tokens/')) return y.tokenId;
    if (p.includes('/passkeys/')) return y.tokenId;
    return y.membershipId;
  };
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(name === 'id' ? idFor(path) : byName[name] ?? y.membershipId));
}

/** Bodies that aim a write squarely at Y where an empty body would stop at validation. */
function bodyFor(key: string, y: YData, xPersonId: string, personVersion: number): { body?: unknown; query?: string } {
  const bodies: Record<string, { body?: unknown; query?: string }> = {
    'PATCH /api/v1/memberships/{membershipId}/person': { body: { version: personVersion, phone: '000-0000-0000', familyName: '乗取' } },
    'POST /api/v1/memberships/{membershipId}/events': { body: { type: 'die', effectiveDate: '2026-11-01' } },
    'POST /api/v1/memberships/{membershipId}/capital/payments': { body: { date: '2026-11-01', amount: 1, method: 'bank' } },
    'POST /api/v1/memberships/{membershipId}/capital/subscriptions': { body: { date: '2026-11-01', shares: 1 } },
    'POST /api/v1/memberships/{membershipId}/capital/withdrawals': { body: { date: '2026-11-01', shares: 1 } },
    'POST /api/v1/meetings/{meetingId}/proxies': { body: { grantorPersonId: y.personId, holderPersonId: xPersonId } },
    'DELETE /api/v1/meetings/{meetingId}/proxies': { query: `grantorPersonId=${y.personId}` },
    'POST /api/v1/motions/{motionId}/ballots': { body: { choice: 'for', forPersonId: y.personId } },
    'POST /api/v1/motions/{motionId}/written-ballots': { body: { personId: y.personId, choice: 'for' } },
    'POST /api/v1/meetings/{meetingId}/attendance': { body: { personId: y.personId, mode: 'in_person' } },
    'POST /api/v1/change-requests/{id}/reject': { body: { reason: 'taken over' } },
    'PUT /api/v1/participants/{id}/person': { body: { personId: xPersonId } },
    'POST /api/v1/participants/{id}/consents/{consentId}/withdraw': { body: { withdrawnOn: '2026-11-01' } },
    'POST /api/v1/organizations/{id}/engagements': { body: { personId: y.personId, engagement: { startedOn: '2026-04-01' } } },
    'PATCH /api/v1/work-records/{recordId}': { body: { version: 1, minutes: 1 } },
    'PATCH /api/v1/users/{id}': { body: { displayName: 'taken over' } },
  };
  return bodies[key] ?? {};
}

describe.each(dialects)('member isolation over every OpenAPI route (%s)', (dialect) => {
  let t: TestApp;
  let y: YData;
  let xPersonId: string;
  let asX: string;
  let routes: { method: string; path: string }[];

  /** Everything of Y's that a write could touch, read straight from the database. */
  const snapshotOfY = async () => {
    const db = t.ctx.db;
    const [person, memberships, events, lines, work, votes, proxies, requests, participants, consents, user, tokens, attendance, engagements] = await Promise.all([
      db.selectFrom('people').selectAll().where('id', '=', y.personId).execute(),
      db.selectFrom('memberships').select(['id', 'status', 'version']).where('person_id', '=', y.personId).execute(),
      db.selectFrom('membership_events').select(['id']).where('membership_id', '=', y.membershipId).execute(),
      db.selectFrom('journal_lines').select(['entry_id', 'line_no']).where('membership_id', '=', y.membershipId).orderBy('entry_id').orderBy('line_no').execute(),
      db.selectFrom('work_records').select(['id', 'status', 'version', 'minutes']).where('person_id', '=', y.personId).orderBy('id').execute(),
      db.selectFrom('votes_cast').select(['motion_id', 'channel']).where('person_id', '=', y.personId).orderBy('motion_id').execute(),
      db.selectFrom('proxies').selectAll().where((eb) => eb.or([eb('grantor_person_id', '=', y.personId), eb('holder_person_id', '=', y.personId)])).orderBy('meeting_id').execute(),
      db.selectFrom('contact_change_requests').select(['id', 'status', 'changes_json']).where('person_id', '=', y.personId).execute(),
      db.selectFrom('participants').select(['id', 'person_id', 'version', 'status', 'erased_at']).where('id', '=', y.participantId).execute(),
      db.selectFrom('participant_consents').select(['id', 'withdrawn_on']).where('participant_id', '=', y.participantId).execute(),
      db.selectFrom('users').select(['email', 'display_name', 'disabled_at', 'locale', 'role', 'person_id']).where('id', '=', y.userId).execute(),
      db.selectFrom('api_tokens').select(['id', 'name', 'revoked_at']).where('user_id', '=', y.userId).execute(),
      db.selectFrom('attendance').select(['meeting_id', 'mode']).where('person_id', '=', y.personId).execute(),
      db.selectFrom('engagements').select(['id', 'version']).where('person_id', '=', y.personId).execute(),
    ]);
    return JSON.parse(JSON.stringify({ person, memberships, events, lines, work, votes, proxies, requests, participants, consents, user, tokens, attendance, engagements })) as unknown;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await loadDemo(t.ctx, 'demo password 1234');
    const db = t.ctx.db;
    const accountOf = (email: string) => db.selectFrom('users').innerJoin('memberships as m', (join) => join.onRef('m.person_id', '=', 'users.person_id').onRef('m.organization_id', '=', 'users.organization_id'))
      .select(['users.id', 'users.email', 'users.role', 'users.organization_id', 'users.person_id', 'm.id as membership_id', 'm.member_number']).where('users.email', '=', email).executeTakeFirstOrThrow();
    const x = await accountOf('member1@kyodo.example');
    const yAccount = await accountOf('member2@kyodo.example');
    const third = await accountOf('member3@kyodo.example');
    xPersonId = x.person_id!;
    const yPersonId = yAccount.person_id!;
    await db.updateTable('people').set(yIdentity).where('id', '=', yPersonId).execute();
    const adminRow = await db.selectFrom('users').selectAll().where('email', '=', 'center-admin@kyodo.example').executeTakeFirstOrThrow();
    const admin: Actor = { userId: adminRow.id, email: adminRow.email, role: 'org-admin', organizationId: adminRow.organization_id };
    const yActor: Actor = { userId: yAccount.id, email: yAccount.email, role: 'member', organizationId: yAccount.organization_id, personId: yPersonId };
    const organizationId = yAccount.organization_id!;
    // Y's capital, Y's proxy to member3 in the convened meeting, Y's pending change request, a participant linked to Y.
    const [, payment] = await subscribeShares(t.ctx, admin, yAccount.membership_id, { date: '2026-04-01', shares: 3, description: null, firstPayment: { amount: 30_000, method: 'bank', founding: false } });
    const convened = await db.selectFrom('meetings').select('id').where('status', '=', 'convened').where('organization_id', '=', organizationId).executeTakeFirstOrThrow();
    await appointProxy(t.ctx, yActor, convened.id, { holderPersonId: third.person_id! });
    const openMotion = await db.selectFrom('motions').select('id').where('meeting_id', '=', convened.id).where('status', '=', 'open').executeTakeFirstOrThrow();
    const closedMotion = await db.selectFrom('motions').innerJoin('meetings', 'meetings.id', 'motions.meeting_id').select(['motions.id'])
      .where('motions.status', '=', 'closed').where('meetings.organization_id', '=', organizationId).executeTakeFirstOrThrow();
    const receipt = await db.selectFrom('ballots').select('receipt').where('motion_id', '=', closedMotion.id).executeTakeFirstOrThrow();
    const closing = await db.selectFrom('surplus_dividends').select('closing_id').where('membership_id', '=', yAccount.membership_id).executeTakeFirstOrThrow();
    const documentId = newId();
    await db.insertInto('meeting_documents').values({
      id: documentId, meeting_id: convened.id, file_name: '総会資料.pdf', content_type: 'application/pdf', size: 10, content: Buffer.from('%PDF-1.4 y'), uploaded_at: '2026-11-01T00:00:00Z', uploaded_by: null,
    }).execute();
    const contract = await db.selectFrom('programme_contracts as k').innerJoin('contract_sites as s', 's.contract_id', 'k.id').select(['k.id', 's.site_id'])
      .where('k.organization_id', '=', organizationId).executeTakeFirstOrThrow();
    const participantId = newId();
    await db.insertInto('participants').values({
      id: participantId, organization_id: organizationId, contract_id: contract.id, site_id: contract.site_id, reference: 'P-Y-1', intake_on: '2025-05-01', age_band: '20-24',
      status: 'active', closed_on: null, person_id: yPersonId, sealed: null, erased_at: null, erasure_reason: null, version: 1, created_at: '2025-05-01T00:00:00Z', updated_at: '2025-05-01T00:00:00Z',
    }).execute();
    const consentId = newId();
    await db.insertInto('participant_consents').values({
      id: consentId, participant_id: participantId, purpose: 'registry-link', method: 'written', given_on: '2025-05-01', withdrawn_on: null, recorded_by: null, created_at: '2025-05-01T00:00:00Z',
    }).execute();
    const asY = await t.bearer({ id: yAccount.id, organizationId });
    const requested = await t.app.inject({ method: 'POST', url: '/api/v1/me/change-requests', headers: { authorization: asY }, payload: { address: '秘密町十丁目' } });
    expect(requested.statusCode, requested.body).toBe(201);
    const token = await db.selectFrom('api_tokens').select('id').where('user_id', '=', yAccount.id).executeTakeFirstOrThrow();
    const workRecord = await db.selectFrom('work_records').select('id').where('person_id', '=', yPersonId).orderBy('work_date', 'desc').executeTakeFirstOrThrow();
    y = {
      organizationId, userId: yAccount.id, personId: yPersonId, membershipId: yAccount.membership_id, memberNumber: yAccount.member_number, meetingId: convened.id,
      openMotionId: openMotion.id, closedMotionId: closedMotion.id, closingId: closing.closing_id, documentId, participantId, consentId,
      changeRequestId: requested.json<{ id: string }>().id, tokenId: token.id, entryId: payment!.id, workRecordId: workRecord.id, siteId: contract.site_id, receipt: receipt.receipt,
    };
    asX = await t.bearer({ id: x.id, organizationId: x.organization_id });
    const spec = (await t.app.inject({ url: '/api/v1/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
  });
  afterAll(() => t.close());

  it("answers member X nothing that identifies member Y, on any route and method, and changes nothing of Y's", async () => {
    expect(routes.length).toBeGreaterThan(100);
    const person = await t.ctx.db.selectFrom('people').select('version').where('id', '=', y.personId).executeTakeFirstOrThrow();
    const before = await snapshotOfY();
    const secrets = [...Object.values(yIdentity), y.memberNumber, 'member2@kyodo.example', '秘密町十丁目', y.personId, y.membershipId, y.userId];
    const leaks: string[] = [];
    const succeeded: string[] = [];
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      const { body, query } = bodyFor(key, y, xPersonId, Number(person.version));
      const url = fill(path, y) + (query ? `?${query}` : '');
      const payload = body ?? (['POST', 'PUT', 'PATCH'].includes(method) ? {} : undefined);
      const response = await t.app.inject({ method: method as 'GET', url, headers: { authorization: asX }, ...(payload === undefined ? {} : { payload: payload as object }) });
      // By design a voter finds the other voters of their meeting by number or name to choose a proxy (代理人):
      // that route shows a fellow voter's name and member number, and nothing else of theirs.
      const shownByDesign = key === 'GET /api/v1/meetings/{meetingId}/voters' ? [yIdentity.family_name, yIdentity.given_name, y.memberNumber, y.personId] : [];
      for (const secret of secrets) if (response.body.includes(secret) && !shownByDesign.includes(secret)) leaks.push(`${key} (${response.statusCode}) revealed ${secret}`);
      if (response.statusCode < 300 && path.includes('{')) succeeded.push(`${key} ${response.statusCode}`);
    }
    expect(leaks).toEqual([]);
    // Of the routes aimed at Y's ids, only those that read what the member may see anyway answer (the motion's
    // own published facts, the meeting's notice and documents a voter of the meeting reads).
    expect(succeeded.filter((s) => !/^(GET \/api\/v1\/(meetings\/\{meetingId\}\/(notice\.pdf|invitation\.ics|voters)|meeting-documents\/\{documentId\}|motions\/\{motionId\}\/(tally|receipts\/\{receipt\})))/.test(s))).toEqual([]);
    expect(await snapshotOfY()).toEqual(before);
  });

  it('still lets Y see their own data afterwards (the walk did not merely break everything)', async () => {
    const asY = await t.bearer({ id: y.userId, organizationId: y.organizationId });
    const portal = await t.app.inject({ url: '/api/v1/me/portal', headers: { authorization: asY } });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain(y.memberNumber);
    expect(portal.body).toContain('乙野');
    expect(portal.json<{ pendingChanges: { id: string }[] }>().pendingChanges.map((p) => p.id)).toEqual([y.changeRequestId]);
  });
});
