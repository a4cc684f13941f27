/**
 * PDF benchmark: PDFs per second through `renderPdfs` for the example project and for a 40-page
 * report, next to bare puppeteer `page.pdf` of the same pages in the same run and the same browser,
 * plus the browser start time.
 *
 *   npm run bench -- --only pdf                        (this section; --quick for fewer repeats)
 *   node --import tsx scripts/bench/pdf.ts            (alone)
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { launchBrowser } from '../../src/adapters/browser.ts';
import { listDocuments, selectDocuments, type PrintDocument } from '../../src/adapters/pdf/documents.ts';
import { frameCss } from '../../src/adapters/pdf/page-frame.ts';
import { styleScript } from '../../src/adapters/pdf/print.ts';
import { inParallel, pdfMargin, renderPdfs } from '../../src/adapters/pdf/render.ts';
import { serveStatic } from '../../src/adapters/pdf/serve.ts';
import { buildProject } from '../../src/adapters/site/build.ts';
import { inRounds, median, medianOf, ratioSummary, ratiosOf, timedMs, type BenchRow, type BenchSection } from './_measure.ts';

const REPEATS = { example: 7, long: 9, start: 3 };
// The 40-page figure is the one a target is set for: three rounds even when quick, for a median and a range.
const QUICK_REPEATS = { example: 3, long: 3, start: 2 };

export async function run(options: { quick?: boolean; root?: string } = {}): Promise<BenchRow[]> {
  const repeats = options.quick ? QUICK_REPEATS : REPEATS;
  const work = await mkdtemp(path.join(os.tmpdir(), 'pledge-bench-pdf-'));
  try {
    const rows: BenchRow[] = [await browserStart(repeats.start)];
    const exampleDist = await buildExample(work, options.root ?? process.cwd());
    const longDist = await writeLongReport(path.join(work, 'long'), exampleDist);
    const browser = await launchBrowser();
    try {
      rows.push(...await compare(browser, 'example', exampleDist, undefined, repeats.example, work, 1.3));
      rows.push(...await compare(browser, '40-page report', longDist, ['long-report'], repeats.long, work, 1.1));
    } finally {
      await browser.close();
    }
    return rows;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function browserStart(repeats: number): Promise<BenchRow> {
  const times: number[] = [];
  for (let index = 0; index < repeats; index += 1) {
    let browser: Browser | undefined;
    times.push(await timedMs(async () => { browser = await launchBrowser(); }));
    await browser?.close();
  }
  return { metric: 'browser start', value: Math.round(median(times)), unit: 'ms' };
}

/**
 * Times pledge and bare page.pdf in rounds (see inRounds). A second baseline adds the header, footer
 * and bookmarks to bare page.pdf: the gap between it and pledge is pledge's own overhead (ready
 * signal, print CSS, contents, stamping, writing). Ratios are taken within each round, then the
 * median of those, with their range. `target` is the ratio to bare page.pdf the figure aims at.
 */
async function compare(browser: Browser, label: string, distDir: string, only: string[] | undefined, repeats: number, work: string, target: number): Promise<BenchRow[]> {
  const documents = selectDocuments(await listDocuments(distDir), only);
  const contenders = [
    () => renderPdfs({ distDir, outDir: path.join(work, 'out'), only, browser }),
    () => barePdfs(browser, documents, false),
    () => barePdfs(browser, documents, true),
  ];
  const rounds = await inRounds(contenders, repeats);
  const [pledge, bare, framed] = [0, 1, 2].map((which) => medianOf(rounds, which)) as [number, number, number];
  const ratio = (baseline: number) => ratioSummary(ratiosOf(rounds, 0, baseline));
  const perSecond = (ms: number) => Number((documents.length / (ms / 1000)).toFixed(2));
  return [{
    metric: `${label}: ${documents.length} PDF${documents.length === 1 ? '' : 's'} per second`,
    value: perSecond(pledge), unit: 'PDF/s', baseline: perSecond(bare),
    note: `pledge takes ${ratio(1)} the time of bare page.pdf (medians ${Math.round(pledge)} ms vs ${Math.round(bare)} ms; target <= ${target}x); `
      + `${ratio(2)} bare page.pdf with the same header, footer and bookmarks (${Math.round(framed)} ms)`,
  }];
}

/** The baseline: the same pages, same server kind, same parallelism, plain `page.pdf`. */
async function barePdfs(browser: Browser, documents: PrintDocument[], framed: boolean): Promise<void> {
  const servers = new Map<string, Awaited<ReturnType<typeof serveStatic>>>();
  for (const document of documents) if (!servers.has(document.siteDir)) servers.set(document.siteDir, await serveStatic(document.siteDir));
  const facts = { language: 'en', company: 'Kestrel Kitchen', period: '2026-10', dataDate: '2026-11-04' };
  try {
    await inParallel(documents, os.availableParallelism(), async (document) => {
      const page = await browser.newPage();
      await page.goto(`${servers.get(document.siteDir)?.origin}${document.urlPath}`, { waitUntil: 'load' });
      if (framed) await page.evaluate(styleScript(frameCss(facts)));
      await page.pdf({ format: 'a4', margin: pdfMargin(), printBackground: true, outline: framed });
      await page.close();
    });
  } finally {
    await Promise.all([...servers.values()].map((server) => server.close()));
  }
}

async function buildExample(work: string, repository: string): Promise<string> {
  const root = path.join(work, 'example');
  await cp(path.join(repository, 'content'), path.join(root, 'content'), { recursive: true });
  const result = await buildProject({ root, env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } });
  if (result.status !== 'built') throw new Error('The example project did not build; run `pledge build` to see why.');
  return result.distDir;
}

/**
 * A report of 40 A4 pages (39 sections of prose, a 12-row table and an SVG chart each), checked with pdfinfo.
 * Its pledge.json (which the PDF headers are made from) is the example's, with this report listed.
 */
export async function writeLongReport(distDir: string, exampleDist: string): Promise<string> {
  const reportDir = path.join(distDir, 'internal', 'reports', 'long-report');
  await mkdir(reportDir, { recursive: true });
  const pledge = JSON.parse(await readFile(path.join(exampleDist, 'pledge.json'), 'utf8')) as { reports: unknown[] };
  pledge.reports = [{ slug: 'long-report', title: 'Long report', period: null }];
  await writeFile(path.join(distDir, 'pledge.json'), `${JSON.stringify(pledge, null, 2)}\n`);
  await writeFile(path.join(distDir, 'internal', 'index.html'), '<!doctype html><html lang="en"><title>Overview</title><h1>Overview</h1></html>');
  await writeFile(path.join(reportDir, 'index.html'), longReportHtml(39));
  return distDir;
}

function longReportHtml(sections: number): string {
  const prose = 'Deliveries in this region are measured against the promised date printed at checkout, and each late parcel is traced to the carrier scan that explains it. ';
  const chart = (seed: number) => `<figure><svg viewBox="0 0 400 120" width="400" height="120">${
    Array.from({ length: 12 }, (_, index) => `<rect x="${index * 32 + 8}" y="${120 - ((seed * 7 + index * 13) % 90) - 20}" width="22" height="${((seed * 7 + index * 13) % 90) + 20}" fill="#2a6"/>`).join('')
  }</svg><figcaption>Figure ${seed}: orders by month</figcaption></figure>`;
  const table = (seed: number) => `<table><thead><tr><th>Month</th><th>Orders</th><th>On time</th></tr></thead><tbody>${
    Array.from({ length: 12 }, (_, index) => `<tr><td>2026-${String(index + 1).padStart(2, '0')}</td><td>${1000 + seed * 37 + index}</td><td>${(90 + ((seed + index) % 9)).toFixed(1)} %</td></tr>`).join('')
  }</tbody></table>`;
  const body = Array.from({ length: sections }, (_, index) => `<section><h2>Region ${index + 1}</h2>${
    `<p>${prose.repeat(5)}</p>`.repeat(2)}${table(index + 1)}${chart(index + 1)}</section>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long report</title><style>
body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; } table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #999; padding: 3px 6px; }</style></head><body><main><h1>Regional delivery report</h1>${body}</main></body></html>`;
}

function formatRow(row: BenchRow): string {
  const baseline = row.baseline === undefined ? '' : `  (bare page.pdf: ${row.baseline} ${row.unit})`;
  return `${row.metric}: ${row.value} ${row.unit}${baseline}${row.note ? `\n  ${row.note}` : ''}`;
}

export const section: BenchSection = {
  name: 'pdf',
  summary: 'PDFs per second through pledge vs bare page.pdf of the same pages, and the browser start',
  async run({ quick, root, log }) {
    for (const row of await run({ quick, root })) log(formatRow(row));
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const row of await run()) console.log(formatRow(row));
}
