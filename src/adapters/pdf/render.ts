import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, PaperFormat } from 'puppeteer-core';
import { InputError, placeOf } from '../../core/input-error.ts';
import { launchBrowser } from '../browser.ts';
import { displayPath } from '../files.ts';
import { sourceDateEpoch, stampPdf } from './deterministic.ts';
import { frameFactsOf, listDocuments, readSiteFacts, selectDocuments, type PrintDocument, type SiteFacts } from './documents.ts';
import { frameCss, labelsFor } from './page-frame.ts';
import { earlyStyleScript, FONTS_SETTLED, hideUntilPrintCss, loadFontsScript, LONG_TEXT, PRINT_CSS, tocScript, UNLINK_LOCAL_SCRIPT, WHEN_READY } from './print.ts';
import { serveStatic, type StaticServer } from './serve.ts';

export type Paper = 'A4' | 'Letter';

export interface RenderOptions {
  /** The built `dist/` (with public/, internal/, pledge.json). */
  distDir: string;
  /** Where the PDFs go, usually `dist/reports`. */
  outDir: string;
  /** PDF names to render (`overview`, `public`, a report's name); all when absent. */
  only?: string[];
  paper?: Paper;
  /** Where pledge runs, for the file names in messages; process.cwd() when absent. */
  cwd?: string;
  /** For SOURCE_DATE_EPOCH and the browser's location; process.env when absent. */
  env?: NodeJS.ProcessEnv;
  onProgress?: (done: number, total: number, name: string) => void;
  /** How long a page may take to say it is ready (default 60 s); tests shorten it. */
  readyTimeoutMs?: number;
  /** A browser to reuse (tests, benchmarks); it stays open. One is launched and closed when absent. */
  browser?: Browser;
  /** The launched browser's profile folder (see launchBrowser); a fresh temporary one when absent. */
  userDataDir?: string;
}

/** Page geometry in millimetres: the header and footer sit inside the top and bottom margins. */
export const MARGIN_MM = { top: 22, bottom: 20, left: 16, right: 16 } as const;
const PAPER_MM: Record<Paper, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
};
const PX_PER_MM = 96 / 25.4;
/** How long a page may take to load and say it is ready, and to print; generous, because CI machines are slow. */
const READY_TIMEOUT_MS = 60_000;
const PRINT_TIMEOUT_MS = 120_000;

/**
 * Renders the built sites to PDF: one browser for the whole run, pages in parallel up to the core
 * count, each written only once it is complete (an existing PDF is replaced, never left half-written).
 */
export async function renderPdfs(options: RenderOptions): Promise<{ files: string[] }> {
  const env = options.env ?? process.env;
  const documents = selectDocuments(await listDocuments(options.distDir), options.only);
  const siteFacts = await readSiteFacts(options.distDir, options.cwd);
  const browser = options.browser ?? await launchBrowser(env, { userDataDir: options.userDataDir });
  const servers = new Map<string, StaticServer>();
  try {
    for (const siteDir of new Set(documents.map((document) => document.siteDir))) servers.set(siteDir, await serveStatic(siteDir));
    await mkdir(options.outDir, { recursive: true });
    options.onProgress?.(0, documents.length, documents[0]?.name ?? '');
    const producer = `pledge (${await browser.version()})`;
    let done = 0;
    const files = await inParallel(documents, os.availableParallelism(), async (document) => {
      const origin = servers.get(document.siteDir)?.origin ?? '';
      const pdf = await printDocument(browser, `${origin}${document.urlPath}`, document, {
        paper: options.paper ?? 'A4', siteFacts, date: sourceDateEpoch(env) ?? dateOf(siteFacts.dataDate),
        readyTimeoutMs: options.readyTimeoutMs ?? READY_TIMEOUT_MS, producer,
      });
      const file = path.join(options.outDir, `${document.name}.pdf`);
      await writeAtomically(file, pdf);
      options.onProgress?.(++done, documents.length, document.name);
      return file;
    });
    return { files };
  } finally {
    await Promise.all([...servers.values()].map((server) => server.close()));
    if (!options.browser) await browser.close();
  }
}

interface PrintSettings {
  paper: Paper;
  siteFacts: SiteFacts;
  /** The date stamped into the PDF; absent leaves the PDF without dates. */
  date: Date | undefined;
  readyTimeoutMs: number;
  /** The PDF's Producer: pledge and the browser version. */
  producer: string;
}

/** One page to PDF bytes, in a browser tab of its own. */
export async function printDocument(browser: Browser, url: string, document: PrintDocument, settings: PrintSettings): Promise<Uint8Array> {
  const long = textLength(document.file).then((length) => length > LONG_TEXT, () => false);
  const page = await browser.newPage();
  try {
    const facts = frameFactsOf(document, settings.siteFacts);
    const printable = printableArea(settings.paper);
    const frame = frameCss(facts);
    const contents = labelsFor(facts.language).contents;
    // A pixel shorter than the printed area: a long page stays hidden until it prints (hideUntilPrintCss).
    const viewport = { width: printable.width, height: printable.height - 1 };
    const hidden = await long ? hideUntilPrintCss(viewport.height) : '';
    // Sent together, one round trip: the printed width and print media, so the contents check measures
    // what prints, and the print rules with the header and footer, in place before the first layout.
    await Promise.all([
      page.setViewport(viewport),
      page.emulateMediaType('print'),
      page.evaluateOnNewDocument(earlyStyleScript(PRINT_CSS + frame, hidden)),
    ]);
    await loadWhenReady(page, url, document, settings.readyTimeoutMs,
      [loadFontsScript(frame + contents), UNLINK_LOCAL_SCRIPT, tocScript(printable.height, contents), FONTS_SETTLED]);
    const pdf = await page.pdf({
      format: settings.paper.toLowerCase() as PaperFormat,
      margin: pdfMargin(),
      printBackground: true,
      outline: true,
      tagged: true,
      // The ready signal has already waited for the fonts; puppeteer's own wait would cost a round trip.
      waitForFonts: false,
      timeout: PRINT_TIMEOUT_MS,
    });
    return stampPdf(pdf, { date: settings.date, creator: 'pledge', producer: settings.producer });
  } finally {
    await page.close();
  }
}

/** About how many characters of text the page's HTML holds (tags, styles and scripts left out). */
async function textLength(file: string): Promise<number> {
  const html = await readFile(file, 'utf8');
  return html.replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, '').length;
}

/** page.pdf's margins, as CSS lengths. */
export function pdfMargin(): { top: string; bottom: string; left: string; right: string } {
  return { top: `${MARGIN_MM.top}mm`, bottom: `${MARGIN_MM.bottom}mm`, left: `${MARGIN_MM.left}mm`, right: `${MARGIN_MM.right}mm` };
}

/** The area inside the margins, in CSS pixels. */
function printableArea(paper: Paper): { width: number; height: number } {
  const size = PAPER_MM[paper];
  return {
    width: Math.floor((size.width - MARGIN_MM.left - MARGIN_MM.right) * PX_PER_MM),
    height: Math.floor((size.height - MARGIN_MM.top - MARGIN_MM.bottom) * PX_PER_MM),
  };
}

/**
 * Loads the page, waits for its render-ready signal (see WHEN_READY; never a fixed delay), then
 * runs `afterReady` (scripts that edit the page for print, each awaited in turn) in the same round trip.
 */
async function loadWhenReady(page: Page, url: string, document: PrintDocument, timeout: number, afterReady: string[]): Promise<void> {
  const response = await page.goto(url, { waitUntil: 'load', timeout });
  if (!response?.ok()) throw pageError(document, `The page answered ${response?.status() ?? 'nothing'} when loaded for printing.`);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(pageError(document, `The page did not say it was ready to print within ${timeout / 1000} s.`)), timeout);
  });
  // Closing the page settles a wait that lost the race; that rejection is expected and ignored.
  const ready = page.evaluate(afterReady.reduce((chain, script) => `${chain}.then(() => ${script})`, WHEN_READY));
  ready.catch(() => undefined);
  try {
    await Promise.race([ready, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function dateOf(iso: string | null): Date | undefined {
  const date = iso ? new Date(iso) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function pageError(document: PrintDocument, message: string): InputError {
  return new InputError(placeOf(displayPath(document.file)), message,
    'Open the page in a browser to see why; a page that draws with scripts must set data-render-ready="true" when done.');
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the input order in the result. */
export async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
