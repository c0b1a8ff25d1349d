import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, popplerAvailable } from '../support/poppler.js';
import { hledgerAccountName } from '../../src/domain/capital/hledger.js';
import { registerMember } from '../../src/app/members/register-member.js';
import { actorFor, buildTenants } from '../factories.js';
import { dialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const hledgerAvailable = (() => {
  try {
    execFileSync('hledger', ['--version']);
    return true;
  } catch {
    if (process.env.CI === 'true') throw new Error('CI=true but hledger is not installed: the ledger export must be checked by hledger in CI');
    console.warn('\n⚠ hledger is not installed: the check of the capital journal by hledger is SKIPPED on this machine.\n');
    return false;
  }
})();

/** Every account's balance as hledger computes it from the journal, in integer yen. */
function hledgerBalances(journal: string): Map<string, number> {
  // hledger reads its input in the locale's encoding: without a UTF-8 locale it stops at the first Japanese character.
  const csv = execFileSync('hledger', ['-f', '-', 'balance', '--flat', '--empty', '--no-total', '-O', 'csv'], { input: journal, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  const balances = new Map<string, number>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const [account, amount] = line.split('","').map((cell) => cell.replaceAll('"', ''));
    balances.set(account!, Number((amount ?? '0').replace(/[^\d-]/g, '') || 0));
  }
  return balances;
}

const pdftotextAvailable = popplerAvailable('the text of the capital PDFs');

interface Position { shares: number; capital: number; unpaid: number; paid: number; refundPayable: number }

describe.each(dialects)('capital ledger (%s)', (dialect) => {
  let t: TestApp;
  let tenants: Awaited<ReturnType<typeof buildTenants>>;
  let clerk: Record<string, string>;
  let admin: Record<string, string>;
  let orgUrl: string;
  const members: string[] = [];

  const post = (url: string, payload: object, headers = clerk) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload });
  const positionOf = async (membershipId: string) => (await t.app.inject({ url: `/api/v1/memberships/${membershipId}/capital`, headers: clerk })).json<{ position: Position }>().position;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    // A fixed day in fiscal 2026 (April 2026 to March 2027), so that years and refunds come out the same whenever this runs.
    t.ctx.now = () => new Date('2026-11-26T03:00:00Z');
    tenants = await buildTenants(t.ctx);
    const clerkSession = await t.signIn(tenants.users.clerkA.email);
    clerk = { cookie: clerkSession.cookie, 'x-csrf-token': clerkSession.csrf };
    const adminSession = await t.signIn(tenants.users.orgAdminA.email);
    admin = { cookie: adminSession.cookie, 'x-csrf-token': adminSession.csrf };
    orgUrl = `/organizations/${tenants.orgA.id}`;
    for (let i = 1; i <= 5; i++) {
      const registered = await registerMember(t.ctx, actorFor(tenants.users.clerkA), tenants.orgA.id, {
        person: { familyName: '出資', givenName: `${i}郎`, familyKana: 'シュッシ', givenKana: 'ロウ', birthDate: null, email: null, phone: null, postalCode: null, prefectureCode: null, address: null },
        memberNumber: `C-${i}`, kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01',
      });
      members.push(registered.membership.id);
    }
  });
  afterAll(() => t.close());

  it('asks for the capital rules first; a clerk may not set them, an administrator may, with the law profile filling the rest', async () => {
    const early = await post(`/memberships/${members[0]}/capital/subscriptions`, { date: '2025-04-01', shares: 1 });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'no_capital_rules' });
    expect((await post(`${orgUrl}/capital-rules`, { effectiveFrom: '2025-04-01', sharePrice: 10_000 })).statusCode).toBe(403);
    const rules = await post(`${orgUrl}/capital-rules`, { effectiveFrom: '2025-04-01', sharePrice: 10_000, minimumShares: 2 }, admin);
    expect(rules.statusCode).toBe(201);
    expect(rules.json()).toMatchObject({ sharePrice: 10_000, minimumShares: 2, capPercent: 25, takeoverCapPercent: 35, capExemptUpTo: 3, refundNoticeDays: 90 });
    expect((await post(`${orgUrl}/capital-rules`, { effectiveFrom: '2025-04-01', sharePrice: 5_000 }, admin)).json()).toMatchObject({ code: 'capital_rules_exist' });
  });

  it('subscribes shares and takes payments in instalments, never more than is owed, nor below the minimum shares', async () => {
    expect((await post(`/memberships/${members[0]}/capital/subscriptions`, { date: '2025-04-01', shares: 1 })).json()).toMatchObject({ code: 'below_minimum_shares' });
    const founding = await post(`/memberships/${members[0]}/capital/subscriptions`, { date: '2025-04-01', shares: 4, firstPayment: { amount: 9_999, method: 'bank', founding: true } });
    expect(founding.json()).toMatchObject({ code: 'founding_payment_too_low' });
    const subscribed = await post(`/memberships/${members[0]}/capital/subscriptions`, { date: '2025-04-01', shares: 4, firstPayment: { amount: 10_000, method: 'bank', founding: true } });
    expect(subscribed.statusCode).toBe(201);
    expect(subscribed.json<{ type: string }[]>().map((e) => e.type)).toEqual(['subscription', 'payment']);
    for (const month of ['05', '06', '07']) {
      expect((await post(`/memberships/${members[0]}/capital/payments`, { date: `2025-${month}-25`, amount: 10_000, method: 'payroll' })).statusCode).toBe(201);
    }
    expect(await positionOf(members[0]!)).toEqual({ shares: 4, capital: 40_000, unpaid: 0, paid: 40_000, refundPayable: 0 });
    const over = await post(`/memberships/${members[0]}/capital/payments`, { date: '2025-08-25', amount: 1, method: 'bank' });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'payment_exceeds_unpaid', errors: [{ field: 'amount' }] });
  });

  it('holds one member to 25% of all shares once there are more than three members, 35% on an approved takeover', async () => {
    for (const id of members.slice(1)) {
      expect((await post(`/memberships/${id}/capital/subscriptions`, { date: '2025-04-01', shares: 4, firstPayment: { amount: 40_000, method: 'bank' } })).statusCode).toBe(201);
    }
    // 20 shares among five members: 5 shares (25%) is the most one may hold.
    expect((await post(`/memberships/${members[0]}/capital/subscriptions`, { date: '2025-09-01', shares: 2 })).json()).toMatchObject({ code: 'share_cap_exceeded' });
    expect((await post(`/memberships/${members[0]}/capital/subscriptions`, { date: '2025-09-01', shares: 1, firstPayment: { amount: 10_000, method: 'cash' } })).statusCode).toBe(201);
    // Taking over two shares of a leaving member: 7 of 21 (33%) needs the general meeting's approval.
    const transfer = { date: '2025-10-01', toMembershipId: members[0], shares: 2, approval: '臨時総会 2025-09-28 第2号議案' };
    expect((await post(`/memberships/${members[4]}/capital/transfers`, transfer)).json()).toMatchObject({ code: 'share_cap_exceeded' });
    const approved = await post(`/memberships/${members[4]}/capital/transfers`, { ...transfer, approvedTakeover: true });
    expect(approved.statusCode).toBe(201);
    expect(approved.json()).toMatchObject({ type: 'transfer', reason: '臨時総会 2025-09-28 第2号議案' });
    expect((await positionOf(members[0]!)).shares).toBe(7);
    expect(await positionOf(members[4]!)).toMatchObject({ shares: 2, capital: 20_000, paid: 20_000 });
  });

  it('refunds a leaving member after the fiscal year closes, never more than they paid', async () => {
    const left = await post(`/memberships/${members[4]}/capital/withdrawals`, { date: '2025-12-31' });
    expect(left.statusCode).toBe(201);
    expect(left.json()).toMatchObject({ type: 'withdrawal', refundDueAfter: '2026-03-31' });
    expect(await positionOf(members[4]!)).toEqual({ shares: 0, capital: 0, unpaid: 0, paid: 0, refundPayable: 20_000 });
    const early = await post(`/memberships/${members[4]}/capital/refunds`, { date: '2026-03-31' });
    expect(early.json()).toMatchObject({ code: 'refund_before_year_close' });
    expect((await post(`/memberships/${members[4]}/capital/refunds`, { date: '2026-04-10', amount: 20_001 })).json()).toMatchObject({ code: 'refund_exceeds_owed' });
    expect((await post(`/memberships/${members[4]}/capital/refunds`, { date: '2026-04-10' })).statusCode).toBe(201);
    expect(await positionOf(members[4]!)).toEqual({ shares: 0, capital: 0, unpaid: 0, paid: 0, refundPayable: 0 });
  });

  it('corrects a mistake with a reversing entry, once, and keeps the original', async () => {
    const wrong = (await post(`/memberships/${members[1]}/capital/subscriptions`, { date: '2026-05-01', shares: 1 })).json<{ id: string }[]>()[0]!;
    expect((await positionOf(members[1]!)).shares).toBe(5);
    expect((await post(`/capital/entries/${wrong.id}/reversal`, { date: '2026-04-30', reason: 'early' })).json()).toMatchObject({ code: 'reversal_before_entry' });
    const reversed = await post(`/capital/entries/${wrong.id}/reversal`, { date: '2026-05-02', reason: '口数の入力誤り' });
    expect(reversed.statusCode).toBe(201);
    expect(reversed.json()).toMatchObject({ type: 'reversal', reversesEntryId: wrong.id, reason: '口数の入力誤り' });
    expect((await positionOf(members[1]!)).shares).toBe(4);
    expect((await post(`/capital/entries/${wrong.id}/reversal`, { date: '2026-05-02', reason: 'again' })).json()).toMatchObject({ code: 'already_reversed' });
    const history = (await t.app.inject({ url: `/api/v1/memberships/${members[1]}/capital`, headers: clerk })).json<{ entries: { id: string; reversedByEntryId: string | null }[] }>();
    expect(history.entries.find((e) => e.id === wrong.id)?.reversedByEntryId).toBe(reversed.json<{ id: string }>().id);
  });

  it('keeps the journal append-only in the database itself', async () => {
    await expect(t.ctx.db.updateTable('journal_lines').set({ amount: 1 }).execute()).rejects.toThrow(/append-only/);
    await expect(t.ctx.db.deleteFrom('journal_entries').execute()).rejects.toThrow(/append-only/);
  });

  it('gives the register at any date, summed from the journal, balancing with the members\' positions', async () => {
    const at = async (date: string) => (await t.app.inject({ url: `/api/v1${orgUrl}/capital/register?date=${date}`, headers: clerk })).json<{
      rows: (Position & { memberNumber: string })[]; totals: Position & { members: number };
    }>();
    const before = await at('2025-03-31');
    expect(before.rows).toEqual([]);
    const autumn = await at('2025-10-01');
    expect(autumn.rows.map((r) => [r.memberNumber, r.shares])).toEqual([['C-1', 7], ['C-2', 4], ['C-3', 4], ['C-4', 4], ['C-5', 2]]);
    expect(autumn.totals).toMatchObject({ members: 5, shares: 21, capital: 210_000, unpaid: 0, paid: 210_000 });
    const now = await at('2026-11-26');
    expect(now.rows.map((r) => r.memberNumber)).toEqual(['C-1', 'C-2', 'C-3', 'C-4']);
    expect(now.totals).toMatchObject({ members: 4, shares: 19, refundPayable: 0 });
    for (const row of now.rows) expect(row).toMatchObject(await positionOf(members[Number(row.memberNumber.slice(2)) - 1]!));
  });

  it('records a month of payroll deductions from CSV all or nothing, naming each bad row', async () => {
    // C-2 owes nothing yet: subscribe two more shares to pay off by payroll.
    expect((await post(`/memberships/${members[1]}/capital/subscriptions`, { date: '2026-06-01', shares: 1 })).statusCode).toBe(201);
    expect((await post(`/memberships/${members[2]}/capital/subscriptions`, { date: '2026-06-01', shares: 1 })).statusCode).toBe(201);
    const upload = (csv: string, query = '?date=2026-06-25') =>
      t.app.inject({ method: 'POST', url: `/api/v1${orgUrl}/capital/payroll-deductions${query}`, headers: { ...clerk, 'content-type': 'text/csv' }, payload: iconv.encode(csv, 'cp932') });
    const bad = await upload('組合員番号,氏名,控除額\r\nC-2,出資 2郎,"5,000"\r\nC-9,誰か,1000\r\nC-3,出資 3郎,10001\r\n');
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ errors: { field: string; code: string }[] }>().errors.map((e) => `${e.field}:${e.code}`)).toEqual(['rows.3.memberNumber:unknown_member', 'rows.4.amount:payment_exceeds_unpaid']);
    expect((await positionOf(members[1]!)).unpaid).toBe(10_000);
    const good = await upload('組合員番号,氏名,控除額\r\nC-2,出資 2郎,"5,000"\r\nC-3,出資 3郎,１００００\r\nC-2,出資 2郎,5000円\r\n');
    expect(good.statusCode).toBe(201);
    expect(good.json()).toMatchObject({ payments: 3, total: 20_000 });
    expect(await positionOf(members[1]!)).toMatchObject({ unpaid: 0, paid: 50_000 });
    expect(await positionOf(members[2]!)).toMatchObject({ unpaid: 0, paid: 50_000 });
  });

  it('exports the register as CSV for Excel and the journal for hledger, which balances and agrees with the register to the yen', async () => {
    const csv = await t.app.inject({ url: `/api/v1${orgUrl}/capital/register.csv?date=2026-11-26&encoding=cp932`, headers: clerk });
    expect(csv.headers['content-type']).toBe('text/csv; charset=shift_jis');
    const text = iconv.decode(csv.rawPayload, 'cp932');
    expect(text.split('\r\n')[0]).toBe('組合員番号,氏名,フリガナ,出資口数,出資金額,払込済額,未払込額,払戻未払額');
    expect(text).toContain('合計,,,21,210000,210000,0,0');

    const journal = await t.app.inject({ url: `/api/v1${orgUrl}/capital/journal.hledger`, headers: clerk });
    expect(journal.statusCode).toBe(200);
    expect(journal.headers['content-type']).toBe('text/plain; charset=utf-8');
    if (!hledgerAvailable) return;
    const balances = hledgerBalances(journal.body);
    expect([...balances.values()].reduce((a, b) => a + b, 0)).toBe(0);
    const register = (await t.app.inject({ url: `/api/v1${orgUrl}/capital/register?date=2026-11-26`, headers: clerk })).json<{ rows: (Position & { memberNumber: string })[] }>();
    for (const row of register.rows) {
      expect(0 - (balances.get(hledgerAccountName('capital', row.memberNumber)) ?? 0)).toBe(row.capital);
      expect(balances.get(hledgerAccountName('capital-unpaid', row.memberNumber)) ?? 0).toBe(row.unpaid);
      expect(0 - (balances.get(hledgerAccountName('refund-payable', row.memberNumber)) ?? 0)).toBe(row.refundPayable);
    }
  });

  it('prints a member\'s certificate and the register as PDF with the Japanese text intact', async () => {
    const certificate = await t.app.inject({ url: `/api/v1/memberships/${members[0]}/capital/certificate.pdf?date=2026-11-26`, headers: clerk });
    expect(certificate.statusCode).toBe(200);
    expect(certificate.headers['content-type']).toBe('application/pdf');
    expect(certificate.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const register = await t.app.inject({ url: `/api/v1${orgUrl}/capital/register.pdf?date=2026-11-26&locale=ja`, headers: clerk });
    expect(register.statusCode).toBe(200);
    if (!pdftotextAvailable) return;
    const text = pdfText(certificate.rawPayload);
    expect(text).toContain('出資金残高証明書');
    expect(text).toContain('出資 1郎');
    expect(text).toContain('C-1');
    expect(text).toContain('70,000');
    expect(pdfText(register.rawPayload)).toMatch(/C-4[\s\S]*出資 4郎/);
  });

  it('sums capital by fiscal year for the federation, and shows staff their own organization only', async () => {
    const byYear = async (headers: Record<string, string>) =>
      (await t.app.inject({ url: '/api/v1/capital/by-fiscal-year?years=3', headers })).json<{ items: { organizationId: string; fiscalYear: number; asOf: string; members: number; shares: number; capital: number }[] }>().items;
    const own = await byYear(clerk);
    expect(new Set(own.map((i) => i.organizationId))).toEqual(new Set([tenants.orgA.id]));
    // 2024 and 2025 closed; 2026 is counted up to the test's today.
    expect(own.map((i) => [i.fiscalYear, i.members, i.shares])).toEqual([[2024, 0, 0], [2025, 4, 19], [2026, 4, 21]]);
    expect(own.find((i) => i.fiscalYear === 2025)).toMatchObject({ asOf: '2026-03-31', capital: 190_000 });
    const federation = await t.bearer(tenants.users.federationAdmin);
    const all = await byYear({ authorization: federation });
    expect(new Set(all.map((i) => i.organizationId))).toEqual(new Set([tenants.orgA.id, tenants.orgB.id]));
  });

  it('keeps other organizations out', async () => {
    const outsider = await t.signIn(tenants.users.orgAdminB.email);
    const headers = { cookie: outsider.cookie, 'x-csrf-token': outsider.csrf };
    expect((await t.app.inject({ url: `/api/v1/memberships/${members[0]}/capital`, headers })).statusCode).toBe(403);
    expect((await post(`/memberships/${members[0]}/capital/payments`, { date: '2026-01-01', amount: 1, method: 'bank' }, headers)).statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1${orgUrl}/capital/register`, headers })).statusCode).toBe(403);
  });

  it('settles the capital of a membership that ends: the shares leave and what was paid becomes a refund owed', async () => {
    const before = await positionOf(members[3]!);
    expect(before).toMatchObject({ shares: 4, unpaid: 0, paid: 40_000 });
    const died = await post(`/memberships/${members[3]}/events`, { type: 'die', effectiveDate: '2026-11-20' });
    expect(died.statusCode).toBe(201);
    expect(await positionOf(members[3]!)).toEqual({ shares: 0, capital: 0, unpaid: 0, paid: 0, refundPayable: 40_000 });
    const history = (await t.app.inject({ url: `/api/v1/memberships/${members[3]}/capital`, headers: clerk })).json<{ entries: { type: string; date: string; reason: string | null }[] }>();
    expect(history.entries.at(-1)).toMatchObject({ type: 'withdrawal', date: '2026-11-20', reason: 'membership ended' });
  });

  it("holds a leaving member to the bylaws' notice period when the capital rules set one", async () => {
    // From 2026-12-01 the bylaws ask 180 days' notice (the law profile's default is 90).
    expect((await post(`${orgUrl}/capital-rules`, { effectiveFrom: '2026-12-01', sharePrice: 10_000, minimumShares: 2, refundNoticeDays: 180 }, admin)).statusCode).toBe(201);
    expect((await post(`/memberships/${members[2]}/events`, { type: 'notify_withdrawal', effectiveDate: '2026-12-10' })).statusCode).toBe(201);
    // 2027-03-31 is only 111 days on: the member leaves at the end of the next fiscal year.
    const early = await post(`/memberships/${members[2]}/events`, { type: 'withdraw', effectiveDate: '2027-03-31' });
    expect(early.json()).toMatchObject({ code: 'withdrawal_before_fiscal_year_end', errors: [{ message: '2028-03-31 or later' }] });
  });
});
