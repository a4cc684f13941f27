import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { pdfInfo } from './poppler.ts';

async function pledge(argv: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (text) => { out += text; }, err: (text) => { err += text; }, interactive: false, cwd, env };
  const code = await main(['pdf', ...argv], io);
  return { code, out, err };
}

describe('pledge pdf', () => {
  let project: string;

  beforeAll(async () => {
    project = await mkdtemp(path.join(os.tmpdir(), 'pledge-pdf-cli-'));
    await cp(path.resolve('tests/fixtures/pdf/built'), path.join(project, 'dist'), { recursive: true });
  });

  afterAll(() => rm(project, { recursive: true, force: true }));

  it('prints the chosen pages into dist/reports, quietly when not on a terminal', async () => {
    const result = await pledge(['--only', 'public,late-chart', '--paper', 'letter'], project);
    expect(result).toEqual({ code: 0, out: 'Wrote 2 PDFs to dist/reports: late-chart.pdf, public.pdf\n', err: '' });
    expect(await readdir(path.join(project, 'dist', 'reports'))).toEqual(['late-chart.pdf', 'public.pdf']);
    expect(pdfInfo(path.join(project, 'dist', 'reports', 'public.pdf'))['Page size']).toBe('612 x 792 pts (letter)');
  }, 120_000);

  it('writes elsewhere with --out, relative to where it runs', async () => {
    const result = await pledge(['--root', project, '--out', 'pdfs', '--only', 'public'], project);
    expect([result.code, result.out]).toEqual([0, 'Wrote 1 PDF to pdfs: public.pdf\n']);
  }, 120_000);

  it('asks for a build first when dist/ has no site', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'pledge-pdf-empty-'));
    const result = await pledge([], empty);
    await rm(empty, { recursive: true, force: true });
    expect(result).toEqual({
      code: 2, out: '',
      err: 'dist:1:1  The sites have not been built yet, so there is nothing to print. Run `pledge build` first (or `pledge build --pdf` to do both).\n',
    });
  });

  it('names the pages it can print when --only names another', async () => {
    const result = await pledge(['--only', 'march'], project);
    expect([result.code, result.err]).toEqual([2, '--only:1:1  There is no page named "march" to print. Choose from: overview, cards, findings, late-chart, monthly, relatorio, public.\n']);
  });

  it('refuses an unknown paper size and says which exist', async () => {
    const result = await pledge(['--paper', 'A3'], project);
    expect([result.code, result.err]).toEqual([2, 'pledge: --paper must be one of A4, Letter, not "A3".\nUsage: pledge pdf [--out DIR] [--only NAME]... [--paper A4|Letter] [--root DIR]\n']);
  });

  it('says how to install a browser when none is found', async () => {
    const result = await pledge(['--only', 'public'], project, { PUPPETEER_EXECUTABLE_PATH: '/nowhere/chrome' });
    expect([result.code, result.err]).toEqual([2, 'PUPPETEER_EXECUTABLE_PATH:1:1  No browser at /nowhere/chrome. Point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium binary, or unset it to use the system one.\n']);
  });

  it('refuses a dist/pledge.json of the wrong shape with one located line, exit 2, and leaves the PDFs as they were', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'pledge-pdf-shape-'));
    await cp(path.join(project, 'dist'), path.join(other, 'dist'), { recursive: true });
    const before = await readFile(path.join(other, 'dist', 'reports', 'public.pdf'));
    const built = JSON.parse(await readFile(path.join(other, 'dist', 'pledge.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(path.join(other, 'dist', 'pledge.json'), JSON.stringify({ ...built, language: 'fr' }, null, 2));
    const result = await pledge(['--only', 'public'], other);
    const after = await readFile(path.join(other, 'dist', 'reports', 'public.pdf'));
    await rm(other, { recursive: true, force: true });
    expect(result).toEqual({
      code: 2, out: '',
      err: 'dist/pledge.json:5:15  language: "fr" is not allowed. pledge build writes this file: run `pledge build` again rather than edit it.\n',
    });
    expect(after.equals(before)).toBe(true);
  });
});
