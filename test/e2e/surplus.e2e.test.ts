import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/app/shared/context.js';
import { closeWorkMonth } from '../../src/app/surplus/work-months.js';
import { bulkInsert } from '../../src/db/bulk-insert.js';
import { monthsBetween } from '../../src/domain/shared/fiscal-year.js';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';
import type { RunningServer } from '../support/web-server.js';
import { pdfText, popplerAvailable } from '../support/poppler.js';

const pdftotextAvailable = chromiumAvailable && popplerAvailable('the text of the dividend statement PDF in the browser test');

const ADMIN = 'chiba-admin@kyodo.example';
type Member = { familyName: string; givenName: string; familyKana: string; givenKana: string; memberNumber: string; email: string | null };
/**
 * Three members of the co-op: two worked 200 days × 8 h, the third 100 days × 6 h and still owes 70,000 yen on their
 * shares. The third has their own account, to read their statement.
 */
const MEMBERS: readonly [Member, Member, Member] = [
  { familyName: '配当', givenName: '一郎', familyKana: 'ハイトウ', givenKana: 'イチロウ', memberNumber: '0701', email: null },
  { familyName: '配当', givenName: '二葉', familyKana: 'ハイトウ', givenKana: 'フタバ', memberNumber: '0702', email: null },
  { familyName: '剰余', givenName: '三子', familyKana: 'ジョウヨ', givenKana: 'ミツコ', memberNumber: '0703', email: 'joyo3@kyodo.example' },
];
const MEETING = '第8回通常総会';
const MOTION = '2025年度 剰余金処分案承認の件';

/** A date in Japan `days` from today, as YYYY-MM-DD. */
function japanDate(days: number): string {
  return new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The organization's administrator through the API, as a script would: the requests and their CSRF header. */
async function adminApi(request: APIRequestContext, url: string, password: string) {
  const signedIn = await request.post(`${url}/api/v1/auth/sign-in`, { data: { email: ADMIN, password } });
  expect(signedIn.status()).toBe(200);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  return {
    post: async (route: string, data: object, status = 201) => {
      const response = await request.post(`${url}/api/v1${route}`, { headers, data });
      expect(response.status(), `${route}: ${await response.text()}`).toBe(status);
      return (await response.json()) as Record<string, unknown>;
    },
    get: async (route: string) => (await (await request.get(`${url}/api/v1${route}`)).json()) as Record<string, unknown>,
  };
}

type AdminApi = Awaited<ReturnType<typeof adminApi>>;

/**
 * What the demo lacks, set up as the integration test does: the members with their capital (the bylaws measure work in
 * hours and set dividends against unpaid capital), a year of approved work inserted and every month of fiscal 2025
 * closed, and a general assembly not yet convened.
 */
async function setUpYear(server: RunningServer, api: AdminApi, organizationId: string): Promise<{ meetingId: string; people: string[] }> {
  await api.post(`/organizations/${organizationId}/bylaws`, {
    title: '定款', text: '第1条 …', foundingEffectiveFrom: '2025-04-01',
    settings: { sharePrice: 10_000, legalReserveTarget: 5_000_000, workMeasure: 'hours', withholdDividends: true },
  });
  const people: string[] = [];
  for (const [i, { memberNumber, email, ...names }] of MEMBERS.entries()) {
    const { membership, person } = (await api.post(`/organizations/${organizationId}/members`, {
      person: { ...names, email }, memberNumber, kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01',
    })) as { membership: { id: string }; person: { id: string } };
    people.push(person.id);
    await api.post(`/memberships/${membership.id}/capital/subscriptions`, { date: '2025-04-01', shares: 10, firstPayment: { amount: i === 2 ? 30_000 : 100_000, method: 'bank' } });
    if (email) {
      await api.post('/users', { email, displayName: `${names.familyName} ${names.givenName}`, password: server.password, role: 'member', organizationId, membershipId: membership.id });
    }
  }

  const { db, dialect } = server.runtime.ctx;
  const rows = [];
  for (const [i, personId] of people.entries()) {
    const [days, minutes] = i === 2 ? [100, 360] : [200, 480];
    let date = new Date('2025-04-01T00:00:00Z');
    for (let worked = 0; worked < days; date = new Date(date.getTime() + 86_400_000)) {
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
      worked++;
      rows.push({
        id: newId(), organization_id: organizationId, person_id: personId, work_date: date.toISOString().slice(0, 10), site: '千葉事業所', business_line: '', role: '',
        minutes, status: 'approved', source: 'app', import_batch_id: null, note: null, approved_at: '2026-04-10T00:00:00Z', approved_by: ADMIN,
        version: 1, created_at: '2026-04-01T00:00:00Z', updated_at: '2026-04-01T00:00:00Z', recorded_by: ADMIN,
      });
    }
  }
  await bulkInsert(db, dialect, 'work_records', rows);
  for (const period of monthsBetween('2025-04-01', '2026-03-31')) {
    await db.transaction().execute((trx) => closeWorkMonth(trx, dialect, organizationId, period, { at: '2026-04-15T00:00:00Z', by: ADMIN }));
  }

  const meetingDay = japanDate(20);
  const meeting = await api.post(`/organizations/${organizationId}/meetings`, {
    bodyKind: 'general_assembly', title: MEETING, startsAt: `${meetingDay}T04:30:00Z`, endsAt: `${meetingDay}T07:00:00Z`, place: '千葉市中央区 協同会館', recordDate: japanDate(0),
  });
  return { meetingId: meeting.id as string, people };
}

/** The assembly adopts the motion, driven through the API as the integration test does: convened, opened, counted, closed. */
async function adoptMotion(api: AdminApi, meetingId: string, people: string[]): Promise<void> {
  const { motions } = (await api.get(`/meetings/${meetingId}`)) as { motions: { id: string; title: string }[] };
  const motion = motions.find((m) => m.title === MOTION)!;
  await api.post(`/meetings/${meetingId}/convene`, { noticeDate: japanDate(0) }, 200);
  await api.post(`/meetings/${meetingId}/session`, {}, 200);
  for (const personId of people) await api.post(`/meetings/${meetingId}/attendance`, { personId, mode: 'in_person' }, 200);
  await api.post(`/motions/${motion.id}/teller-counts`, { counts: { for: 3 } });
  expect(await api.post(`/motions/${motion.id}/close`, {}, 200)).toMatchObject({ outcome: 'adopted' });
}

/** A PDF link's file through the page's own session. */
async function download(page: Page, link: Locator): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-statement-')), file.suggestedFilename());
  await file.saveAs(saved);
  return fs.readFileSync(saved);
}

describe.runIf(chromiumAvailable)('the fiscal-year close in Chromium', () => {
  const demo = useDemoInBrowser({ smtp: true });

  it('closes fiscal 2025, puts it to the general assembly, posts it once adopted, and gives a member their statement', async () => {
    const { server } = demo;
    const chiba = await server.runtime.ctx.db.selectFrom('organizations').select('id').where('code', '=', 'wc-chiba').executeTakeFirstOrThrow();
    const script = await demo.newPage();
    const api = await adminApi(script.context.request, server.url, server.password);
    const { meetingId, people } = await setUpYear(server, api, chiba.id);

    // The organization's administrator: no close yet.
    const { context, page, errors } = await demo.newPage();
    await signIn(page, server.url, ADMIN, server.password);
    await page.getByRole('link', { name: '剰余金処分', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { name: '剰余金処分', level: 1 }).waitFor();
    await page.getByRole('region', { name: '決算の一覧' }).getByText('まだ決算はありません。').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The proposal: fiscal 2025 (the latest ended year) with a surplus of 1,000,003 yen. Too little to the legal
    // reserve is refused, beside the field.
    await page.getByRole('button', { name: '決算を提案' }).click();
    const propose = page.getByRole('dialog', { name: '決算を提案' });
    const year = propose.getByRole('combobox', { name: '事業年度' });
    expect(await year.locator('option:checked').innerText()).toMatch(/^2025年度（令和8年3月31日まで）$/);
    await propose.getByRole('textbox', { name: '当期剰余金' }).fill('1,000,003');
    await propose.getByRole('textbox', { name: '準備金', exact: true }).fill('90,000');
    expect(await seriousViolations(page)).toEqual([]);
    await propose.getByRole('button', { name: '提案する' }).click();
    await propose.getByRole('alert').filter({ hasText: '処分案が法律または定款の最低額を下回っています。' }).waitFor();
    await propose.getByText('法律の定める最低額を下回ります', { exact: true }).waitFor();
    expect(await propose.getByRole('textbox', { name: '準備金', exact: true }).getAttribute('aria-invalid')).toBe('true');
    await propose.getByRole('textbox', { name: '準備金', exact: true }).fill('');
    await propose.getByRole('button', { name: '提案する' }).click();
    const heading = page.getByRole('heading', { name: '2025年度の決算・剰余金処分', level: 1 });
    await heading.waitFor();

    // A draft can be withdrawn (and the year proposed afresh).
    await page.getByRole('button', { name: '案を取り下げる' }).click();
    const confirm = page.getByRole('dialog', { name: '案を取り下げる' });
    await confirm.getByRole('button', { name: '案を取り下げる' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: '取下げ', exact: true, level: 2 }).waitFor();
    expect(await page.getByRole('button', { name: '総会に付議' }).count()).toBe(0);
    await page.getByRole('link', { name: '決算の一覧へ' }).click();
    await page.getByRole('table', { name: '決算の一覧' }).getByRole('row').filter({ hasText: '取下げ' }).waitFor();

    // An earlier year whose months of work were never closed is refused, on the year.
    await page.getByRole('button', { name: '決算を提案' }).click();
    await year.selectOption('2024');
    await propose.getByRole('textbox', { name: '当期剰余金' }).fill('500,000');
    await propose.getByRole('button', { name: '提案する' }).click();
    await propose.getByRole('alert').filter({ hasText: '従事の記録を締めていない月があります。' }).waitFor();
    expect(await year.getAttribute('aria-invalid')).toBe('true');
    await year.selectOption('2025');
    await propose.getByRole('textbox', { name: '当期剰余金' }).fill('1,000,003');
    await propose.getByRole('button', { name: '提案する' }).click();
    await heading.waitFor();
    await page.getByRole('heading', { name: '案', exact: true, level: 2 }).waitFor();

    // The close: the allocation in the legal order, each reserve at its minimum with the rate and why.
    const allocation = page.getByRole('table', { name: '剰余金処分案' });
    const line = (name: string) => allocation.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell');
    await expect.poll(() => line('準備金').allInnerTexts()).toEqual(['100,001円', '100,001円', '100,001円', '10分の1', '損失填補後の剰余金1,000,003円の10分の1（1円未満切上げ）']);
    expect((await line('就労創出等積立金').allInnerTexts()).slice(0, 4)).toEqual(['50,001円', '50,001円', '50,001円', '20分の1']);
    expect((await line('教育繰越金').allInnerTexts()).slice(0, 4)).toEqual(['50,001円', '50,001円', '50,001円', '20分の1']);
    expect(await line('従事分量配当金').allInnerTexts()).toEqual(['800,000円', '—', '—', '—', '残りを組合員3名に、従事分量（従事時間）に応じて配当します']);
    const facts = page.getByRole('region', { name: '決算の前提' });
    await facts.getByText('3,800時間0分', { exact: true }).waitFor();
    await facts.getByText('5,000,000円（定款）', { exact: true }).waitFor();

    // Each member's dividend: 800,000 yen by hours; the yen left by rounding down goes to the largest remainder.
    const dividends = page.getByRole('table', { name: '組合員ごとの従事分量配当' });
    const row = (memberNumber: string) => dividends.getByRole('row').filter({ has: page.getByRole('cell', { name: memberNumber, exact: true }) }).getByRole('cell');
    await expect.poll(() => dividends.getByRole('row').count()).toBe(4);
    // The first two members' remainders tie; the tie is broken by member id, so either may be second.
    expect((await row('0701').allInnerTexts()).slice(2)).toEqual(['1,600時間0分', '336,842円 + 24,000/228,000', expect.stringMatching(/^切捨て（端数[23]位）$/), '336,842円', '0円', '336,842円']);
    expect((await row('0703').allInnerTexts()).slice(2)).toEqual(['600時間0分', '126,315円 + 180,000/228,000', '1円切上げ（端数1位）', '126,316円', '70,000円', '56,316円']);
    await page.getByRole('searchbox', { name: '組合員を探す' }).fill('剰余');
    await page.getByRole('button', { name: '検索' }).click();
    await page.getByText('1名中 1名を表示').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'closing-draft-ja.png'), fullPage: true });
    // Staff read a member's statement before the assembly, marked as a draft.
    await dividends.getByRole('link', { name: '剰余 三子' }).click();
    await page.getByRole('heading', { name: '従事分量配当金計算書（2025年度）', level: 1 }).waitFor();
    await page.getByText('総会の議決前です', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '決算に戻る' }).click();
    await heading.waitFor();

    // Put to the general assembly: the motion is on its agenda, and the close links to it.
    await page.getByRole('button', { name: '総会に付議' }).click();
    const submit = page.getByRole('dialog', { name: '総会に付議' });
    // The one general assembly not yet convened is offered, and chosen.
    expect(await submit.getByRole('combobox', { name: '会議' }).locator('option:checked').innerText()).toMatch(new RegExp(`^${MEETING}（総会・令和\\d+年`));
    // Checked once the dialog has faded in: half-transparent, its text would be measured against the page behind.
    await expect.poll(() => submit.evaluate((dialog) => getComputedStyle(dialog).opacity)).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);
    await submit.getByRole('button', { name: '付議する' }).click();
    await submit.waitFor({ state: 'hidden' });
    await page.getByText('総会に付議しました', { exact: true }).waitFor();
    const motionLink = page.getByRole('link', { name: `第1号議案 ${MOTION}（${MEETING}）` });
    await motionLink.waitFor();
    expect(await page.getByRole('button', { name: '総会に付議' }).count()).toBe(0);
    await motionLink.click();
    await page.getByRole('heading', { name: MEETING, level: 1 }).waitFor();
    await page.getByRole('article', { name: new RegExp(`第1号議案\\s+${MOTION}`) }).getByText('準備金 100,001円').waitFor();
    await page.goBack();

    // The assembly adopts it; the close is posted to the ledger.
    await adoptMotion(api, meetingId, people);
    await script.context.close();
    await page.reload();
    await page.getByText('記帳済み', { exact: true }).first().waitFor();
    await page.getByText(/^記帳: 令和\d+年/).waitFor();
    await page.getByRole('link', { name: '出資のページを開く' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The statements go out by e-mail to the members with an address (the third member), as a PDF each.
    await page.getByRole('button', { name: '配当金計算書をメールで送る' }).click();
    const mailing = page.getByRole('dialog', { name: '配当金計算書をメールで送る' });
    await mailing.getByRole('button', { name: '配当金計算書をメールで送る' }).click();
    await page.getByText('1名への送信を始めました。メールアドレスのない2名には、印刷してお渡しください。').waitFor();
    // The assembly's notice went to the same server: the statement is told apart by its subject.
    await expect.poll(() => demo.smtp.received.filter((m) => m.parsed.subject?.includes('従事分量配当金計算書')).length).toBe(1);
    const mail = demo.smtp.received.find((m) => m.parsed.subject?.includes('従事分量配当金計算書'));
    expect(mail!.envelope.to).toEqual(['joyo3@kyodo.example']);
    expect(mail!.parsed.subject).toBe('【2025年度】従事分量配当金計算書');
    expect(mail!.parsed.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);
    // The outcome is kept once the last message is handed over: read the close again until it shows.
    await expect.poll(async () => {
      await page.reload();
      await page.getByText('記帳済み', { exact: true }).first().waitFor();
      return page.getByText(/^計算書のメール送信: .* — 送信 1名、アドレスなし 2名、失敗 0件$/).count();
    }).toBe(1);
    await page.screenshot({ path: path.join(shots, 'closing-posted-ja.png'), fullPage: true });

    // The third member's statement: the dividend explained from its figures, and its PDF.
    await dividends.getByRole('link', { name: '剰余 三子' }).click();
    await page.getByRole('heading', { name: '従事分量配当金計算書（2025年度）', level: 1 }).waitFor();
    const explanation = page.getByRole('region', { name: '計算の説明' });
    await explanation.getByText('組合員3名の従事分量の合計は3,800時間0分で、あなたの従事分量は600時間0分です。').waitFor();
    await explanation.getByText(/800,000円 × 36,000 ÷ 228,000 = 126,315円 \+ 180,000\/228,000円/).waitFor();
    await explanation.getByText(/あなたの端数は1番目に大きいため1円を加え、配当金は126,316円です。/).waitFor();
    await explanation.getByText(/充当額70,000円を差し引き、お支払額は56,316円です。/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const pdf = await download(page, page.getByRole('link', { name: '2025年度の計算書 PDF（日本語）' }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (pdftotextAvailable) {
      const text = pdfText(pdf);
      expect(text).toContain('従事分量配当金計算書');
      expect(text).toContain('126,316円');
      expect(text).toContain('56,316円');
    }
    const english = await download(page, page.getByRole('link', { name: '2025年度の計算書 PDF（英語）' }));
    if (pdftotextAvailable) expect(pdfText(english)).toContain('Statement of Dividend by Amount of Work');

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it("shows a member their own dividends on their home, with the statement and its PDF", async () => {
    const { server } = demo;
    const { context, page, errors } = await demo.newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    await signIn(page, server.url, MEMBERS[2].email!, server.password);
    const mine = page.getByRole('region', { name: '私の従事分量配当' });
    await mine.getByText('配当金 126,316円 · 出資金への充当 70,000円 · お支払額 56,316円').waitFor();
    expect(await page.getByRole('link', { name: '剰余金処分', exact: true }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    const pdf = await download(page, mine.getByRole('link', { name: '2025年度の計算書 PDF（日本語）' }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await mine.getByRole('link', { name: '2025年度の従事分量配当' }).click();
    await page.getByRole('heading', { name: '従事分量配当金計算書（2025年度）', level: 1 }).waitFor();
    await page.getByRole('region', { name: '計算の説明' }).getByText(/お支払額は56,316円です。/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'my-dividend-phone-ja.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows a clerk the posted close on a phone, in English: the members as cards, nothing to propose', async () => {
    const { server } = demo;
    const { context, page, errors } = await demo.newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    await signIn(page, server.url, 'chiba-clerk@kyodo.example', server.password);
    await page.getByText('労働者協同組合ワーカーズコープちば').filter({ visible: true }).first().waitFor();
    await page.evaluate(() => localStorage.setItem('kyodo.locale', 'en'));
    await page.goto(`${server.url}/surplus`);
    await page.getByRole('heading', { name: 'Surplus', level: 1 }).waitFor();
    const closes = page.getByRole('list', { name: 'Fiscal-year closes' });
    await closes.getByRole('listitem').filter({ hasText: 'Withdrawn' }).waitFor();
    expect(await page.getByRole('button', { name: 'Propose a close' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await closes.getByRole('listitem').filter({ hasText: 'Posted' }).getByRole('link', { name: 'FY2025' }).click();
    await page.getByRole('heading', { name: 'FY2025 close and surplus allocation', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Posted', level: 2 }).waitFor();
    const cards = page.getByRole('list', { name: "Each member's dividend" });
    const third = cards.getByRole('listitem').filter({ has: page.getByRole('link', { name: '剰余 三子' }) });
    await third.getByText('Rounded up by 1 yen (remainder 1)').waitFor();
    await third.getByText('Dividend ¥126,316', { exact: true }).waitFor();
    await third.getByText('Set against unpaid capital ¥70,000 · Paid ¥56,316', { exact: true }).waitFor();
    expect(await page.getByRole('table', { name: "Each member's dividend" }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Put to the assembly' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'closing-phone-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
