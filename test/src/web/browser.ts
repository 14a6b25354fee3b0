import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../../../infra/src/chromium';

/** Screenshots of the main views, written by every run (git-ignored). */
export const SCREENSHOTS = path.join(__dirname, '..', '..', '..', 'artifacts', 'screenshots');

/**
 * A headless Chromium for the front end's end-to-end tests. The flags keep it
 * off the network it cannot reach here (update checks, sync) and let it run as root.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: run \`pnpm chromium\` (Debian's package), or set CHROMIUM_PATH.`);
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
