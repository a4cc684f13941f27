import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError, placeOf } from '../../core/input-error.ts';
import { readPledgeJson } from '../../core/schema/read-pledge-json.ts';
import type { Language } from '../../core/schema/text.ts';
import { displayPath, exists } from '../files.ts';
import type { FrameFacts } from './page-frame.ts';

/** One page of the built sites that becomes one PDF. */
export interface PrintDocument {
  /** The PDF's name without `.pdf`; what `--only` matches. A report's is its slug in dist/pledge.json. */
  name: string;
  kind: 'overview' | 'report' | 'public';
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
    documents.push(pageOf('overview', 'overview', internalDir, '/'));
    documents.push(...await reportPages(internalDir));
  }
  if (await exists(path.join(publicDir, 'index.html'))) documents.push(pageOf('public', 'public', publicDir, '/'));
  if (documents.length === 0) {
    throw new InputError(placeOf(displayPath(distDir)), 'There is no built site to print here (no public/index.html or internal/index.html).',
      'Run `pledge build` first, then `pledge pdf`.');
  }
  return documents;
}

function pageOf(name: string, kind: PrintDocument['kind'], siteDir: string, urlPath: string): PrintDocument {
  const relative = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return { name, kind, siteDir, urlPath, file: path.join(siteDir, ...relative.split('/').filter(Boolean)) };
}

async function reportPages(internalDir: string): Promise<PrintDocument[]> {
  const reportsDir = path.join(internalDir, 'reports');
  const entries = await readdir(reportsDir, { withFileTypes: true }).catch(() => []);
  const pages: PrintDocument[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && await exists(path.join(reportsDir, entry.name, 'index.html'))) {
      pages.push(pageOf(entry.name, 'report', internalDir, `/reports/${entry.name}/`));
    } else if (entry.isFile() && entry.name.endsWith('.html') && entry.name !== 'index.html') {
      pages.push(pageOf(entry.name.slice(0, -5), 'report', internalDir, `/reports/${entry.name}`));
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

/** What the header and footer print, all from dist/pledge.json (never guessed from the HTML). */
export interface SiteFacts {
  company: string;
  language: Language;
  /** The latest period judged. */
  period: string | null;
  dataDate: string | null;
  /** Each report's own period, by its PDF name; a report without one is headed with the latest period. */
  reportPeriods: Map<string, string | null>;
}

/** Reads dist/pledge.json through its schema: a missing file or one of another shape is a located InputError. */
export async function readSiteFacts(distDir: string, cwd?: string): Promise<SiteFacts> {
  const file = path.join(distDir, 'pledge.json');
  const shown = displayPath(file, cwd);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
    throw new InputError(placeOf(shown), 'There is no pledge.json beside the built sites, and the PDF headers are made from it.',
      'Run `pledge build` again to write it.');
  });
  const built = readPledgeJson(text, shown);
  return {
    company: built.company,
    language: built.language,
    period: built.period,
    dataDate: built.dataDate,
    reportPeriods: new Map(built.reports.map((report) => [report.slug, report.period])),
  };
}

/** The header and footer of one document: a report names its own period, the other pages the latest. */
export function frameFactsOf(document: PrintDocument, site: SiteFacts): FrameFacts {
  const period = (document.kind === 'report' ? site.reportPeriods.get(document.name) : undefined) ?? site.period;
  return {
    language: site.language,
    company: site.company,
    ...(period ? { period } : {}),
    ...(site.dataDate ? { dataDate: site.dataDate } : {}),
  };
}
