import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';

describe.runIf(chromiumAvailable)('advocacy campaigns in Chromium', () => {
  const demo = useDemoInBrowser();

  it('the federation records a ward assembly\'s adoption of the letter, and the headline, the map and the prefecture\'s figures move', async () => {
    const { server } = demo;
    const { page, errors } = await demo.newPage();
    await signIn(page, server.url, 'admin@kyodo.example', server.password);
    await page.getByRole('link', { name: '政策提言', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('link', { name: /労働者協同組合法/ }).first().click();

    // The seed's campaign: 878 of the 1,788 local assemblies adopted a letter asking for the law.
    const headline = page.getByTestId('campaign-headline');
    await headline.getByText('1,788団体中878団体（49.1%）').waitFor();
    const tokyo = page.locator('tr[data-prefecture="13"]');
    const before = (await tokyo.innerText()).split(/\s+/);
    expect(before[0]).toBe('東京都');
    const [adopted, total] = [Number(before[1]), Number(before[2])];
    await page.getByTestId('campaign-map').locator('svg').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // 千代田区 (131016) adopts the letter today.
    await page.getByRole('searchbox', { name: '名前・読み・コードで検索' }).fill('131016');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByRole('button', { name: '千代田区の段階を記録' }).click();
    const dialog = page.getByRole('dialog', { name: '千代田区の段階を記録' });
    await dialog.getByRole('combobox', { name: '新しい段階' }).selectOption('adopted');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '記録する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('千代田区を「採択（意見書可決）」として記録しました').waitFor();

    await headline.getByText('1,788団体中879団体（49.2%）').waitFor();
    const share = new Intl.NumberFormat('ja-JP', { style: 'percent', maximumFractionDigits: 1 }).format((adopted + 1) / total);
    await expect.poll(async () => (await tokyo.innerText()).split(/\s+/)).toEqual(['東京都', String(adopted + 1), String(total), share]);
    // The map colours Tokyo by the new share: its label reads the new figures.
    await expect.poll(async () => page.getByTestId('campaign-map').innerHTML()).toContain(share);
    await page.screenshot({ path: path.join(shots, 'campaign-ja.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
