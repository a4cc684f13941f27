import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { InputError, placeOf } from '../../core/input-error.ts';
import { displayPath, exists } from '../../adapters/files.ts';
import { renderPdfs, type Paper, type RenderOptions } from '../../adapters/pdf/render.ts';
import { EXIT, UsageError, type CliIO } from '../io.ts';
import type { Command } from '../main.ts';

const PAPERS: Paper[] = ['A4', 'Letter'];

export const command: Command = {
  summary: 'Render the built reports and the public page to PDF (dist/reports/*.pdf).',
  usage: 'pledge pdf [--out DIR] [--only NAME]... [--paper A4|Letter] [--root DIR]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        only: { type: 'string', multiple: true },
        paper: { type: 'string', default: 'A4' },
        root: { type: 'string', default: '.' },
      },
      strict: true,
      allowPositionals: false,
    });
    const paper = PAPERS.find((name) => name.toLowerCase() === values.paper.toLowerCase());
    if (!paper) throw new UsageError(`--paper must be one of ${PAPERS.join(', ')}, not "${values.paper}".`);
    const root = path.resolve(io.cwd, values.root);
    const distDir = path.join(root, 'dist');
    const outDir = values.out ? path.resolve(io.cwd, values.out) : path.join(distDir, 'reports');
    await requireBuiltSite(distDir, io.cwd);
    const only = values.only?.flatMap((names) => names.split(',')).map((name) => name.trim()).filter(Boolean);
    const { files } = await renderPdfsWithProgress(io, { distDir, outDir, only, paper });
    io.out(`Wrote ${files.length} PDF${files.length === 1 ? '' : 's'} to ${displayPath(outDir, io.cwd)}: ${files.map((file) => path.basename(file)).join(', ')}\n`);
    return EXIT.ok;
  },
};

async function requireBuiltSite(distDir: string, cwd: string): Promise<void> {
  if (await exists(path.join(distDir, 'internal', 'index.html')) || await exists(path.join(distDir, 'public', 'index.html'))) return;
  throw new InputError(placeOf(displayPath(distDir, cwd)), 'The sites have not been built yet, so there is nothing to print.',
    'Run `pledge build` first (or `pledge build --pdf` to do both).');
}

/**
 * renderPdfs with a progress bar on an interactive terminal and nothing in CI; `pledge build --pdf`
 * can call this too, so both commands behave the same.
 */
export function renderPdfsWithProgress(io: CliIO, options: Omit<RenderOptions, 'env' | 'onProgress' | 'cwd'>): Promise<{ files: string[] }> {
  return withProgress(io, (onProgress) => renderPdfs({ ...options, env: io.env, cwd: io.cwd, onProgress }));
}

type Progress = (done: number, total: number, name: string) => void;

/** A progress bar on an interactive terminal; nothing in CI or when piped. */
async function withProgress<T>(io: CliIO, work: (onProgress: Progress | undefined) => Promise<T>): Promise<T> {
  if (!io.interactive) return work(undefined);
  const bar = new cliProgress.SingleBar({
    format: 'PDF {bar} {value}/{total} {name}', hideCursor: true, clearOnComplete: true, stream: process.stderr,
  }, cliProgress.Presets.shades_classic);
  let started = false;
  try {
    return await work((done, total, name) => {
      if (!started) bar.start(total, 0, { name });
      started = true;
      bar.update(done, { name });
    });
  } finally {
    bar.stop();
  }
}
