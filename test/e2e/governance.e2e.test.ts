import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';

/** Poppler's pdftotext reads the minutes back; without it that one check is skipped, loudly (never in CI). */
const pdftotext = process.env.PDFTOTEXT_PATH ?? '/usr/bin/pdftotext';
const pdftotextAvailable = fs.existsSync(pdftotext);
if (chromiumAvailable && !pdftotextAvailable) {
  if (process.env.CI === 'true') throw new Error(`CI=true but pdftotext is not at ${pdftotext}: the minutes must be read back in CI`);
  console.warn(`\n⚠ pdftotext not found at ${pdftotext} (apt-get install -y poppler-utils): the text of the minutes is NOT CHECKED.\n`);
}

const ADMIN = 'chiba-admin@kyodo.example';
type Member = { familyName: string; givenName: string; familyKana: string; givenKana: string; memberNumber: string; email: string | null };
/** Three members of the co-op; the first two vote from their own accounts, the third sends a written vote. */
const MEMBERS: readonly [Member, Member, Member] = [
  { familyName: '議決', givenName: '一郎', familyKana: 'ギケツ', givenKana: 'イチロウ', memberNumber: '0601', email: 'giketsu1@kyodo.example' },
  { familyName: '議決', givenName: '二葉', familyKana: 'ギケツ', givenKana: 'フタバ', memberNumber: '0602', email: 'giketsu2@kyodo.example' },
  { familyName: '書面', givenName: '三郎', familyKana: 'ショメン', givenKana: 'サブロウ', memberNumber: '0603', email: null },
];
/** A fourth, admitted later, who appoints a proxy on paper. */
const FOURTH: Member = { familyName: '代理', givenName: '四郎', familyKana: 'ダイリ', givenKana: 'シロウ', memberNumber: '0604', email: null };
const TITLE = '第7回通常総会';
const PLACE = '千葉市中央区 協同会館 大会議室';
const ONLINE = 'https://meet.example/kyodo-7';
const MOTION = '2026年度事業計画承認の件';
const RECEIPT = /^([A-HJ-NP-Z2-9]{4}-){4}[A-HJ-NP-Z2-9]{4}$/;
/** The motion's heading: 第1号議案 and its title. */
const MOTION_HEADING = new RegExp(`第1号議案\\s+${MOTION}`);

/** A date in Japan `days` from today, as YYYY-MM-DD. */
function japanDate(days: number): string {
  const japan = new Date(Date.now() + 9 * 3_600_000 + days * 86_400_000);
  return japan.toISOString().slice(0, 10);
}

/** What the demo lacks, set up through the API as a script would: admitted members, those with an e-mail with their own accounts. */
async function registerVoters(request: APIRequestContext, url: string, password: string, organizationId: string, members: readonly Member[]): Promise<void> {
  const signedIn = await request.post(`${url}/api/v1/auth/sign-in`, { data: { email: ADMIN, password } });
  expect(signedIn.status()).toBe(200);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': csrfToken };
  for (const { memberNumber, email, ...names } of members) {
    const registered = await request.post(`${url}/api/v1/organizations/${organizationId}/members`, {
      headers,
      data: { person: { ...names, email }, memberNumber, kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01' },
    });
    expect(registered.status()).toBe(201);
    const { membership } = (await registered.json()) as { membership: { id: string } };
    if (!email) continue;
    const account = await request.post(`${url}/api/v1/users`, {
      headers,
      data: { email, displayName: `${names.familyName} ${names.givenName}`, password, role: 'member', organizationId, membershipId: membership.id },
    });
    expect(account.status()).toBe(201);
  }
}

/** Chooses a voter in a VoterPicker by typing their member number. */
async function chooseVoter(page: Page, scope: Locator, label: string, memberNumber: string): Promise<void> {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.fill(memberNumber);
  await page.getByRole('option', { name: new RegExp(`^${memberNumber} `) }).click();
}

/** A member signs in, votes on the motion from the 投票 page, and reads back their receipt. */
async function voteAsMember(page: Page, url: string, email: string, password: string, choice: '賛成' | '反対'): Promise<string> {
  await signIn(page, url, email, password);
  const voting = page.getByRole('link', { name: '投票', exact: true }).first();
  await voting.waitFor({ state: 'attached' });
  // On a phone the navigation folds behind the menu button.
  const menu = page.getByRole('button', { name: 'メニューを開く' });
  if (await menu.isVisible()) await menu.click();
  await voting.click();
  await page.getByRole('heading', { name: '投票', level: 1 }).waitFor();
  const meeting = page.getByRole('article', { name: TITLE });
  const motion = meeting.getByRole('region', { name: MOTION_HEADING });
  await motion.getByRole('radiogroup', { name: MOTION }).getByRole('radio', { name: choice }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await motion.getByRole('button', { name: '投票する' }).click();
  const receipt = motion.getByRole('status').filter({ hasText: '投票を受け付けました' });
  await receipt.waitFor();
  const code = (await receipt.locator('code').innerText()).trim();
  expect(code).toMatch(RECEIPT);
  await receipt.getByText('あなたの名前と結びつけて保存されない').waitFor();
  await receipt.getByRole('button', { name: '受付番号をコピー' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  return code;
}

describe.runIf(chromiumAvailable)('assemblies and ballots in Chromium', () => {
  const demo = useDemoInBrowser();

  it('convenes a general assembly, takes two members\' electronic votes and a written one, decides the motion in the room, and gives the minutes', async () => {
    const { server } = demo;
    const chiba = await server.runtime.ctx.db.selectFrom('organizations').select('id').where('code', '=', 'wc-chiba').executeTakeFirstOrThrow();
    const script = await demo.newPage();
    await registerVoters(script.context.request, server.url, server.password, chiba.id, MEMBERS);
    await script.context.close();

    // Staff: the assemblies page, the bylaws in force (the law's, until the bylaws are recorded), and a new meeting.
    const { context, page, errors } = await demo.newPage();
    await signIn(page, server.url, ADMIN, server.password);
    await page.getByRole('link', { name: '総会・議決', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { name: '総会・議決', level: 1 }).waitFor();
    await page.getByText('まだ会議はありません。').waitFor();
    expect(await page.getByRole('link', { name: '投票', exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: '定款' }).click();
    const inForce = page.getByRole('table', { name: '効力のある定款の定め' });
    const noticeRow = inForce.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '招集通知の期限（会日の何日前）' }) });
    await expect.poll(() => noticeRow.getByRole('cell').allInnerTexts()).toEqual(['10日前まで', '法律の定め（労働者協同組合法（2022年施行））']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: '会議' }).click();

    await page.getByRole('button', { name: '会議を作成' }).click();
    const create = page.getByRole('dialog', { name: '会議を作成' });
    await create.getByRole('combobox', { name: '機関' }).selectOption({ label: '総会' });
    // Nothing filled in: each problem beside its field.
    await create.getByRole('button', { name: '会議を作成' }).click();
    await create.getByText('場所かオンライン会議のURLを入力してください').waitFor();
    expect(await create.getByLabel('会議の名称').getAttribute('aria-invalid')).toBe('true');
    const meetingDay = japanDate(20);
    await create.getByLabel('会議の名称').fill(`${TITLE}（案）`);
    await create.getByLabel('開始日時').fill(`${meetingDay}T13:30`);
    await create.getByLabel('終了予定日時').fill(`${meetingDay}T16:00`);
    await create.getByLabel('場所', { exact: true }).fill('千葉市中央区 協同会館（会議室は未定）');
    await create.getByLabel('基準日').fill(japanDate(0));
    expect(await seriousViolations(page)).toEqual([]);
    await create.getByRole('button', { name: '会議を作成' }).click();
    await page.getByRole('heading', { name: `${TITLE}（案）`, level: 1 }).waitFor();
    const meetingUrl = page.url();
    await page.getByText('13:30').first().waitFor();

    // Before the notice the draft may change: its final name and the room booked since; only those are sent.
    await page.getByRole('button', { name: '会議を編集' }).click();
    const edit = page.getByRole('dialog', { name: '会議を編集' });
    expect(await edit.getByLabel('開始日時').inputValue()).toBe(`${meetingDay}T13:30`);
    await edit.getByLabel('会議の名称').fill(TITLE);
    await edit.getByLabel('場所', { exact: true }).fill(PLACE);
    expect(await seriousViolations(page)).toEqual([]);
    const [patch] = await Promise.all([page.waitForRequest((r) => r.method() === 'PATCH'), edit.getByRole('button', { name: '保存' }).click()]);
    expect(Object.keys(patch.postDataJSON() as object).sort()).toEqual(['place', 'title', 'version']);
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: TITLE, exact: true, level: 1 }).waitFor();

    // The agenda: one ordinary resolution.
    await page.getByRole('button', { name: '議案を追加' }).click();
    const add = page.getByRole('dialog', { name: '議案を追加' });
    await add.getByLabel('件名').fill(MOTION);
    await add.getByLabel('議案の内容').fill('2026年度の事業計画を別紙のとおり承認する。');
    await add.getByRole('button', { name: '議案を追加' }).click();
    await add.waitFor({ state: 'hidden' });
    const motion = page.getByRole('article', { name: MOTION_HEADING });
    await motion.getByText('普通決議').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'meeting-agenda-ja.png'), fullPage: true });

    // The notice: convened today with e-mail asked for; the demo has no mail server, and the page says so.
    await page.getByRole('tab', { name: '招集・資料' }).click();
    const notice = page.getByRole('region', { name: '招集通知' });
    await notice.getByRole('checkbox', { name: 'メールで送信する' }).waitFor();
    await page.getByText(PLACE, { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await notice.getByRole('button', { name: '招集する' }).click();
    await notice.getByText('招集しました。議決権を有する組合員: 3人').waitFor();
    await notice.getByText('メールサーバーが設定されていません').waitFor();
    await notice.getByText(/メールは送信していません。3人全員に、招集通知のPDFを印刷してお送りください。/).waitFor();
    // The notice as PDF and the invitation for calendars, through the staff's own session.
    const noticePdf = await context.request.get(new URL((await notice.getByRole('link', { name: '招集通知（PDF・日本語）' }).getAttribute('href'))!, server.url).href);
    expect(noticePdf.headers()['content-type']).toBe('application/pdf');
    expect((await noticePdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const ics = await context.request.get(new URL((await notice.getByRole('link', { name: 'カレンダーに追加（.ics）' }).getAttribute('href'))!, server.url).href);
    expect(await ics.text()).toContain(`SUMMARY:${TITLE}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'meeting-convened-ja.png'), fullPage: true });

    // Once convened the notice fixes the meeting: the dialog says so and offers the online address alone.
    await page.getByRole('button', { name: '会議を編集' }).click();
    await edit.getByText('招集通知を送ったため').waitFor();
    expect(await edit.getByRole('textbox').count()).toBe(1);
    expect(await edit.getByRole('checkbox').count()).toBe(0);
    await edit.getByRole('textbox', { name: 'オンライン会議のURL' }).fill(ONLINE);
    expect(await seriousViolations(page)).toEqual([]);
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByText(ONLINE, { exact: true }).waitFor();

    // Two members vote from their own accounts, each in a browser of their own, and keep their receipts.
    const first = await demo.newPage();
    const firstReceipt = await voteAsMember(first.page, server.url, MEMBERS[0].email!, server.password, '賛成');
    await first.page.screenshot({ path: path.join(shots, 'voting-member-ja.png'), fullPage: true });
    const second = await demo.newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const secondReceipt = await voteAsMember(second.page, server.url, MEMBERS[1].email!, server.password, '反対');
    expect(secondReceipt).not.toBe(firstReceipt);
    expect(await second.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await second.page.screenshot({ path: path.join(shots, 'voting-member-phone-ja.png'), fullPage: true });
    await second.context.close();

    // The clerk enters the third member's written vote from the paper form; the receipt is for the member.
    await page.getByRole('tab', { name: '議案' }).click();
    await motion.getByRole('button', { name: '書面議決を入力' }).click();
    const written = page.getByRole('dialog', { name: '書面議決を入力' });
    await chooseVoter(page, written, '議決権行使書面を提出した組合員', '0603');
    await written.getByRole('button', { name: '書面議決を記録' }).click();
    await written.getByText('賛成・反対・棄権のいずれかを選んでください').waitFor();
    await written.getByRole('radio', { name: '賛成' }).check();
    await written.getByRole('button', { name: '書面議決を記録' }).click();
    await written.getByText('書面 三郎の票を受け付けました', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await written.getByRole('button', { name: '閉じる' }).first().click();

    // Who voted and how — never what.
    await page.getByRole('tab', { name: '参加状況' }).click();
    const table = page.getByRole('table', { name: '参加状況' });
    const rowOf = (memberNumber: string) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: memberNumber, exact: true }) });
    await expect.poll(() => rowOf('0601').getByRole('cell').nth(3).innerText()).toBe('電子投票');
    expect(await rowOf('0603').getByRole('cell').nth(3).innerText()).toBe('書面');
    expect(await table.innerText()).not.toMatch(/賛成|反対/);
    expect(await seriousViolations(page)).toEqual([]);

    // The room: the session opens; those who voted beforehand are present, the quorum is met.
    await page.getByRole('tab', { name: '会場・採決' }).click();
    await page.getByRole('button', { name: '開会する' }).click();
    await page.getByText('開会しました。').first().waitFor();
    const presence = page.getByRole('region', { name: '出席状況' });
    await presence.getByText('定足数 2人に対し出席 3人: 会議は成立しています').waitFor();
    const signers = page.getByRole('region', { name: '議事録署名人' });
    await signers.getByLabel('議事録署名人（1人目）').fill('議決 一郎');
    await signers.getByLabel('議事録署名人（2人目）').fill('議決 二葉');
    await signers.getByRole('button', { name: '署名人を記録' }).click();
    await page.getByText('議事録署名人を記録しました。').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The projector: large type, presence, the motion being voted on and its ballots so far.
    const projector = await context.newPage();
    await projector.goto(`${meetingUrl}/projector`);
    await projector.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await projector.getByText(MOTION_HEADING).waitFor();
    await projector.getByText('投票数 3票・会場の投票用紙 0票').waitFor();
    expect(await seriousViolations(projector)).toEqual([]);
    await projector.screenshot({ path: path.join(shots, 'projector-open-ja.png'), fullPage: true });

    // The chair closes the vote: adopted, with the rule that decided it.
    await page.getByRole('tab', { name: '議案' }).click();
    await motion.getByRole('button', { name: `採決を締め切る（${MOTION}）` }).click();
    const close = page.getByRole('dialog', { name: '採決を締め切る' });
    await close.getByRole('button', { name: '締め切って結果を宣言' }).click();
    await close.waitFor({ state: 'hidden' });
    const sentence = '出席組合員の議決権の過半数の賛成（必要数 2、賛成 2）により可決';
    await motion.getByText(sentence).waitFor();
    await motion.getByText('賛成 2・反対 1・棄権 0・無効 0').waitFor();
    // The published tally lists every ballot under its receipt.
    const tally = await context.request.get(new URL((await motion.getByRole('link', { name: '公開集計表（受付番号ごとの票）' }).getAttribute('href'))!, server.url).href);
    expect(tally.status()).toBe(200);
    expect(await tally.text()).toContain(firstReceipt);
    expect(await seriousViolations(page)).toEqual([]);
    await projector.getByText(sentence).waitFor();
    await projector.getByText('投票を受け付けている議案はありません。').waitFor();
    expect(await seriousViolations(projector)).toEqual([]);
    await projector.screenshot({ path: path.join(shots, 'projector-result-ja.png'), fullPage: true });
    await projector.close();

    // The member sees the result and checks their receipt: their ballot was counted as cast.
    await first.page.reload();
    const mine = first.page.getByRole('article', { name: TITLE }).getByRole('region', { name: MOTION_HEADING });
    await mine.getByText(sentence).waitFor();
    await mine.getByRole('textbox', { name: '受付番号（レシート）' }).fill(firstReceipt.toLowerCase());
    await mine.getByRole('button', { name: 'レシートを確認' }).click();
    await mine.getByText('この受付番号の票は「賛成」として記録され、集計されています。').waitFor();
    expect(await seriousViolations(first.page)).toEqual([]);
    await first.page.screenshot({ path: path.join(shots, 'voting-result-ja.png'), fullPage: true });
    expect(first.errors).toEqual([]);
    await first.context.close();

    // The meeting closes; the minutes come as PDF with its title.
    await page.getByRole('tab', { name: '会場・採決' }).click();
    await page.getByRole('button', { name: '閉会する' }).click();
    const confirm = page.getByRole('dialog', { name: '閉会する' });
    await confirm.getByRole('button', { name: '閉会する' }).click();
    await page.getByText(/^閉会: /).waitFor();
    expect(await page.getByRole('button', { name: '会議を編集' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'meeting-closed-ja.png'), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '議事録（PDF・日本語）' }).click()]);
    const pdf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kyodo-minutes-')), 'minutes.pdf');
    await download.saveAs(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    if (pdftotextAvailable) {
      const text = execFileSync(pdftotext, ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text.replace(/\s+/g, '')).toContain(TITLE);
      expect(text.replace(/\s+/g, '')).toContain(MOTION);
      expect(text.replace(/\s+/g, '')).toContain('議決二葉');
    }

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('records the founding bylaws and the board in English, then holds an approval election, a ranked (STV) one and a tied vote that the chair decides, with proxies on paper and online', async () => {
    const { server } = demo;
    const chiba = await server.runtime.ctx.db.selectFrom('organizations').select('id').where('code', '=', 'wc-chiba').executeTakeFirstOrThrow();
    const script = await demo.newPage();
    await registerVoters(script.context.request, server.url, server.password, chiba.id, [FOURTH]);
    await script.context.close();

    const { context, page, errors } = await demo.newPage();
    await signIn(page, server.url, ADMIN, server.password);
    await page.getByText('労働者協同組合ワーカーズコープちば').filter({ visible: true }).first().waitFor();
    await page.evaluate(() => localStorage.setItem('kyodo.locale', 'en'));
    await page.goto(`${server.url}/assemblies?tab=bylaws`);
    await page.getByRole('heading', { name: 'Assemblies and votes', level: 1 }).waitFor();

    // The founding bylaws: a notice period below the law's is refused beside its field, then recorded.
    await page.getByRole('button', { name: 'Record the founding bylaws' }).click();
    const bylaws = page.getByRole('dialog', { name: 'Record the founding bylaws' });
    await bylaws.getByLabel('Name of the bylaws').fill('労働者協同組合ワーカーズコープちば 定款');
    await bylaws.getByLabel('In force from').fill('2025-04-01');
    await bylaws.getByRole('textbox', { name: 'Notice of meeting (days before)' }).fill('7');
    await bylaws.getByRole('button', { name: 'Record the founding bylaws' }).click();
    await bylaws.getByText('Below what the law asks').waitFor();
    expect(await bylaws.getByRole('textbox', { name: 'Notice of meeting (days before)' }).getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await bylaws.getByRole('textbox', { name: 'Notice of meeting (days before)' }).fill('14');
    await bylaws.getByRole('button', { name: 'Record the founding bylaws' }).click();
    await bylaws.waitFor({ state: 'hidden' });
    const inForce = page.getByRole('table', { name: 'Bylaw settings in force' });
    const noticeRow = inForce.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Notice of meeting (days before)' }) });
    await expect.poll(() => noticeRow.getByRole('cell').allInnerTexts()).toEqual(['14 days before', 'Version 1 (founding bylaws, from 1 April 2025)']);
    await page.getByRole('article', { name: /^Version 1: / }).getByText('In force', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'bylaws-en.png'), fullPage: true });

    // The board: established, and a director seated for two years.
    await page.getByRole('tab', { name: 'Bodies and officers' }).click();
    await page.getByRole('combobox', { name: 'Body to establish' }).selectOption({ label: 'Board of directors' });
    await page.getByRole('button', { name: 'Establish' }).click();
    await page.getByRole('button', { name: /^Board of Directors/ }).click();
    await page.getByRole('button', { name: 'Record a seat' }).click();
    const seat = page.getByRole('dialog', { name: 'Record a seat on the Board of Directors' });
    await chooseVoter(page, seat, 'Member', '0601');
    await seat.getByLabel('Term until').fill(japanDate(700));
    expect(await seriousViolations(page)).toEqual([]);
    await seat.getByRole('button', { name: 'Record a seat' }).click();
    await seat.waitFor({ state: 'hidden' });
    await page.getByRole('list', { name: 'Seats' }).getByText(/^議決 一郎 \(Director, /).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // An extraordinary assembly: an ordinary motion and an election of a director by approval voting.
    await page.getByRole('tab', { name: 'Meetings' }).click();
    await page.getByRole('button', { name: 'New meeting' }).click();
    const create = page.getByRole('dialog', { name: 'New meeting' });
    const day = japanDate(20);
    await create.getByLabel('Name of the meeting').fill('臨時総会');
    await create.getByLabel('Starts').fill(`${day}T10:00`);
    await create.getByLabel('Online meeting address').fill('https://meet.example/chiba');
    await create.getByLabel('Record date').fill(japanDate(0));
    await create.getByRole('button', { name: 'New meeting' }).click();
    await page.getByRole('heading', { name: '臨時総会', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Add a motion' }).click();
    let add = page.getByRole('dialog', { name: 'Add a motion' });
    await add.getByLabel('Title').fill('事業所開設の件');
    await add.getByRole('button', { name: 'Add a motion' }).click();
    await add.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Add a motion' }).click();
    add = page.getByRole('dialog', { name: 'Add a motion' });
    await add.getByRole('combobox', { name: 'Kind of motion' }).selectOption({ label: 'Election' });
    await add.getByLabel('Title').fill('理事補欠選任の件');
    await add.getByRole('button', { name: 'Add a motion' }).click();
    await add.getByText('At least as many candidates as seats').waitFor();
    await chooseVoter(page, add, 'Add a candidate', '0602');
    await chooseVoter(page, add, 'Add a candidate', '0603');
    await add.getByRole('list', { name: 'Candidates' }).getByText('0603 書面 三郎').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await add.getByRole('button', { name: 'Add a motion' }).click();
    await add.waitFor({ state: 'hidden' });
    // And an auditor by single transferable vote: three candidates for one seat.
    await page.getByRole('button', { name: 'Add a motion' }).click();
    add = page.getByRole('dialog', { name: 'Add a motion' });
    await add.getByRole('combobox', { name: 'Kind of motion' }).selectOption({ label: 'Election' });
    await add.getByLabel('Title').fill('監事選任の件');
    await add.getByRole('combobox', { name: 'Office' }).selectOption({ label: 'Auditor' });
    await add.getByRole('combobox', { name: 'Method' }).selectOption({ label: 'Single transferable vote (Scottish rules)' });
    for (const number of ['0602', '0603', '0604']) await chooseVoter(page, add, 'Add a candidate', number);
    await add.getByRole('button', { name: 'Add a motion' }).click();
    await add.waitFor({ state: 'hidden' });
    const ordinary = page.getByRole('article', { name: /^Motion 1: 事業所開設の件/ });
    const ranked = page.getByRole('article', { name: /^Motion 3 \(election\): 監事選任の件/ });
    await ranked.getByText('Auditor · 1 to elect · Single transferable vote (Scottish rules)').waitFor();
    const election = page.getByRole('article', { name: /^Motion 2 \(election\): 理事補欠選任の件/ });
    await election.getByText('Director · 1 to elect · Approval voting').waitFor();
    await page.screenshot({ path: path.join(shots, 'meeting-agenda-en.png'), fullPage: true });

    // A document for the members, then convened without e-mail; the fourth member's proxy form and the third's written vote are entered.
    await page.getByRole('tab', { name: 'Notice and documents' }).click();
    const documents = page.getByRole('region', { name: 'Documents' });
    await documents.getByRole('button', { name: 'Add the document' }).click();
    await documents.getByText('Please fill this in').waitFor();
    await documents.locator('input[type=file]').setInputFiles({ name: '事業所開設計画.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 plan') });
    await documents.getByRole('button', { name: 'Add the document' }).click();
    await documents.getByRole('link', { name: '事業所開設計画.pdf' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('checkbox', { name: 'Send by e-mail' }).uncheck();
    await page.getByRole('button', { name: 'Convene' }).click();
    await page.getByText('Convened. Members entitled to vote: 4', { exact: false }).waitFor();
    await page.getByText(/No e-mail was sent\. Print the notice PDF and send it to all 4 members\./).waitFor();
    await page.getByRole('tab', { name: 'Participation' }).click();
    await page.getByRole('button', { name: 'Enter a proxy form' }).click();
    const proxyForm = page.getByRole('dialog', { name: 'Enter a proxy form' });
    await chooseVoter(page, proxyForm, 'Member appointing a proxy', '0604');
    await chooseVoter(page, proxyForm, 'Proxy', '0601');
    await proxyForm.getByRole('button', { name: 'Appoint the proxy' }).click();
    await proxyForm.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Participation' });
    const rowOf = (memberNumber: string) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: memberNumber, exact: true }) });
    await expect.poll(() => rowOf('0604').getByRole('cell').nth(4).innerText()).toBe('Proxy: 議決 一郎');
    await expect.poll(() => rowOf('0601').getByRole('cell').nth(4).innerText()).toBe('Proxy for 1 member');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await ordinary.getByRole('button', { name: 'Enter a written vote' }).click();
    const written = page.getByRole('dialog', { name: 'Enter a written vote' });
    await chooseVoter(page, written, 'Member who sent the form', '0603');
    await written.getByRole('radio', { name: 'Against' }).check();
    await written.getByRole('button', { name: 'Record the written vote' }).click();
    await written.getByText('Give this receipt to the member.', { exact: false }).waitFor();
    await written.getByRole('button', { name: 'Close' }).last().click();

    // The first member votes for themselves and, as proxy, for the fourth; approves one candidate.
    const first = await demo.newPage();
    await signIn(first.page, server.url, MEMBERS[0].email!, server.password);
    // A member's navigation offers their home, their votes and their account, not the staff sections.
    const navigation = first.page.getByRole('navigation', { name: 'メインメニュー' });
    await navigation.getByRole('link', { name: '投票', exact: true }).waitFor();
    for (const staffSection of ['組合員', '出資', '総会・議決', '従事・労働', 'ユーザー']) {
      expect(await navigation.getByRole('link', { name: staffSection, exact: true }).count()).toBe(0);
    }
    await first.page.getByRole('link', { name: '投票', exact: true }).first().click();
    const meeting = first.page.getByRole('article', { name: '臨時総会' });
    await meeting.getByText('あなたは次の組合員の代理人です: 代理 四郎').waitFor();
    await meeting.getByRole('link', { name: '事業所開設計画.pdf' }).waitFor();
    const own = meeting.getByRole('region', { name: /^第1号議案\s+事業所開設の件/ });
    await own.getByRole('radiogroup', { name: '事業所開設の件', exact: true }).getByRole('radio', { name: '賛成' }).check();
    await own.getByRole('button', { name: '投票する', exact: true }).click();
    await own.getByText('投票を受け付けました').waitFor();
    await own.getByRole('radiogroup', { name: '事業所開設の件（代理 四郎の代理）' }).getByRole('radio', { name: '賛成' }).check();
    await own.getByRole('button', { name: '代理人として投票する' }).click();
    await own.getByText('代理 四郎の票を受け付けました').waitFor();
    const ballot = meeting.getByRole('region', { name: /^第2号議案（選挙）\s+理事補欠選任の件/ });
    await ballot.getByRole('group', { name: '理事補欠選任の件', exact: true }).getByRole('checkbox', { name: '議決 二葉' }).check();
    expect(await seriousViolations(first.page)).toEqual([]);
    await ballot.getByRole('button', { name: '投票する', exact: true }).click();
    await ballot.getByText('投票を受け付けました').waitFor();
    // The ranked ballot: a rank chosen for one candidate.
    const ranking = meeting.getByRole('region', { name: /^第3号議案（選挙）\s+監事選任の件/ });
    const ownRanking = ranking.getByRole('group', { name: '監事選任の件', exact: true });
    await ranking.getByRole('button', { name: '投票する', exact: true }).click();
    await ownRanking.getByText('少なくとも1人に順位を付けてください').waitFor();
    await ownRanking.getByRole('combobox', { name: '代理 四郎の順位' }).selectOption('1');
    await ownRanking.getByText('現在の順位: 1. 代理 四郎').waitFor();
    expect(await seriousViolations(first.page)).toEqual([]);
    await ranking.getByRole('button', { name: '投票する', exact: true }).click();
    await ranking.getByText('投票を受け付けました').waitFor();
    expect(await seriousViolations(first.page)).toEqual([]);
    await first.page.screenshot({ path: path.join(shots, 'voting-proxy-ja.png'), fullPage: true });
    expect(first.errors).toEqual([]);
    await first.context.close();

    // The second member, on a phone in English, appoints a proxy and revokes it, then votes against and approves the other candidate.
    const second = await demo.newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    await signIn(second.page, server.url, MEMBERS[1].email!, server.password);
    await second.page.getByRole('link', { name: '投票', exact: true }).first().waitFor({ state: 'attached' });
    await second.page.evaluate(() => localStorage.setItem('kyodo.locale', 'en'));
    await second.page.goto(`${server.url}/voting`);
    await second.page.getByRole('heading', { name: 'Voting', level: 1 }).waitFor();
    const theirs = second.page.getByRole('article', { name: '臨時総会' });
    await chooseVoter(second.page, theirs, 'Member to act as your proxy', '0603');
    await theirs.getByRole('button', { name: 'Appoint the proxy' }).click();
    await theirs.getByText('Your proxy: 書面 三郎').waitFor();
    await theirs.getByRole('button', { name: 'Revoke' }).click();
    await theirs.getByRole('combobox', { name: 'Member to act as your proxy' }).waitFor();
    const against = theirs.getByRole('region', { name: /^Motion 1: 事業所開設の件/ });
    await against.getByRole('radio', { name: 'Against' }).check();
    await against.getByRole('button', { name: 'Vote', exact: true }).click();
    await against.getByText('Your vote is recorded').waitFor();
    const approve = theirs.getByRole('region', { name: /^Motion 2 \(election\): 理事補欠選任の件/ });
    await approve.getByRole('checkbox', { name: '書面 三郎' }).check();
    await approve.getByRole('button', { name: 'Vote', exact: true }).click();
    await approve.getByText('Your vote is recorded').waitFor();
    // Ranks moved with the arrow buttons, no dragging: the fourth member first, then the third.
    const rank = theirs.getByRole('region', { name: /^Motion 3 \(election\): 監事選任の件/ });
    await rank.getByRole('button', { name: 'Move 代理 四郎 up' }).click();
    await rank.getByRole('button', { name: 'Move 書面 三郎 up' }).click();
    await rank.getByText('Your ranking: 1. 代理 四郎, 2. 書面 三郎').waitFor();
    expect(await seriousViolations(second.page)).toEqual([]);
    await rank.getByRole('button', { name: 'Vote', exact: true }).click();
    await rank.getByText('Your vote is recorded').waitFor();
    expect(await second.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(second.page)).toEqual([]);
    await second.page.screenshot({ path: path.join(shots, 'voting-phone-en.png'), fullPage: true });
    expect(second.errors).toEqual([]);
    await second.context.close();

    // The room: the session opens and the second member joins online.
    await page.getByRole('tab', { name: 'Room and votes' }).click();
    await page.getByRole('button', { name: 'Open the session' }).click();
    await page.getByRole('region', { name: 'Check-in' }).waitFor();
    const checkIn = page.getByRole('region', { name: 'Check-in' });
    await chooseVoter(page, checkIn, 'Member attending', '0602');
    await checkIn.getByText('Online', { exact: true }).click();
    await checkIn.getByRole('button', { name: 'Check in' }).click();
    const presence = page.getByRole('region', { name: 'Presence' });
    await presence.getByText('Quorum 2, present 4: the meeting can decide').waitFor();
    await expect.poll(() => presence.locator('dl > div').filter({ hasText: 'Online' }).locator('dd').innerText()).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);

    // The tellers: what is not a whole number is refused beside its field, more paper ballots than members in the
    // room who have not voted is refused as a whole, and an empty count is recorded.
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await ordinary.getByRole('button', { name: 'Enter the tellers\' count' }).click();
    const tellers = page.getByRole('dialog', { name: 'Enter the tellers\' count' });
    await tellers.getByRole('textbox', { name: 'Abstain' }).fill('two');
    await tellers.getByRole('button', { name: 'Record the count' }).click();
    await tellers.getByText('Enter a whole number, 0 or more').waitFor();
    await tellers.getByRole('textbox', { name: 'Abstain' }).fill('0');
    await tellers.getByRole('textbox', { name: 'For' }).fill('1');
    await tellers.getByRole('button', { name: 'Record the count' }).click();
    await tellers.getByRole('alert').filter({ hasText: 'More paper ballots than members in the room who have not voted on this motion.' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await tellers.getByRole('textbox', { name: 'For' }).fill('0');
    await tellers.getByRole('button', { name: 'Record the count' }).click();
    await tellers.waitFor({ state: 'hidden' });
    await page.getByText('The count of 0 ballots is recorded.').waitFor();

    // Two for, two against: the chair decides. The election is tied too, and the lot decides.
    await ordinary.getByRole('button', { name: 'Close the vote (事業所開設の件)' }).click();
    await page.getByRole('dialog', { name: 'Close the vote' }).getByRole('button', { name: 'Close and declare the result' }).click();
    const chair = page.getByRole('dialog', { name: 'The chair decides' });
    await chair.getByText('The votes are tied.', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await chair.getByRole('button', { name: 'Declare the decision' }).click();
    await chair.getByText('Please fill this in').waitFor();
    await chair.getByRole('radio', { name: 'Adopted' }).check();
    await chair.getByRole('button', { name: 'Declare the decision' }).click();
    await chair.waitFor({ state: 'hidden' });
    await ordinary.getByText('Tied (2 for, 2 against): adopted by the chair\'s decision').waitFor();
    await election.getByRole('button', { name: 'Close the vote (理事補欠選任の件)' }).click();
    await page.getByRole('dialog', { name: 'Close the vote' }).getByRole('button', { name: 'Close and declare the result' }).click();
    await election.getByText(/^Elected by approval voting, most approvals first \(1 to elect\): (議決 二葉|書面 三郎) \(1\)\. The last seat was tied \(1 each\) and settled by lot: (議決 二葉|書面 三郎)$/).waitFor();
    await ranked.getByRole('button', { name: 'Close the vote (監事選任の件)' }).click();
    await page.getByRole('dialog', { name: 'Close the vote' }).getByRole('button', { name: 'Close and declare the result' }).click();
    await ranked.getByText('Elected by single transferable vote, in the order they reached the quota (2): 代理 四郎').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'meeting-results-en.png'), fullPage: true });

    // The elected director takes a seat on the board.
    await page.goto(`${server.url}/assemblies?tab=bodies`);
    await page.getByRole('button', { name: /^Board of Directors/ }).click();
    const seats = page.getByRole('list', { name: 'Seats' });
    await seats.getByText(/^代理 四郎 \(Auditor, .+ · elected at a meeting$/).waitFor();
    await seats.getByText(/^(議決 二葉|書面 三郎) \(Director, .+ · elected at a meeting$/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('shows the federation administrator an organization\'s meetings once it is chosen', async () => {
    const { context, page, errors } = await demo.newPage();
    const { server } = demo;
    await signIn(page, server.url, 'admin@kyodo.example', server.password);
    await page.getByRole('link', { name: '総会・議決', exact: true }).filter({ visible: true }).first().click();
    await page.getByText('組合を選ぶと、その会議、機関、定款を表示します。').waitFor();
    await page.getByRole('combobox', { name: '団体' }).selectOption({ label: '労働者協同組合ワーカーズコープちば' });
    const meetings = page.getByRole('table', { name: '会議' });
    const row = meetings.getByRole('row').filter({ has: page.getByRole('link', { name: TITLE }) });
    await expect.poll(() => row.getByRole('cell').last().innerText()).toBe('閉会');
    await meetings.getByRole('link', { name: '臨時総会' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'assemblies-federation-ja.png'), fullPage: true });
    await row.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByRole('article', { name: MOTION_HEADING }).getByText('出席組合員の議決権の過半数の賛成（必要数 2、賛成 2）により可決').waitFor();
    await page.getByRole('link', { name: '会議の一覧へ戻る' }).click();
    await meetings.getByRole('link', { name: TITLE }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
