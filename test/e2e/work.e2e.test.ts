import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';

/** Today in Japan, as the server and the demo count days. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const [year, month] = today.split('-').map(Number) as [number, number];
/** 2026年10月: last month, which the demo leaves approved and open. */
const lastMonth = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
const lastMonthName = `${lastMonth.year}年${lastMonth.month}月`;
const thisMonthName = `${year}年${month}月`;

describe.runIf(chromiumAvailable)('work records in Chromium', () => {
  const demo = useDemoInBrowser();

  it("the coordinator records a member's hours, approves the month, closes last month, imports a time clock's CSV and proposes how work is measured", async () => {
    const { server } = demo;
    const { page, errors } = await demo.newPage();
    await signIn(page, server.url, 'center-admin@kyodo.example', server.password);
    await page.getByRole('link', { name: '従事・労働', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { name: '就労の記録', level: 1 }).waitFor();
    const monthHeading = page.getByRole('heading', { name: thisMonthName, level: 2 });
    await monthHeading.waitFor();
    const records = page.getByRole('table', { name: '就労の記録' });
    await records.getByRole('row').nth(1).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Today's hours of a member at the care centre, in eldercare.
    await page.getByRole('button', { name: '就労を記録' }).click();
    const form = page.getByRole('dialog', { name: '就労を記録' });
    expect(await form.getByLabel('日付').inputValue()).toBe(today);
    await form.getByRole('button', { name: '記録する' }).click();
    await form.getByText('入力してください').first().waitFor();
    await form.getByRole('combobox', { name: '就労した人', exact: true }).fill('C-003');
    await page.getByRole('option', { name: /^C-003 / }).click();
    await form.getByRole('textbox', { name: '時間' }).fill('７：３０');
    await form.getByRole('textbox', { name: '現場' }).fill('池袋ケアセンター');
    await form.getByRole('combobox', { name: '事業' }).selectOption({ label: '高齢者介護' });
    expect(await seriousViolations(page)).toEqual([]);
    await form.screenshot({ path: path.join(shots, 'work-entry-ja.png') });
    await form.getByRole('button', { name: '記録する' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByText('就労を1件記録しました。').waitFor();
    const entered = records.getByRole('row').filter({ hasText: 'C-003' }).filter({ hasText: '7:30' }).first();
    await entered.getByText('未承認').waitFor();

    // The coordinator approves the whole month; this month has not ended, so it cannot be closed yet.
    await page.getByRole('button', { name: 'この月をすべて承認' }).click();
    await page.getByText(/件の記録を承認しました。/).waitFor();
    await entered.getByText('承認済').waitFor();
    await page.getByText('この月はまだ終わっていません。', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'この月を締める' }).isDisabled()).toBe(true);

    // Last month is approved: it is closed, after a confirmation, and its records change no more.
    await page.getByRole('combobox', { name: '月', exact: true }).selectOption({ label: lastMonthName });
    await page.getByRole('heading', { name: lastMonthName, level: 2 }).waitFor();
    await page.getByText('すべての記録が承認されています。この月を締められます。').waitFor();
    await page.getByRole('button', { name: 'この月を締める' }).click();
    const confirm = page.getByRole('dialog', { name: `${lastMonthName}を締める` });
    await confirm.getByText('締めを取り消すこともできません。', { exact: false }).waitFor();
    // Checked once the dialog has faded in: half-way its colours are neither the page's nor its own.
    await expect.poll(() => confirm.evaluate((dialog) => getComputedStyle(dialog).opacity)).toBe('1');
    expect(await seriousViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'この月を締める' }).click();
    await page.getByText(new RegExp(`${lastMonthName}を締めました`)).waitFor();
    await page.getByText('締め済', { exact: true }).first().waitFor();
    await page.getByText(/この月の記録はもう変更できません。/).waitFor();
    expect(await records.getByRole('button', { name: /承認を取り消す|修正|削除/ }).count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'work-month-closed-ja.png'), fullPage: true });

    // A time clock's CSV: a bad row is shown with its row and reason and nothing is imported; the corrected file goes in.
    await page.getByRole('link', { name: 'CSVから取り込む' }).click();
    await page.getByRole('heading', { name: '就労の記録の取り込み', level: 1 }).waitFor();
    const csv = (rows: string[]) => Buffer.from(`\uFEFF${['組合員番号,日付,時間,現場,事業', ...rows].join('\r\n')}\r\n`);
    await page.locator('input[type=file]').setInputFiles({ name: 'timecard.csv', mimeType: 'text/csv', buffer: csv([`C-004,${today},8,豊島区子育てひろば,子育て支援`, `C-999,${today},8,,`]) });
    await page.getByRole('button', { name: '内容を確認（まだ取り込みません）' }).click();
    const problems = page.getByRole('table', { name: '誤り（1件）' });
    await problems.getByRole('row').filter({ hasText: 'この組合員番号の組合員はいません' }).getByRole('cell', { name: '3', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /行を取り込む/ }).isDisabled()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('input[type=file]').setInputFiles({ name: 'timecard.csv', mimeType: 'text/csv', buffer: csv([`C-004,${today},8,豊島区子育てひろば,子育て支援`, `C-005,${today},6.5,,`]) });
    await page.getByRole('button', { name: '内容を確認（まだ取り込みません）' }).click();
    await page.getByText('誤りは見つかりませんでした', { exact: false }).waitFor();
    await page.getByRole('button', { name: '2行を取り込む' }).click();
    await page.getByText('取り込んだ記録は未承認です。', { exact: false }).waitFor();
    await page.screenshot({ path: path.join(shots, 'work-import-done-ja.png'), fullPage: true });
    await page.getByRole('link', { name: '取り込んだ記録を表示' }).click();
    await monthHeading.waitFor();
    await records.getByRole('row').filter({ hasText: 'C-005' }).filter({ hasText: '6:30' }).getByText('未承認').waitFor();

    // How work is measured is the bylaws': a proposed version states hours weighted by role, with a role's weight.
    await page.getByRole('link', { name: '総会・議決', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('tab', { name: '定款' }).click();
    const inForce = page.getByRole('table', { name: '効力のある定款の定め' });
    await inForce.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '従事分量の算定方法' }) }).getByText('役割による加重従事時間').waitFor();
    await inForce.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '役割による加重率' }) }).getByText('coordinator 125%').waitFor();
    await page.getByRole('button', { name: '定款の変更案を作成' }).click();
    const bylaws = page.getByRole('dialog', { name: '定款の変更案を作成' });
    await bylaws.getByRole('textbox', { name: '定款の名称' }).fill('定款変更案（従事分量の算定）');
    await bylaws.getByRole('combobox', { name: '従事分量の算定方法' }).selectOption({ label: '従事日数' });
    await bylaws.getByRole('button', { name: '役割を追加' }).click();
    await bylaws.getByRole('textbox', { name: '加重率 1（%）' }).fill('2000');
    await bylaws.getByRole('textbox', { name: '準備金に積み立てる割合（剰余金に対して）' }).fill('1/5');
    await bylaws.getByRole('button', { name: '定款の変更案を作成' }).click();
    await bylaws.getByText('入力してください', { exact: true }).waitFor();
    await bylaws.getByText('範囲外の値です', { exact: true }).waitFor();
    await bylaws.getByRole('textbox', { name: '役割 1' }).fill('現場責任者');
    await bylaws.getByRole('textbox', { name: '加重率 1（%）' }).fill('110');
    expect(await seriousViolations(page)).toEqual([]);
    await bylaws.getByRole('button', { name: '定款の変更案を作成' }).click();
    await bylaws.waitFor({ state: 'hidden' });
    await page.getByText('従事分量の算定方法: 従事日数', { exact: false }).waitFor();
    await page.getByText('役割による加重率: 現場責任者 110%', { exact: false }).waitFor();
    await page.getByText('準備金に積み立てる割合（剰余金に対して）: 5分の1以上', { exact: false }).waitFor();
    expect(errors).toEqual([]);
  }, 120_000);
});
