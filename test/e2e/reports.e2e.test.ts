import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';

/**
 * The federation's dashboard over the seed's federation (kyodo demo --scale jwcu): for 2016年度 it shows what the
 * ILO interview says — 25 member organizations, 13,420 worker members, 51,206 older persons' co-op members, about
 * USD 300 million of turnover — and leads down to an organization and its sites, and to the annual report.
 */
describe.runIf(chromiumAvailable)('the federation dashboard in Chromium (seed-scale demo)', () => {
  const demo = useDemoInBrowser({ scale: 'jwcu' });

  it('shows the seed\'s fiscal 2016 on the dashboard, in yen and in US dollars, in Japanese and English', async () => {
    const { server } = demo;
    const { context, page, errors } = await demo.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, 'admin@kyodo.example', server.password);
    await page.getByRole('link', { name: '報告書', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '報告' }).waitFor();
    await page.getByRole('combobox', { name: '年度' }).selectOption({ label: '2016年度（平成28年度）' });
    const headline = page.getByRole('region', { name: '2016年度の概要' });
    await headline.getByText(/^13,420/).waitFor();
    const figures = await headline.innerText();
    // Each figure under its label: the seed's organizations and members, and ¥32,520,000,001 shortened as Japanese reports write it.
    expect(figures).toMatch(/会員団体\s+25\b/);
    expect(figures).toMatch(/労働者組合員\s+13,420/);
    expect(figures).toMatch(/利用者組合員\s+51,206/);
    expect(figures).toMatch(/事業高\s+325\.2億円/);
    await page.getByText('換算レート: 1 USD = 108.40円', { exact: false }).first().waitFor();
    await page.getByRole('table', { name: /2016年度の会員団体別の実績/ }).getByRole('row').filter({ hasText: 'ワーカーズコープちば' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'reports-fy2016-ja.png'), fullPage: true });

    // In US dollars at the year's rate, then in English.
    await page.getByText('米ドル', { exact: true }).click();
    await headline.getByText(/^3億ドル/).waitFor();
    await page.getByText('English', { exact: true }).first().click();
    const inEnglish = page.getByRole('region', { name: 'FY2016 at a glance' });
    await inEnglish.getByText(/^USD 300 million/).waitFor();
    expect(await inEnglish.innerText()).toMatch(/Worker members\s+13,420/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'reports-fy2016-en.png'), fullPage: true });
    // The account keeps the language: back to Japanese for the next test.
    await page.getByText('日本語', { exact: true }).first().click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('drills down from the federation to an organization and its sites, and makes the annual report with its progress', async () => {
    const { server } = demo;
    const { context, page, errors } = await demo.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, server.url, 'admin@kyodo.example', server.password);
    await page.getByRole('link', { name: '報告書', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('combobox', { name: '年度' }).selectOption({ label: '2016年度（平成28年度）' });
    await page.getByRole('region', { name: '2016年度の概要' }).waitFor();
    await page.getByRole('link', { name: '労働者協同組合ワーカーズコープちば' }).first().click();
    // The organization's own report, in the same year, with Aguriin among its sites.
    await page.getByRole('combobox', { name: '年度' }).waitFor();
    expect(await page.getByRole('combobox', { name: '年度' }).inputValue()).toBe('2016');
    await page.getByRole('table', { name: /事業所別の実績/ }).getByRole('row').filter({ hasText: 'アグリーン' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'reports-organization-ja.png'), fullPage: true });

    await page.getByRole('link', { name: '連合会の報告へ戻る' }).click();
    await page.getByRole('heading', { name: '年次報告書（PDF）' }).waitFor();
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByRole('button', { name: 'PDFを作成してダウンロード' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^annual-report-\d{4}-ja\.pdf$/);
    await page.getByText(/をダウンロードしました/).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000);
});
