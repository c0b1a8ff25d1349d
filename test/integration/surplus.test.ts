import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerMember } from '../../src/app/members/register-member.js';
import { newId } from '../../src/app/shared/context.js';
import { statementsDelivered } from '../../src/app/surplus/send-statements.js';
import { closeWorkMonth } from '../../src/app/surplus/work-months.js';
import { bulkInsert } from '../../src/db/bulk-insert.js';
import { actorFor, buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { pdfText, popplerAvailable } from '../support/poppler.js';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const pdftotextAvailable = popplerAvailable('the text of the dividend statement PDF');

type Headers = Record<string, string>;

/**
 * The fiscal-year close through the API, on both databases: a co-op with five members (one admitted half-way through
 * the year, one still owing capital) and a non-member worker closes fiscal 2025 (April 2025 – March 2026), puts the
 * allocation to its general assembly, and the adopted allocation lands in the ledger and on each member's statement.
 */
describe.each(dialects)('fiscal-year close (%s)', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let clerk: Headers;
  let admin: Headers;
  let orgUrl: string;
  const members: { membershipId: string; personId: string }[] = [];
  let workerPersonId: string;
  let closingId: string;
  let version: number;

  const api = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload ? { payload } : {}) });

  /** Approved work: `minutes` on each of `days` weekdays from `from`, in `role`. */
  async function work(personId: string, from: string, days: number, minutes: number, role = '') {
    const rows = [];
    let date = new Date(`${from}T00:00:00Z`);
    while (rows.length < days) {
      if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) {
        rows.push({
          id: newId(), organization_id: tenants.orgA.id, person_id: personId, work_date: date.toISOString().slice(0, 10), site: '本部', business_line: '', role,
          minutes, status: 'approved', source: 'app', import_batch_id: null, note: null, approved_at: '2026-04-10T00:00:00Z', approved_by: 'coordinator@test',
          version: 1, created_at: '2026-04-01T00:00:00Z', updated_at: '2026-04-01T00:00:00Z', recorded_by: 'clerk@test',
        });
      }
      date = new Date(date.getTime() + 86_400_000);
    }
    await bulkInsert(t.ctx.db, dialect, 'work_records', rows);
  }

  /** Closes `count` months from `from` (YYYY-MM) as the coordinator does: the close and each person's totals. */
  async function closeMonths(from: string, count: number) {
    const [year, month] = from.split('-').map(Number) as [number, number];
    for (let i = 0; i < count; i++) {
      const m = month - 1 + i;
      const period = `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      await t.ctx.db.transaction().execute((trx) => closeWorkMonth(trx, dialect, tenants.orgA.id, period, { at: '2026-04-15T00:00:00Z', by: 'coordinator@test' }));
    }
  }

  /** Moves the clock, and signs the staff in again (sessions expire). */
  async function at(instant: string) {
    t.ctx.now = () => new Date(instant);
    const clerkSession = await t.signIn(tenants.users.clerkA.email);
    clerk = { cookie: clerkSession.cookie, 'x-csrf-token': clerkSession.csrf };
    const adminSession = await t.signIn(tenants.users.orgAdminA.email);
    admin = { cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrf };
  }

  beforeAll(async () => {
    smtp = await startSmtpServer({ refuse: (address) => address.startsWith('gone') });
    t = await createTestApp(dialect, { SMTP_URL: smtp.url, MAIL_FROM: '労協テスト <surplus@coop.example>' });
    tenants = await buildTenants(t.ctx);
    await at('2026-05-20T01:00:00Z');
    orgUrl = `/organizations/${tenants.orgA.id}`;
    for (let i = 1; i <= 5; i++) {
      const { membership, person } = await registerMember(t.ctx, actorFor(tenants.users.clerkA), tenants.orgA.id, {
        person: { familyName: '剰余', givenName: `${i}子`, familyKana: 'ジョウヨ', givenKana: 'コ', birthDate: null, email: i <= 2 ? `member${i}@coop.example` : i === 3 ? 'gone@coop.example' : null, phone: null, postalCode: null, prefectureCode: null, address: null },
        memberNumber: `S-${i}`, kind: 'worker', firstEvent: 'admit', effectiveDate: i === 5 ? '2025-10-01' : '2025-04-01',
      });
      members.push({ membershipId: membership.id, personId: person.id });
    }
    workerPersonId = newId();
    await t.ctx.db.insertInto('people').values({
      id: workerPersonId, family_name: '非組合', given_name: '員', family_kana: 'ヒクミアイ', given_kana: 'イン', birth_date: null, email: null, phone: null,
      postal_code: null, prefecture_code: null, address: null, version: 1, created_at: '2025-04-01T00:00:00Z', updated_at: '2025-04-01T00:00:00Z',
    }).execute();

    // Bylaws: hours weighted by role (a coordinator's hour counts 1.25), dividends set against unpaid capital.
    const bylaws = await api('POST', `${orgUrl}/bylaws`, admin, {
      title: '定款', text: '第1条 …', foundingEffectiveFrom: '2025-04-01',
      settings: { sharePrice: 10_000, legalReserveTarget: 5_000_000, workMeasure: 'weighted_hours', roleWeights: { coordinator: 125 }, withholdDividends: true },
    });
    expect(bylaws.statusCode).toBe(201);
    for (const [i, m] of members.entries()) {
      const subscribed = await api('POST', `/memberships/${m.membershipId}/capital/subscriptions`, clerk, {
        date: '2025-04-01', shares: 10, firstPayment: { amount: i === 3 ? 30_000 : 100_000, method: 'bank' },
      });
      expect(subscribed.statusCode).toBe(201);
    }
    // S-1 coordinates 200 days × 8 h; S-2..S-4 work 200 days × 8 h; S-5 from October 100 days × 6 h, and 20 days in
    // September as a worker before admission (not a member's work then); the non-member worker 100 days × 4 h.
    await work(members[0]!.personId, '2025-04-01', 200, 480, 'coordinator');
    for (const m of members.slice(1, 4)) await work(m.personId, '2025-04-01', 200, 480);
    await work(members[4]!.personId, '2025-09-01', 20, 360);
    await work(members[4]!.personId, '2025-10-01', 100, 360);
    await work(workerPersonId, '2025-04-01', 100, 240);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  it('refuses to close a year that has not ended, or whose months of work are still open', async () => {
    expect((await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2026, surplus: 1 })).json()).toMatchObject({ code: 'fiscal_year_not_ended' });
    await closeMonths('2025-04', 11);
    const open = await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2025, surplus: 1_000_003 });
    expect(open.statusCode).toBe(422);
    expect(open.json()).toMatchObject({ code: 'work_periods_open', errors: [expect.objectContaining({ field: 'fiscalYear', message: expect.stringContaining('2026-03') })] });
    await closeMonths('2026-03', 1);
  });

  it('leaves the close to the administrator: a clerk may read, not propose', async () => {
    expect((await api('POST', `${orgUrl}/closings`, clerk, { fiscalYear: 2025, surplus: 1 })).statusCode).toBe(403);
    expect((await api('GET', `${orgUrl}/closings`, clerk)).statusCode).toBe(200);
  });

  it('proposes 1,000,003 yen: reserves 1/10, 1/20, 1/20 rounded up (100,001 + 50,001 + 50,001), 800,000 yen divided by weighted hours', async () => {
    const proposed = await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2025, surplus: 1_000_003 });
    expect(proposed.statusCode).toBe(201);
    const closing = proposed.json();
    closingId = closing.id;
    version = closing.version;
    expect(closing).toMatchObject({
      status: 'draft', periodFrom: '2025-04-01', periodUntil: '2026-03-31', members: 5, withholdAgainstUnpaid: true,
      measure: { basis: 'weighted_hours', roleWeights: { coordinator: 125 } },
      facts: { surplus: 1_000_003, lossesCarriedForward: 0, legalReserveBalance: 0, legalReserveTarget: 5_000_000, legalReserveTargetSource: 'bylaws', totalCapital: 500_000 },
      allocation: { lossCovered: 0, legalReserve: 100_001, jobCreationFund: 50_001, educationCarryForward: 50_001, dividends: 800_000, retained: 0, lossYear: false },
      // The non-member worker's hours and S-5's September before admission earn no dividend.
      nonMemberWork: { people: 1, minutes: 100 * 240 + 20 * 360 },
    });
    // Weighted minutes: S-1 96,000 × 125; S-2..S-4 96,000 × 100; S-5 36,000 × 100.
    const totalWork = 96_000 * 125 + 3 * 96_000 * 100 + 36_000 * 100;
    expect(closing.totalWork).toBe(totalWork);
    const lines = (await api('GET', `/closings/${closingId}/dividends?limit=10`, clerk)).json().lines as { memberNumber: string; amount: number; withheld: number; payment: number; work: number; days: number; exact: { yen: number } }[];
    expect(lines.map((l) => l.memberNumber)).toEqual(['S-1', 'S-2', 'S-3', 'S-4', 'S-5']);
    expect(lines.reduce((sum, l) => sum + l.amount, 0)).toBe(800_000);
    for (const l of lines) expect(Math.abs(l.amount - (800_000 * l.work) / totalWork)).toBeLessThan(1);
    expect(lines[4]).toMatchObject({ days: 100, work: 3_600_000 });
    // S-4 still owes 70,000 yen on their shares: that much of the dividend is set against it.
    expect(lines[3]).toMatchObject({ withheld: 70_000, payment: lines[3]!.amount - 70_000 });
    expect(lines[0]).toMatchObject({ withheld: 0, payment: lines[0]!.amount });
    // Found as in the registry: by member number, or by the start of a name in kanji, kana or romaji.
    const found = async (q: string) => ((await api('GET', `/closings/${closingId}/dividends?q=${encodeURIComponent(q)}`, clerk)).json().lines as { memberNumber: string }[]).map((l) => l.memberNumber);
    expect(await found('S-3')).toEqual(['S-3']);
    expect(await found('じょうよ')).toHaveLength(5);
    expect(await found('剰余')).toHaveLength(5);
    expect(await found('%')).toEqual([]);
  });

  it('refuses an allocation below a minimum, on the field it concerns, and one that spends more than the surplus', async () => {
    const below = await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2025, surplus: 1_000_003, legalReserve: 90_000 });
    expect(below.statusCode).toBe(422);
    expect(below.json()).toMatchObject({ code: 'allocation_outside_law', errors: [expect.objectContaining({ field: 'legalReserve', code: 'below_legal_minimum' })] });
    const over = await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2025, surplus: 1_000_003, retained: 900_000 });
    expect(over.json()).toMatchObject({ code: 'retained_out_of_range', errors: [expect.objectContaining({ field: 'retained' })] });
    const reservesOver = await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2025, surplus: 1_000_003, legalReserve: 950_000, retained: 1 });
    expect(reservesOver.json()).toMatchObject({ code: 'allocation_exceeds_surplus', errors: [expect.objectContaining({ field: 'retained' })] });
    // Recomputing with more to the legal reserve replaces the draft (same id, next version).
    const more = (await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2025, surplus: 1_000_003, legalReserve: 200_001, retained: 3 })).json();
    expect(more).toMatchObject({ id: closingId, allocation: { legalReserve: 200_001, dividends: 699_997, retained: 3 } });
    const back = (await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2025, surplus: 1_000_003 })).json();
    expect(back).toMatchObject({ id: closingId, allocation: { dividends: 800_000 } });
    version = back.version;
  });

  it('puts the close to the general assembly; adopted, it is posted to the ledger and the statements are final', async () => {
    const meeting = await api('POST', `${orgUrl}/meetings`, clerk, {
      bodyKind: 'general_assembly', title: '第1回通常総会', startsAt: '2026-06-20T04:30:00Z', endsAt: '2026-06-20T07:00:00Z', place: '会館', recordDate: '2026-05-15',
    });
    expect(meeting.statusCode).toBe(201);
    const meetingId = meeting.json().id as string;
    const stale = await api('POST', `/closings/${closingId}/submit`, admin, { meetingId, version: version + 1 });
    expect(stale.json().code).toBe('version_conflict');
    const submitted = await api('POST', `/closings/${closingId}/submit`, admin, { meetingId, version });
    expect(submitted.statusCode).toBe(200);
    const motionId = submitted.json().motionId as string;
    expect(submitted.json()).toMatchObject({ status: 'submitted', motionId: expect.any(String) });
    const agenda = (await api('GET', `/meetings/${meetingId}`, clerk)).json().motions;
    expect(agenda).toEqual([expect.objectContaining({ id: motionId, kind: 'ordinary', title: '2025年度 剰余金処分案承認の件', body: expect.stringContaining('準備金 100,001円') })]);
    // Frozen: no recomputation while the assembly decides.
    expect((await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2025, surplus: 1 })).json().code).toBe('year_already_closed');

    // Members cannot see a statement before the assembly resolves; staff can.
    expect((await api('GET', `/closings/${closingId}/dividends/${members[0]!.membershipId}`, clerk)).json()).toMatchObject({ status: 'submitted', memberNumber: 'S-1' });

    // S-4 pays 50,000 yen before the assembly: only the 20,000 still owed is set against the dividend when it is posted.
    expect((await api('POST', `/memberships/${members[3]!.membershipId}/capital/payments`, clerk, { date: '2026-06-01', amount: 50_000, method: 'bank' })).statusCode).toBe(201);

    await at('2026-06-20T05:00:00Z');
    expect((await api('POST', `/meetings/${meetingId}/convene`, clerk, { noticeDate: '2026-06-05' })).statusCode).toBe(200);
    expect((await api('POST', `/meetings/${meetingId}/session`, clerk, {})).statusCode).toBeLessThan(300);
    for (const m of members.slice(0, 4)) await api('POST', `/meetings/${meetingId}/attendance`, clerk, { personId: m.personId, mode: 'in_person' });
    await api('POST', `/motions/${motionId}/teller-counts`, clerk, { counts: { for: 4 } });
    const closed = await api('POST', `/motions/${motionId}/close`, clerk, {});
    expect(closed.json()).toMatchObject({ outcome: 'adopted' });

    const posted = (await api('GET', `/closings/${closingId}`, clerk)).json();
    expect(posted).toMatchObject({ status: 'posted', journalEntryId: expect.any(String), postedAt: expect.any(String) });
    const s4 = (await api('GET', `/closings/${closingId}/dividends/${members[3]!.membershipId}`, clerk)).json();
    expect(s4).toMatchObject({ unpaidCapital: 20_000, withheld: 20_000, payment: s4.amount - 20_000 });
    // S-4 owes nothing now; the reserves are in the ledger for the next year.
    const capital = (await api('GET', `/memberships/${members[3]!.membershipId}/capital`, clerk)).json();
    expect(capital.position).toMatchObject({ unpaid: 0, paid: 100_000 });
    expect(capital.entries.at(-1)).toMatchObject({ type: 'surplus-appropriation' });
  });

  it("gives each member their statement: the JSON with every figure, the PDF in Japanese and English, and only their own", async () => {
    await t.ctx.db.insertInto('users').values({
      id: newId(), email: 'member1@coop.example', password_hash: (await t.ctx.db.selectFrom('users').select('password_hash').where('email', '=', tenants.users.clerkA.email).executeTakeFirstOrThrow()).password_hash,
      display_name: '剰余 1子', role: 'member', organization_id: tenants.orgA.id, person_id: members[0]!.personId, locale: 'ja', disabled_at: null, created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    }).execute();
    const session = await t.signIn('member1@coop.example');
    const member = { cookie: session.cookie, 'x-csrf-token': session.csrf };
    const mine = (await api('GET', '/my/dividends', member)).json().items;
    expect(mine).toEqual([expect.objectContaining({ closingId, membershipId: members[0]!.membershipId, fiscalYear: 2025 })]);
    const statement = (await api('GET', `/closings/${closingId}/dividends/${members[0]!.membershipId}`, member)).json();
    expect(statement).toMatchObject({ status: 'posted', unit: 'weighted_minutes', minutes: 96_000, days: 200, dividends: 800_000, members: 5 });
    expect(statement.exact.yen * statement.exact.denominator + statement.exact.remainder).toBe(800_000 * statement.work);
    expect((await api('GET', `/closings/${closingId}/dividends/${members[1]!.membershipId}`, member)).statusCode).toBe(404);

    const pdf = await api('GET', `/closings/${closingId}/dividends/${members[0]!.membershipId}/statement.pdf`, member);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    if (pdftotextAvailable) {
      const ja = pdfText(pdf.rawPayload);
      expect(ja).toContain('従事分量配当金計算書');
      expect(ja).toContain('1,600時間0分');
      expect(ja).toContain(`${statement.amount.toLocaleString('ja-JP')}円`);
      const en = pdfText((await api('GET', `/closings/${closingId}/dividends/${members[0]!.membershipId}/statement.pdf?locale=en`, member)).rawPayload);
      expect(en).toContain('Statement of Dividend by Amount of Work');
      expect(en).toContain('1,600 h 0 min');
    }
  });

  it('e-mails each member with an address their statement as PDF, and keeps the outcome on the close', async () => {
    expect((await api('POST', `/closings/${closingId}/statements/send`, clerk)).statusCode).toBe(403);
    const sending = await api('POST', `/closings/${closingId}/statements/send`, admin);
    expect(sending.statusCode).toBe(202);
    expect(sending.json()).toMatchObject({ recipients: 3, withoutEmail: 2, sending: true });
    await statementsDelivered(closingId);
    // The assembly's notices went to the same server: the statements are told apart by their subject.
    const mails = smtp.received.filter((m) => m.parsed.subject?.includes('従事分量配当金計算書'));
    expect(mails).toHaveLength(2);
    const first = mails.find((m) => m.envelope.to.includes('member1@coop.example'))!;
    // member1 has an account in Japanese (the test before made it); the statement is attached as PDF.
    expect(first.parsed.subject).toBe('【2025年度】従事分量配当金計算書');
    expect(first.parsed.text).toContain('お支払額は');
    expect(first.parsed.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf', filename: '従事分量配当金計算書_2025.pdf' })]);
    expect(first.parsed.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
    const closing = (await api('GET', `/closings/${closingId}`, clerk)).json();
    expect(closing.statementsMailed).toMatchObject({ sent: 2, withoutEmail: 2, failures: [expect.objectContaining({ email: expect.stringContaining('gone@coop.example') })] });
  });

  it('carries a loss forward the next year, and the year after covers it first', async () => {
    await at('2028-05-20T01:00:00Z');
    await work(members[0]!.personId, '2027-04-01', 10, 480);
    await closeMonths('2026-04', 24);
    const loss = (await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2026, surplus: -300_000 })).json();
    expect(loss).toMatchObject({ allocation: { lossYear: true, dividends: 0, lossCarriedForward: 300_000 }, facts: { legalReserveBalance: 100_001 } });
    // Posting through the assembly is tested above; here the loss is posted directly to see the next year read it.
    const { settleSurplusClosing } = await import('../../src/app/surplus/settle-closing.js');
    const meeting = (await api('POST', `${orgUrl}/meetings`, clerk, { bodyKind: 'general_assembly', title: '第3回通常総会', startsAt: '2028-06-20T04:30:00Z', endsAt: '2028-06-20T07:00:00Z', place: '会館', recordDate: '2028-05-15' })).json();
    const submitted = (await api('POST', `/closings/${loss.id}/submit`, admin, { meetingId: meeting.id, version: loss.version })).json();
    expect(submitted).toMatchObject({ status: 'submitted' });
    await t.ctx.db.transaction().execute((trx) => settleSurplusClosing(trx, t.ctx, actorFor(tenants.users.orgAdminA), submitted.motionId, true, '2028-06-20T05:00:00Z'));
    const next = (await api('POST', `${orgUrl}/closings`, admin, { fiscalYear: 2027, surplus: 1_000_000 })).json();
    expect(next).toMatchObject({
      facts: { lossesCarriedForward: 300_000, legalReserveBalance: 100_001 },
      allocation: { lossCovered: 300_000, legalReserve: 70_000, jobCreationFund: 35_000, educationCarryForward: 35_000, dividends: 560_000, lossCarriedForward: 0 },
    });
  });
});
