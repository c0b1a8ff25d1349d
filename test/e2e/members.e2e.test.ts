import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';

/** A registry as a clerk's spreadsheet saves it: Shift_JIS, half-width kana, full-width digits, an era date. */
const memberCsv = iconv.encode(
  [
    '組合員番号,姓,名,セイ,メイ,組合員の種類,加入日',
    '９００１,山田,協子,ﾔﾏﾀﾞ,ｷｮｳｺ,労働者組合員,令和6年4月1日',
    '９００２,髙橋,太郎,タカハシ,タロウ,労働者組合員,令和６年４月１日',
  ].join('\r\n') + '\r\n',
  'cp932',
);

describe.runIf(chromiumAvailable)('importing members from CSV in Chromium', () => {
  const demo = useDemoInBrowser();

  it('previews a Shift_JIS file, imports it and finds the member by kana', async () => {
    const { context, page, errors } = await demo.newPage();
    const { server } = demo;

    await signIn(page, server.url, 'chiba-clerk@kyodo.example', server.password);

    await page.getByRole('link', { name: '組合員', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { name: '組合員名簿', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'CSVで書き出す' }).waitFor();
    await page.getByRole('link', { name: 'CSVから取り込む' }).click();
    await page.getByRole('heading', { name: '組合員名簿の取り込み', level: 1 }).waitFor();

    await page.locator('input[type=file]').setInputFiles({ name: 'meibo.csv', mimeType: 'text/csv', buffer: memberCsv });
    await page.getByRole('button', { name: '内容を確認する' }).click();

    const preview = page.locator('section').filter({ has: page.getByRole('heading', { name: '2. 内容を確認する' }) });
    await preview.waitFor();
    await preview.getByText('Shift_JIS (CP932)', { exact: true }).waitFor();
    expect(await page.getByLabel('列「セイ」の取り込み先').inputValue()).toBe('familyKana');
    expect(await page.getByLabel('列「加入日」の取り込み先').inputValue()).toBe('admittedOn');
    await preview.getByText('誤りは見つかりませんでした。').waitFor();
    await preview.getByRole('cell', { name: '協子' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'member-import-preview-ja.png'), fullPage: true });

    expect(await page.getByLabel('すべて正しいときだけ取り込む').isChecked()).toBe(true);
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    const result = page.locator('section').filter({ has: page.getByRole('heading', { name: '取り込みが終わりました' }) });
    await result.waitFor();
    await expect.poll(() => result.getByRole('status').innerText()).toMatch(/新規\s*2/);
    await page.screenshot({ path: path.join(shots, 'member-import-done-ja.png'), fullPage: true });

    await result.getByRole('link', { name: '組合員名簿に戻る' }).click();
    await page.getByLabel('組合員を検索').fill('やまだ');
    await page.getByLabel('組合員を検索').press('Enter');
    await page.getByText(/山田\s*協子/).filter({ visible: true }).first().waitFor();

    // Open the member and correct the given name: the registry finds her under the new one.
    await page.getByRole('link', { name: /山田\s*協子/ }).filter({ visible: true }).first().click();
    await page.getByRole('button', { name: '本人の情報を訂正' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '名', exact: true }).fill('恭子');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText(/山田\s*恭子/).filter({ visible: true }).first().waitFor();
    const stored = await server.runtime.ctx.db.selectFrom('people').select('given_name').where('family_name', '=', '山田').execute();
    expect(stored.map((p) => p.given_name)).toContain('恭子');

    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows the rows being written as a measured progress bar on a large file', async () => {
    const { context, page, errors } = await demo.newPage();
    const { server } = demo;
    await signIn(page, server.url, 'chiba-clerk@kyodo.example', server.password);
    const rows = Array.from({ length: 6_000 }, (_, i) => `${70_000 + i},森,一${i},モリ,イチ,労働者組合員,2024-04-01`);
    const file = Buffer.from(['組合員番号,姓,名,セイ,メイ,組合員の種類,加入日', ...rows].join('\r\n') + '\r\n', 'utf8');

    await page.getByRole('link', { name: '組合員', exact: true }).filter({ visible: true }).first().waitFor();
    await page.goto(`${server.url}/members/import`);
    await page.getByRole('heading', { name: '組合員名簿の取り込み', level: 1 }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'large.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: '内容を確認する' }).click();
    await page.getByText('誤りは見つかりませんでした。').waitFor();

    // Every text the status line shows during the import, as it changes.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      new MutationObserver(() => {
        for (const status of document.querySelectorAll('[role=status]')) seen.push(status.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    const result = page.locator('section').filter({ has: page.getByRole('heading', { name: '取り込みが終わりました' }) });
    await result.waitFor({ timeout: 60_000 });
    await expect.poll(() => result.getByRole('status').innerText()).toMatch(/新規\s*6,000/);
    const texts = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
    const writing = texts.map((text) => /書き込んでいます… (\d+)%/.exec(text)?.[1]).filter((p) => p !== undefined).map(Number);
    expect(writing.some((percent) => percent > 0 && percent < 100)).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
