import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';

/** Today in Japan, as the server and the demo count days. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const [year, month] = today.split('-').map(Number) as [number, number];
/** The demo's organizations start their fiscal year in April: the year running today. */
const fiscalYear = month >= 4 ? year : year - 1;

describe.runIf(chromiumAvailable)('businesses in Chromium', () => {
  const demo = useDemoInBrowser();

  it('the administrator adds a site, enters its year, sees its workers counted from the work records, and imports results from CSV', async () => {
    const { server } = demo;
    const { page, errors } = await demo.newPage();
    await signIn(page, server.url, 'center-admin@kyodo.example', server.password);
    await page.getByRole('link', { name: '事業', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { name: '事業', level: 1 }).waitFor();
    const sites = page.getByRole('table', { name: '事業所' });
    // The demo's sites, among them the Youth Support Station the ministry commissions.
    await sites.getByRole('row').filter({ hasText: '若者サポートステーション' }).getByText('委託事業（委託元: 厚生労働省）').waitFor();

    // A new childcare room, commissioned: the commissioner is asked for.
    await page.getByRole('button', { name: '事業所を追加' }).first().click();
    const form = page.getByRole('dialog', { name: '事業所を追加' });
    await form.getByRole('textbox', { name: '事業所名', exact: true }).fill('南池袋保育室');
    await form.getByRole('combobox', { name: '事業分野' }).selectOption({ label: '子育て支援' });
    await form.getByText('委託事業', { exact: true }).click();
    await form.getByRole('textbox', { name: '開所日' }).fill('2026-04-01');
    await form.getByRole('button', { name: '保存' }).click();
    await form.getByText('入力してください').first().waitFor();
    await form.getByRole('textbox', { name: '委託元', exact: true }).fill('豊島区');
    await form.getByRole('textbox', { name: '定員' }).fill('２５');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'hidden' });
    await sites.getByRole('row').filter({ hasText: '南池袋保育室' }).getByText('委託事業（委託元: 豊島区）').waitFor();

    // This fiscal year (the demo records the years before it), named with its era: the figures entered for the care
    // centre the demo's work records name as their site, the surplus following from them.
    await page.getByRole('combobox', { name: '事業年度' }).selectOption({ value: String(fiscalYear) });
    const results = page.getByRole('table', { name: '事業所別の実績' });
    const row = results.getByRole('row').filter({ hasText: '池袋ケアセンター' });
    // The demo's work records at the centre give its workers, members and not.
    await row.getByText('（就労記録）', { exact: false }).waitFor();
    await row.getByRole('button', { name: '池袋ケアセンターの実績を入力' }).click();
    const entry = page.getByRole('dialog', { name: /池袋ケアセンター・/ });
    await entry.getByRole('textbox', { name: '事業高' }).fill('12,000,000');
    await entry.getByRole('textbox', { name: '経費' }).fill('11500000');
    await entry.getByText('剰余: 500,000円').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await entry.getByRole('button', { name: '保存' }).click();
    await entry.waitFor({ state: 'hidden' });
    await row.getByText('12,000,000円').waitFor();
    await results.getByRole('row').filter({ hasText: '合計（1事業所）' }).getByText('500,000円', { exact: true }).waitFor();

    // A results file with an unknown site is refused whole, its problem by row; the corrected file replaces the year.
    const csv = (rows: string[]) => Buffer.from(`\uFEFF${['事業所,年度,事業高,経費', ...rows].join('\r\n')}\r\n`);
    await page.locator('input[type=file]').setInputFiles({ name: 'results.csv', mimeType: 'text/csv', buffer: csv([`池袋ケアセンター,${fiscalYear}年度,13000000,12000000`, `大塚,${fiscalYear},1,1`]) });
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByText('3行目・事業所: この名前の事業所はありません').waitFor();
    await row.getByText('12,000,000円').waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'results.csv', mimeType: 'text/csv', buffer: csv([`池袋ケアセンター,FY${fiscalYear},13000000,12000000`]) });
    await page.getByRole('button', { name: '取り込む' }).click();
    await page.getByText('0件を追加し、1件を置き換えました。').waitFor();
    await row.getByText('13,000,000円').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'businesses-ja.png'), fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);

  it('the federation administrator adds a business line, which sites can then take', async () => {
    const { server } = demo;
    const { page, errors } = await demo.newPage();
    await signIn(page, server.url, 'admin@kyodo.example', server.password);
    await page.getByRole('link', { name: '事業', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { name: '事業', level: 1 }).waitFor();
    await page.getByRole('button', { name: '事業分野を追加' }).click();
    const form = page.getByRole('dialog', { name: '事業分野を追加' });
    await form.getByRole('textbox', { name: 'コード' }).fill('パン');
    await form.getByRole('button', { name: '追加する' }).click();
    await form.getByText('入力してください').first().waitFor();
    await form.getByRole('textbox', { name: '事業分野の名前', exact: true }).fill('パン製造');
    await form.getByRole('textbox', { name: '事業分野の名前（英語）' }).fill('Bakery');
    await form.getByRole('textbox', { name: 'コード' }).fill('Ｂａｋｅｒｙ');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: '追加する' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('事業分野「パン製造」を追加しました。').waitFor();

    await page.getByRole('combobox', { name: /団体/ }).first().selectOption({ index: 1 });
    await page.getByRole('button', { name: '事業所を追加' }).first().click();
    const site = page.getByRole('dialog', { name: '事業所を追加' });
    await site.getByRole('combobox', { name: '事業分野' }).selectOption({ label: 'パン製造' });
    expect(errors).toEqual([]);
  }, 120_000);
});
