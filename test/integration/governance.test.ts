import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, popplerAvailable } from '../support/poppler.js';
import { createUser } from '../../src/app/accounts/users.js';
import { systemActor } from '../../src/app/audit/record-audit.js';
import { noticeDelivered } from '../../src/app/governance/notice.js';
import { verifyPublishedTally } from '../../src/domain/governance/bulletin.js';
import { registerMember } from '../../src/app/members/register-member.js';
import { actorFor, buildTenants, testPassword } from '../factories.js';
import { dialects } from '../support/databases.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { kyodo } from '../support/cli.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Headers = Record<string, string>;

const pdftotextAvailable = popplerAvailable('the text of the minutes');
interface Member { membershipId: string; personId: string; email: string; headers?: Headers }

describe.each(dialects)('assemblies and ballots (%s)', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let clerk: Headers;
  let admin: Headers;
  const members: Member[] = [];
  let meetingId: string;
  const motion: Record<string, string> = {};

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    smtp = await startSmtpServer({ refuse: (address) => address.startsWith('nobody') });
    t = await createTestApp(dialect, { SMTP_URL: smtp.url, MAIL_FROM: '労協テスト <notice@coop.example>' });
    t.ctx.now = () => new Date('2027-05-20T01:00:00Z');
    tenants = await buildTenants(t.ctx);
    const clerkSession = await t.signIn(tenants.users.clerkA.email);
    clerk = { cookie: clerkSession.cookie, 'x-csrf-token': clerkSession.csrf };
    const adminSession = await t.signIn(tenants.users.orgAdminA.email);
    admin = { cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrf };
    for (let i = 1; i <= 8; i++) {
      const email = i === 8 ? 'nobody@coop.example' : `member${i}@coop.example`;
      const { membership, person } = await registerMember(t.ctx, actorFor(tenants.users.clerkA), tenants.orgA.id, {
        person: { familyName: '組合', givenName: `員${i}`, familyKana: 'クミアイ', givenKana: 'イン', birthDate: null, email: i === 7 ? null : email, phone: null, postalCode: null, prefectureCode: null, address: null },
        memberNumber: `G-${i}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2026-04-01',
      });
      members.push({ membershipId: membership.id, personId: person.id, email });
    }
    // A member admitted after the record date is not a voter of the meeting.
    await registerMember(t.ctx, actorFor(tenants.users.clerkA), tenants.orgA.id, {
      person: { familyName: '新規', givenName: '加入', familyKana: 'シンキ', givenKana: 'カニュウ', birthDate: null, email: 'late@coop.example', phone: null, postalCode: null, prefectureCode: null, address: null },
      memberNumber: 'G-9', kind: 'worker', firstEvent: 'admit', effectiveDate: '2027-05-15',
    });
    for (const m of members.slice(0, 3)) {
      await createUser(t.ctx, null, systemActor('test'), { email: `login-${m.email}`, displayName: m.email, password: testPassword, role: 'member', organizationId: tenants.orgA.id, membershipId: m.membershipId });
      const session = await t.signIn(`login-${m.email}`);
      m.headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it("tells a member's account its own person, and a staff account none", async () => {
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: members[0]!.headers });
    expect(me.json().user).toMatchObject({ role: 'member', personId: members[0]!.personId });
    const staff = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: clerk });
    expect(staff.json().user.personId).toBeNull();
  });

  it('records founding bylaws with settings within the law, and refuses a notice period below it', async () => {
    const below = await api('POST', `/organizations/${tenants.orgA.id}/bylaws`, admin, { title: '定款', text: '第1条 …', settings: { meetingNoticeDays: 7 }, foundingEffectiveFrom: '2026-04-01' });
    expect(below.statusCode).toBe(400);
    expect(below.json().errors).toEqual([expect.objectContaining({ field: 'settings.meetingNoticeDays', code: 'below_law' })]);
    const founding = await api('POST', `/organizations/${tenants.orgA.id}/bylaws`, admin, {
      title: '労働者協同組合エー定款', text: '第1条 この組合は…', settings: { meetingNoticeDays: 14, proxyCapPerHolder: 1, fiscalYearStartMonth: 4, sharePrice: 5000, directorTermMonths: 12 }, foundingEffectiveFrom: '2026-04-01',
    });
    expect(founding.statusCode).toBe(201);
    // The share value of the bylaws becomes the capital rules from the bylaws' date.
    const capitalRules = (await api('GET', `/organizations/${tenants.orgA.id}/capital-rules`, clerk)).json().items;
    expect(capitalRules).toEqual([expect.objectContaining({ effectiveFrom: '2026-04-01', sharePrice: 5000, capPercent: 25 })]);
    const again = await api('POST', `/organizations/${tenants.orgA.id}/bylaws`, admin, { title: 'x', text: 'x', settings: {}, foundingEffectiveFrom: '2026-05-01' });
    expect(again.json().code).toBe('bylaws_need_resolution');
    const settings = (await api('GET', `/organizations/${tenants.orgA.id}/bylaws/settings`, clerk)).json().settings;
    expect(settings.meetingNoticeDays).toEqual({ value: 14, source: expect.objectContaining({ kind: 'bylaws', versionNo: 1, founding: true }) });
    expect(settings.specialMajority.source).toEqual({ kind: 'law_profile', profileId: 'jp-worker-coop-2022' });
  });

  it('drafts a general assembly with an ordinary motion, a bylaw change and an election', async () => {
    const created = await api('POST', `/organizations/${tenants.orgA.id}/meetings`, clerk, {
      bodyKind: 'general_assembly', title: '第10回通常総会', startsAt: '2027-06-20T04:30:00Z', endsAt: '2027-06-20T07:00:00Z', place: '千葉市中央区 協同会館',
      onlineUrl: 'https://meet.example/coop', recordDate: '2027-05-10', votingDeadline: '2027-06-19T09:00:00Z',
    });
    expect(created.statusCode).toBe(201);
    meetingId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', writtenVoting: true, electronicVoting: true, proxyAllowed: true });
    const ordinary = await api('POST', `/meetings/${meetingId}/motions`, clerk, { kind: 'ordinary', title: '2026年度事業報告および決算承認の件' });
    motion.ordinary = ordinary.json().id;
    const proposal = await api('POST', `/organizations/${tenants.orgA.id}/bylaws`, admin, { title: '定款変更案', text: '第1条 …（改正）', settings: { proxyCapPerHolder: 3 } });
    expect(proposal.json()).toMatchObject({ status: 'proposed', versionNo: 2 });
    const wrongKind = await api('POST', `/meetings/${meetingId}/motions`, clerk, { kind: 'ordinary', title: '定款変更の件', bylawVersionId: proposal.json().id });
    expect(wrongKind.json().code).toBe('bylaws_need_special_resolution');
    motion.special = (await api('POST', `/meetings/${meetingId}/motions`, clerk, { kind: 'special', title: '定款一部変更の件', bylawVersionId: proposal.json().id })).json().id;
    const election = await api('POST', `/meetings/${meetingId}/motions`, clerk, {
      kind: 'election', title: '理事選任の件', electionMethod: 'approval', office: 'director', seats: 2,
      candidates: members.slice(3, 6).map((m) => ({ membershipId: m.membershipId })),
    });
    expect(election.statusCode).toBe(201);
    motion.election = election.json().id;
    expect(election.json().candidates).toHaveLength(3);
    const detail = (await api('GET', `/meetings/${meetingId}`, clerk)).json();
    expect(detail.motions.map((m: { position: number }) => m.position)).toEqual([1, 2, 3]);
  });

  it('convenes: fixes the electorate on the record date, warns of a short notice, and mails the notice with the .ics and the PDF', async () => {
    const convened = await api('POST', `/meetings/${meetingId}/convene`, clerk, { noticeDate: '2027-06-10' });
    expect(convened.statusCode).toBe(200);
    const body = convened.json();
    expect(body.electorate).toBe(8);
    expect(body.noticeCheck).toMatchObject({ inTime: false, daysGiven: 10, latestNoticeDate: '2027-06-06' });
    expect(body.warnings.map((w: { code: string }) => w.code)).toEqual(['notice_period_not_met']);
    expect(body.email).toEqual({ recipients: 7, withoutEmail: 1, sending: true });
    await noticeDelivered(meetingId);
    const mails = await smtp.waitFor(6);
    const mail = mails.find((m) => m.envelope.to.includes('member1@coop.example'))!;
    expect(mail.parsed.subject).toBe('【招集通知】第10回通常総会');
    const calendar = mail.raw.toString('utf8');
    expect(calendar).toMatch(/text\/calendar; ?charset="?utf-8"?; ?method=REQUEST/i);
    expect(mail.parsed.attachments.map((a) => a.contentType)).toContain('application/pdf');
    const ics = mail.parsed.attachments.find((a) => a.contentType === 'text/calendar')?.content.toString('utf8') ?? '';
    expect(ics).toContain(`UID:${meetingId}@kyodo`);
    expect(ics).toContain('DTSTART:20270620T043000Z');
    const detail = (await api('GET', `/meetings/${meetingId}`, clerk)).json();
    expect(detail.notices[0]).toMatchObject({ recipients: 8, sent: 6, withoutEmail: 1, inTime: false });
    expect(detail.notices[0].failures).toEqual([expect.objectContaining({ email: 'nobody@coop.example' })]);
    const pdf = await api('GET', `/meetings/${meetingId}/notice.pdf`, clerk);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('takes electronic, written and proxy votes — one per member per motion — and shows the chair who voted, never how', async () => {
    const [m1, m2, m3, m4, m5] = members;
    const vote = (m: Member, motionId: string, choice: unknown, forPersonId?: string) => api('POST', `/motions/${motionId}/ballots`, m.headers!, { choice, ...(forPersonId ? { forPersonId } : {}) });
    const first = await vote(m1!, motion.ordinary!, 'for');
    expect(first.statusCode).toBe(201);
    expect(first.json().receipt).toMatch(/^([A-Z2-9]{4}-){4}[A-Z2-9]{4}$/);
    motion.receipt = first.json().receipt;
    expect((await vote(m1!, motion.ordinary!, 'against')).json().code).toBe('already_voted');
    expect((await vote(m1!, motion.election!, ['not-a-candidate'])).json().code).toBe('invalid_choice');
    const candidates = (await api('GET', `/meetings/${meetingId}`, clerk)).json().motions.find((m: { id: string }) => m.id === motion.election).candidates.map((c: { id: string }) => c.id);
    motion.c1 = candidates[0]; motion.c2 = candidates[1]; motion.c3 = candidates[2];
    expect((await vote(m1!, motion.election!, [candidates[0], candidates[1]])).statusCode).toBe(201);
    expect((await vote(m1!, motion.special!, 'for')).statusCode).toBe(201);
    // A clerk may not vote electronically; a member of another organization may not either.
    expect((await api('POST', `/motions/${motion.ordinary}/ballots`, clerk, { choice: 'for' })).statusCode).toBe(403);
    // Member 4 sends a paper form; the clerk enters it.
    const written = await api('POST', `/motions/${motion.ordinary}/written-ballots`, clerk, { personId: m4!.personId, choice: 'against' });
    expect(written.statusCode).toBe(201);
    await api('POST', `/motions/${motion.special}/written-ballots`, clerk, { personId: m4!.personId, choice: 'for' });
    await api('POST', `/motions/${motion.election}/written-ballots`, clerk, { personId: m4!.personId, choice: [candidates[2]] });
    // Member 5 appoints member 2 as proxy; the bylaws' cap of one vote per proxy refuses a second.
    expect((await api('POST', `/meetings/${meetingId}/proxies`, clerk, { grantorPersonId: m5!.personId, holderPersonId: m2!.personId })).statusCode).toBe(201);
    const capped = await api('POST', `/meetings/${meetingId}/proxies`, clerk, { grantorPersonId: members[6]!.personId, holderPersonId: m2!.personId });
    expect(capped.json().code).toBe('proxy_cap_reached');
    expect((await api('POST', `/meetings/${meetingId}/proxies`, m1!.headers!, { holderPersonId: m3!.personId })).json().code).toBe('already_voted');
    expect((await api('POST', `/meetings/${meetingId}/proxies`, m3!.headers!, { holderPersonId: m3!.personId })).json().code).toBe('proxy_self');
    // The proxy votes for member 5, but not for someone who did not appoint them.
    expect((await vote(m2!, motion.ordinary!, 'for', m5!.personId)).statusCode).toBe(201);
    expect((await vote(m2!, motion.ordinary!, 'for', m4!.personId)).statusCode).toBe(403);
    const participation = (await api('GET', `/meetings/${meetingId}/participation?pageSize=50`, clerk)).json();
    expect(participation.total).toBe(8);
    const row = (personId: string) => participation.items.find((i: { personId: string }) => i.personId === personId);
    expect(row(m1!.personId)).toMatchObject({ motionsVoted: 3, channels: ['electronic'] });
    expect(row(m4!.personId)).toMatchObject({ motionsVoted: 3, channels: ['written'] });
    expect(row(m5!.personId)).toMatchObject({ motionsVoted: 1, channels: ['proxy'], proxyHolderPersonId: m2!.personId });
    expect(row(m2!.personId)).toMatchObject({ proxiesHeld: 1, motionsVoted: 0 });
    expect(JSON.stringify(participation)).not.toMatch(/against|"for"/);
    const mine = (await api('GET', '/my/meetings', m2!.headers!)).json().items[0];
    expect(mine.proxiesHeld).toEqual([{ personId: m5!.personId, name: '組合 員5' }]);
    expect(mine.motions.find((m: { id: string }) => m.id === motion.ordinary)).toMatchObject({ voted: false, votedFor: [m5!.personId] });
  });

  it('runs the room: check-in, live quorum counting written and proxy votes, amendments first, tellers, results with their rule', async () => {
    const [m1, m2, m3, , , m6] = members;
    const early = await api('POST', `/motions/${motion.ordinary}/close`, clerk, {});
    expect(early.json().code).toBe('not_in_session');
    const opened = await api('POST', `/meetings/${meetingId}/session`, clerk, { chairPersonId: m6!.personId });
    expect(opened.json()).toMatchObject({ eligible: 8, present: 3 }); // m1 and m4 voted, m5 by proxy who voted
    await api('POST', `/meetings/${meetingId}/attendance`, clerk, { personId: m2!.personId, mode: 'in_person' });
    await api('POST', `/meetings/${meetingId}/attendance`, clerk, { personId: m6!.personId, mode: 'in_person' });
    const presence = (await api('POST', `/meetings/${meetingId}/attendance`, clerk, { personId: m3!.personId, mode: 'online' })).json();
    expect(presence).toMatchObject({ eligible: 8, inPerson: 2, online: 1, votedBeforehand: 2, byProxy: 1, present: 6 });
    expect((await api('POST', `/motions/${motion.ordinary}/written-ballots`, clerk, { personId: members[6]!.personId, choice: 'for' })).json().code).toBe('voting_deadline_passed');

    const amendment = await api('POST', `/meetings/${meetingId}/motions`, clerk, { kind: 'ordinary', title: '修正動議：剰余金の使途', amendsMotionId: motion.ordinary, voting: 'roll_call' });
    expect(amendment.statusCode).toBe(201);
    expect((await api('POST', `/motions/${motion.ordinary}/close`, clerk, {})).json().code).toBe('amendment_pending');
    await api('POST', `/motions/${amendment.json().id}/ballots`, m3!.headers!, { choice: 'against' });
    expect((await api('POST', `/motions/${amendment.json().id}/teller-counts`, clerk, { counts: { for: 1, against: 5 } })).json().code).toBe('more_ballots_than_voters');
    await api('POST', `/motions/${amendment.json().id}/teller-counts`, clerk, { counts: { against: 2 } });
    const amendmentResult = (await api('POST', `/motions/${amendment.json().id}/close`, clerk, {})).json();
    // A roll-call vote keeps how each member voted; a secret ballot never does.
    expect((await api('GET', `/motions/${amendment.json().id}/roll-call`, clerk)).json().items).toEqual([{ personId: m3!.personId, name: '組合 員3', channel: 'electronic', choice: 'against' }]);
    expect((await api('GET', `/motions/${motion.ordinary}/roll-call`, clerk)).json().code).toBe('secret_ballot');
    expect(amendmentResult).toMatchObject({ outcome: 'rejected', rule: 'majority_of_present', needed: 4, got: 0, counts: { for: 0, against: 3, abstain: 0, invalid: 0 } });

    // The ordinary motion: m1 for, m4 against (written), m5 for (proxy), m3 for (online), tellers: m2 and m6 for.
    await api('POST', `/motions/${motion.ordinary}/ballots`, m3!.headers!, { choice: 'for' });
    await api('POST', `/motions/${motion.ordinary}/teller-counts`, clerk, { counts: { for: 2 } });
    const ordinary = (await api('POST', `/motions/${motion.ordinary}/close`, clerk, {})).json();
    expect(ordinary).toMatchObject({ outcome: 'adopted', rule: 'majority_of_present', needed: 4, got: 5, attendance: { eligible: 8, present: 6 }, ballots: 4, paperBallots: 2 });

    // The special resolution: 4 of 6 present is exactly two thirds; it passes and the bylaw version takes effect.
    await api('POST', `/motions/${motion.special}/ballots`, m3!.headers!, { choice: 'for' });
    await api('POST', `/motions/${motion.special}/teller-counts`, clerk, { counts: { for: 1, against: 1 } });
    const special = (await api('POST', `/motions/${motion.special}/close`, clerk, {})).json();
    expect(special).toMatchObject({ outcome: 'adopted', rule: 'two_thirds_of_present', needed: 4, got: 4 });
    const settings = (await api('GET', `/organizations/${tenants.orgA.id}/bylaws/settings?date=2027-05-20`, clerk)).json().settings;
    expect(settings.proxyCapPerHolder).toEqual({ value: 3, source: expect.objectContaining({ kind: 'bylaws', versionNo: 2, adoptedByMotionId: motion.special }) });

    // The election: m1 approved c1 and c2, m4 c3; tellers counted two paper ballots approving c1.
    await api('POST', `/motions/${motion.election}/teller-counts`, clerk, { counts: { ballots: 2, [motion.c1!]: 2, [motion.c2!]: 0 } });
    const election = (await api('POST', `/motions/${motion.election}/close`, clerk, {})).json();
    expect(election).toMatchObject({ outcome: 'elected', rule: 'approval_most_votes', elected: [motion.c1, expect.any(String)] });
    expect(election.election.approval.tie).not.toBeNull(); // c2 and c3 tie with one approval each: a lot decides, and says so
    const board = (await api('GET', `/organizations/${tenants.orgA.id}/bodies`, clerk)).json().items.find((b: { kind: string }) => b.kind === 'board');
    const seats = (await api('GET', `/bodies/${board.id}/seats?date=2027-05-20`, clerk)).json().items;
    expect(seats).toHaveLength(2);
    // Two directors and no auditor: short of the Act's minimum, and the bodies page says so.
    expect((await api('GET', `/organizations/${tenants.orgA.id}/bodies`, clerk)).json().boardViolations.map((v: { code: string }) => v.code)).toEqual(['too_few_directors', 'no_auditor']);
    // The bylaws give directors one year (the Act allows up to two).
    expect(seats[0]).toMatchObject({ role: 'director', termFrom: '2027-05-20', termUntil: '2028-05-19', electedByMotionId: motion.election });

    const live = (await api('GET', `/meetings/${meetingId}/live`, clerk)).json();
    expect(live.motions.every((m: { status: string }) => m.status === 'closed')).toBe(true);
    expect((await api('POST', `/meetings/${meetingId}/close`, clerk)).statusCode).toBe(204);
    expect((await api('POST', `/motions/${motion.ordinary}/ballots`, m1!.headers!, { choice: 'for' })).json().code).toBe('voting_not_open');
  });

  it('drafts the minutes from the record, in Japanese and English', async () => {
    for (const locale of ['ja', 'en']) {
      const minutes = await api('GET', `/meetings/${meetingId}/minutes.pdf?locale=${locale}`, clerk);
      expect(minutes.statusCode, minutes.body).toBe(200);
      expect(minutes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      if (pdftotextAvailable) {
        const text = pdfText(minutes.rawPayload).replace(/\s+/g, '');
        expect(text).toContain(locale === 'ja' ? '第10回通常総会' : 'Minutes');
        expect(text).toContain(locale === 'ja' ? '議長組合員6' : 'Adoptedbyatleasttwothirdsofthevotesofthememberspresent(needed4,for4)');
      }
    }
  });

  it('publishes each closed tally, which kyodo verify-tally recounts on its own and which refuses a tampered copy', async () => {
    for (const id of [motion.ordinary!, motion.special!, motion.election!]) {
      const published = await api('GET', `/motions/${id}/tally`, members[0]!.headers!);
      expect(published.statusCode, published.body).toBe(200);
      const tally = published.json();
      expect(tally).toMatchObject({ format: 'kyodo-tally/1', digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const verdict = verifyPublishedTally(tally);
      expect(verdict.problems).toEqual([]);
      expect(verdict.ok).toBe(true);
    }
    const tally = (await api('GET', `/motions/${motion.ordinary}/tally`, clerk)).json();
    expect(tally.ballots.find((b: { receipt: string }) => b.receipt === motion.receipt)).toEqual({ receipt: motion.receipt, choice: 'for' });
    expect(tally.result.decision).toMatchObject({ outcome: 'adopted', needed: 4, got: 5 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-tally-'));
    const good = path.join(dir, 'tally.json');
    fs.writeFileSync(good, JSON.stringify(tally));
    const ok = await kyodo(['verify-tally', good, '--receipt', motion.receipt!], {});
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('OK: 2026年度事業報告および決算承認の件');
    expect(ok.stdout).toContain(`receipt ${motion.receipt}: "for"`);
    const forged = { ...tally, ballots: tally.ballots.map((b: { receipt: string; choice: string }) => (b.receipt === motion.receipt ? { ...b, choice: 'against' } : b)) };
    fs.writeFileSync(good, JSON.stringify(forged));
    const refused = await kyodo(['verify-tally', good], {});
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/digest: the document hashes to/);
    fs.rmSync(dir, { recursive: true });
  });

  it('lets a voter find their ballot by its receipt after the count', async () => {
    const found = await api('GET', `/motions/${motion.ordinary}/receipts/${motion.receipt}`, members[0]!.headers!);
    expect(found.json()).toEqual({ receipt: motion.receipt, choice: 'for' });
  });

  it('keeps ballots apart from voters: no shared column, no time, storage in receipt order, and (PostgreSQL) no shared transaction id', async () => {
    const columns = async (table: string) => {
      if (dialect === 'sqlite') return (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(t.ctx.db)).rows.map((r) => r.name);
      return (await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = ${table}`.execute(t.ctx.db)).rows.map((r) => r.column_name);
    };
    expect((await columns('ballots')).sort()).toEqual(['choice', 'motion_id', 'receipt']);
    const cast = await columns('votes_cast');
    expect(cast).not.toContain('receipt');
    expect(cast.some((c) => /_at$|time|seq/.test(c))).toBe(false);
    const stored = dialect === 'sqlite'
      ? (await sql<{ receipt: string }>`select receipt from ballots where motion_id = ${motion.ordinary}`.execute(t.ctx.db)).rows
      : (await sql<{ receipt: string }>`select receipt from ballots where motion_id = ${motion.ordinary} order by ctid`.execute(t.ctx.db)).rows;
    const receipts = stored.map((r) => r.receipt);
    expect(receipts).toEqual([...receipts].sort());
    if (dialect === 'sqlite') {
      await expect(sql`select rowid from ballots`.execute(t.ctx.db)).rejects.toThrow(/rowid/);
    } else {
      const ballotXids = (await sql<{ x: string }>`select distinct xmin::text as x from ballots where motion_id = ${motion.ordinary}`.execute(t.ctx.db)).rows.map((r) => r.x);
      const castXids = (await sql<{ x: string }>`select distinct xmin::text as x from votes_cast where motion_id = ${motion.ordinary}`.execute(t.ctx.db)).rows.map((r) => r.x);
      expect(ballotXids).toHaveLength(1);
      expect(castXids).not.toContain(ballotXids[0]);
    }
  });
});
