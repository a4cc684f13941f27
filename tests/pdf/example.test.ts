import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/adapters/browser.ts';
import { MARGIN_MM, renderPdfs } from '../../src/adapters/pdf/render.ts';
import { buildProject } from '../../src/adapters/site/build.ts';
import { bodyDepth, pageCount, pdfInfo, pdfText, renderPng } from './poppler.ts';

/** The parts of dist/pledge.json and dist/public/pledge.json a reader can check the PDFs against. */
interface Built {
  company: string;
  statement: { text: string; lead: string; commitments: { text: string }[] };
  reports: { slug: string }[];
  commitments: { commitmentId: string; streak: { kept: number; of: number } }[];
}
interface PublicBuilt {
  commitments: { id: string; kpi: { name: string }; latest: { status: string } | null }[];
}

const STATUS_LABELS: Record<string, string> = { kept: 'Kept', broken: 'Broken', 'no-data': 'No data' };

let browser: Browser;
let root: string;
let built: Built;
let publicBuilt: PublicBuilt;
const flat = (text: string) => text.replace(/\s+/g, ' ');
const pdf = (run: string, name: string) => path.join(root, run, `${name}.pdf`);
const names = () => ['overview', ...built.reports.map((report) => report.slug), 'public'];
const MARGIN_PT = { top: MARGIN_MM.top * 72 / 25.4, bottom: MARGIN_MM.bottom * 72 / 25.4 };

/** The text of every heading of the built pages, as pdftotext prints it. */
async function headingsOf(distDir: string): Promise<Set<string>> {
  const pages = ['internal/index.html', 'public/index.html', ...built.reports.map((report) => `internal/reports/${report.slug}.html`)];
  const headings = new Set<string>();
  for (const page of pages) {
    const html = await readFile(path.join(distDir, page), 'utf8');
    for (const match of html.matchAll(/<h[1-4][^>]*>([\s\S]*?)<\/h[1-4]>/g)) headings.add(flat((match[1] ?? '').replace(/<[^>]+>/g, '')).trim());
  }
  return headings;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
/** An HTML fragment's text as printed: tags dropped, the entities Astro writes decoded. */
const textOf = (html: string) => flat(html.replace(/<[^>]+>/g, ' ').replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '')).trim();

/** Each printed page's HTML: the overview, the public page and every report. */
async function pagesHtml(distDir: string): Promise<string[]> {
  const pages = ['internal/index.html', 'public/index.html', ...built.reports.map((report) => `internal/reports/${report.slug}.html`)];
  return Promise.all(pages.map((page) => readFile(path.join(distDir, page), 'utf8')));
}

/** Every table's caption and header row, as pdftotext prints them (the print style writes headers in capitals). */
async function tableTops(distDir: string): Promise<{ captions: Set<string>; headers: Set<string> }> {
  const captions = new Set<string>();
  const headers = new Set<string>();
  for (const html of await pagesHtml(distDir)) {
    for (const table of html.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)) {
      const caption = /<caption(?![^>]*visually-hidden)[^>]*>([\s\S]*?)<\/caption>/.exec(table[1] ?? '');
      if (caption) captions.add(textOf(caption[1] ?? ''));
      const head = /<thead[^>]*>([\s\S]*?)<\/thead>/.exec(table[1] ?? '');
      if (head) headers.add(textOf(head[1] ?? '').toUpperCase());
    }
  }
  return { captions, headers };
}

/** A page's lines as printed, without the running header (its first line) and footer (its last). */
function bodyLines(file: string, page: number): string[] {
  return pdfText(file, page).split('\n').map((line) => line.trim()).filter(Boolean).slice(1, -1);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'pledge-pdf-example-'));
  await cp(path.resolve('content'), path.join(root, 'content'), { recursive: true });
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };
  const result = await buildProject({ root, env });
  expect(result.status).toBe('built');
  built = JSON.parse(await readFile(path.join(root, 'dist', 'pledge.json'), 'utf8')) as Built;
  publicBuilt = JSON.parse(await readFile(path.join(root, 'dist', 'public', 'pledge.json'), 'utf8')) as PublicBuilt;
  browser = await launchBrowser();
  await renderPdfs({ distDir: result.distDir, outDir: path.join(root, 'first'), env, browser });
  await renderPdfs({ distDir: result.distDir, outDir: path.join(root, 'second'), env, browser });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the example project, built and printed', () => {
  it('heads each report with its own period and the rest with the latest, all from dist/pledge.json', () => {
    const header = (name: string) => flat(pdfText(pdf('first', name), 1).split('\n')[0] ?? '');
    expect(header('2026-02-carrier-strike')).toMatch(new RegExp(`^${built.company} +Period: February 2026$`));
    expect(header('2026-10-monthly')).toMatch(new RegExp(`^${built.company} +Period: October 2026$`));
    expect(header('overview')).toMatch(new RegExp(`^${built.company} +Period: `));
  });

  it('prints the overview, every report narrative and the public page', () => {
    const names = ['overview', ...built.reports.map((report) => report.slug), 'public'];
    expect(built.reports.length).toBeGreaterThan(0);
    for (const name of names) expect(pageCount(pdf('first', name)), name).toBeGreaterThan(0);
  });

  it('public page PDF: the statement, each commitment, its status and its streak', () => {
    const text = flat(pdfText(pdf('first', 'public'), undefined, 'reading'));
    // The statement, then its commitments as a list beneath it.
    const listed = built.statement.commitments.map((c) => flat(c.text)).join(' ');
    expect(text).toContain(`${flat(built.statement.lead)} ${listed}`);
    expect(publicBuilt.commitments.length).toBe(3);
    for (const commitment of publicBuilt.commitments) {
      const card = text.slice(text.indexOf(`${commitment.kpi.name} `, text.indexOf('What we commit to')));
      const streak = built.commitments.find((c) => c.commitmentId === commitment.id)?.streak;
      expect(card, commitment.id).toMatch(new RegExp(`^${commitment.kpi.name} .*? ${STATUS_LABELS[commitment.latest?.status ?? 'no-data']} `));
      expect(card).toContain(`Kept in ${streak?.kept} of the last ${streak?.of} months`);
    }
  });

  it('public page PDF: the note on February 2026 right after that month, and the changes to the CSAT promise', () => {
    const text = flat(pdfText(pdf('first', 'public'), undefined, 'reading'));
    // The history prints in two columns beside the card's left column and its chart, so pdftotext's reading order
    // mixes them; the layout text keeps each printed line: the February row, then the note before any other row.
    const lines = pdfText(pdf('first', 'public')).split('\n').map((line) => flat(line).trim()).filter(Boolean);
    const feb = lines.findIndex((line) => line.includes('Feb 2026 80.8% Broken'));
    expect(feb, 'the February 2026 row').toBeGreaterThan(-1);
    // The next line with a history row or a note is the note (the card's left column may share the lines).
    const next = lines.slice(feb + 1).find((line) => /Our note on|\b\d{4} +\d/.test(line));
    expect(next).toContain('Our note on Feb 2026 A regional carrier strike from 9 to 20 February');
    // The changes list sits in the card's narrow left column, so pdftotext interleaves it with the table: check its parts.
    const csat = text.slice(text.indexOf('Customer satisfaction HISTORY'));
    expect(csat).toContain('CHANGES TO THIS PROMISE');
    expect(csat).toContain('From Apr 2026: at least 90% (before: at least 85%)');
    expect(csat).toContain('In April 2026 we raised this promise from 85 % to 90 %');
  });

  it('public page: page 1 carries the statement and the whole first commitment, not the statement alone', () => {
    const first = publicBuilt.commitments[0];
    const page1 = flat(pdfText(pdf('first', 'public'), 1, 'reading'));
    expect(page1).toContain(flat(built.statement.lead));
    expect(page1).toContain(`${first?.kpi.name} `);
    expect(page1).toContain(`Kept in ${built.commitments[0]?.streak.kept} of the last ${built.commitments[0]?.streak.of}`);
  });

  it('no page but the last is mostly blank, and no page ends with a heading', async () => {
    const headings = await headingsOf(path.join(root, 'dist'));
    expect(headings.size).toBeGreaterThan(10);
    for (const name of names()) {
      const total = pageCount(pdf('first', name));
      for (let page = 1; page <= total; page += 1) {
        if (page < total) expect(bodyDepth(pdf('first', name), page, MARGIN_PT), `${name} page ${page}`).toBeGreaterThan(0.45);
        expect(headings.has(bodyLines(pdf('first', name), page).at(-1) ?? ''), `${name} page ${page}`).toBe(false);
      }
    }
  });

  it('no page ends with a table caption or header row without at least two of its rows', async () => {
    const { captions, headers } = await tableTops(path.join(root, 'dist'));
    expect(captions).toContain('On-time delivery');
    expect(headers).toContain('PERIOD VALUE SAMPLE');
    for (const name of names()) {
      for (let page = 1; page <= pageCount(pdf('first', name)); page += 1) {
        const lines = bodyLines(pdf('first', name), page).map(flat);
        lines.forEach((line, i) => {
          if (captions.has(line)) expect(lines.length - i - 1, `${name} page ${page}: caption "${line}"`).toBeGreaterThanOrEqual(3);
          if (headers.has(line.toUpperCase())) expect(lines.length - i - 1, `${name} page ${page}: header "${line}"`).toBeGreaterThanOrEqual(2);
        });
      }
    }
  });

  it('no page of the public PDF holds only its closing block (the feedback box and the colophon)', async () => {
    const html = await readFile(path.join(root, 'dist', 'public', 'index.html'), 'utf8');
    const closing = textOf([/<section class="feedback"[\s\S]*?<\/section>/, /<footer[\s\S]*?<\/footer>/]
      .map((pattern) => pattern.exec(html)?.[0] ?? '').join(' '));
    expect(closing).toContain('Tell us how we are doing');
    const file = pdf('first', 'public');
    for (let page = 1; page <= pageCount(file); page += 1) {
      // Buttons print their address after them, which the HTML has only as an attribute.
      const own = bodyLines(file, page).map((line) => flat(line).replace(/ \((mailto|https?):[^)]*\)/g, ''))
        .filter((line) => !closing.includes(line));
      expect(own.length, `public page ${page}`).toBeGreaterThan(0);
    }
  });

  it('A4 pages, each numbered "Page X of Y" with the data date, in every PDF', () => {
    for (const name of ['overview', 'public', ...built.reports.map((report) => report.slug)]) {
      const total = pageCount(pdf('first', name));
      expect(pdfInfo(pdf('first', name))['Page size']).toBe('595.92 x 841.92 pts (A4)');
      for (let page = 1; page <= total; page += 1) {
        expect(pdfText(pdf('first', name), page), `${name} page ${page}`).toMatch(new RegExp(`Page ${page} of ${total}\\s+Data as of \\d{4}-\\d{2}-\\d{2}`));
      }
    }
  });

  it('two runs give identical bytes', async () => {
    for (const name of ['overview', 'public', ...built.reports.map((report) => report.slug)]) {
      expect(Buffer.compare(await readFile(pdf('first', name)), await readFile(pdf('second', name))), name).toBe(0);
    }
  });

  it('keeps a PNG of every page of every PDF for people to look at', () => {
    for (const name of names()) {
      const total = pageCount(pdf('first', name));
      for (let page = 1; page <= total; page += 1) renderPng(pdf('first', name), page, path.resolve(`tests/artifacts/example-${name}-page-${page}`));
    }
    expect(pageCount(pdf('first', 'public'))).toBeGreaterThanOrEqual(2);
  });
});
