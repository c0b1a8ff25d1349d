import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

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
  await page.evaluate(AxeBuilder.source);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }> } }).axe;
    return axe.run();
  });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

/** Where the browser tests save their screenshots (ignored by git). */
export const screenshots = path.resolve(import.meta.dirname, '../../test-results/e2e');
