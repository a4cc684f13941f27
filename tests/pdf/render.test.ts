import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/adapters/browser.ts';
import { InputError } from '../../src/core/input-error.ts';
import { pdfMargin, renderPdfs } from '../../src/adapters/pdf/render.ts';
import { serveStatic } from '../../src/adapters/pdf/serve.ts';
import { imageCount, pageCount, pdfFonts, pdfInfo, pdfText, renderPng } from './poppler.ts';

const FIXTURE = path.resolve('tests/fixtures/pdf/built');
const ARTIFACTS = path.resolve('tests/artifacts');
const NAMES = ['overview', 'cards', 'findings', 'late-chart', 'monthly', 'relatorio', 'public'];

let browser: Browser;
let work: string;
const out = (run: string, name: string) => path.join(work, run, `${name}.pdf`);

/** Each page's text without the running header and footer lines. */
function bodyLines(file: string, page: number): string[] {
  return pdfText(file, page).split('\n').map((line) => line.trim())
    .filter((line) => line && !line.startsWith('Kestrel Kitchen') && !/^Page \d+ of \d+/.test(line));
}

function pagesOf(file: string): string[] {
  return Array.from({ length: pageCount(file) }, (_, index) => pdfText(file, index + 1));
}

/** Items (table rows, cards) whose first and last lines landed on different pages, or went missing. */
function splitItems(file: string, count: number, first: (id: string) => string, last: (id: string) => string): number[] {
  const pages = pagesOf(file);
  const split: number[] = [];
  for (let item = 1; item <= count; item += 1) {
    const id = String(item).padStart(count >= 100 ? 3 : 2, '0');
    const start = pages.findIndex((text) => text.includes(first(id)));
    if (start < 0 || start !== pages.findIndex((text) => text.includes(last(id)))) split.push(item);
  }
  return split;
}

const splitRows = (file: string) => splitItems(file, 120, (id) => `Order ${id}`, (id) => `end of ${id}`);
const splitCards = (file: string) => splitItems(file, 18, (id) => `Commitment ${id}`, (id) => `End of card ${id}`);

/** Pages whose last body line is a section heading. */
function pagesEndingInHeading(file: string): number[] {
  return Array.from({ length: pageCount(file) }, (_, index) => index + 1)
    .filter((page) => /^Finding \d: what happened$/.test(bodyLines(file, page).at(-1) ?? ''));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pledge-pdf-'));
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await launchBrowser();
  const env = { ...process.env, SOURCE_DATE_EPOCH: '' };
  await renderPdfs({ distDir: FIXTURE, outDir: path.join(work, 'first'), env, browser });
  await renderPdfs({ distDir: FIXTURE, outDir: path.join(work, 'second'), env, browser });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

describe('renderPdfs on a built site', () => {
  it('prints the overview, each report and the public page', async () => {
    const progress: string[] = [];
    const onProgress = (done: number, total: number, name: string) => progress.push(`${done}/${total} ${name}`);
    const result = await renderPdfs({ distDir: FIXTURE, outDir: path.join(work, 'only'), only: ['public', 'monthly'], browser, onProgress });
    expect(result.files.map((file) => path.basename(file))).toEqual(['monthly.pdf', 'public.pdf']);
    // Pages print in parallel, so the two finish in either order.
    expect([progress[0], ...progress.slice(1).map((line) => line.slice(0, 3))]).toEqual(['0/2 monthly', '1/2', '2/2']);
    for (const name of NAMES) expect(pageCount(out('first', name))).toBeGreaterThan(0);
  });

  it('reads like the public page: statement, each commitment and its status, on one A4 page', () => {
    const text = pdfText(out('first', 'public')).replace(/\s+/g, ' ');
    expect(text).toContain('Every order is packed by hand in our Leeds workshop and arrives on the day we promised');
    expect(text).toContain('We deliver 95 % of orders on the promised day. Latest: 96.4 % Status: kept');
    expect(text).toContain('We answer every message within 4 hours. Latest: 5.1 hours Status: broken');
    expect(text).toContain('90 % of customers rate their order 4 or 5 out of 5. Latest: 91.2 % Status: kept');
    const info = pdfInfo(out('first', 'public'));
    expect([info.Pages, info['Page size']]).toEqual(['1', '595.92 x 841.92 pts (A4)']);
  });

  it('heads every page with the company and period and numbers it in the footer', () => {
    const file = out('first', 'overview');
    const total = pageCount(file);
    expect(total).toBeGreaterThanOrEqual(15);
    for (let page = 1; page <= total; page += 1) {
      const text = pdfText(file, page);
      expect(text).toMatch(/Kestrel Kitchen\s+Period: March 2026/);
      expect(text).toMatch(new RegExp(`Page ${page} of ${total}\\s+Data as of 2026-03-31`));
    }
  });

  it('breaks a long table between rows, never through one, and keeps every row', () => {
    expect(splitRows(out('first', 'overview'))).toEqual([]);
  });

  it('keeps every commitment card on one page', () => {
    expect(pageCount(out('first', 'cards'))).toBeGreaterThan(3);
    expect(splitCards(out('first', 'cards'))).toEqual([]);
  });

  it('never leaves a heading alone at the bottom of a page', () => {
    expect(pagesEndingInHeading(out('first', 'findings'))).toEqual([]);
    expect(pagesEndingInHeading(out('first', 'monthly'))).toEqual([]);
  });

  it('adds a table of contents to a multi-page report only', () => {
    expect(bodyLines(out('first', 'monthly'), 1).slice(0, 4)).toEqual(['March 2026 report', 'Contents', 'Finding 1: what happened', 'Finding 2: what happened']);
    expect(pdfText(out('first', 'public'))).not.toContain('Contents');
  });

  it('prints charts as vectors and waits for a page that draws late', () => {
    expect(imageCount(out('first', 'public'))).toBe(0);
    expect(pdfText(out('first', 'public'))).toContain('target 95 %');
    expect(pdfText(out('first', 'late-chart'))).toContain('Drawn after 400 ms');
  });

  it('keeps links within the page and to other sites, and drops links to the local print server', async () => {
    const bytes = (await readFile(out('first', 'public'))).toString('latin1');
    expect(bytes).toContain('/URI (https://kestrel-kitchen.example/shop)');
    expect(bytes).not.toContain('127.0.0.1');
    expect(bytes.match(/\/Subtype \/Link/g)?.length).toBe(2);
  });

  it('heads a report with its own period from dist/pledge.json, whatever its HTML head claims', () => {
    // The relatorio page says lang="pt" and carries <meta name="pledge:company" content="Cozinha Peneireiro">.
    const text = pdfText(out('first', 'relatorio'));
    expect(text).toMatch(/Kestrel Kitchen\s+Period: Q1 2026/);
    expect(text).toMatch(/Page 1 of 1\s+Data as of 2026-03-31/);
  });

  it('speaks the language of dist/pledge.json in its header, footer and contents', async () => {
    const dist = path.join(work, 'pt-dist');
    await cp(FIXTURE, dist, { recursive: true });
    const built = JSON.parse(await readFile(path.join(dist, 'pledge.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(dist, 'pledge.json'), JSON.stringify({ ...built, company: 'Cozinha Peneireiro', language: 'pt' }));
    await renderPdfs({ distDir: dist, outDir: path.join(work, 'pt'), only: ['relatorio', 'monthly'], browser, env: { SOURCE_DATE_EPOCH: '' } });
    const text = pdfText(out('pt', 'relatorio'));
    expect(text).toMatch(/Cozinha Peneireiro\s+Período: Q1 2026/);
    expect(text).toMatch(/Página 1 de 1\s+Dados até 2026-03-31/);
    expect(pdfText(out('pt', 'monthly'), 1)).toMatch(/Cozinha Peneireiro\s+Período: março de 2026[\s\S]*Índice/);
  }, 120_000);

  it('prints a page that was hidden until printing as it prints shown: its web fonts loaded, the same bytes', async () => {
    // A page without scripts stays hidden until it prints (hideUntilPrintCss), so no layout has asked
    // for its fonts (a short one is shown to load them, so this one is long); the same page with a
    // script is never hidden and lays out as it loads. Greek is
    // only in generated content; the Latin face claims ↑ but has no glyph for it, so 'Probe SC' draws it.
    const dist = path.join(work, 'fonts-dist');
    const fonts = path.resolve('node_modules/@fontsource/noto-sans/files');
    await mkdir(path.join(dist, 'internal', 'reports', 'shown'), { recursive: true });
    await mkdir(path.join(dist, 'internal', 'reports', 'hidden'), { recursive: true });
    await cp(path.join(FIXTURE, 'pledge.json'), path.join(dist, 'pledge.json'));
    await writeFile(path.join(dist, 'internal', 'index.html'), '<!doctype html><title>Overview</title><h1>Overview</h1>');
    for (const script of ['latin', 'cyrillic', 'greek']) await cp(path.join(fonts, `noto-sans-${script}-400-normal.woff2`), path.join(dist, 'internal', `${script}.woff2`));
    await cp(path.resolve('node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-latin-400-normal.woff2'), path.join(dist, 'internal', 'sc.woff2'));
    const face = (file: string, range: string, family = 'Probe') => `@font-face { font-family: '${family}'; src: url(/${file}.woff2) format('woff2'); unicode-range: ${range}; }`;
    const page = (extra: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fonts</title><style>
${face('latin', 'U+0000-00FF, U+2191')} ${face('cyrillic', 'U+0400-045F')} ${face('greek', 'U+0370-03FF')} ${face('sc', 'U+2190-2193', 'Probe SC')}
body { font-family: 'Probe', 'Probe SC', monospace; } p::after { content: ' \\03A9  end'; }</style></head>
<body><h1>Web fonts</h1><p>Latin text, then Привет мир.</p><p>Up ↑</p><p>${'Long enough to be worth hiding. '.repeat(400)}</p>${extra}</body></html>`;
    await writeFile(path.join(dist, 'internal', 'reports', 'hidden', 'index.html'), page(''));
    await writeFile(path.join(dist, 'internal', 'reports', 'shown', 'index.html'), page('<script>/* never hidden */</script>'));
    await renderPdfs({ distDir: dist, outDir: path.join(work, 'fonts'), only: ['hidden', 'shown'], browser, env: { SOURCE_DATE_EPOCH: '' } });
    expect(pdfText(out('fonts', 'hidden'))).toMatch(/Latin text, then Привет мир\. Ω end/);
    expect(pdfFonts(out('fonts', 'hidden'))).toEqual(pdfFonts(out('fonts', 'shown')));
    expect(Buffer.compare(await readFile(out('fonts', 'hidden')), await readFile(out('fonts', 'shown')))).toBe(0);
  }, 120_000);

  it('prints the header and footer in the web fonts even when only they use the glyphs', async () => {
    // A short page is laid out as it loads, which fetches the faces of its own text only; the header
    // and footer, page-margin boxes, are laid out in print alone. "周期", "第 1 页，共 1 页" and "数据截至"
    // need Noto Sans SC faces that nothing on this Latin page asks for.
    const dist = path.join(work, 'frame-dist');
    await mkdir(path.join(dist, 'internal'), { recursive: true });
    const built = JSON.parse(await readFile(path.join(FIXTURE, 'pledge.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(dist, 'pledge.json'), JSON.stringify({ ...built, company: 'Kestrel', language: 'zh', reports: [] }));
    const faces: string[] = [];
    for (const name of ['noto-sans', 'noto-sans-sc']) {
      const dir = path.resolve('node_modules/@fontsource', name);
      await cp(path.join(dir, 'files'), path.join(dist, 'internal', name), { recursive: true, filter: (file) => !/\.woff$/.test(file) });
      const css = await readFile(path.join(dir, '400.css'), 'utf8');
      faces.push(css.replace(/url\(\.\/files\//g, `url(${name}/`));
    }
    const page = (text: string) => `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>Overview</title>
<style>${faces.join('\n')} body { font-family: 'Noto Sans', 'Noto Sans SC', sans-serif; } h1 { font-weight: 400; }</style></head><body><h1>Overview</h1><p>${text}</p></body></html>`;
    await writeFile(path.join(dist, 'internal', 'index.html'), page('Latin text only.'));
    await renderPdfs({ distDir: dist, outDir: path.join(work, 'frame'), only: ['overview'], browser, env: { SOURCE_DATE_EPOCH: '' } });
    const text = pdfText(out('frame', 'overview'));
    expect(text).toMatch(/Kestrel\s+周期：\d{4}年\d{1,2}月/);
    expect(text).toMatch(/第 1 页，共 1 页\s+数据截至 \d{4}-\d{2}-\d{2}/);
    // The same fonts as when the page's own text has every glyph of the frame: no system font stood in.
    const names = (file: string) => [...new Set(pdfFonts(file).map((font) => font.name))].sort();
    await writeFile(path.join(dist, 'internal', 'index.html'), page('周期 年 月 第 页，共 数据截至 0123456789-：'));
    await renderPdfs({ distDir: dist, outDir: path.join(work, 'frame-in-text'), only: ['overview'], browser, env: { SOURCE_DATE_EPOCH: '' } });
    expect(names(out('frame', 'overview'))).toEqual(['NotoSans-Regular', 'NotoSansSCThin-Regular']);
    expect(names(out('frame', 'overview'))).toEqual(names(out('frame-in-text', 'overview')));
  }, 120_000);

  it('fails with the page named when it never says it is ready', async () => {
    const started = Date.now();
    const error = await renderPdfs({ distDir: path.resolve('tests/fixtures/pdf/never-ready'), outDir: path.join(work, 'never'), browser, readyTimeoutMs: 1500 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect([(error as InputError).place.file, (error as InputError).message])
      .toEqual(['tests/fixtures/pdf/never-ready/internal/index.html', 'The page did not say it was ready to print within 1.5 s.']);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('gives identical bytes on a second run', async () => {
    for (const name of NAMES) {
      expect(Buffer.compare(await readFile(out('first', name)), await readFile(out('second', name))), name).toBe(0);
    }
    expect(pdfInfo(out('first', 'public')).CreationDate).toBe('Tue Mar 31 18:00:00 2026 UTC');
  });

  it('uses SOURCE_DATE_EPOCH and prints on Letter when asked', async () => {
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600' };
    const { files } = await renderPdfs({ distDir: FIXTURE, outDir: path.join(work, 'letter'), only: ['public'], paper: 'Letter', env, browser });
    const info = pdfInfo(files[0] ?? '');
    expect([info['Page size'], info.CreationDate, info.Creator]).toEqual(['612 x 792 pts (letter)', 'Thu Jan  1 00:00:00 2026 UTC', 'pledge']);
  });

  it('keeps a PNG of pages for people to look at', () => {
    renderPng(out('first', 'public'), 1, path.join(ARTIFACTS, 'public-page-1'));
    renderPng(out('first', 'overview'), 2, path.join(ARTIFACTS, 'overview-page-2'));
    renderPng(out('first', 'monthly'), 1, path.join(ARTIFACTS, 'monthly-page-1'));
    expect(pageCount(out('first', 'monthly'))).toBeGreaterThan(1);
  });
});

describe('the same pages printed bare, without pledge', () => {
  // The control that shows the checks above can fail: plain page.pdf splits rows and strands headings.
  it('splits table rows and cards, and strands headings', async () => {
    await mkdir(path.join(work, 'bare'));
    const server = await serveStatic(path.join(FIXTURE, 'internal'));
    const page = await browser.newPage();
    try {
      const margin = pdfMargin();
      for (const [name, url] of [['overview', '/'], ['findings', '/reports/findings/'], ['cards', '/reports/cards/']] as const) {
        await page.goto(`${server.origin}${url}`);
        await page.pdf({ path: out('bare', name), format: 'a4', margin });
      }
    } finally {
      await page.close();
      await server.close();
    }
    expect(splitRows(out('bare', 'overview')).length).toBeGreaterThan(5);
    expect(pagesEndingInHeading(out('bare', 'findings'))).toEqual([1]);
    expect(splitCards(out('bare', 'cards')).length).toBeGreaterThan(0);
  });
});
