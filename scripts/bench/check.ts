/**
 * `pledge check` on the example, as an installed pledge runs it: bin/pledge.mjs beside the bundle that
 * scripts/build-lib.mjs makes (this section runs it first) and no src/, so lib/check.cjs runs, with the
 * V8 code cache its first run leaves in NODE_COMPILE_CACHE; also from the checkout (tsx on src/). Against
 * `node -e 0` in the same run: the figure is the ratio, since the machine's load sets the seconds.
 * Target: under 0.3 s wall on an idle 2-core machine.
 *
 *   node --import tsx scripts/bench.ts --only check
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { median, timedMs, type BenchSection } from './_measure.ts';

const exec = promisify(execFile);
const REPEATS = 9;

export const section: BenchSection = {
  name: 'check',
  summary: '`pledge check` on the example, installed (lib/ bundle) and from the sources, against `node -e 0`',
  async run({ quick, root, log }) {
    await exec(process.execPath, [path.join(root, 'scripts', 'build-lib.mjs')], { cwd: root });
    const work = await mkdtemp(path.join(os.tmpdir(), 'pledge-bench-check-'));
    try {
      const project = path.join(work, 'project');
      await cp(path.join(root, 'content'), path.join(project, 'content'), { recursive: true });
      // The package as npm installs it: bin/, lib/ and package.json, its dependencies beside it.
      const installed = path.join(work, 'pledge-kit');
      await mkdir(installed);
      for (const name of ['bin', 'lib', 'package.json']) await cp(path.join(root, name), path.join(installed, name), { recursive: true });
      await symlink(path.join(root, 'node_modules'), path.join(installed, 'node_modules'), 'dir');
      const bin = path.join(installed, 'bin', 'pledge.mjs');
      const env = { ...process.env, CI: '1', NODE_COMPILE_CACHE: path.join(work, 'compile-cache') };
      const run = (args: string[], vars = env) => timedMs(() => exec(process.execPath, args, { cwd: project, env: vars }).catch(() => undefined));
      // The checkout runs lib/ while it is as new as src/ (bin/fresh-lib.mjs); this row is its sources.
      const fromSources = { ...env, PLEDGE_FROM_SOURCES: '1' };
      // The first run fills the compile cache: what a user's very first `pledge check` costs.
      const first = await run([bin, 'check']);
      const commands = { bare: ['-e', '0'], installed: [bin, 'check'], sources: [path.join(root, 'bin', 'pledge.mjs'), 'check'] };
      const times: Record<keyof typeof commands, number[]> = { bare: [], installed: [], sources: [] };
      // Interleaved, so a burst of load elsewhere on the machine hits all three alike.
      for (let index = 0; index < (quick ? 3 : REPEATS); index++) {
        for (const [name, args] of Object.entries(commands) as Array<[keyof typeof commands, string[]]>) times[name].push(await run(args, name === 'sources' ? fromSources : env));
      }
      const [bare, installedMs, sources] = [median(times.bare), median(times.installed), median(times.sources)];
      const ratio = (ms: number) => `${(ms / bare).toFixed(1)}x node -e 0`;
      log(`node -e 0                          ${bare.toFixed(0)} ms (baseline, median of ${times.bare.length})`);
      log(`pledge check, installed (lib/)     ${installedMs.toFixed(0)} ms = ${ratio(installedMs)} (target: under 300 ms wall on an idle machine)`);
      log(`  its first run (fills the cache)  ${first.toFixed(0)} ms = ${ratio(first)}`);
      log(`pledge check, sources (tsx)        ${sources.toFixed(0)} ms = ${ratio(sources)}`);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
