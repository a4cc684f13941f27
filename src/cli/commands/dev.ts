import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatInputError, inputErrorsOf } from '../../core/input-error.ts';
import { formatText } from '../../core/check/format.ts';
import type { Finding } from '../../core/check/finding.ts';
import { blocksBuild, buildProject, TMP_PREFIX } from '../../adapters/site/build.ts';
import { KeptSiteBuilder } from '../../adapters/site/kept-builder.ts';
import { createLiveReload, type LiveReload } from '../../adapters/site/live-reload.ts';
import { serveSites } from '../../adapters/site/serve.ts';
import { watchAndRebuild } from '../../adapters/site/watch.ts';
import { contentPaths } from '../../adapters/project.ts';
import { UsageError, type CliIO } from '../io.ts';
import { formatTimings } from './build.ts';
import type { Command } from '../main.ts';

export const command: Command = {
  summary: 'Build, serve the public site on / and the internal site on /internal/, and rebuild on every change in content/; open pages reload themselves',
  usage: 'pledge dev [--root DIR] [--port N]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { root: { type: 'string' }, port: { type: 'string' } }, strict: true });
    const port = Number(values.port ?? 4321);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
    const root = path.resolve(io.cwd, values.root ?? '.');
    const dist = path.join(root, 'dist');
    const kept = await KeptSiteBuilder.start(root, TMP_PREFIX);
    const live = createLiveReload();
    try {
      // The first build must succeed: there is nothing to serve otherwise, and its error is the answer.
      await rebuild({ root, io, kept, live, first: true });
      const server = await serveSites({ '/internal/': path.join(dist, 'internal'), '/': path.join(dist, 'public') }, port, live);
      io.out(`Serving the public site at ${server.origin}/ and the internal site at ${server.origin}/internal/\nWatching content/ for changes; open pages reload after each save. Press Ctrl-C to stop.\n`);
      const watcher = watchAndRebuild(contentPaths(root).contentDir, (superseded) => rebuild({ root, io, kept, live, first: false, superseded }));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      watcher.close();
      live.close();
      await server.close();
    } finally {
      kept.close();
    }
    return 0;
  },
};

interface Rebuild {
  root: string;
  io: CliIO;
  kept: KeptSiteBuilder;
  live: LiveReload;
  first: boolean;
  /** True once files changed again since this build started: another build follows it. */
  superseded?: () => boolean;
}

/**
 * One build; after the first, a failure is shown in the terminal and over the open pages, and the last
 * good dist/ keeps being served. A failure of a build that another already follows is not shown: it
 * may have read a file half-way through its save, and the next build says what holds.
 */
async function rebuild({ root, io, kept, live, first, superseded = () => false }: Rebuild): Promise<void> {
  const started = performance.now();
  try {
    const result = await buildProject({ root, cwd: io.cwd, env: io.env, cache: true, keptBuilder: kept });
    if (io.env.PLEDGE_TIMINGS === '1') io.err(formatTimings(result.timings));
    if (result.status === 'blocked' && superseded()) return;
    if (result.findings.length) io.err(formatText(result.findings));
    if (result.status === 'blocked') {
      io.err('Not rebuilt: fix the errors above; still serving the last good build.\n');
      live.failed(result.findings.filter(blocksBuild).map(findingLine));
      return;
    }
    io.out(`Rebuilt in ${((performance.now() - started) / 1000).toFixed(2)} s.\n`);
    live.built();
  } catch (error) {
    const inputErrors = inputErrorsOf(error);
    if (first) throw error;
    // Anything else (Astro failed) may have left the builder broken: the next save gets a fresh one.
    if (!inputErrors) kept.restart();
    if (superseded()) return;
    const lines = inputErrors?.map(formatInputError) ?? [error instanceof Error ? error.message : String(error)];
    for (const line of lines) io.err(`${line}\n`);
    io.err('Not rebuilt; still serving the last good build.\n');
    live.failed(lines);
  }
}

function findingLine(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}  ${finding.rule}  ${finding.message} ${finding.hint}`;
}
