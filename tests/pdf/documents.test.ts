import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameFactsOf, listDocuments, readSiteFacts, type SiteFacts } from '../../src/adapters/pdf/documents.ts';
import { formatInputError, InputError } from '../../src/core/input-error.ts';

const FIXTURE = path.resolve('tests/fixtures/pdf/built');

describe('readSiteFacts', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(path.join(os.tmpdir(), 'pledge-site-facts-')); });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function errorFor(text: string | undefined): Promise<string> {
    const file = path.join(dir, 'pledge.json');
    await rm(file, { force: true });
    if (text !== undefined) await writeFile(file, text);
    const error = await readSiteFacts(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    return formatInputError(error as InputError).replace(`${dir}/`, '');
  }

  it('takes the company, language, periods and data date from dist/pledge.json', async () => {
    const facts = await readSiteFacts(FIXTURE);
    expect(facts).toEqual({
      company: 'Kestrel Kitchen', language: 'en', period: '2026-03', dataDate: '2026-03-31T18:00:00Z',
      reportPeriods: new Map([['cards', null], ['findings', null], ['late-chart', null], ['monthly', '2026-03'], ['relatorio', '2026-Q1']]),
    });
  });

  it('ignores what the HTML claims: the relatorio page has its own <meta> and <html lang>', async () => {
    const html = await readFile(path.join(FIXTURE, 'internal/reports/relatorio/index.html'), 'utf8');
    expect(html).toContain('<meta name="pledge:company" content="Cozinha Peneireiro">');
    const documents = await listDocuments(FIXTURE);
    const facts = await readSiteFacts(FIXTURE);
    const frames = Object.fromEntries(documents.map((document) => [document.name, frameFactsOf(document, facts)]));
    const frame = (period: string) => ({ language: 'en', company: 'Kestrel Kitchen', period, dataDate: '2026-03-31T18:00:00Z' });
    expect(frames).toEqual({
      overview: frame('2026-03'), cards: frame('2026-03'), findings: frame('2026-03'), 'late-chart': frame('2026-03'),
      monthly: frame('2026-03'), relatorio: frame('2026-Q1'), public: frame('2026-03'),
    });
  });

  it('leaves out the period and data date when a build had no data', () => {
    const facts: SiteFacts = { company: 'K', language: 'pt', period: null, dataDate: null, reportPeriods: new Map() };
    expect(frameFactsOf({ name: 'public', kind: 'public', siteDir: FIXTURE, urlPath: '/', file: 'x' }, facts)).toEqual({ language: 'pt', company: 'K' });
  });

  it('refuses a file of the old, guessed shape with the first problem located, and how many more', async () => {
    const old = '{\n  "company": "Kestrel Kitchen",\n  "language": "en",\n  "latestPeriod": "2026-03"\n}\n';
    expect(await errorFor(old)).toBe('pledge.json:1:1  format: this is required but missing (and 10 more problems).'
      + ' pledge build writes this file: run `pledge build` again rather than edit it.');
  });

  it('points at a value of the wrong type inside the file', async () => {
    const good = JSON.parse(await readFile(path.join(FIXTURE, 'pledge.json'), 'utf8')) as { reports: Array<{ period: unknown }> };
    (good.reports[4] as { period: unknown }).period = 202601;
    const text = JSON.stringify(good, null, 2);
    const line = text.split('\n').findIndex((row) => row.includes('202601')) + 1;
    expect(await errorFor(text)).toBe(`pledge.json:${line}:17  reports[4].period: expected a text, got 202601.`
      + ' pledge build writes this file: run `pledge build` again rather than edit it.');
  });

  it('places a JSON syntax error', async () => {
    expect(await errorFor('{\n  "company": "K",,\n}\n')).toBe('pledge.json:2:18  This is not valid JSON: Expected double-quoted property name.'
      + ' pledge build writes this file: run `pledge build` again rather than edit it.');
  });

  it('asks for a build when the file is missing', async () => {
    expect(await errorFor(undefined)).toBe('pledge.json:1:1  There is no pledge.json beside the built sites, and the PDF headers are made from it.'
      + ' Run `pledge build` again to write it.');
  });
});
