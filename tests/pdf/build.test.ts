import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { pageCount } from './poppler.ts';

const run = promisify(execFile);
const PLEDGE = path.resolve('bin/pledge.mjs');
const PDFS = ['2026-02-carrier-strike.pdf', '2026-10-monthly.pdf', 'overview.pdf', 'public.pdf'];

/** `pledge build --pdf` (the README's `npm run build:all`) on a copy of the example project. */
describe('pledge build --pdf', () => {
  let project: string;

  beforeAll(async () => {
    project = await mkdtemp(path.join(os.tmpdir(), 'pledge-build-pdf-'));
    await cp(path.resolve('content'), path.join(project, 'content'), { recursive: true });
  });

  afterAll(() => rm(project, { recursive: true, force: true }));

  it('builds the sites and leaves every PDF in dist/reports, with two summary lines and nothing else in CI', async () => {
    let out = '';
    let err = '';
    const io: CliIO = { out: (text) => { out += text; }, err: (text) => { err += text; }, interactive: false, cwd: project, env: process.env };
    const code = await main(['build', '--pdf'], io);
    expect(code).toBe(0);
    // The example's only findings: two latest figures whose 95 % interval takes in their target (warnings, on stderr).
    expect(err).toMatch(/^(content\/promise\.yaml:\d+:\d+ {2}warning {2}sample-too-small {2}[^\n]+\n {4}[^\n]+\n){2}\n0 errors, 2 warnings, 0 info\n$/);
    expect(out).toMatch(/^Built dist\/public, dist\/internal and dist\/pledge\.json in \d+\.\d s\.\nRendered 4 PDFs into dist\/reports in \d+\.\d s\.\n$/);
    expect(await readdir(path.join(project, 'dist', 'reports'))).toEqual(PDFS);
    for (const pdf of PDFS) expect(pageCount(path.join(project, 'dist', 'reports', pdf)), pdf).toBeGreaterThan(0);
  }, 240_000);

  it('shows a progress bar on a terminal, the same as `pledge pdf`', async () => {
    // `script` gives the CLI a pseudo-terminal for stdin and stdout, as a person typing the command would.
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm' };
    delete env.CI;
    const { stdout } = await run('script', ['-qec', `node ${PLEDGE} build --pdf`, '/dev/null'], { cwd: project, env, timeout: 240_000 });
    expect(stdout).toContain('pledge build: ');
    for (let done = 1; done <= PDFS.length; done += 1) expect(stdout).toMatch(new RegExp(`PDF [█░]+ ${done}/${PDFS.length} `));
    expect(stdout).toMatch(/Rendered 4 PDFs into dist\/reports in \d+\.\d s\./);
  }, 240_000);
});
