import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/app/audit/record-audit.js';
import { addKey, keyedDigest, unseal } from '../../src/app/crypto/keyring.js';
import { keysOfLiveCodes } from '../../src/app/portal/one-time-codes.js';
import { codesFromBytes } from '../../src/domain/portal/one-time-code.js';
import {
  createInvitationBatch, failInterruptedBatches, invitationBatchSettled, purgeExpiredLetters, runInvitationBatch, takeInvitationLetters, type InvitationDeps,
} from '../../src/app/portal/invitations.js';
import { registerMember } from '../../src/app/members/register-member.js';
import type { User } from '../../src/app/accounts/users.js';
import { actorFor, buildPersonFields, buildTenants, createTestUser, testPassword } from '../factories.js';
import { dialects } from '../support/databases.js';
import { pdfScratch, pdfText, popplerAvailable } from '../support/poppler.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const poppler = popplerAvailable('invitations: sign-in letters');
const codePattern = /[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}/g;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

/** The pages of the letters, each with its member number and code read back as a person would. */
function lettersOf(pdf: Buffer): { memberNumber: string; code: string; text: string }[] {
  return pdfText(pdf).split('\f').filter((page) => page.trim()).map((text) => ({
    memberNumber: /(?:組合員番号|Member number)\s+(\S+)/.exec(text)![1]!,
    code: text.match(codePattern)![0]!,
    text,
  }));
}

describe.skipIf(!poppler).each(dialects)('member invitations, letters and code sign-in (%s)', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let clerkA: { cookie: string; csrf: string };
  let clerkB: User;
  const members: Record<string, { membershipId: string; personId: string }> = {};
  /** Codes read from letters and e-mails, by member number. */
  const codes: Record<string, string> = {};
  let batchId: string;
  const scratch = pdfScratch('invitations');
  const partsOf = (id: string) => t.ctx.db.selectFrom('invitation_letter_parts').selectAll().where('batch_id', '=', id).orderBy('part').execute();
  const deps: InvitationDeps = { mail: { mailer: null, from: 'office@coop.example' }, signInUrl: 'https://kyodo.example.jp/sign-in/code' };
  /** A batch of letters for orgA's members, run here (not in the background), its PDF also returned. */
  const runLetters = async (partBytes: number) => {
    const { batchId: id } = await createInvitationBatch(t.ctx, actorFor(tenants.users.clerkA), systemActor('test'), deps, tenants.orgA.id, { channel: 'letter', language: 'ja' }, { keepLetters: true });
    const pdf = await runInvitationBatch(t.ctx, deps, id, { keepLetters: true, partBytes });
    return { id, pdf: pdf! };
  };

  const post = (url: string, payload: object, auth: { cookie: string; csrf: string } | null) =>
    t.app.inject({ method: 'POST', url, payload, headers: auth ? { cookie: auth.cookie, 'x-csrf-token': auth.csrf } : {} });
  const codeSignIn = (code: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/code-sign-in', payload: { code } });
  const reprint = async (number: string, language?: 'ja' | 'en') => {
    const response = await post(`/api/v1/memberships/${members[number]!.membershipId}/invitations/letter`, language ? { language } : {}, clerkA);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    return response.rawPayload;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer({ refuse: (address) => address.startsWith('nobody') });
    t = await createTestApp(dialect, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://kyodo.example.jp/' });
    tenants = await buildTenants(t.ctx);
    clerkB = await createTestUser(t.ctx, 'clerk', tenants.orgB.id);
    const people = {
      'A-0001': buildPersonFields({ familyName: '髙橋', givenName: '和子', email: 'kazuko@coop.example' }),
      'A-0002': buildPersonFields({ familyName: '佐藤', givenName: '一郎' }),
      'A-0003': buildPersonFields({ familyName: 'Santos', givenName: 'Maria' }),
      'A-0004': buildPersonFields({ familyName: '鈴木', givenName: '花子', email: 'nobody@coop.example' }),
    };
    for (const [memberNumber, person] of Object.entries(people)) {
      const registered = await registerMember(t.ctx, actorFor(tenants.users.orgAdminA), tenants.orgA.id, { person, memberNumber, kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01' });
      members[memberNumber] = { membershipId: registered.membership.id, personId: registered.person.id };
    }
    clerkA = await t.signIn(tenants.users.clerkA.email);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('invites by e-mail where the registry has an address and by letter otherwise, reporting progress, and hands the letters over once', async () => {
    const started = await post(`/api/v1/organizations/${tenants.orgA.id}/invitations`, { channel: 'auto', language: 'member' }, clerkA);
    expect(started.statusCode).toBe(202);
    batchId = started.json<{ batchId: string }>().batchId;
    await invitationBatchSettled(batchId);
    const batch = await t.app.inject({ url: `/api/v1/invitation-batches/${batchId}`, headers: { cookie: clerkA.cookie } });
    // The refused address (nobody@) gets a letter instead.
    expect(batch.json()).toMatchObject({ id: batchId, status: 'done', total: 4, done: 4, emailed: 1, lettered: 3, lettersReady: true, error: null });

    const [mail] = await smtp.waitFor(1);
    expect(mail!.envelope.to).toEqual(['kazuko@coop.example']);
    expect(mail!.parsed.subject).toContain('マイページ');
    expect(mail!.parsed.text).toContain('https://kyodo.example.jp/sign-in/code');
    codes['A-0001'] = mail!.parsed.text!.match(codePattern)![0]!;

    const letters = await t.app.inject({ url: `/api/v1/invitation-batches/${batchId}/letters.pdf`, headers: { cookie: clerkA.cookie } });
    expect(letters.statusCode).toBe(200);
    expect(letters.headers['content-type']).toBe('application/pdf');
    scratch.saved(letters.rawPayload);
    expect(pageCount(letters.rawPayload)).toBe(3);
    const pages = lettersOf(letters.rawPayload);
    expect(pages.map((p) => p.memberNumber)).toEqual(['A-0002', 'A-0003', 'A-0004']);
    const loginPrefix = tenants.orgA.code.toLowerCase();
    expect(pages[0]!.text).toContain('佐藤 一郎 様');
    expect(pages[0]!.text).toContain(`${loginPrefix}-a-0002`);
    expect(pages[0]!.text).toContain('https://kyodo.example.jp/sign-in/code');
    expect(pages[1]!.text).toContain('Santos Maria 様');
    expect(pages[2]!.text).toContain('鈴木 花子 様');
    for (const page of pages) codes[page.memberNumber] = page.code;
    expect(new Set(Object.values(codes)).size).toBe(4);
    // Read to the end: no part of the letters is left in the database.
    expect(await partsOf(batchId)).toEqual([]);

    const again = await t.app.inject({ url: `/api/v1/invitation-batches/${batchId}/letters.pdf`, headers: { cookie: clerkA.cookie } });
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ code: 'letters_gone' });
    const after = await t.app.inject({ url: `/api/v1/invitation-batches/${batchId}`, headers: { cookie: clerkA.cookie } });
    expect(after.json()).toMatchObject({ lettersReady: false, lettersExpireAt: null });
  });

  it('keeps only a keyed digest of each code: no code can be read from the database, nor tried against it without the key', async () => {
    const rows = await t.ctx.db.selectFrom('member_invitations').selectAll().where('batch_id', '=', batchId).orderBy('created_at').execute();
    const digest = (code: string) => keyedDigest(t.ctx.keyring!, code.replaceAll('-', ''), 'one-time-code');
    expect(rows.map((r) => r.code_hash).sort()).toEqual(expect.arrayContaining(Object.values(codes).map(digest)));
    for (const row of rows) {
      expect(row.code_hash.startsWith(`kh1.${t.ctx.keyring!.activeId}.`)).toBe(true);
      // Not the plain hash of any code: a copy of the database alone does not let anyone check a guess.
      expect(Object.values(codes).map((code) => sha256(code.replaceAll('-', '')))).not.toContain(row.code_hash);
    }
    const e = rows.find((r) => r.code_hash === digest(codes['A-0001']!))!;
    const l = rows.find((r) => r.code_hash === digest(codes['A-0002']!))!;
    expect(e.channel).toBe('email');
    expect(l.channel).toBe('letter');
    expect(Date.parse(e.expires_at) - Date.parse(e.created_at)).toBe(14 * 86_400_000);
    expect(Date.parse(l.expires_at) - Date.parse(l.created_at)).toBe(60 * 86_400_000);

    const tables = await Promise.all((['member_invitations', 'invitation_batches', 'audit_log', 'users'] as const).map((table) => t.ctx.db.selectFrom(table).selectAll().execute()));
    const dump = JSON.stringify(tables);
    let raw = '';
    if (dialect === 'sqlite') {
      const { rows: files } = await sql<{ file: string }>`pragma database_list`.execute(t.ctx.db);
      const file = files.find((f) => f.file)!.file;
      raw = [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1')).join('');
      expect(raw.length).toBeGreaterThan(10_000);
    }
    for (const code of Object.values(codes)) {
      for (const form of [code, code.replaceAll('-', '')]) {
        expect(dump).not.toContain(form);
        expect(raw).not.toContain(form);
      }
    }
  });

  it('signs in with a code once, making the member account; a second code for the same member signs into the same account', async () => {
    const first = await codeSignIn(codes['A-0002']!.toLowerCase().replaceAll('-', ' '));
    expect(first.statusCode).toBe(200);
    const loginId = `${tenants.orgA.code.toLowerCase()}-a-0002`;
    const body = first.json<{ user: { id: string; role: string; email: string; personId: string; organizationId: string }; mustSetPassword: boolean }>();
    expect(body).toMatchObject({ mustSetPassword: true, user: { role: 'member', email: `${loginId}@members.invalid`, personId: members['A-0002']!.personId, organizationId: tenants.orgA.id } });
    expect(first.cookies.find((c) => c.name === 'kyodo_session')).toBeDefined();

    const reused = await codeSignIn(codes['A-0002']!);
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'invalid_code' });

    const [page] = lettersOf(await reprint('A-0002'));
    const second = await codeSignIn(page!.code);
    expect(second.statusCode).toBe(200);
    expect(second.json<{ user: { id: string } }>().user.id).toBe(body.user.id);
    const accounts = await t.ctx.db.selectFrom('users').select(['id', 'login_id']).where('person_id', '=', members['A-0002']!.personId).execute();
    expect(accounts).toEqual([{ id: body.user.id, login_id: loginId }]);

    // The member with an address gets it as their account's e-mail.
    const mailed = await codeSignIn(codes['A-0001']!);
    expect(mailed.json()).toMatchObject({ user: { email: 'kazuko@coop.example', role: 'member' } });
  });

  it('revokes the old letter when a new one is printed', async () => {
    const [page] = lettersOf(await reprint('A-0003', 'en'));
    expect(page!.text).toContain('One-time sign-in code');
    expect(page!.text).toContain('Dear Santos Maria,');
    expect(page!.code).not.toBe(codes['A-0003']);
    const old = await codeSignIn(codes['A-0003']!);
    expect(old.statusCode).toBe(401);
    expect(old.json()).toMatchObject({ code: 'invalid_code' });
    expect((await codeSignIn(page!.code)).statusCode).toBe(200);
  });

  it('refuses an expired code', async () => {
    await t.ctx.db.updateTable('member_invitations').set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('code_hash', '=', keyedDigest(t.ctx.keyring!, codes['A-0004']!.replaceAll('-', ''), 'one-time-code')).execute();
    const expired = await codeSignIn(codes['A-0004']!);
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ code: 'invalid_code' });
  });

  it('finds a code digested under a key a rotation has since replaced, and one kept as a plain hash before digests were keyed', async () => {
    const [page] = lettersOf(await reprint('A-0003'));
    const before = t.ctx.keyring!;
    try {
      // A rotation makes a new key active; the letter printed under the old one must still work until it expires.
      t.ctx.keyring = addKey(before);
      const live = async () => (await keysOfLiveCodes(t.ctx, [before.activeId, t.ctx.keyring!.activeId])).get(before.activeId) ?? 0;
      const held = await live();
      expect(held).toBeGreaterThanOrEqual(1);
      expect((await codeSignIn(page!.code)).statusCode).toBe(200);
      // Used, the code no longer holds the old key.
      expect(await live()).toBe(held - 1);

      // A code issued before this change kept its plain SHA-256; it is still found (until it expires).
      const [legacy] = codesFromBytes(1, (size) => randomBytes(size));
      const template = await t.ctx.db.selectFrom('member_invitations').selectAll().where('membership_id', '=', members['A-0003']!.membershipId).executeTakeFirstOrThrow();
      await t.ctx.db.insertInto('member_invitations').values({
        ...template, id: `legacy-${Date.now()}`, batch_id: null, code_hash: sha256(legacy!), used_at: null, revoked_at: null,
        expires_at: new Date(Date.now() + 86_400_000).toISOString(),
      }).execute();
      expect((await codeSignIn(legacy!)).statusCode).toBe(200);
      expect((await codeSignIn(legacy!)).statusCode).toBe(401);
    } finally {
      t.ctx.keyring = before;
    }
  });

  it('lets the code session set the first password, then the member signs in with the login id', async () => {
    const [page] = lettersOf(await reprint('A-0004'));
    const signedIn = await codeSignIn(page!.code);
    const session = { cookie: `kyodo_session=${signedIn.cookies.find((c) => c.name === 'kyodo_session')!.value}`, csrf: signedIn.json<{ csrfToken: string }>().csrfToken };
    const put = (payload: object, auth: { cookie: string; csrf: string }) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/me/password', payload, headers: { cookie: auth.cookie, 'x-csrf-token': auth.csrf } });
    expect((await put({ newPassword: 'short' }, session)).json()).toMatchObject({ code: 'weak_password' });
    expect((await put({ newPassword: 'a long password for hanako' }, session)).statusCode).toBe(204);
    // The session stays open; a second password needs the current one.
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: session.cookie } })).statusCode).toBe(200);
    const second = await put({ newPassword: 'another long password' }, session);
    expect(second.statusCode).toBe(400);
    expect(second.json()).toMatchObject({ code: 'current_password_required' });
    // Nor may staff drop the current password from their own change.
    expect((await put({ newPassword: 'another long password' }, clerkA)).json()).toMatchObject({ code: 'current_password_required' });

    const loginId = `${tenants.orgA.code.toLowerCase()}-a-0004`;
    const byLogin = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login: loginId.toUpperCase(), password: 'a long password for hanako' } });
    expect(byLogin.statusCode).toBe(200);
    // The registry's address (which refused the e-mail) is the account's e-mail all the same; the login id works too.
    expect(byLogin.json()).toMatchObject({ user: { role: 'member', email: 'nobody@coop.example' } });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login: loginId, password: 'not the password at all' } });
    expect(wrong.statusCode).toBe(401);
    // Staff still sign in by e-mail, in either field.
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login: tenants.users.clerkA.email, password: testPassword } })).statusCode).toBe(200);
    const neither = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { password: testPassword } });
    expect(neither.statusCode).toBe(400);
    expect(neither.json()).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'email', code: 'required' })] });

    // Forgotten password: the office prints a new letter; its code ends the old password and every session.
    const byLoginCookie = `kyodo_session=${byLogin.cookies.find((c) => c.name === 'kyodo_session')!.value}`;
    const [renewed] = lettersOf(await reprint('A-0004'));
    const recovered = await codeSignIn(renewed!.code);
    expect(recovered.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/session', headers: { cookie: byLoginCookie } })).statusCode).toBe(401);
    const oldPassword = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login: loginId, password: 'a long password for hanako' } });
    expect(oldPassword.statusCode).toBe(401);
    const recoveredSession = { cookie: `kyodo_session=${recovered.cookies.find((c) => c.name === 'kyodo_session')!.value}`, csrf: recovered.json<{ csrfToken: string }>().csrfToken };
    expect((await put({ newPassword: 'a new password for hanako' }, recoveredSession)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { login: loginId, password: 'a new password for hanako' } })).statusCode).toBe(200);
  });

  it("writes each member's letter in their account's language, and deletes letters not downloaded within a day", async () => {
    // Santos Maria (A-0003) signed in with a code above; her account is switched to English.
    const [page] = lettersOf(await reprint('A-0003'));
    const signedIn = await codeSignIn(page!.code);
    const cookie = `kyodo_session=${signedIn.cookies.find((c) => c.name === 'kyodo_session')!.value}`;
    const patched = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', payload: { locale: 'en' }, headers: { cookie, 'x-csrf-token': signedIn.json<{ csrfToken: string }>().csrfToken } });
    expect(patched.statusCode).toBe(200);

    const started = await post(`/api/v1/organizations/${tenants.orgA.id}/invitations`, {
      membershipIds: [members['A-0002']!.membershipId, members['A-0003']!.membershipId], channel: 'letter', language: 'member',
    }, clerkA);
    const id = started.json<{ batchId: string }>().batchId;
    await invitationBatchSettled(id);
    const batch = await t.app.inject({ url: `/api/v1/invitation-batches/${id}`, headers: { cookie: clerkA.cookie } });
    expect(batch.json()).toMatchObject({ status: 'done', total: 2, done: 2, emailed: 0, lettered: 2, lettersReady: true });
    const letters = await t.app.inject({ url: `/api/v1/invitation-batches/${id}/letters.pdf`, headers: { cookie: clerkA.cookie } });
    const [sato, santos] = lettersOf(letters.rawPayload);
    expect(sato!.text).toContain('初回ログインコード');
    expect(santos!.text).toContain('Dear Santos Maria,');
    expect(santos!.text).toContain('One-time sign-in code');

    const unclaimed = await post(`/api/v1/organizations/${tenants.orgA.id}/invitations`, { membershipIds: [members['A-0002']!.membershipId], channel: 'letter', language: 'ja' }, clerkA);
    const unclaimedId = unclaimed.json<{ batchId: string }>().batchId;
    await invitationBatchSettled(unclaimedId);
    await t.ctx.db.updateTable('invitation_batches').set({ letters_expire_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', unclaimedId).execute();
    const late = await t.app.inject({ url: `/api/v1/invitation-batches/${unclaimedId}/letters.pdf`, headers: { cookie: clerkA.cookie } });
    expect(late.json()).toMatchObject({ code: 'letters_gone' });
    expect(await purgeExpiredLetters(t.ctx)).toBe(1);
    const row = await t.ctx.db.selectFrom('invitation_batches').select(['letters_sealed', 'letters_parts', 'letters_expire_at']).where('id', '=', unclaimedId).executeTakeFirstOrThrow();
    expect(row).toEqual({ letters_sealed: null, letters_parts: null, letters_expire_at: null });
    expect(await partsOf(unclaimedId)).toEqual([]);
  });

  it('fails a batch cut off by a stop of the server, deleting its half-drawn letters, and leaves one still moving alone', async () => {
    const create = () => createInvitationBatch(t.ctx, actorFor(tenants.users.clerkA), systemActor('test'), deps, tenants.orgA.id, { channel: 'letter', language: 'ja' }, { keepLetters: true });
    const { batchId: cutOff } = await create();
    const { batchId: moving } = await create();
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
    await t.ctx.db.updateTable('invitation_batches').set({ status: 'running', progress_at: minutesAgo(20) }).where('id', '=', cutOff).execute();
    await t.ctx.db.updateTable('invitation_batches').set({ status: 'running', progress_at: minutesAgo(1) }).where('id', '=', moving).execute();
    await t.ctx.db.insertInto('invitation_letter_parts').values({ batch_id: cutOff, part: 1, sealed: 'half a letter', bytes: 13 }).execute();

    expect(await failInterruptedBatches(t.ctx)).toBe(1);
    const shown = (await t.app.inject({ url: `/api/v1/invitation-batches/${cutOff}`, headers: { cookie: clerkA.cookie } })).json();
    expect(shown).toMatchObject({ status: 'failed', lettersReady: false });
    expect(shown.error).toMatch(/^interrupted/);
    expect(await partsOf(cutOff)).toEqual([]);
    expect((await t.ctx.db.selectFrom('invitation_batches').select('status').where('id', '=', moving).executeTakeFirstOrThrow()).status).toBe('running');
    expect(await failInterruptedBatches(t.ctx)).toBe(0);
    await t.ctx.db.updateTable('invitation_batches').set({ status: 'failed' }).where('id', '=', moving).execute();
  });

  it('refuses another organization\'s clerk (not found) and members (forbidden)', async () => {
    const member = await t.bearer(tenants.users.memberA);
    const other = await t.bearer(clerkB);
    const membershipId = members['A-0002']!.membershipId;
    for (const [authorization, expected] of [[other, [403, 404, 404, 404]], [member, [403, 403, 403, 403]]] as const) {
      const statuses = [
        (await t.app.inject({ method: 'POST', url: `/api/v1/organizations/${tenants.orgA.id}/invitations`, payload: { channel: 'letter', language: 'ja' }, headers: { authorization } })).statusCode,
        (await t.app.inject({ url: `/api/v1/invitation-batches/${batchId}`, headers: { authorization } })).statusCode,
        (await t.app.inject({ url: `/api/v1/invitation-batches/${batchId}/letters.pdf`, headers: { authorization } })).statusCode,
        (await t.app.inject({ method: 'POST', url: `/api/v1/memberships/${membershipId}/invitations/letter`, payload: {}, headers: { authorization } })).statusCode,
      ];
      expect(statuses).toEqual(expected);
    }
    const unknown = await post(`/api/v1/organizations/${tenants.orgA.id}/invitations`, { channel: 'letter', language: 'ja', membershipIds: ['nobody'] }, clerkA);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [expect.objectContaining({ field: 'membershipIds', code: 'not_found' })] });
  });

  it('limits wrong codes like passwords, with counters in the database', async () => {
    const limited = await createTestApp(dialect, { SIGN_IN_RATE_LIMIT: '3' });
    try {
      const statuses = [];
      for (const code of ['AAAA-AAAA-AAAA', 'BBBB-BBBB-BBBB', 'not a code', 'CCCC-CCCC-CCCC']) {
        statuses.push((await limited.app.inject({ method: 'POST', url: '/api/v1/auth/code-sign-in', payload: { code } })).statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await limited.app.inject({ method: 'POST', url: '/api/v1/auth/code-sign-in', payload: { code: 'DDDD-DDDD-DDDD' } });
      expect(refused.json()).toMatchObject({ code: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

      // Without a mail server, e-mail invitations are refused up front.
      const tenantsL = await buildTenants(limited.ctx);
      const admin = await limited.bearer(tenantsL.users.orgAdminA);
      const noMail = await limited.app.inject({ method: 'POST', url: `/api/v1/organizations/${tenantsL.orgA.id}/invitations`, payload: { channel: 'email', language: 'ja' }, headers: { authorization: admin } });
      expect(noMail.statusCode).toBe(422);
      expect(noMail.json()).toMatchObject({ code: 'mail_not_configured' });
    } finally {
      await limited.close();
    }
  });

  it('keeps the letters in sealed parts written as they are drawn, and streams them back in order, once', async () => {
    const { id, pdf } = await runLetters(8 * 1024);
    expect(pageCount(pdf)).toBe(4);
    const parts = await partsOf(id);
    expect(parts.length).toBe(Math.ceil(pdf.length / (8 * 1024)));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i + 1));
    expect(parts.slice(0, -1).every((p) => Number(p.bytes) === 8 * 1024)).toBe(true);
    expect(parts.reduce((sum, p) => sum + Number(p.bytes), 0)).toBe(pdf.length);
    // Each part opens only where it is stored: one moved to another place does not.
    const keyring = t.ctx.keyring!;
    expect(Buffer.from(unseal(keyring, parts[1]!.sealed, `invitation_letter_parts.sealed:${id}:2`), 'base64')).toEqual(pdf.subarray(8 * 1024, 2 * 8 * 1024));
    expect(() => unseal(keyring, parts[1]!.sealed, `invitation_letter_parts.sealed:${id}:1`)).toThrow(expect.objectContaining({ code: 'data_unreadable' }));
    expect((await t.app.inject({ url: `/api/v1/invitation-batches/${id}`, headers: { cookie: clerkA.cookie } })).json()).toMatchObject({ status: 'done', lettered: 4, lettersReady: true });

    // A HEAD request (a download manager's probe) does not take them.
    expect((await t.app.inject({ method: 'HEAD', url: `/api/v1/invitation-batches/${id}/letters.pdf`, headers: { cookie: clerkA.cookie } })).statusCode).toBe(404);
    const letters = await t.app.inject({ url: `/api/v1/invitation-batches/${id}/letters.pdf`, headers: { cookie: clerkA.cookie } });
    expect(letters.statusCode).toBe(200);
    expect(Number(letters.headers['content-length'])).toBe(pdf.length);
    expect(letters.rawPayload.equals(pdf)).toBe(true);
    expect(lettersOf(letters.rawPayload).map((p) => p.memberNumber)).toEqual(['A-0001', 'A-0002', 'A-0003', 'A-0004']);
    expect(await partsOf(id)).toEqual([]);
    expect((await t.app.inject({ url: `/api/v1/invitation-batches/${id}/letters.pdf`, headers: { cookie: clerkA.cookie } })).json()).toMatchObject({ code: 'letters_gone' });
  });

  it('takes the letters at the first download even when it is broken off; the purge deletes what was not read', async () => {
    const { id } = await runLetters(4 * 1024);
    const partCount = (await partsOf(id)).length;
    expect(partCount).toBeGreaterThan(2);
    const download = await takeInvitationLetters(t.ctx, actorFor(tenants.users.clerkA), id);
    const iterator = download.pdf[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect((first.value as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    download.pdf.destroy();
    await expect(takeInvitationLetters(t.ctx, actorFor(tenants.users.clerkA), id)).rejects.toMatchObject({ code: 'letters_gone' });
    expect((await t.app.inject({ url: `/api/v1/invitation-batches/${id}`, headers: { cookie: clerkA.cookie } })).json()).toMatchObject({ lettersReady: false });
    expect((await partsOf(id)).length).toBe(partCount);
    // Not yet a day: kept; after it, deleted.
    expect(await purgeExpiredLetters(t.ctx)).toBe(0);
    expect((await partsOf(id)).length).toBe(partCount);
    await t.ctx.db.updateTable('invitation_batches').set({ letters_expire_at: new Date(Date.now() - 1000).toISOString() }).where('id', '=', id).execute();
    expect(await purgeExpiredLetters(t.ctx)).toBe(1);
    expect(await partsOf(id)).toEqual([]);
  });

  it('writes the letters of `kyodo members invite --out` straight to the file, keeping none in the database', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-letters-')), 'letters.pdf');
    const { batchId: id } = await createInvitationBatch(t.ctx, null, systemActor('cli'), deps, tenants.orgA.id, { channel: 'letter', language: 'en' }, { keepLetters: false });
    const progress: number[] = [];
    const returned = await runInvitationBatch(t.ctx, deps, id, { keepLetters: false, outFile: out, onProgress: (done) => progress.push(done) });
    expect(returned).toBeNull();
    expect(progress).toEqual([4]);
    const pdf = fs.readFileSync(out);
    expect(lettersOf(pdf).map((p) => p.text.includes('One-time sign-in code'))).toEqual([true, true, true, true]);
    expect(await partsOf(id)).toEqual([]);
    expect((await t.ctx.db.selectFrom('invitation_batches').select(['letters_parts', 'letters_expire_at']).where('id', '=', id).executeTakeFirstOrThrow())).toEqual({ letters_parts: null, letters_expire_at: null });
  });
});
