import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/adapters/browser.ts';
import { buildProject } from '../../src/adapters/site/build.ts';
import { serveSites, type SiteServer } from '../../src/adapters/site/serve.ts';
import { appendCsv, ARTIFACTS, copyExample, FIXED_EPOCH, forgetRecord, removeDir } from './helpers.ts';

const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SLOW = 240_000;

/** Script planted in a report and in CSV cells; it sets window.__xss if it ever runs. */
const REPORT_XSS = [
  '# Hostile report', '', '<script>window.__xss = "report-script"</script>', '',
  '<img src="x" onerror="window.__xss = \'report-img\'">', '', '[click me](javascript:window.__xss=1)', '',
  'Latest on-time delivery: :kpi[on_time_delivery]', '',
].join('\n');
const CSV_SCRIPT = '<script>window.__xss=\'csv\'</script>';
/** In a date column, so the row is skipped and its cell quoted on the data-quality page. */
const CSV_IMG = '<img src=x onerror=window.__xss=3>';

describe('the built sites in headless Chromium', () => {
  let root: string;
  let server: SiteServer;
  let browser: Browser;

  beforeAll(async () => {
    root = await copyExample();
    await writeFile(path.join(root, 'content', 'reports', 'hostile.md'), REPORT_XSS);
    await appendCsv(root, 'orders.csv', [`K-9999992,C-000001,a@example.com,2026-10-03T10:00:00Z,2026-10-05T18:00:00Z,2026-10-05T09:00:00Z,${CSV_SCRIPT},web,9.99`,
      `K-9999993,C-000001,a@example.com,2026-10-03T10:00:00Z,2026-10-05T18:00:00Z,${CSV_IMG},North,web,9.99`]);
    await forgetRecord(root);
    const result = await buildProject({ root, env: { SOURCE_DATE_EPOCH: FIXED_EPOCH } });
    expect(result.status).toBe('built');
    server = await serveSites({ '/internal/': path.join(root, 'dist', 'internal'), '/': path.join(root, 'dist', 'public') });
    browser = await launchBrowser();
    await mkdir(ARTIFACTS, { recursive: true });
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await removeDir(root);
  });

  async function open(url: string, options: { width?: number; javascript?: boolean; dark?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage();
    page.on('dialog', (dialog) => { throw new Error(`a dialog opened: ${dialog.message()}`); });
    await page.setJavaScriptEnabled(options.javascript ?? true);
    await page.setViewport({ width: options.width ?? 1280, height: 900 });
    if (options.dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const response = await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return page;
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: await AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, count: v.nodes.length }));
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.count})`);
  }

  it('shows the statement and each commitment with its target, latest value and status in words', async () => {
    const page = await open('/');
    const text = await page.$eval('main', (main) => (main as HTMLElement).innerText);
    // The statement, then its commitments as a list beneath it, each with its latest figure.
    expect(text).toContain('For home cooks, Kestrel Kitchen makes one promise: you can plan the dinner before the parcel arrives.');
    const listed = await page.$$eval('.hero .glance li', (items) => items.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatch(/^On-time delivery: at least 95%, every month\. If we miss it, we refund your shipping\. \d+(\.\d)?% (Kept|Broken|At risk)$/);
    expect(listed[1]).toMatch(/^Time to first reply: at most 4 hours, every month\. /);
    const cards = await page.$$eval('article.card', (articles) => articles.map((a) => ({
      heading: a.querySelector('h3')?.textContent?.trim(),
      status: a.querySelector('.latest .badge-label')?.textContent?.trim(),
      value: a.querySelector('.latest-value')?.textContent?.trim(),
    })));
    expect(cards.map((c) => c.heading)).toEqual(['On-time delivery', 'Time to first reply', 'Customer satisfaction']);
    for (const card of cards) {
      expect(['Kept', 'Broken', 'Not enough data']).toContain(card.status);
      expect(card.value).toMatch(/\d/);
    }
    await page.close();
  }, SLOW);

  it('says beside each latest figure its margin of error and what it was counted from', async () => {
    const page = await open('/');
    const cards = await page.$$eval('article.card', (articles) => articles.map((a) => (a.querySelector('.latest') as HTMLElement | null)?.innerText.replace(/\s+/g, ' ').trim()));
    // On-time, October: 183 of 191 orders (the example's 182 of 190, plus the on-time row this test adds) = 95.8 %,
    // Wilson 91.95–97.86 %: the larger side is 95.81 − 91.95 = 3.86, rounded up to 3.9.
    expect(cards[0]).toBe('95.8% Kept ± 3.9, from 191 orders');
    // The median reply time's interval is made of two observed durations (order statistics).
    expect(cards[1]).toMatch(/^2\.\d+ hours Kept ± \d\.\d, from [\d,]+ requests$/);
    // Satisfaction: 119 of 125 answers = 95.2 %, Wilson 89.92–97.78 %: 95.2 − 89.92 = 5.28 → 5.3.
    expect(cards[2]).toBe('95.2% Kept ± 5.3, from 125 answers');
    await page.close();
  }, SLOW);

  it('has a 12-period history table beside every chart', async () => {
    const page = await open('/');
    const tables = await page.$$eval('article.card', (articles) => articles.map((a) => ({
      charts: [...a.querySelectorAll('.chart-svg')].filter((chart) => (chart as HTMLElement).offsetParent !== null && chart.querySelector('svg')).length,
      rows: a.querySelectorAll('table.history-table tbody tr:not(.note-row)').length,
      rowHeaders: a.querySelectorAll('table.history-table tbody th[scope=row]').length,
    })));
    expect(tables).toEqual([
      { charts: 1, rows: 12, rowHeaders: 12 }, { charts: 1, rows: 12, rowHeaders: 12 }, { charts: 1, rows: 12, rowHeaders: 12 },
    ]);
    await page.close();
  }, SLOW);

  it('shows the note on February 2026 right under that month, in the on-time history', async () => {
    const page = await open('/');
    const rows = await page.$$eval('#commitment-on-time-delivery table.history-table tbody tr', (trs) => trs.map((tr) => {
      const box = tr.getBoundingClientRect();
      return { text: (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim(), note: tr.classList.contains('note-row'), top: Math.round(box.top), bottom: Math.round(box.bottom) };
    }));
    const at = rows.findIndex((row) => row.note);
    expect(rows.filter((row) => row.note)).toHaveLength(1);
    expect(rows[at - 1]?.text).toBe('Feb 2026 80.8% Broken');
    expect(rows[at]?.text).toMatch(/^Our note on Feb 2026 A regional carrier strike from 9 to 20 February held parcels in three depots/);
    // Beside it: the note starts where the February row ends, and before January's row.
    expect(rows[at]!.top).toBe(rows[at - 1]!.bottom);
    expect(rows[at + 1]?.text).toMatch(/^Jan 2026 /);
    // No other commitment has a note, and every other card keeps its two-halves table.
    expect(await page.$$eval('.note-row', (notes) => notes.length)).toBe(1);
    await page.close();
  }, SLOW);

  it('lists the changes to a promise, and shows the target in force in each month', async () => {
    const page = await open('/');
    const changes = await page.$$eval('article.card', (cards) => cards.map((card) => [...card.querySelectorAll('.changes li')]
      .map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ').trim())));
    expect(changes).toEqual([
      [],
      ['From Jan 2026: promise made: at most 4 hours'],
      ['From Apr 2026: at least 90% (before: at least 85%) In April 2026 we raised this promise from 85 % to 90 % of cooks satisfied, once our new packaging had stopped the dents and scratches you told us about.'],
    ]);
    const csat = await page.$$eval('#commitment-happy-cooks table.history-table tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(csat.slice(5, 8)).toEqual(['May 2026 96.1% at least 90% Kept', 'Apr 2026 95.7% at least 90% Kept', 'Mar 2026 95.1% at least 85% Kept']);
    const replies = await page.$$eval('#commitment-quick-replies table.history-table tbody tr', (trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(replies.slice(-3)).toEqual(['Jan 2026 1.3 hours at most 4 hours Kept', 'Dec 2025 1.6 hours — Before this promise', 'Nov 2025 1.4 hours — Before this promise']);
    // The chart's target line steps where the CSAT target changed: a line, not the one rule of the other cards.
    expect(await page.$$eval('.chart-wide svg', (svgs) => svgs.map((svg) => svg.querySelectorAll('[aria-label="rule"]').length))).toEqual([1, 0, 0]);
    await page.close();
  }, SLOW);

  it('shows one chart per commitment on a phone too, the compact one', async () => {
    const page = await open('/', { width: 390 });
    const visible = await page.$$eval('.chart-svg', (charts) => charts.filter((chart) => (chart as HTMLElement).offsetParent !== null)
      .map((chart) => chart.className));
    expect(visible).toEqual(['chart-svg chart-compact', 'chart-svg chart-compact', 'chart-svg chart-compact']);
    await page.close();
  }, SLOW);

  it('prints light even when the screen is dark, and dark mode really is dark', async () => {
    const page = await open('/', { dark: true });
    const colours = () => page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('.badge-kept')!).color]);
    expect(await colours()).toEqual(['rgb(21, 20, 19)', 'rgb(143, 220, 164)']);
    await page.emulateMediaType('print');
    expect(await colours()).toEqual(['rgb(255, 255, 255)', 'rgb(23, 96, 47)']);
    await page.close();
  }, SLOW);

  it('renders fully with JavaScript disabled', async () => {
    const page = await open('/', { javascript: false });
    const html = await page.content();
    expect(html).toContain('For home cooks, Kestrel Kitchen makes one promise');
    expect(html.match(/<table class="data history-table/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script/i);
    await page.close();
  }, SLOW);

  it.each([
    ['/', false], ['/', true], ['/internal/', false], ['/internal/kpi/on_time_delivery.html', false],
    ['/internal/reports/2026-10-monthly.html', false], ['/internal/touchpoints.html', false],
    ['/internal/findings.html', false], ['/internal/data-quality.html', true],
  ])('axe finds no serious or critical violation on %s (dark: %s)', async (url, dark) => {
    const page = await open(url, { dark });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  }, SLOW);

  it('never runs a script from a report or a CSV cell, and shows the CSV text escaped', async () => {
    for (const url of ['/internal/reports/hostile.html', '/internal/kpi/on_time_delivery.html', '/internal/data-quality.html', '/']) {
      const page = await open(url);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), url).toBeUndefined();
      expect(await page.$$eval('main script, main img[onerror], a[href^="javascript:"]', (nodes) => nodes.length), url).toBe(0);
      await page.close();
    }
    const kpi = await open('/internal/kpi/on_time_delivery.html');
    expect(await kpi.$eval('main', (main) => main.textContent)).toContain(CSV_SCRIPT);
    await kpi.close();
    const quality = await open('/internal/data-quality.html');
    expect(await quality.$eval('main', (main) => main.textContent)).toContain(CSV_IMG);
    await quality.close();
    const report = await readFile(path.join(root, 'dist', 'internal', 'reports', 'hostile.html'), 'utf8');
    expect(report).not.toContain('window.__xss');
  }, SLOW);

  it('saves screenshots at phone and desktop widths', async () => {
    const shots: Array<[string, string, { width: number; dark?: boolean }]> = [
      ['public-390.png', '/', { width: 390 }], ['public-1280.png', '/', { width: 1280 }],
      ['public-1280-dark.png', '/', { width: 1280, dark: true }], ['internal-overview-1280.png', '/internal/', { width: 1280 }],
      ['internal-kpi-1280.png', '/internal/kpi/on_time_delivery.html', { width: 1280 }],
      ['internal-report-390.png', '/internal/reports/2026-10-monthly.html', { width: 390 }],
    ];
    for (const [name, url, options] of shots) {
      const page = await open(url, options);
      const file = path.join(ARTIFACTS, name);
      await page.screenshot({ path: file as `${string}.png`, fullPage: true });
      const png = await readFile(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      // The PNG header's width field: the page really was laid out at that width, with no sideways overflow.
      expect(png.readUInt32BE(16)).toBe(options.width);
      await page.close();
    }
  }, SLOW);
});
