import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { InputError, placeOf } from '../core/input-error.ts';

/** Where we look for a browser when PUPPETEER_EXECUTABLE_PATH / CHROME_PATH are not set. */
const CANDIDATES = [
  '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Flags for a closed network and containers: without the networking ones Chromium hangs or
 * spams on connections this machine refuses; without --no-sandbox it cannot start as root.
 */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--font-render-hinting=none',
];

export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.PUPPETEER_EXECUTABLE_PATH || env.CHROME_PATH;
  if (chosen) {
    if (existsSync(chosen)) return chosen;
    throw new InputError(placeOf('PUPPETEER_EXECUTABLE_PATH'), `No browser at ${chosen}.`,
      'Point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium binary, or unset it to use the system one.');
  }
  const found = CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new InputError(placeOf('PUPPETEER_EXECUTABLE_PATH'), 'No Chrome or Chromium browser was found.',
    'Install one (Debian/Ubuntu: `apt-get install chromium`) or set PUPPETEER_EXECUTABLE_PATH to its path.');
}

/** One headless browser, launched the same way for PDFs, screenshots and tests. */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  return puppeteer.launch({
    executablePath: findBrowser(env),
    headless: true,
    args: CHROMIUM_ARGS,
    // A fresh profile each time, so runs never depend on each other.
    userDataDir: undefined,
  });
}
