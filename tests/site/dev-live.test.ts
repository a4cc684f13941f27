import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/adapters/browser.ts';
import { OVERLAY_ID, SCRIPT_MARKER } from '../../src/adapters/site/live-reload.ts';
import { copyExample, listFiles, removeDir, REPO } from './helpers.ts';

const SLOW = 400_000;
const WAIT = { timeout: 180_000, polling: 200 };

/** The page's overlay text, or null when there is none. */
const overlayText = (page: Page) => page.evaluate((id) => document.getElementById(id)?.textContent ?? null, OVERLAY_ID);

describe('pledge dev in a browser: the page reloads after a save and shows a broken input over it', () => {
  let root: string;
  let child: ChildProcess | undefined;
  let browser: Browser;
  let origin: string;
  let promise: string;
  let good: string;
  const output = { text: '' };

  beforeAll(async () => {
    root = await copyExample();
    promise = path.join(root, 'content', 'promise.yaml');
    good = await readFile(promise, 'utf8');
    const dev = spawn(process.execPath, [path.join(REPO, 'bin', 'pledge.mjs'), 'dev', '--root', root, '--port', '0'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
    child = dev;
    const collect = (chunk: Buffer) => { output.text += chunk.toString(); };
    dev.stdout.on('data', collect);
    dev.stderr.on('data', collect);
    [origin, browser] = await Promise.all([new Promise<string>((resolve, reject) => {
      const look = () => {
        const match = /public site at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output.text);
        if (match?.[1]) resolve(match[1]);
      };
      dev.stdout.on('data', look);
      dev.once('exit', (code) => reject(new Error(`pledge dev exited with ${code}: ${output.text}`)));
    }), launchBrowser()]);
  }, SLOW);
  afterAll(async () => {
    await browser?.close();
    child?.kill('SIGTERM');
    await removeDir(root);
  });

  /** Opens a page and waits until it listens to the dev server; marks the window, which a reload clears. */
  async function openListening(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.pledgeLive !== undefined, WAIT);
    await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
    return page;
  }

  const reloaded = (page: Page, text: string) => page.waitForFunction((expected) => !(window as unknown as { notReloaded?: boolean }).notReloaded
    && document.body.textContent?.includes(expected), WAIT, text);

  it('reloads the open page with the new text after promise.yaml is saved', async () => {
    const page = await openListening(`${origin}/`);
    expect(await page.$eval('main', (main) => main.textContent)).toContain('Kestrel Kitchen makes one promise');
    await writeFile(promise, good.replace('company: Kestrel Kitchen', 'company: Kestrel Kitchenware'));
    await reloaded(page, 'Kestrel Kitchenware makes one promise');
    expect(await overlayText(page)).toBeNull();
    await page.close();
  }, SLOW);

  it('shows a broken save over the page, at its place, as text (a <script> in it never runs), and clears it on the next good save', async () => {
    const page = await openListening(`${origin}/internal/`);
    // Invalid YAML: an unclosed flow sequence.
    await writeFile(promise, good.replace('company: Kestrel Kitchen', 'company: [Kestrel Kitchen'));
    await page.waitForFunction((id) => document.getElementById(id) !== null, WAIT, OVERLAY_ID);
    expect(await overlayText(page)).toMatch(/content\/promise\.yaml:\d+:\d+ {2}\S/);
    // An error that quotes the input: kpi-unknown names the KPI as written.
    await page.evaluate(() => { window.alert = () => { (window as unknown as { alerted: boolean }).alerted = true; }; });
    await writeFile(promise, good.replace('kpi: on_time_delivery', 'kpi: "<script>alert(1)</script>"'));
    await page.waitForFunction((id) => document.getElementById(id)?.textContent?.includes('kpi-unknown'), WAIT, OVERLAY_ID);
    const shown = await overlayText(page);
    expect(shown).toContain('content/promise.yaml:20:10  kpi-unknown  Commitment "on-time-delivery" names the KPI "<script>alert(1)</script>", which kpis.yaml does not define.');
    expect(await page.evaluate((id) => document.getElementById(id)?.querySelectorAll('script').length, OVERLAY_ID)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { alerted?: boolean }).alerted ?? false)).toBe(false);
    // The page under the overlay is still the last good build, and the page was not reloaded.
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    // A page opened now shows the error too.
    const late = await browser.newPage();
    await late.goto(`${origin}/`);
    await late.waitForFunction((id) => document.getElementById(id) !== null, WAIT, OVERLAY_ID);
    expect(await overlayText(late)).toContain('kpi-unknown');
    await writeFile(promise, good.replace('company: Kestrel Kitchen', 'company: Kestrel Kitchen Co'));
    await reloaded(late, 'Kestrel Kitchen Co makes one promise');
    await page.waitForFunction(() => !(window as unknown as { notReloaded?: boolean }).notReloaded, WAIT);
    expect(await overlayText(late)).toBeNull();
    expect(await overlayText(page)).toBeNull();
    await Promise.all([page.close(), late.close()]);
  }, SLOW);

  it('adds the script to served pages only: no file in dist/ holds it', async () => {
    expect(await (await fetch(`${origin}/`)).text()).toContain(SCRIPT_MARKER);
    const dist = path.join(root, 'dist');
    const files = await listFiles(dist);
    expect(files.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(3);
    for (const file of files) expect([file, (await readFile(path.join(dist, file))).includes(SCRIPT_MARKER)]).toEqual([file, false]);
    expect((await fetch(`${origin}/pledge.json`)).headers.get('content-type')).toContain('application/json');
  }, SLOW);
});
