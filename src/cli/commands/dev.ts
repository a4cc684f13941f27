import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatInputError, inputErrorsOf } from '../../core/input-error.ts';
import { formatText } from '../../core/check/format.ts';
import { buildProject } from '../../adapters/site/build.ts';
import { serveSites } from '../../adapters/site/serve.ts';
import { watchAndRebuild } from '../../adapters/site/watch.ts';
import { contentPaths } from '../../adapters/project.ts';
import { UsageError, type CliIO } from '../io.ts';
import type { Command } from '../main.ts';

export const command: Command = {
  summary: 'Build, serve the public site on / and the internal site on /internal/, and rebuild on every change in content/',
  usage: 'pledge dev [--root DIR] [--port N]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { root: { type: 'string' }, port: { type: 'string' } }, strict: true });
    const port = Number(values.port ?? 4321);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
    const root = path.resolve(io.cwd, values.root ?? '.');
    const dist = path.join(root, 'dist');
    // The first build must succeed: there is nothing to serve otherwise, and its error is the answer.
    await rebuild(root, io, true);
    const server = await serveSites({ '/internal/': path.join(dist, 'internal'), '/': path.join(dist, 'public') }, port);
    io.out(`Serving the public site at ${server.origin}/ and the internal site at ${server.origin}/internal/\nWatching content/ for changes; press Ctrl-C to stop.\n`);
    const watcher = watchAndRebuild(contentPaths(root).contentDir, () => rebuild(root, io, false));
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    watcher.close();
    await server.close();
    return 0;
  },
};

/** One build; after the first, a failure is shown and the last good dist/ keeps being served. */
async function rebuild(root: string, io: CliIO, first: boolean): Promise<void> {
  const started = performance.now();
  try {
    const result = await buildProject({ root, cwd: io.cwd, env: io.env, cache: true });
    if (result.findings.length) io.err(formatText(result.findings));
    const took = ((performance.now() - started) / 1000).toFixed(1);
    if (result.status === 'blocked') io.err('Not rebuilt: fix the errors above; still serving the last good build.\n');
    else io.out(`Rebuilt in ${took} s.\n`);
  } catch (error) {
    const inputErrors = inputErrorsOf(error);
    if (first || !inputErrors) throw error;
    for (const inputError of inputErrors) io.err(`${formatInputError(inputError)}\n`);
    io.err('Not rebuilt; still serving the last good build.\n');
  }
}
