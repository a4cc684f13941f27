/**
 * `pledge check` on the example, as an installed pledge runs it (the JavaScript compiled into lib/ by
 * scripts/build-lib.mjs, which this section runs first) and from the checkout (tsx on src/), against
 * `node -e 0` in the same run: the figure is the ratio, since the machine's load sets the seconds.
 * Target: under 0.3 s wall on an idle 2-core machine.
 *
 *   node --import tsx scripts/bench.ts --only check
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { median, timedMs, type BenchSection } from './_measure.ts';

const exec = promisify(execFile);
const REPEATS = 7;

export const section: BenchSection = {
  name: 'check',
  summary: '`pledge check` on the example, compiled (lib/) and from the sources, against `node -e 0`',
  async run({ quick, root, log }) {
    await exec(process.execPath, [path.join(root, 'scripts', 'build-lib.mjs')], { cwd: root });
    const project = await mkdtemp(path.join(os.tmpdir(), 'pledge-bench-check-'));
    try {
      await cp(path.join(root, 'content'), path.join(project, 'content'), { recursive: true });
      // The compiled CLI exactly as bin/pledge.mjs starts it in an installed package.
      const compiled = `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'lib', 'cli', 'main.js')).href)}); process.exitCode = await main(['check']);`;
      const commands = {
        bare: ['-e', '0'],
        compiled: ['--input-type=module', '-e', compiled],
        sources: [path.join(root, 'bin', 'pledge.mjs'), 'check'],
      };
      const times: Record<keyof typeof commands, number[]> = { bare: [], compiled: [], sources: [] };
      // Interleaved, so a burst of load elsewhere on the machine hits all three alike.
      for (let index = 0; index < (quick ? 3 : REPEATS); index++) {
        for (const [name, args] of Object.entries(commands) as Array<[keyof typeof commands, string[]]>) {
          times[name].push(await timedMs(() => exec(process.execPath, args, { cwd: project, env: { ...process.env, CI: '1' } }).catch(() => undefined)));
        }
      }
      const [bare, compiledMs, sources] = [median(times.bare), median(times.compiled), median(times.sources)];
      log(`node -e 0                      ${bare.toFixed(0)} ms (baseline)`);
      log(`pledge check, compiled (lib/)  ${compiledMs.toFixed(0)} ms = ${(compiledMs / bare).toFixed(1)}x node -e 0 (target: under 300 ms wall)`);
      log(`pledge check, sources (tsx)    ${sources.toFixed(0)} ms = ${(sources / bare).toFixed(1)}x node -e 0`);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  },
};
