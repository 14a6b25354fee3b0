import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';

/** Where the front end's browser tests look for Chromium (Debian's package). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * `pnpm chromium`: makes sure the browser the front end's end-to-end tests drive
 * is installed — Debian's `chromium` package, installed with apt-get when missing
 * and this is root (as on a fresh CI machine); otherwise it says what to run.
 */
export async function main(): Promise<void> {
  if (existsSync(CHROMIUM)) return;
  if (userInfo().uid !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}: install Debian's package (sudo apt-get install -y chromium), or set CHROMIUM_PATH.`);
  }
  console.log(`povgraph: no Chromium at ${CHROMIUM}; installing Debian's chromium package for the browser tests…`);
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const run = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (run.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed (exit ${run.status}); install chromium by hand.`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing.`);
}
