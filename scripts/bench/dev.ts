/**
 * Dev rebuild benchmark: `pledge dev` on the example, then promise.yaml saved again and again; each
 * save is timed from the write to the moment the dev server says it has rebuilt (the page reloads on
 * that), next to a bare `astro build` of an empty page in the same run (the floor any Astro site pays
 * for one build from a cold start), a save and a bare build in each round (inRounds).
 *
 *   node --import tsx scripts/bench/dev.ts          (alone)
 *   npm run bench -- --only dev-rebuild                    (from the bench runner)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inRounds, median, medianOf, ratioSummary, ratiosOf, type BenchRow, type BenchSection } from './_measure.ts';
import { QUIET_MS } from '../../src/adapters/site/watch.ts';
import { astroBin, bareAstroProject, exampleCopy, exec, IN_CI } from './sites.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Rounds of a save and a bare build: at least 5, for a median that one busy moment cannot move. */
const SAVES = 7;
const QUICK_SAVES = 5;

export async function run(saves = SAVES): Promise<BenchRow[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'pledge-bench-dev-'));
  try {
    const bare = await bareAstroProject(path.join(work, 'bare'));
    const example = await exampleCopy(path.join(work, 'example'));
    // Data files as a project has them (written well before): a file written just now is not cached.
    const data = path.join(example, 'content', 'data');
    const before = Date.now() / 1000 - 3600;
    for (const name of await readdir(data)) await utimes(path.join(data, name), before, before);
    const dev = await startDev(example);
    try {
      // A save and a bare build in each round (pledge dev is idle while the bare build runs).
      const rounds = await inRounds([() => exec(process.execPath, [astroBin(), 'build', '--silent'], bare, IN_CI), dev.save], saves);
      const bareMs = Math.round(medianOf(rounds, 0));
      const saveMs = Math.round(medianOf(rounds, 1));
      const buildMs = Math.round(median(dev.rebuilds.slice(1)));
      const ratio = (ms: number) => `${(ms / bareMs).toFixed(2)}x the bare build`;
      return [
        { metric: 'bare astro build, empty page', value: bareMs, unit: 'ms' },
        { metric: 'pledge dev, first build', value: dev.firstMs, unit: 'ms', baseline: bareMs, note: ratio(dev.firstMs) },
        { metric: 'pledge dev, save to rebuilt', value: saveMs, unit: 'ms', baseline: bareMs,
          note: `${ratioSummary(ratiosOf(rounds, 1, 0))} the bare build, median of ${rounds.length} saves of promise.yaml (target: under 500 ms)` },
        { metric: 'pledge dev, its own rebuild time', value: buildMs, unit: 'ms', baseline: bareMs, note: `${ratio(buildMs)} (without the ${QUIET_MS} ms the watcher waits)` },
      ];
    } finally {
      dev.stop();
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

interface DevSession {
  /** From starting `pledge dev` to its "Serving" line. */
  firstMs: number;
  /** Saves promise.yaml with a new company name and resolves when pledge dev says it has rebuilt. */
  save(): Promise<void>;
  /** Each rebuild's own time, as pledge dev reports it. */
  rebuilds: number[];
  stop(): void;
}

/** Starts `pledge dev` on `root` and waits until it serves. */
async function startDev(root: string): Promise<DevSession> {
  const started = performance.now();
  const dev = spawn(process.execPath, [path.join(REPO, 'bin', 'pledge.mjs'), 'dev', '--port', '0'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...IN_CI, ASTRO_TELEMETRY_DISABLED: '1' } });
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
  const stop = () => { dev.kill('SIGTERM'); };
  try {
    await until(() => output.includes('Serving the public site'));
  } catch (error) {
    stop();
    throw error;
  }
  const firstMs = Math.round(performance.now() - started);
  const promise = path.join(root, 'content', 'promise.yaml');
  const text = await readFile(promise, 'utf8');
  const rebuilds: number[] = [];
  let saves = 0;
  const save = async () => {
    const seen = output.split('Rebuilt in').length;
    await writeFile(promise, text.replace('company: Kestrel Kitchen', `company: Kestrel Kitchen ${++saves}`));
    await until(() => output.split('Rebuilt in').length > seen);
    const reported = [...output.matchAll(/Rebuilt in ([\d.]+) s/g)].pop()?.[1];
    rebuilds.push(Number(reported) * 1000);
  };
  return { firstMs, save, rebuilds, stop };
}

function formatRow(row: BenchRow): string {
  return `${row.metric.padEnd(40)} ${String(row.value).padStart(8)} ${row.unit}${row.note ? `  ${row.note}` : ''}`;
}

export const section: BenchSection = {
  name: 'dev-rebuild',
  summary: 'pledge dev on the example, time from saving promise.yaml to the rebuilt page, next to a bare astro build of an empty page',
  async run({ quick, log }) {
    for (const row of await run(quick ? QUICK_SAVES : SAVES)) log(formatRow(row));
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await run()) console.log(formatRow(row));
}
