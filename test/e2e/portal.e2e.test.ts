import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, useDemoInBrowser } from '../support/browser.js';
import { pdfText } from '../support/poppler.js';

/** Today in Japan, as the server counts days. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

describe.runIf(chromiumAvailable)('the member portal on a phone in Chromium', () => {
  const demo = useDemoInBrowser();

  it('a member signs in with the code of a printed letter, adds a passkey, votes, and finds the receipt in the published results', async () => {
    // WebAuthn needs a host name, not an IP address, as the relying party.
    const url = demo.server.url.replace('127.0.0.1', 'localhost');
    const { page: clerk, context: office } = await demo.newPage();
    const signedIn = await office.request.post(`${url}/api/v1/auth/sign-in`, { data: { email: 'chiba-admin@kyodo.example', password: demo.server.password } });
    const { csrfToken, user } = (await signedIn.json()) as { csrfToken: string; user: { organizationId: string } };
    const headers = { 'x-csrf-token': csrfToken };
    void clerk;

    // A new member without e-mail; the office prints their sign-in letter (the code is only on the paper).
    const registered = await office.request.post(`${url}/api/v1/organizations/${user.organizationId}/members`, {
      headers, data: { person: { familyName: '手紙', givenName: '花子', familyKana: 'テガミ', givenKana: 'ハナコ', email: null }, memberNumber: '9901', kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01' },
    });
    expect(registered.status()).toBe(201);
    // A fellow member, who will hold the member's proxy for a while.
    expect((await office.request.post(`${url}/api/v1/organizations/${user.organizationId}/members`, {
      headers, data: { person: { familyName: '代理', givenName: '一郎', familyKana: 'ダイリ', givenKana: 'イチロウ', email: null }, memberNumber: '9902', kind: 'worker', firstEvent: 'admit', effectiveDate: '2025-04-01' },
    })).status()).toBe(201);
    const { membership } = (await registered.json()) as { membership: { id: string } };
    const letter = await office.request.post(`${url}/api/v1/memberships/${membership.id}/invitations/letter`, { headers, data: {} });
    expect(letter.headers()['content-type']).toMatch(/application\/pdf/);
    const text = pdfText(await letter.body());
    expect(text).toContain('手紙');
    const code = /([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})/.exec(text)![1]!;

    // The member, on a small phone with a platform authenticator.
    const { page, context: phone, errors } = await demo.newPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const cdp = await phone.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true } });
    await page.goto(`${url}/sign-in`);
    await page.getByRole('link', { name: 'サインインコードをお持ちの方' }).click();
    await page.getByLabel('サインインコード').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Typed as people type it from paper: lower case, full width, spaces for hyphens.
    await page.getByLabel('サインインコード').fill(code.toLowerCase().replace(/-/g, ' ').replace(/[a-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.getByRole('heading', { name: 'パスワードを決める' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('新しいパスワード').fill('a long member password');
    await page.getByLabel('同じパスワードをもう一度').fill('a long member password');
    await page.getByRole('button', { name: 'パスワードを決める' }).click();
    await page.getByRole('heading', { name: 'パスキーを追加しますか' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'パスキーを追加する' }).click();
    await page.getByRole('heading', { name: '準備ができました' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'マイページへ進む' }).click();
    await page.getByRole('heading', { name: 'マイページ', level: 1 }).waitFor();
    for (const section of ['わたしの組合員資格', 'わたしの出資', 'わたしの仕事', 'わたしの配当', '投票と総会', 'わたしの投票のレシート', 'れんらく先と名前・住所']) {
      await page.getByRole('heading', { name: section, level: 2 }).waitFor();
    }
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // The used code is spent; the member comes back with the passkey alone.
    await phone.clearCookies();
    await page.goto(`${url}/sign-in/code`);
    await page.getByLabel('サインインコード').fill(code);
    await page.getByRole('button', { name: '次へ進む' }).click();
    await page.getByText('このコードは使えません', { exact: false }).waitFor();
    await page.goto(`${url}/sign-in`);
    await page.getByRole('button', { name: 'パスキーを使う' }).click();
    await page.waitForURL(/\/my$/);

    // An extraordinary assembly with one motion: the member votes and keeps the receipt.
    const day = today();
    const meeting = await office.request.post(`${url}/api/v1/organizations/${user.organizationId}/meetings`, {
      headers, data: { bodyKind: 'general_assembly', title: '第1回臨時総会', startsAt: new Date(Date.now() + 20 * 86_400_000).toISOString(), place: '協同会館', recordDate: day },
    });
    const meetingId = ((await meeting.json()) as { id: string }).id;
    const motionId = ((await (await office.request.post(`${url}/api/v1/meetings/${meetingId}/motions`, { headers, data: { kind: 'ordinary', title: '事業計画承認の件' } })).json()) as { id: string }).id;
    expect((await office.request.post(`${url}/api/v1/meetings/${meetingId}/convene`, { headers, data: { noticeDate: day } })).ok()).toBe(true);
    // The member first gives a proxy to a fellow member, then changes their mind before the meeting, on マイページ.
    const session = (await (await page.request.get(`${url}/api/v1/auth/session`)).json()) as { csrfToken: string; user: { personId: string } };
    const voters = (await (await page.request.get(`${url}/api/v1/meetings/${meetingId}/voters?q=9902`)).json()) as { items: { personId: string; name: string }[] };
    const holder = voters.items.find((v) => v.name === '代理 一郎')!;
    expect((await page.request.post(`${url}/api/v1/meetings/${meetingId}/proxies`, { headers: { 'x-csrf-token': session.csrfToken }, data: { holderPersonId: holder.personId } })).ok()).toBe(true);
    await page.goto(`${url}/my`);
    await page.getByText('あなたの代理人:', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '代理をやめる' }).click();
    await page.getByRole('dialog', { name: '代理をやめますか' }).getByRole('button', { name: '代理をやめる' }).click();
    await page.getByText('代理をやめました。').waitFor();
    await page.getByText('投票できます').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '投票する' }).first().click();
    const ballot = page.getByRole('region', { name: /事業計画承認の件/ });
    await ballot.getByRole('radio', { name: '賛成' }).check();
    await ballot.getByRole('button', { name: '投票する', exact: true }).click();
    const receipt = (await ballot.locator('code').innerText()).trim();
    expect(receipt).not.toBe('');
    expect(await seriousViolations(page)).toEqual([]);

    // The count closes; the published tally lists the receipt with the choice, and マイページ checks it.
    expect((await office.request.post(`${url}/api/v1/meetings/${meetingId}/session`, { headers, data: {} })).ok()).toBe(true);
    expect((await office.request.post(`${url}/api/v1/motions/${motionId}/close`, { headers, data: {} })).ok()).toBe(true);
    const tally = (await (await page.request.get(`${url}/api/v1/motions/${motionId}/tally`)).json()) as { receipts?: { receipt: string; choice: string }[]; ballots?: { receipt: string; choice: string }[] };
    const published = tally.receipts ?? tally.ballots ?? [];
    expect(published).toContainEqual(expect.objectContaining({ receipt, choice: 'for' }));
    await page.goto(`${url}/my`);
    const mine = page.getByRole('region', { name: 'わたしの投票のレシート' });
    await mine.getByText(receipt).waitFor();
    await mine.getByRole('button', { name: 'レシートを確認' }).click();
    await mine.getByRole('status').filter({ hasText: '賛成' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Larger text and strong contrast for older members: still no serious violations, still one column.
    await page.goto(`${url}/my/settings`);
    await page.getByRole('heading', { name: '設定', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('文字を大きくする').check({ force: true });
    await page.getByLabel('色をはっきりさせる').check({ force: true });
    await page.goto(`${url}/my`);
    await page.getByRole('heading', { name: 'わたしの組合員資格' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: path.join(shots, 'portal-phone-ja.png'), fullPage: true });

    // The page a member returns to if they left before choosing a password, and マイページ in English.
    await page.goto(`${url}/set-password`);
    await page.getByRole('heading', { name: 'パスワードを決める', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${url}/my`);
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'My page', level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  }, 120_000);
});
