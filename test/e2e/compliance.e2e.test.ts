import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';

/**
 * The compliance board on the demo federation, on a fixed date so that what the demo records (the Centre Jigyodan's
 * board until June 2027, its members' work since April 2026, no labour contracts recorded) gives the same board
 * whatever the day the test runs.
 */
const date = '2026-11-27';
const jigyodan = '労働者協同組合ワーカーズコープ・センター事業団';

describe.runIf(chromiumAvailable)('the compliance board in Chromium', () => {
  const demo = useDemoInBrowser();

  it('shows the federation administrator the whole federation, then one organization with its projected breach', async () => {
    const { server } = demo;
    const { context, page, errors } = await demo.newPage();
    await signIn(page, server.url, 'admin@kyodo.example', server.password);
    await page.getByRole('heading', { name: '日本労働者協同組合（ワーカーズコープ）連合会', level: 1 }).waitFor();
    await page.getByRole('link', { name: '法令遵守', exact: true }).filter({ visible: true }).first().click();
    await page.getByRole('heading', { name: '法令遵守状況', level: 1 }).waitFor();
    await page.getByText('連合会全体', { exact: true }).first().waitFor();
    await page.getByLabel('基準日').fill(date);
    await page.getByText('令和8年（2026年）11月27日現在・加盟5団体').waitFor();

    // Directors: every organization must have three; the Centre's terms end in June 2027, the others have no board.
    const directors = page.getByRole('region', { name: '理事', exact: true });
    await directors.getByText('5団体のうち1団体が満たしています').waitFor();
    const attention = directors.getByRole('list', { name: '対応が必要な団体（理事）' });
    await attention.getByRole('link', { name: '労働者協同組合ワーカーズコープちば' }).waitFor();
    const centre = attention.getByRole('listitem').filter({ hasText: jigyodan });
    await centre.getByText('令和9年（2027年）6月22日に下回る見込み').waitFor();
    // Members added up: eleven of the Centre's twelve members work (their work is recorded; the auditor does not),
    // none under a recorded contract.
    const engaged = page.getByRole('region', { name: '事業に従事する組合員' });
    await engaged.getByText('組合員12人のうち11人が従事（91.7%）').waitFor();
    await engaged.getByRole('img', { name: /^事業に従事する組合員の推移/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'compliance-federation-ja.png'), fullPage: true });

    await centre.getByRole('link', { name: jigyodan }).click();
    await page.getByText(jigyodan, { exact: true }).first().waitFor();
    expect(new URL(page.url()).searchParams.get('organization')).not.toBeNull();
    const board = page.getByRole('region', { name: '理事', exact: true });
    await board.getByText('理事4人').waitFor();
    await board.getByRole('alert').filter({ hasText: '任期の満了により、令和9年（2027年）6月22日から基準を下回ります（後任が記録されていません）。' }).waitFor();
    await board.getByText('注意', { exact: true }).waitFor();
    const votes = page.getByRole('region', { name: '労働契約のある組合員の議決権' });
    await votes.getByText('満たしていません', { exact: true }).waitFor();
    await votes.getByText('労働者協同組合法 第3条第2項第4号').waitFor();
    // The chart draws the floor (50%) as a dashed line, labelled.
    await votes.getByRole('img', { name: /法定の基準 50%$/ }).locator('svg').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'compliance-organization-ja.png'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows a clerk their own organization\'s board on a 360 px phone, in English', async () => {
    const { server } = demo;
    const { context, page, errors } = await demo.newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    await signIn(page, server.url, 'chiba-clerk@kyodo.example', server.password);
    await page.getByText('労働者協同組合ワーカーズコープちば').filter({ visible: true }).first().waitFor();
    await page.evaluate(() => localStorage.setItem('kyodo.locale', 'en'));
    await page.goto(`${server.url}/compliance?date=${date}`);
    await page.getByRole('heading', { name: 'Compliance', level: 1 }).waitFor();
    // Staff see their own organization: nothing to choose.
    expect(await page.getByRole('combobox', { name: 'Organization' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Directors' }).getByText('Not met', { exact: true }).waitFor();
    const engaged = page.getByRole('region', { name: 'Members engaged in the work' });
    await engaged.getByText('Cannot be judged', { exact: true }).waitFor();
    await engaged.getByText('Worker Cooperatives Act Art. 8(1)').waitFor();
    await page.getByRole('region', { name: 'Legal reserve amount in the bylaws' }).getByText('The bylaws recorded state no legal reserve amount.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'compliance-phone-en.png'), fullPage: true });

    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
