import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';

describe.runIf(chromiumAvailable)('the web app in Chromium', () => {
  const demo = useDemoInBrowser();

  it('signs in in Japanese, switches to English and keeps it, edits an organization and sees it in the history, signs out', async () => {
    const { context, page, errors } = await demo.newPage();
    const { server } = demo;

    await page.goto(server.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
    await page.getByLabel('メールアドレス').fill('admin@kyodo.example');
    await page.getByLabel('パスワード').fill(server.password);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'サインイン' }).click();

    // The federation and its member organizations, in Japanese.
    await page.getByRole('heading', { name: '連合会' }).first().waitFor();
    await page.getByText('労働者協同組合ワーカーズコープちば').filter({ visible: true }).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'federation-ja.png'), fullPage: true });

    // English is one click away, and remembered after a reload.
    await page.getByText('English', { exact: true }).first().click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('Workers Co-op Chiba').filter({ visible: true }).first().waitFor();
    await page.reload();
    await page.getByText('Workers Co-op Chiba').filter({ visible: true }).first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Open one organization, edit it, and find the change in its history.
    await page.getByRole('link', { name: 'Workers Co-op Chiba' }).filter({ visible: true }).first().click();
    await page.getByRole('tab', { name: 'Edit' }).click();
    const nameEn = page.getByLabel('Name (English)');
    await nameEn.fill('Workers Co-op Chiba (Shibayama)');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved').first().waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText('Workers Co-op Chiba (Shibayama)').first().waitFor();
    await page.getByText('admin@kyodo.example').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'organization-history-en.png'), fullPage: true });

    const stored = await server.runtime.ctx.db.selectFrom('organizations').select('name_en').where('code', '=', 'wc-chiba').executeTakeFirstOrThrow();
    expect(stored.name_en).toBe('Workers Co-op Chiba (Shibayama)');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('works on a small phone screen', async () => {
    const { context, page } = await demo.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await signIn(page, demo.server.url, 'chiba-admin@kyodo.example', demo.server.password);
    await page.getByText('労働者協同組合ワーカーズコープちば').filter({ visible: true }).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'phone-ja.png'), fullPage: true });
    await context.close();
  });
});
