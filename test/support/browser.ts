import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
