import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/adapters/browser.ts';
import { buildProject } from '../../src/adapters/site/build.ts';
import { serveSites, type SiteServer } from '../../src/adapters/site/serve.ts';
import { lineChart } from '../../src/core/site/chart.ts';
import { parseHTML } from 'linkedom';
import { copyExample, FIXED_EPOCH, REPO, removeDir } from './helpers.ts';

const SLOW = 240_000;

function svgOf(markup: string): Document {
  return parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document;
}

describe('lineChart', () => {
  const points = [{ label: 'Sep', value: 80 }, { label: 'Oct', value: 82 }, { label: 'Nov', value: 100, provisional: true }];

  it('draws the period in progress hollow, on a dashed segment, with its label, and never on the final line', () => {
    const doc = svgOf(lineChart({ points, unit: '%', provisionalLabel: 'in progress' }));
    const finalDots = doc.querySelectorAll('g.chart-values circle');
    expect(finalDots.length).toBe(2);
    // The final line runs Sep to Oct only: one segment.
    expect(doc.querySelector('g.chart-values path')?.getAttribute('d')?.match(/L/g)?.length).toBe(1);
    const group = doc.querySelectorAll('g.chart-provisional');
    expect(group.length).toBe(3);
    expect(group[0]?.getAttribute('stroke-dasharray')).toBe('4 4');
    expect(group[1]?.getAttribute('fill')).toBe('none');
    expect(group[1]?.querySelectorAll('circle').length).toBe(1);
    expect(group[2]?.textContent).toBe('in progress');
  });

  it('draws the public target dashed and the internal target dotted, only when given', () => {
    const both = svgOf(lineChart({ points, unit: '%', target: 90, internalTarget: 95 }));
    expect(both.querySelector('g.chart-target')?.getAttribute('stroke-dasharray')).toBe('7 5');
    expect(both.querySelector('g.chart-internal-target')?.getAttribute('stroke-dasharray')).toBe('2 4');
    const none = svgOf(lineChart({ points: points.slice(0, 2), unit: '%' }));
    expect(none.querySelector('g.chart-target, g.chart-internal-target, g.chart-provisional')).toBeNull();
  });
});

describe('charts and figures of the built example', () => {
  let root: string;
  let server: SiteServer;
  let browser: Browser;

  beforeAll(async () => {
    root = await copyExample();
    const result = await buildProject({ root, env: { SOURCE_DATE_EPOCH: FIXED_EPOCH } });
    expect(result.status).toBe('built');
    server = await serveSites({ '/internal/': path.join(root, 'dist', 'internal'), '/': path.join(root, 'dist', 'public') });
    browser = await launchBrowser();
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await removeDir(root);
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    const response = await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return page;
  }

  /** What each visible chart of the page draws. */
  function charts(page: Page) {
    return page.$$eval('.chart-wide svg', (svgs) => svgs.map((svg) => ({
      target: svg.querySelectorAll('g.chart-target line, g.chart-target path').length,
      internal: svg.querySelectorAll('g.chart-internal-target line').length,
      finalDots: svg.querySelectorAll('g.chart-values circle').length,
      hollow: [...svg.querySelectorAll('g.chart-provisional[fill="none"] circle')].length,
      dashed: svg.querySelector('g.chart-provisional[stroke-dasharray]') !== null,
      label: [...svg.querySelectorAll('g.chart-provisional text')].map((t) => t.textContent).join(''),
      caption: svg.closest('figure')?.textContent ?? '',
    })));
  }

  it('the public page leaves the period in progress out and draws the target its caption names', async () => {
    const page = await open('/');
    const drawn = await charts(page);
    expect(drawn.length).toBe(3);
    for (const chart of drawn) {
      expect(chart).toMatchObject({ target: 1, internal: 0, hollow: 0, dashed: false, label: '' });
      // One dot per row of its history table: final periods only.
      expect(chart.finalDots).toBe(12);
    }
    await page.close();
  });

  it('an internal KPI page draws the period in progress provisional, the public and internal targets, and says so', async () => {
    // November 2026 has 36 rows at 100 %: a spike that must not read as a final month.
    const page = await open('/internal/kpi/on_time_delivery/');
    const [chart] = await charts(page);
    expect(chart).toMatchObject({ target: 1, internal: 1, hollow: 1, dashed: true, label: 'in progress' });
    expect(chart?.caption).toContain('The dashed line is the public target. The dotted line is the internal target. The hollow point is the period in progress: not final.');
    const rows = await page.$$eval('.chart-and-table table.data tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(chart?.finalDots).toBe(rows.filter((row) => !row.includes('in progress')).length);
    await page.close();
  });

  it('a KPI without a commitment draws no target and its caption names none', async () => {
    const page = await open('/internal/kpi/nps/');
    const [chart] = await charts(page);
    expect(chart).toMatchObject({ target: 0, internal: 0 });
    expect(chart?.caption).not.toContain('target');
    await page.close();
  });

  it('a report chart draws the public target of its KPI', async () => {
    const page = await open('/internal/reports/2026-10-monthly/');
    const [chart] = await charts(page);
    expect(chart).toMatchObject({ target: 1, internal: 0, hollow: 0 });
    expect(chart?.caption).toContain('The dashed line is the public target.');
    await page.close();
  });

  it('the terminal, the public page and the internal pages write the latest first reply time the same way', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(REPO, 'bin/pledge.mjs'), 'kpi'], { cwd: root, env: { ...process.env, CI: '1' } });
    const terminal = /^quick-replies\s+first_response_time\s+\S+ \S+ \S+\s+\S+ \S+ \S+\s+\S+\s+(\S+ hours?)/m.exec(stdout)?.[1];
    expect(terminal).toMatch(/^\d+\.\d hours$/);
    const publicPage = await open('/');
    expect(await publicPage.$eval('body', (b) => b.textContent)).toContain(terminal);
    const overview = await open('/internal/');
    expect(await overview.$eval('body', (b) => b.textContent)).toContain(terminal);
    const kpiPage = await open('/internal/kpi/first_response_time/');
    expect(await kpiPage.$eval('body', (b) => b.textContent)).toContain(terminal);
    await Promise.all([publicPage.close(), overview.close(), kpiPage.close()]);
  }, SLOW);
});
