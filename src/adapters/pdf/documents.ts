import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { InputError, placeOf } from '../../core/input-error.ts';
import { displayPath, exists } from '../files.ts';

/** One page of the built sites that becomes one PDF. */
export interface PrintDocument {
  /** The PDF's name without `.pdf`; what `--only` matches. */
  name: string;
  /** The built site folder the page lives in (served as the web root while printing). */
  siteDir: string;
  /** The page's URL path inside that site. */
  urlPath: string;
  /** The HTML file, for messages. */
  file: string;
}

/**
 * The pages to print: the internal overview, each report narrative, and the public page.
 * Reports are `internal/reports/<name>/index.html` (or `<name>.html`); their PDF is `<name>.pdf`.
 */
export async function listDocuments(distDir: string): Promise<PrintDocument[]> {
  const publicDir = path.join(distDir, 'public');
  const internalDir = path.join(distDir, 'internal');
  const documents: PrintDocument[] = [];
  if (await exists(path.join(internalDir, 'index.html'))) {
    documents.push(pageOf('overview', internalDir, '/'));
    documents.push(...await reportPages(internalDir));
  }
  if (await exists(path.join(publicDir, 'index.html'))) documents.push(pageOf('public', publicDir, '/'));
  if (documents.length === 0) {
    throw new InputError(placeOf(displayPath(distDir)), 'There is no built site to print here (no public/index.html or internal/index.html).',
      'Run `pledge build` first, then `pledge pdf`.');
  }
  return documents;
}

function pageOf(name: string, siteDir: string, urlPath: string): PrintDocument {
  const relative = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return { name, siteDir, urlPath, file: path.join(siteDir, ...relative.split('/').filter(Boolean)) };
}

async function reportPages(internalDir: string): Promise<PrintDocument[]> {
  const reportsDir = path.join(internalDir, 'reports');
  const entries = await readdir(reportsDir, { withFileTypes: true }).catch(() => []);
  const pages: PrintDocument[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && await exists(path.join(reportsDir, entry.name, 'index.html'))) {
      pages.push(pageOf(entry.name, internalDir, `/reports/${entry.name}/`));
    } else if (entry.isFile() && entry.name.endsWith('.html') && entry.name !== 'index.html') {
      pages.push(pageOf(entry.name.slice(0, -5), internalDir, `/reports/${entry.name}`));
    }
  }
  return pages;
}

/** `--only` names, checked: an unknown one is an input error listing the ones that exist. */
export function selectDocuments(documents: PrintDocument[], only: string[] | undefined): PrintDocument[] {
  if (!only?.length) return documents;
  const names = documents.map((document) => document.name);
  const unknown = only.filter((name) => !names.includes(name.replace(/\.pdf$/, '')));
  if (unknown.length) {
    throw new InputError(placeOf('--only'), `There is no page named "${unknown[0]}" to print.`,
      `Choose from: ${names.join(', ')}.`);
  }
  return documents.filter((document) => only.some((name) => name.replace(/\.pdf$/, '') === document.name));
}

/** Header and footer facts from dist/pledge.json, for pages that do not carry them as <meta>. */
export interface SiteFacts {
  company?: string;
  language?: string;
  period?: string;
  dataDate?: string;
}

export async function readSiteFacts(distDir: string): Promise<SiteFacts> {
  const text = await readFile(path.join(distDir, 'pledge.json'), 'utf8').catch(() => undefined);
  if (!text) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  return {
    company: firstString(data, ['company', 'promise.company', 'statement.company']),
    language: firstString(data, ['language', 'promise.language', 'statement.language']),
    period: firstString(data, ['period', 'latestPeriod', 'evaluation.latestPeriod']),
    dataDate: firstString(data, ['dataDate', 'evaluation.dataDate', 'data_date']),
  };
}

/** The first of several dotted paths that holds a non-empty string. */
export function firstString(data: unknown, paths: string[]): string | undefined {
  for (const dotted of paths) {
    let value: unknown = data;
    for (const key of dotted.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (typeof value === 'string' && value.trim()) return value;
  }
  return undefined;
}

/** What a page says about itself for the header and footer. */
export interface PageFacts {
  language?: string;
  company?: string;
  period?: string;
  dataDate?: string;
  title?: string;
}

/**
 * Reads `<html lang>`, `<meta name="pledge:company|period|data-date">` and `<title>` from the built
 * file, while the browser opens a tab: knowing them before the page loads lets the header and footer
 * go in with the print rules, before the first layout. Only the head is parsed.
 */
export async function readPageFacts(file: string): Promise<PageFacts> {
  const html = await readFile(file, 'utf8');
  const headEnd = html.search(/<\/head\s*>|<body[\s>]/i);
  const { document } = parseHTML(`${headEnd < 0 ? html : html.slice(0, headEnd)}</head><body></body></html>`);
  const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content')?.trim() || undefined;
  return {
    language: document.documentElement.getAttribute('lang')?.trim() || undefined,
    company: meta('pledge:company'),
    period: meta('pledge:period'),
    dataDate: meta('pledge:data-date'),
    title: document.querySelector('title')?.textContent?.trim() || undefined,
  };
}
