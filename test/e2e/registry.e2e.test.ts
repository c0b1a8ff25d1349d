import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshots as shots, seriousViolations, signIn, useDemoInBrowser } from '../support/browser.js';

/** Opens the member registry from the navigation, as a person would. */
async function openRegistry(page: Page): Promise<void> {
  await page.getByRole('link', { name: '組合員', exact: true }).filter({ visible: true }).first().click();
  await page.getByRole('heading', { name: '組合員名簿', level: 1 }).waitFor();
}

describe.runIf(chromiumAvailable)('member kinds, workers and registering a known person in Chromium', () => {
  const demo = useDemoInBrowser();

  it('defines a member kind, registers a non-member worker, and makes them a member from the workers list', async () => {
    const { context, page, errors } = await demo.newPage();
    const { server } = demo;
    await signIn(page, server.url, 'chiba-admin@kyodo.example', server.password);

    // Member kinds: the built-in two, then one the organization defines.
    await openRegistry(page);
    await page.getByRole('link', { name: '組合員の種類' }).click();
    await page.getByRole('heading', { name: '組合員の種類', level: 1 }).waitFor();
    await page.getByText('労働者組合員', { exact: true }).waitFor();
    await page.getByRole('button', { name: '種類を追加' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: '名称（日本語）' }).fill('賛助組合員');
    await dialog.getByRole('textbox', { name: '名称（英語）' }).fill('Supporting member');
    await dialog.getByRole('textbox', { name: 'コード' }).fill('Worker');
    await dialog.getByRole('button', { name: '追加する' }).click();
    // worker is built in: refused on the form before anything is sent.
    await dialog.getByText('このコードはすでに使われています').waitFor();
    await dialog.getByRole('textbox', { name: 'コード' }).fill('supporter');
    await dialog.getByRole('button', { name: '追加する' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('賛助組合員', { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'member-kinds-ja.png'), fullPage: true });

    // The register form offers it.
    await page.getByRole('link', { name: '組合員名簿に戻る' }).click();
    await page.getByRole('link', { name: '組合員を登録' }).click();
    await page.getByRole('heading', { name: '組合員を登録', level: 1 }).waitFor();
    const kind = page.getByRole('combobox', { name: '種類' });
    await expect.poll(() => kind.locator('option').allInnerTexts()).toEqual(['労働者組合員', '利用者組合員', '賛助組合員']);

    // A non-member worker, through the existing form; the workers list shows them after it.
    await openRegistry(page);
    await page.getByRole('link', { name: '組合員でない従事者を登録' }).click();
    await page.getByRole('heading', { name: '組合員でない従事者を登録', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: '姓', exact: true }).fill('佐藤');
    await page.getByRole('textbox', { name: '名', exact: true }).fill('健');
    await page.getByRole('textbox', { name: 'セイ', exact: true }).fill('さとう');
    await page.getByRole('textbox', { name: 'メイ', exact: true }).fill('けん');
    await page.getByRole('textbox', { name: '事業所', exact: true }).fill('芝山事業所');
    await page.getByLabel('従事開始日').fill('2025-04-01');
    await page.getByLabel('労働契約の開始日').fill('2025-04-01');
    await page.getByRole('button', { name: '登録する' }).click();

    await page.getByRole('heading', { name: '従事者一覧', level: 1 }).waitFor();
    const list = page.locator('section').filter({ has: page.getByRole('heading', { name: '従事者', exact: true }) });
    await list.getByRole('cell', { name: '佐藤 健', exact: true }).waitFor();
    await list.getByText('組合員でない従事者', { exact: true }).waitFor();
    await expect.poll(() => list.getByRole('status').innerText()).toMatch(/従事者 1 人（組合員 0 人・組合員でない従事者 1 人）/);
    await list.getByText('組合員が従事者の4分の3未満です（労働者協同組合法）').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'workers-ja.png'), fullPage: true });

    // The switch follows the address, which changes a moment after the click.
    await page.getByRole('switch', { name: '組合員でない従事者だけを表示' }).click();
    await page.getByRole('heading', { name: '組合員でない従事者', level: 2 }).waitFor();
    expect(new URL(page.url()).searchParams.get('nonMembersOnly')).toBe('true');

    // Register as member: the form names the person and asks only for the membership.
    await page.getByRole('link', { name: /組合員として登録（佐藤\s*健）/ }).click();
    await page.getByRole('heading', { name: '組合員として登録', level: 1 }).waitFor();
    await page.getByRole('group', { name: '本人' }).getByText(/佐藤\s*健/).waitFor();
    expect(await page.getByRole('textbox', { name: '姓', exact: true }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'register-known-person-ja.png'), fullPage: true });
    await page.getByRole('textbox', { name: '組合員番号' }).fill('0101');
    // Of the kind the organization defined, offered once its kinds have loaded.
    const knownKind = page.getByRole('combobox', { name: '種類' });
    await expect.poll(() => knownKind.locator('option').allInnerTexts()).toContain('賛助組合員');
    await knownKind.selectOption({ label: '賛助組合員' });
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { name: /佐藤\s*健/, level: 1 }).waitFor();

    // One person, now a member: in the registry under the kind's Japanese name, not its code, and found by it.
    await openRegistry(page);
    const registry = page.getByRole('table', { name: '組合員一覧' });
    const sato = registry.getByRole('row').filter({ has: page.getByRole('link', { name: /佐藤\s*健/ }) });
    await sato.getByRole('cell', { name: '賛助組合員', exact: true }).waitFor();
    expect(await registry.getByRole('cell', { name: 'supporter', exact: true }).count()).toBe(0);
    // Checked before filtering: while the next list loads, the last one shows dimmed.
    expect(await seriousViolations(page)).toEqual([]);
    const kindFilter = page.getByRole('combobox', { name: '種類' });
    await expect.poll(() => kindFilter.locator('option').allInnerTexts()).toEqual(['すべて', '労働者組合員', '利用者組合員', '賛助組合員']);
    await kindFilter.selectOption({ label: '賛助組合員' });
    await expect.poll(() => new URL(page.url()).searchParams.get('kind')).toBe('supporter');
    await expect.poll(() => registry.getByRole('link').allInnerTexts()).toEqual([expect.stringMatching(/佐藤\s*健/)]);

    // Counted as a member among the workers, where the name now leads to the member's page and back.
    await page.getByRole('link', { name: '従事者一覧' }).click();
    await expect.poll(() => list.getByRole('status').innerText()).toMatch(/従事者 1 人（組合員 1 人・組合員でない従事者 0 人）/);
    await page.getByText('組合員が従事者の4分の3以上です').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await list.getByRole('link', { name: /佐藤\s*健/ }).click();
    await page.getByRole('heading', { name: /佐藤\s*健/, level: 1 }).waitFor();
    const membershipSection = page.getByRole('region', { name: '組合員資格' });
    await membershipSection.getByText('賛助組合員', { exact: true }).waitFor();
    await page.getByRole('link', { name: '従事者一覧に戻る' }).click();
    await page.getByRole('heading', { name: '従事者一覧', level: 1 }).waitFor();
    const people = await server.runtime.ctx.db.selectFrom('people').select('id').where('family_name', '=', '佐藤').execute();
    expect(people).toHaveLength(1);

    // Registering them again is refused, and the form says why. Opened by address, the page cannot name them.
    await page.goto(`${server.url}/members/new?personId=${people[0]!.id}`);
    await page.getByText('名簿に記録済みの人').waitFor();
    await page.getByRole('textbox', { name: '組合員番号' }).fill('0102');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('alert').filter({ hasText: 'この人はすでにこの団体の組合員です' }).waitFor();

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('shows a clerk the member kinds without the means to add one', async () => {
    const { context, page, errors } = await demo.newPage();
    const { server } = demo;
    await signIn(page, server.url, 'chiba-clerk@kyodo.example', server.password);
    await openRegistry(page);
    await page.getByRole('link', { name: '組合員の種類' }).click();
    // The registry (whose kind filter offers the kind too) gives way to the kinds page first.
    await page.getByRole('heading', { name: '組合員の種類', level: 1 }).waitFor();
    await page.getByText('賛助組合員', { exact: true }).waitFor();
    await page.getByText('種類を追加できるのは団体の管理者です。').waitFor();
    expect(await page.getByRole('button', { name: '種類を追加' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('fits the workers list on a 360 px phone as cards', async () => {
    const { context, page, errors } = await demo.newPage({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const { server } = demo;
    await signIn(page, server.url, 'chiba-admin@kyodo.example', server.password);
    await page.getByText('労働者協同組合ワーカーズコープちば').filter({ visible: true }).first().waitFor();
    await page.goto(`${server.url}/members/workers`);
    await page.getByRole('heading', { name: '従事者一覧', level: 1 }).waitFor();
    const list = page.getByRole('list', { name: '従事者' });
    await list.getByText(/佐藤\s*健/).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(shots, 'workers-phone-ja.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('lets the federation administrator register a member of one organization in another', async () => {
    const { context, page, errors } = await demo.newPage();
    const { server } = demo;
    const { db } = server.runtime.ctx;
    const membership = await db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
      .select('m.id').where('p.family_name', '=', '佐藤').executeTakeFirstOrThrow();
    await signIn(page, server.url, 'admin@kyodo.example', server.password);
    await page.getByRole('heading', { name: '日本労働者協同組合（ワーカーズコープ）連合会', level: 1 }).waitFor();
    await page.goto(`${server.url}/members/${membership.id}`);
    await page.getByRole('heading', { name: /佐藤\s*健/, level: 1 }).waitFor();
    await page.getByRole('link', { name: '別の団体にも組合員として登録' }).click();
    await page.getByRole('heading', { name: '組合員として登録', level: 1 }).waitFor();
    await page.getByRole('group', { name: '本人' }).getByText(/佐藤\s*健/).waitFor();

    // Every member organization but the one the person is a member of already.
    const organization = page.getByRole('combobox', { name: '団体' });
    const offered = await organization.locator('option').allInnerTexts();
    expect(offered).toContain('労働者協同組合ワーカーズコープ・センター事業団');
    expect(offered).not.toContain('労働者協同組合ワーカーズコープちば');
    await organization.selectOption({ label: '労働者協同組合ワーカーズコープ・センター事業団' });
    await page.getByRole('textbox', { name: '組合員番号' }).fill('C-0001');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByRole('heading', { name: /佐藤\s*健/, level: 1 }).waitFor();
    await page.getByText('労働者協同組合ワーカーズコープ・センター事業団').waitFor();

    const memberships = await db.selectFrom('memberships as m').innerJoin('people as p', 'p.id', 'm.person_id')
      .select(['m.member_number', 'm.person_id']).where('p.family_name', '=', '佐藤').orderBy('m.member_number').execute();
    expect(memberships.map((m) => m.member_number)).toEqual(['0101', 'C-0001']);
    expect(new Set(memberships.map((m) => m.person_id)).size).toBe(1);

    // Across organizations, each membership's kind by its own organization's name for it.
    await page.goto(`${server.url}/members?q=${encodeURIComponent('佐藤')}`);
    await page.getByRole('heading', { name: '組合員名簿', level: 1 }).waitFor();
    const registry = page.getByRole('table', { name: '組合員一覧' });
    const row = (organization: string) => registry.getByRole('row').filter({ has: page.getByRole('cell', { name: organization, exact: true }) });
    await row('労働者協同組合ワーカーズコープちば').getByRole('cell', { name: '賛助組合員', exact: true }).waitFor();
    await row('労働者協同組合ワーカーズコープ・センター事業団').getByRole('cell', { name: '労働者組合員', exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
