import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatText } from '../../core/check/format.ts';
import { displayPath } from '../../adapters/files.ts';
import { buildProject } from '../../adapters/site/build.ts';
import { EXIT, type CliIO } from '../io.ts';
import type { Command } from '../main.ts';

export const command: Command = {
  summary: 'Check, compute and build dist/public (the commitment page), dist/internal (the reports site) and dist/pledge.json',
  usage: 'pledge build [--root DIR] [--pdf]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { root: { type: 'string' }, pdf: { type: 'boolean' } }, strict: true });
    const started = performance.now();
    const root = path.resolve(io.cwd, values.root ?? '.');
    // Before anything is built: a missing browser would otherwise show only after minutes of work.
    if (values.pdf) (await import('../../adapters/browser.ts')).findBrowser(io.env);
    let rendered = '';
    const result = await buildProject({
      root,
      cwd: io.cwd,
      env: io.env,
      cache: true,
      ...(io.interactive ? { onStep: (step: string) => io.err(`pledge build: ${step}…\n`) } : {}),
      ...(values.pdf ? { beforeSwap: async (staged: string, workDir: string) => { rendered = await renderPdfsInto(staged, workDir, path.join(root, 'dist'), io); } } : {}),
    });
    if (io.env.PLEDGE_TIMINGS === '1') io.err(formatTimings(result.timings));
    if (result.status === 'blocked') {
      io.err(formatText(result.findings));
      io.err('The build stopped because of the errors above; dist/ was left as it was.\n');
      return EXIT.findings;
    }
    if (result.findings.length) io.err(formatText(result.findings));
    const dist = displayPath(result.distDir, io.cwd);
    io.out(`Built ${dist}/public, ${dist}/internal and ${dist}/pledge.json in ${seconds(started)} s.\n${rendered}`);
    return EXIT.ok;
  },
};

/**
 * The PDFs, rendered from the new sites before they replace dist/, with the browser's profile in the
 * build's temporary folder; returns the line to print once dist/ is in place. Loaded only for
 * --pdf, so a plain build never loads puppeteer; the same
 * progress bar as `pledge pdf`.
 */
async function renderPdfsInto(stagedDist: string, workDir: string, distDir: string, io: CliIO): Promise<string> {
  const started = performance.now();
  const { renderPdfsWithProgress } = await import('./pdf.ts');
  const { files } = await renderPdfsWithProgress(io, {
    distDir: stagedDist, outDir: path.join(stagedDist, 'reports'), userDataDir: path.join(workDir, 'chromium-profile'),
  });
  return `Rendered ${files.length} PDF${files.length === 1 ? '' : 's'} into ${displayPath(path.join(distDir, 'reports'), io.cwd)} in ${seconds(started)} s.\n`;
}

/**
 * PLEDGE_TIMINGS=1: each step's milliseconds, one line, for finding where a build's time goes.
 * `astro-load` and `astro-build` run in the site builder alongside the steps before `sites`, which
 * is only the wait for the pages once their data was handed over.
 */
export function formatTimings(timings: Record<string, number>): string {
  return `pledge build timings (ms): ${Object.entries(timings).map(([step, ms]) => `${step} ${ms}`).join(', ')}\n`;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
