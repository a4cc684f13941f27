/**
 * Sites benchmark: a full `pledge build` of the example and of a 1M-row dataset, each as a fresh
 * process the way a user runs it, next to a bare `astro build` of an empty page (the floor any
 * Astro site pays) and `pledge kpi` on the same 1M rows (the KPI engine's own time), all in one run.
 * The example is built three times per round: by an installed pledge (the bundle in lib/, which this
 * section builds first: what a company's CI runs), from this checkout as `npm install` leaves it (which
 * runs that lib/ while it is as new as src/: bin/fresh-lib.mjs), and from its sources (tsx on src/, as
 * while src/ is being edited, or with PLEDGE_FROM_SOURCES=1).
 *
 *   node --import tsx scripts/bench/sites.ts          (alone)
 *   npm run bench                                      (with the other sections)
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import { inRounds, medianOf, ratioSummary, ratiosOf, timedMs, type BenchRow, type BenchSection } from './_measure.ts';

const run_ = promisify(execFile);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PLEDGE = path.join(REPO, 'bin', 'pledge.mjs');
const REPEATS = 5;
/** Three, not two: the figure quoted is a median. */
const QUICK_REPEATS = 3;
let repeats = REPEATS;
const BIG_ROWS = Number(process.env.BENCH_SITE_ROWS ?? 1_000_000);

/**
 * As on a developer's machine: no CI variable, so `astro build` and `pledge build` both keep V8's
 * compiled code between runs (Node's compile cache, which both CLIs turn off under CI).
 */
const AT_A_DESK = { CI: undefined };
/** As in CI: no compile cache for either. */
export const IN_CI = { CI: '1' };

export async function run(): Promise<BenchRow[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'pledge-bench-sites-'));
  try {
    const bare = await bareAstroProject(path.join(work, 'bare'));
    const example = await exampleCopy(path.join(work, 'example'));
    const installed = await installedPledge(work);
    const big = await bigCopy(path.join(work, 'big'));
    const rows = [
      ...await exampleAgainstBare(bare, example, installed, AT_A_DESK, ''),
      ...await exampleAgainstBare(bare, example, installed, { ...IN_CI, NODE_DISABLE_COMPILE_CACHE: '1' }, ', CI=1'),
    ];
    const bareMs = rows[0]?.value ?? 0;
    const kpiMs = await onceMs(() => exec(process.execPath, [PLEDGE, 'kpi', '--format', 'json'], big, AT_A_DESK));
    const bigMs = await onceMs(() => exec(process.execPath, [PLEDGE, 'build'], big, AT_A_DESK));
    return [
      ...rows,
      { metric: `pledge kpi, ${BIG_ROWS.toLocaleString('en')} orders`, value: kpiMs, unit: 'ms' },
      { metric: `pledge build, ${BIG_ROWS.toLocaleString('en')} orders`, value: bigMs, unit: 'ms', baseline: bareMs + kpiMs,
        note: `${(bigMs / (bareMs + kpiMs)).toFixed(2)}x (bare build + KPI engine) (target: about 1x)` },
    ];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * The example's full build (both sites, both pledge.json) by an installed pledge and from the checkout,
 * and a bare one-page `astro build`, in the same rounds. Besides the wall time, the CPU time of each
 * (all its processes), which the load on a shared machine moves far less: under load the wall-time
 * ratio tends to it, since pledge's two processes then share the cores the bare build has alone.
 */
async function exampleAgainstBare(bare: string, example: string, installed: Installed, env: NodeJS.ProcessEnv, label: string): Promise<BenchRow[]> {
  const commands: Array<[string[], string, NodeJS.ProcessEnv]> = [
    [[astroBin(), 'build', '--silent'], bare, env],
    [[installed.bin, 'build'], example, { ...installed.env, ...env }],
    [[PLEDGE, 'build'], example, env],
    [[PLEDGE, 'build'], example, { ...env, PLEDGE_FROM_SOURCES: '1' }],
  ];
  const cpu: number[][] = commands.map(() => []);
  const rounds = await inRounds(commands.map(([args, cwd, vars], which) => async () => {
    const before = childrenCpuMs();
    await exec(process.execPath, args, cwd, vars);
    if (before !== undefined) cpu[which]?.push((childrenCpuMs() ?? 0) - before);
  }), repeats);
  // The first of each is the warm-up round's.
  const cpuRounds = cpu[0]?.length ? rounds.map((_, round) => cpu.map((times) => times[round + 1] ?? 0)) : undefined;
  const bareMs = Math.round(medianOf(rounds, 0));
  const against = (which: number, metric: string): BenchRow => ({ metric: `${metric}${label}`, value: Math.round(medianOf(rounds, which)), unit: 'ms',
    baseline: bareMs, note: `${ratioSummary(ratiosOf(rounds, which, 0))} the bare build (target: within 1.5x)${cpuRounds ? `; CPU ${ratioSummary(ratiosOf(cpuRounds, which, 0))}` : ''}` });
  return [
    { metric: `bare astro build, empty page${label}`, value: bareMs, unit: 'ms', ...(cpuRounds ? { note: `CPU ${Math.round(medianOf(cpuRounds, 0))} ms` } : {}) },
    against(1, 'pledge build, example, installed'),
    against(2, 'pledge build, example, checkout'),
    against(3, 'pledge build, example, checkout from sources'),
  ];
}

/**
 * The CPU time of this process's finished children and theirs (Linux: cutime + cstime of
 * /proc/self/stat, in clock ticks of 10 ms); undefined elsewhere.
 */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

interface Installed {
  bin: string;
  env: NodeJS.ProcessEnv;
}

/**
 * pledge as npm installs it: bin/, lib/ (built here), src/site/ and package.json in
 * `node_modules/pledge-kit` (Vite reads no tsconfig for files under node_modules; src/site's own names
 * the checkout's), its dependencies linked beside it; V8's compile cache in a folder of this run's.
 */
async function installedPledge(work: string): Promise<Installed> {
  await exec(process.execPath, [path.join(REPO, 'scripts', 'build-lib.mjs')], REPO, {});
  const installed = path.join(work, 'tool', 'node_modules', 'pledge-kit');
  for (const name of ['bin', 'lib', 'package.json', path.join('src', 'site')]) {
    await cp(path.join(REPO, name), path.join(installed, name), { recursive: true });
  }
  await symlink(path.join(REPO, 'node_modules'), path.join(installed, 'node_modules'), 'junction');
  return { bin: path.join(installed, 'bin', 'pledge.mjs'), env: { NODE_COMPILE_CACHE: path.join(work, 'compile-cache') } };
}

export async function exec(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  await run_(command, args, { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: '1793491200', ASTRO_TELEMETRY_DISABLED: '1', ...env }, maxBuffer: 256 * 1024 * 1024 });
}

async function onceMs(work: () => Promise<void>): Promise<number> {
  return Math.round(await timedMs(work));
}

export function astroBin(): string {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  return path.join(path.dirname(astroPackage), 'bin', 'astro.mjs');
}

/** The smallest Astro site: one page, no integrations; node_modules linked so astro resolves. */
export async function bareAstroProject(dir: string): Promise<string> {
  await mkdir(path.join(dir, 'src', 'pages'), { recursive: true });
  await writeFile(path.join(dir, 'src', 'pages', 'index.astro'), '<html lang="en"><head><title>Empty</title></head><body><h1>Empty</h1></body></html>\n');
  await writeFile(path.join(dir, 'package.json'), '{ "name": "bare", "private": true, "type": "module" }\n');
  await symlink(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'junction');
  return dir;
}

export async function exampleCopy(dir: string): Promise<string> {
  await cp(path.join(REPO, 'content'), path.join(dir, 'content'), { recursive: true });
  return dir;
}

/** The example with its orders file replaced by BIG_ROWS generated orders. */
async function bigCopy(dir: string): Promise<string> {
  await exampleCopy(dir);
  await exec(process.execPath, ['--import', 'tsx', path.join(REPO, 'scripts', 'generate-data.ts'),
    '--rows', String(BIG_ROWS), '--only', 'orders', '--out', path.join(dir, 'content', 'data')], REPO, {});
  // Other data, so the example's published record (content/record/) would rightly stop the build.
  await rm(path.join(dir, 'content', 'record'), { recursive: true, force: true });
  return dir;
}

function formatRow(row: BenchRow): string {
  return `${row.metric.padEnd(48)} ${String(row.value).padStart(8)} ${row.unit}${row.note ? `  ${row.note}` : ''}`;
}

export const section: BenchSection = {
  name: 'sites',
  summary: 'pledge build of the example and of 1M orders, next to a bare astro build of an empty page',
  async run({ quick, log }) {
    repeats = quick ? QUICK_REPEATS : REPEATS;
    for (const row of await run()) log(formatRow(row));
  },
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await run()) console.log(formatRow(row));
}
