import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';

/** Today in Japan, as the server counts days. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

interface Cell { value: number | null; suppressed: boolean }
interface Report { indicators: { code: string; nameJa: string; actual: Cell | null }[] }

describe.runIf(chromiumAvailable)('commissioned programmes in Chromium', () => {
  const demo = useDemoInBrowser();

  it('a caseworker takes a participant in, records a job experience and a placement, and the commissioner\'s report counts them', async () => {
    const { server } = demo;
    const { page, errors } = await demo.newPage();
    await signIn(page, server.url, 'center-caseworker@kyodo.example', server.password);
    await page.getByRole('link', { name: '支援対象者', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { name: '支援対象者', level: 1 }).waitFor();
    await page.getByRole('table', { name: /若者サポートステーションの支援対象者/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The station's contract running today, and its placements so far, as the commissioner's report counts them.
    const centre = await page.evaluate(async () => (await (await fetch('/api/v1/me/case-sites')).json()) as { items: { siteId: string; organizationId: string }[] });
    const { siteId, organizationId } = centre.items[0]!;
    const contracts = await page.evaluate(async (id) => (await (await fetch(`/api/v1/organizations/${id}/contracts`)).json()) as { items: { id: string; siteIds: string[]; periodFrom: string; periodUntil: string }[] }, organizationId);
    const contract = contracts.items.find((c) => c.siteIds.includes(siteId) && c.periodFrom <= today && today <= c.periodUntil)!;
    const report = (): Promise<Report> => page.evaluate(async (id) => (await (await fetch(`/api/v1/contracts/${id}/report`)).json()) as Report, contract.id);
    const placements = (r: Report) => r.indicators.find((i) => i.code === 'job-placements')!.actual!;
    const registrations = (r: Report) => r.indicators.find((i) => i.code === 'new-registrations')!.actual!;
    const before = await report();

    // Intake: the circumstances stay closed until the participant consents to their collection.
    await page.getByRole('link', { name: /で新規受付/ }).click();
    await page.getByRole('heading', { name: '新規受付', level: 1 }).waitFor();
    await page.getByRole('combobox', { name: '年齢区分' }).selectOption({ label: '20〜24歳' });
    await page.getByRole('textbox', { name: '姓', exact: true }).fill('木下');
    await page.getByRole('textbox', { name: '名', exact: true }).fill('悠真');
    await page.getByRole('textbox', { name: 'セイ（フリガナ）' }).fill('きのした');
    await page.getByRole('textbox', { name: 'メイ（フリガナ）' }).fill('ユウマ');
    await page.getByRole('checkbox', { name: '支援のための個人情報の利用' }).check();
    const circumstances = page.getByRole('textbox', { name: /状況（要配慮個人情報）/ });
    expect(await circumstances.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: '要配慮個人情報の取得' }).check();
    await circumstances.fill('不登校の経験あり。通院中。');
    await page.getByRole('checkbox', { name: '委託元への報告（統計）' }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '受付を登録' }).click();
    const heading = page.getByRole('heading', { name: /木下 悠真（P-\d{4}-\d{4}）/, level: 1 });
    await heading.waitFor();
    const reference = /（(P-\d{4}-\d{4})）/.exec((await heading.textContent())!)![1]!;
    await page.getByText('不登校の経験あり。通院中。').waitFor();

    // A job experience, then a placement: the follow-ups at 1, 3, 6 and 12 months are scheduled.
    await page.getByRole('button', { name: '活動を記録' }).first().click();
    const activity = page.getByRole('dialog', { name: '活動を記録' });
    await activity.getByRole('combobox', { name: '種類' }).selectOption({ label: '職場体験' });
    await activity.getByRole('textbox', { name: '実施日' }).fill(today);
    await activity.getByRole('textbox', { name: '時間（分）' }).fill('180');
    await activity.getByRole('button', { name: '活動を記録' }).click();
    await activity.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: /活動の記録（1件）/ }).getByText('職場体験').waitFor();

    await page.getByRole('button', { name: '進路を記録' }).first().click();
    const outcome = page.getByRole('dialog', { name: '進路を記録' });
    await outcome.getByRole('combobox', { name: '進路' }).selectOption({ label: '就職' });
    await outcome.getByRole('textbox', { name: '決定日' }).fill(today);
    await outcome.getByRole('button', { name: '進路を記録' }).click();
    await outcome.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: /定着フォロー（就職・/ }).waitFor();
    await page.getByRole('button', { name: '1か月後の定着フォローを記録' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'participant-ja.png'), fullPage: true });

    // The report counts the new registration and the placement, and names no one.
    const after = await report();
    expect(registrations(after).suppressed || registrations(after).value === registrations(before).value! + 1).toBe(true);
    expect(placements(after).suppressed || placements(after).value === placements(before).value! + 1).toBe(true);
    await page.goto(`${server.url}/programmes/contracts/${contract.id}/report`);
    await page.getByRole('heading', { name: /実績報告/, level: 1 }).waitFor();
    const indicators = page.getByRole('table', { name: '指標ごとの目標値・実績値・達成率' });
    const placementRow = indicators.getByRole('row').filter({ hasText: after.indicators.find((i) => i.code === 'job-placements')!.nameJa });
    await placementRow.getByText(placements(after).suppressed ? '<5※' : new Intl.NumberFormat('ja-JP').format(placements(after).value!), { exact: true }).waitFor();
    expect(await page.content()).not.toContain('木下');
    expect(await seriousViolations(page)).toEqual([]);

    // A period of one day holds one registration: too few to show.
    await page.goto(`${server.url}/programmes/contracts/${contract.id}/report?from=${today}&until=${today}`);
    await indicators.getByRole('row').filter({ hasText: after.indicators.find((i) => i.code === 'new-registrations')!.nameJa }).getByText('<5※').waitFor();
    await page.screenshot({ path: path.join(shots, 'contract-report-ja.png'), fullPage: true });

    // The office lead sees who read the record.
    const lead = await demo.newPage();
    await signIn(lead.page, server.url, 'center-office-lead@kyodo.example', server.password);
    await lead.page.getByRole('link', { name: '支援対象者', exact: true }).filter({ visible: true }).first().click();
    await lead.page.getByRole('link', { name: /の閲覧記録/ }).click();
    await lead.page.getByRole('heading', { name: '閲覧記録', level: 1 }).waitFor();
    await lead.page.getByRole('row').filter({ hasText: reference }).filter({ hasText: 'center-caseworker@kyodo.example' }).first().waitFor();
    expect(await seriousViolations(lead.page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(lead.errors).toEqual([]);
  }, 120_000);
});
