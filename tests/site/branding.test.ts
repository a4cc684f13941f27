import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/adapters/browser.ts';
import { buildProject } from '../../src/adapters/site/build.ts';
import { serveSites, type SiteServer } from '../../src/adapters/site/serve.ts';
import { brandColors } from '../../src/core/site/brand.ts';
import { PLAIN_SVG, PNG } from './brand-fixtures.ts';
import { copyExample, FIXED_EPOCH, removeDir } from './helpers.ts';

const SLOW = 240_000;
const BRAND = '#0b6e4f';
const SITE_YAML = `# the example company, branded
url: https://kestrel.example/promise
description: Kitchen kit, packed by hand in Leeds and delivered on time.
brand:
  color: "${BRAND}"
  logo: brand/kestrel.svg
  favicon: brand/favicon.png
`;
const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const LOGO = `logo-${sha(PLAIN_SVG)}.svg`;
const FAVICON = `favicon-${sha(PNG)}.png`;
/** The first sentence of the example's statement (its lead is three sentences, some 300 characters). */
const FIRST_SENTENCE = 'For home cooks, Kestrel Kitchen makes one promise: you can plan the dinner before the parcel arrives.';

/** `#0b6e4f` as Chromium computes it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

interface Head {
  lang: string;
  style: string | null;
  canonical: string | null;
  icon: { href: string | null; type: string | null } | null;
  meta: Record<string, string>;
  scripts: number;
}

async function headOf(page: Page): Promise<Head> {
  return page.evaluate(() => {
    const icon = document.querySelector('link[rel=icon]');
    return {
      lang: document.documentElement.lang,
      style: document.documentElement.getAttribute('style'),
      canonical: document.querySelector('link[rel=canonical]')?.getAttribute('href') ?? null,
      icon: icon ? { href: icon.getAttribute('href'), type: icon.getAttribute('type') } : null,
      meta: Object.fromEntries([...document.querySelectorAll('meta[name], meta[property]')]
        .map((m) => [m.getAttribute('name') ?? m.getAttribute('property'), m.getAttribute('content')])),
      scripts: document.scripts.length,
    };
  }) as Promise<Head>;
}

describe('site.yaml branding in the built sites, in headless Chromium', () => {
  let branded: string;
  let plain: string;
  let server: SiteServer;
  let browser: Browser;

  beforeAll(async () => {
    [branded, plain] = await Promise.all([copyExample(), copyExample()]);
    await mkdir(path.join(branded, 'content', 'brand'));
    await writeFile(path.join(branded, 'content', 'brand', 'kestrel.svg'), PLAIN_SVG);
    await writeFile(path.join(branded, 'content', 'brand', 'favicon.png'), PNG);
    await writeFile(path.join(branded, 'content', 'site.yaml'), SITE_YAML);
    for (const root of [branded, plain]) expect((await buildProject({ root, env: { SOURCE_DATE_EPOCH: FIXED_EPOCH } })).status).toBe('built');
    server = await serveSites({
      '/branded/internal/': path.join(branded, 'dist', 'internal'), '/branded/': path.join(branded, 'dist', 'public'),
      '/plain/internal/': path.join(plain, 'dist', 'internal'), '/plain/': path.join(plain, 'dist', 'public'),
    });
    browser = await launchBrowser();
  }, SLOW * 2);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await Promise.all([branded, plain].filter(Boolean).map(removeDir));
  });

  async function open(url: string, media: { dark?: boolean; print?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    if (media.dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    if (media.print) await page.emulateMediaType('print');
    const response = await page.goto(`${server.origin}${url}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return page;
  }

  it('the public page: canonical, link preview, description, favicon, in the promise\'s language, and no script', async () => {
    const page = await open('/branded/');
    const head = await headOf(page);
    expect(head).toMatchObject({ lang: 'en', canonical: 'https://kestrel.example/promise/', icon: { href: FAVICON, type: 'image/png' }, scripts: 0 });
    expect(head.meta).toMatchObject({
      'description': 'Kitchen kit, packed by hand in Leeds and delivered on time.',
      'og:description': 'Kitchen kit, packed by hand in Leeds and delivered on time.',
      'og:title': 'Kestrel Kitchen · Our promise',
      'og:type': 'website',
      'og:locale': 'en_GB',
      'og:url': 'https://kestrel.example/promise/',
    });
    // The logo is an SVG, which link previews do not show: no og:image rather than a blank preview.
    expect(head.meta['og:image']).toBeUndefined();
    // The favicon is served from where the page links it, byte for byte.
    const icon = await page.evaluate(async (href) => {
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type'), bytes: [...new Uint8Array(await response.arrayBuffer())] };
    }, FAVICON);
    expect(icon).toEqual({ status: 200, type: 'image/png', bytes: [...PNG] });
    await page.close();
  }, SLOW);

  it('shows the logo in the masthead, with the company\'s name as its text', async () => {
    const page = await open('/branded/');
    const logo = await page.$eval('.masthead img.logo', (img) => {
      const image = img as HTMLImageElement;
      const box = image.getBoundingClientRect();
      return { src: image.getAttribute('src'), alt: image.alt, loaded: image.complete && image.naturalWidth > 0, width: Math.round(box.width), height: Math.round(box.height), visible: getComputedStyle(image).visibility };
    });
    // 2.75rem high (44px); the SVG's 120×40 view box makes it 132px wide.
    expect(logo).toEqual({ src: LOGO, alt: 'Kestrel Kitchen', loaded: true, width: 132, height: 44, visible: 'visible' });
    expect(await page.$('.masthead .wordmark')).toBeNull();
    await page.close();
  }, SLOW);

  it('draws links, buttons and the remedy in the brand colour, a lighter shade in dark mode, and itself on paper', async () => {
    const colors = brandColors(BRAND);
    const accentOf = (page: Page) => page.evaluate(() => {
      const button = document.querySelector('.feedback .button:not(.button-secondary)')!;
      return {
        button: getComputedStyle(button).backgroundColor,
        buttonText: getComputedStyle(button).color,
        secondary: getComputedStyle(document.querySelector('.button-secondary')!).color,
        remedy: getComputedStyle(document.querySelector('.remedy')!).borderLeftColor,
      };
    });
    const light = await open('/branded/');
    expect(await accentOf(light)).toEqual({ button: rgb(BRAND), buttonText: rgb('#ffffff'), secondary: rgb(BRAND), remedy: rgb(BRAND) });
    const dark = await open('/branded/', { dark: true });
    expect(colors.dark.accent).not.toBe(BRAND);
    expect(await accentOf(dark)).toEqual({ button: rgb(colors.dark.accent), buttonText: rgb(colors.dark.text), secondary: rgb(colors.dark.accent), remedy: rgb(colors.dark.accent) });
    const paper = await open('/branded/', { dark: true, print: true });
    expect((await accentOf(paper)).remedy).toBe(rgb(BRAND));
    await Promise.all([light.close(), dark.close(), paper.close()]);
  }, SLOW);

  it('passes axe\'s WCAG 2.1 AA checks (colour contrast among them) in the brand colour, light and dark', async () => {
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    for (const dark of [false, true]) {
      const page = await open('/branded/', { dark });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string }> }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
      expect(violations).toEqual([]);
      await page.close();
    }
  }, SLOW);

  it('the internal site: the favicon (from any folder) and the brand colour, but no canonical, preview or logo', async () => {
    for (const [url, href] of [['/branded/internal/', FAVICON], ['/branded/internal/kpi/on_time_delivery.html', `../${FAVICON}`]] as const) {
      const page = await open(url);
      const head = await headOf(page);
      expect(head).toMatchObject({ canonical: null, icon: { href, type: 'image/png' }, scripts: 0 });
      expect(Object.keys(head.meta).filter((key) => key.startsWith('og:') || key === 'description')).toEqual([]);
      expect(await page.evaluate((h) => fetch(h).then((r) => r.status), href)).toBe(200);
      const current = await page.$eval('.nav a[aria-current=page]', (a) => getComputedStyle(a).borderBottomColor);
      expect(current).toBe(rgb(BRAND));
      await page.close();
    }
    expect((await readdir(path.join(branded, 'dist', 'internal'))).filter((f) => f.startsWith('logo-'))).toEqual([]);
  }, SLOW);

  it('without site.yaml: no canonical or og:url (never a wrong one), the first sentence as description, the name as text, the default accent', async () => {
    const page = await open('/plain/');
    const head = await headOf(page);
    expect(head).toMatchObject({ lang: 'en', style: null, canonical: null, icon: null, scripts: 0 });
    expect(head.meta['og:url']).toBeUndefined();
    expect(head.meta['og:image']).toBeUndefined();
    expect(head.meta).toMatchObject({ 'description': FIRST_SENTENCE, 'og:description': FIRST_SENTENCE, 'og:locale': 'en_GB', 'og:title': 'Kestrel Kitchen · Our promise' });
    expect(await page.$eval('.masthead .wordmark', (el) => (el as HTMLElement).innerText)).toBe('Kestrel Kitchen');
    expect(await page.$('.masthead img')).toBeNull();
    expect(await page.$eval('.remedy', (el) => getComputedStyle(el).borderLeftColor)).toBe(rgb('#1f5f8b'));
    await page.close();
    const files = await readdir(path.join(plain, 'dist', 'public'));
    expect(files.filter((f) => /^(logo|favicon)-/.test(f))).toEqual([]);
  }, SLOW);

  it('publishes the images under their hashed names, unchanged', async () => {
    const dist = path.join(branded, 'dist', 'public');
    expect(await readFile(path.join(dist, LOGO), 'utf8')).toBe(PLAIN_SVG);
    expect((await readFile(path.join(dist, FAVICON))).equals(PNG)).toBe(true);
  });
});
