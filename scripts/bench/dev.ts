/**
 * Dev rebuild benchmark: `pledge dev` on the example, then promise.yaml saved again and again; each
 * save is timed from the write to the moment the dev server says it has rebuilt (the page reloads on
 * that), next to a bare `astro build` of an empty page in the same run (the floor any Astro site pays
 * for one build from a cold start).
 *
 *   node --import tsx scripts/bench/dev.ts          (alone)
 *   npm run bench -- --only dev-rebuild                    (from the bench runner)
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm, utimes, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, type BenchRow, type BenchSection } from './_measure.ts';
import { astroBin, bareAstroProject, exampleCopy, exec, medianMs } from './sites.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAVES = 5;

export async function run(saves = SAVES): Promise<BenchRow[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'pledge-bench-dev-'));
  try {
    const bare = await bareAstroProject(path.join(work, 'bare'));
    const example = await exampleCopy(path.join(work, 'example'));
    // Data files as a project has them (written well before): a file written just now is not cached.
    const data = path.join(example, 'content', 'data');
    const before = Date.now() / 1000 - 3600;
    for (const name of await readdir(data)) await utimes(path.join(data, name), before, before);
    const bareMs = await medianMs(() => exec(process.execPath, [astroBin(), 'build', '--silent'], bare));
    const { saveMs, buildMs, firstMs } = await timeSaves(example, saves);
    const ratio = (ms: number) => `${(ms / bareMs).toFixed(2)}x the bare build`;
    return [
      { metric: 'bare astro build, empty page', value: bareMs, unit: 'ms' },
      { metric: 'pledge dev, first build', value: firstMs, unit: 'ms', baseline: bareMs, note: ratio(firstMs) },
      { metric: 'pledge dev, save to rebuilt', value: saveMs, unit: 'ms', baseline: bareMs,
        note: `${ratio(saveMs)}, median of ${saves} saves of promise.yaml (target: under 500 ms)` },
      { metric: 'pledge dev, its own rebuild time', value: buildMs, unit: 'ms', baseline: bareMs, note: `${ratio(buildMs)} (without the 150 ms the watcher waits)` },
    ];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Starts `pledge dev`, saves promise.yaml `saves` times, and stops it. */
async function timeSaves(root: string, saves: number): Promise<{ saveMs: number; buildMs: number; firstMs: number }> {
  const started = performance.now();
  const dev = spawn(process.execPath, [path.join(REPO, 'bin', 'pledge.mjs'), 'dev', '--port', '0'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1', ASTRO_TELEMETRY_DISABLED: '1' } });
  let output = '';
  const waiters: Array<() => void> = [];
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    waiters.splice(0).forEach((wake) => wake());
  };
  dev.stdout.on('data', collect);
  dev.stderr.on('data', collect);
  const until = (done: () => boolean) => new Promise<void>((resolve, reject) => {
    const look = () => (done() ? resolve() : waiters.push(look));
    dev.once('exit', (code) => reject(new Error(`pledge dev exited with ${code}: ${output}`)));
    look();
  });
  try {
    await until(() => output.includes('Serving the public site'));
    const firstMs = performance.now() - started;
    const promise = path.join(root, 'content', 'promise.yaml');
    const text = await readFile(promise, 'utf8');
    const saveTimes: number[] = [];
    const buildTimes: number[] = [];
    for (let save = 1; save <= saves; save++) {
      const seen = output.split('Rebuilt in').length;
      const at = performance.now();
      await writeFile(promise, text.replace('company: Kestrel Kitchen', `company: Kestrel Kitchen ${save}`));
      await until(() => output.split('Rebuilt in').length > seen);
      saveTimes.push(performance.now() - at);
      const reported = [...output.matchAll(/Rebuilt in ([\d.]+) s/g)].pop()?.[1];
      buildTimes.push(Number(reported) * 1000);
    }
    return { saveMs: Math.round(median(saveTimes)), buildMs: Math.round(median(buildTimes)), firstMs: Math.round(firstMs) };
  } finally {
    dev.kill('SIGTERM');
  }
}

function formatRow(row: BenchRow): string {
  return `${row.metric.padEnd(40)} ${String(row.value).padStart(8)} ${row.unit}${row.note ? `  ${row.note}` : ''}`;
}

export const section: BenchSection = {
  name: 'dev-rebuild',
  summary: 'pledge dev on the example, time from saving promise.yaml to the rebuilt page, next to a bare astro build of an empty page',
  async run({ quick, log }) {
    for (const row of await run(quick ? 3 : SAVES)) log(formatRow(row));
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await run()) console.log(formatRow(row));
}
