/**
 * Debian's Chromium driven by playwright-core (nothing here can download a
 * browser build; see ../../../shared/STACK.md). A missing browser is a failure
 * with the command that installs it, never a skip.
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium; SUPPORT_RADAR_E2E_CHROMIUM points elsewhere (another machine, or to see the failure). */
export const CHROMIUM = process.env.SUPPORT_RADAR_E2E_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const INSTALL_HINT =
  `The browser tests need Debian's Chromium at ${CHROMIUM}. Install it with ` +
  '`apt-get update && apt-get install -y --no-install-recommends chromium` (as root, or with sudo); .ci/run does this.';

/** Throws with INSTALL_HINT when the browser is not installed. */
export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing. ${INSTALL_HINT}`);
}

export async function launchChromium(): Promise<Browser> {
  requireChromium();
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
  } catch (err) {
    throw new Error(`Chromium at ${CHROMIUM} did not start: ${(err as Error).message}\n${INSTALL_HINT}`);
  }
}
