// Debian's Chromium, driven by playwright-core, for tests of pages as a browser renders them.
// `.ci/run` installs it where it is missing; elsewhere a test without it says so and is skipped.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.HAVEN_CHROMIUM ?? '/usr/bin/chromium';

/** Whether a browser can be had, and if not, the one line that says why. */
export function chromiumAvailable(): { ok: true } | { ok: false; reason: string } {
  return existsSync(CHROMIUM_PATH)
    ? { ok: true }
    : {
        ok: false,
        reason: `SKIPPED: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set HAVEN_CHROMIUM)`,
      };
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
