import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { InputError, placeOf } from '../core/input-error.ts';
import { killProcessGroup, onInterrupt, removeFolder } from './interrupt.ts';

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

export interface LaunchOptions {
  /**
   * The browser's profile folder, e.g. inside a build's temporary folder (removed with it). When
   * absent, a fresh one in the system's temporary folder, removed when the browser closes.
   */
  userDataDir?: string;
}

/**
 * One headless browser, launched the same way for PDFs, screenshots and tests. It never outlives
 * pledge: on a signal its whole process group is killed (see interrupt.ts), and puppeteer kills it
 * on any other exit.
 */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env, options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = findBrowser(env);
  // A fresh profile each time, so runs never depend on each other.
  const userDataDir = options.userDataDir ?? await mkdtemp(path.join(tmpdir(), 'pledge-chromium-'));
  const removeProfile = options.userDataDir ? () => undefined : removeFolder(userDataDir);
  const forgetProfile = onInterrupt(removeProfile);
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    userDataDir,
    // Ours kill the browser and exit; puppeteer's would start a close and let the work go on.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  }).catch((error: unknown) => {
    forgetProfile();
    removeProfile();
    throw error;
  });
  const child = browser.process();
  const forgetBrowser = onInterrupt(killProcessGroup(child?.pid));
  // Once the process has gone, so that the profile is not removed under a browser still writing it.
  child?.once('exit', () => {
    forgetBrowser();
    forgetProfile();
    removeProfile();
  });
  return browser;
}
