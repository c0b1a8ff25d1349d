import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from 'axe-core';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { DemoScale } from '../../src/runtime.js';
import { startDemoServer, type RunningServer } from './web-server.js';
import { startSmtpServer, type TestSmtpServer } from './smtp.js';

/** Debian's Chromium; no test tool downloads a browser of its own. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumAvailable = fs.existsSync(chromiumPath);
if (!chromiumAvailable) {
  if (process.env.CI === 'true') throw new Error(`CI=true but Chromium is not at ${chromiumPath}: the browser suite must run in CI`);
  console.warn(`\n⚠ Chromium not found at ${chromiumPath} (apt-get install -y chromium): browser end-to-end tests are SKIPPED.\n`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * axe-core run in the page; only serious and critical violations count. It is evaluated through the DevTools
 * protocol because the app's Content-Security-Policy (rightly) refuses inline scripts.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // A dialog fading in has text at part opacity: let running transitions finish, so contrast is judged as people see
  // it (not endless ones, such as a loader's spin, which never finish).
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime ?? Infinity)))
    .map((animation) => animation.finished.catch(() => undefined))));
  await page.evaluate(AxeBuilder.source);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    return axe.run();
  });
  // Each violation with where it is (the first elements' selectors), so a failure says what to look at.
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Where the browser tests save their screenshots (ignored by git). */
export const screenshots = path.resolve(import.meta.dirname, '../../test-results/e2e');

/**
 * The demo server and Chromium for one suite (started before its tests, closed after), and fresh pages that
 * collect the page's uncaught errors.
 */
export function useDemoInBrowser(options: { smtp?: boolean; scale?: DemoScale } = {}) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let smtp: TestSmtpServer | undefined;
  beforeAll(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    // A real mail server in the test process, when the pages send mail.
    if (options.smtp) smtp = await startSmtpServer();
    server = await startDemoServer(smtp ? { SMTP_URL: smtp.url, MAIL_FROM: 'Kyodo <kyodo@localhost>' } : {}, options.scale);
    browser = await launchChromium();
  }, options.scale === 'jwcu' ? 400_000 : 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.stop();
  });
  return {
    get smtp(): TestSmtpServer {
      if (!smtp) throw new Error('no mail server: useDemoInBrowser({ smtp: true })');
      return smtp;
    },
    get server(): RunningServer {
      if (!server) throw new Error('the demo server is not started');
      return server;
    },
    async newPage(options: BrowserContextOptions = { viewport: { width: 1280, height: 900 } }) {
      if (!browser) throw new Error('Chromium is not started');
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      return { context, page, errors };
    },
  };
}

/** Signs in on the Japanese sign-in page. */
export async function signIn(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'サインイン' }).click();
}
