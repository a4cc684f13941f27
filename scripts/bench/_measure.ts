import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

export interface BenchContext {
  /** Smaller inputs only (e.g. 1M rows, not 10M). */
  quick: boolean;
  /** The repository root. */
  root: string;
  log(line: string): void;
}

export interface BenchSection {
  name: string;
  summary: string;
  run(context: BenchContext): Promise<void>;
}

/** One figure of a section, with the same-run baseline it is compared against when there is one. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** The same measure for the baseline of the same run, when there is one. */
  baseline?: number;
  /** value ÷ baseline for times (lower is better), written out for the reader. */
  note?: string;
}

/** What a measured child process prints as its last line of output (JSON). */
export interface ChildReport {
  seconds: number;
  rows: number;
  maxRssMb: number;
  [detail: string]: unknown;
}

/** Runs a Node script in a child process and parses the JSON report it prints last. */
export async function runChild(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ChildReport> {
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, ...env } });
  const last = stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(last) as ChildReport;
}

/** Wall-clock seconds of a shell command (for the `cat file > /dev/null` floor). */
export async function timeShell(command: string): Promise<number> {
  const start = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`))));
  });
  return (performance.now() - start) / 1000;
}

/** The median of a few runs: the machine is shared, so single runs are noisy. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Milliseconds `work` takes, wall clock. */
export async function timedMs(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Each contender's milliseconds in each round: `rounds[round][contender]`. */
export type Rounds = number[][];

/**
 * Times `contenders` in rounds, after one warm-up round (caches, the first browser tab), each round in
 * a rotated order, so that a busy moment on the shared machine, and whatever runs first or last, hit
 * every contender alike. Compare contenders by ratios within a round (see ratioSummary).
 */
export async function inRounds(contenders: Array<() => Promise<unknown>>, repeats: number): Promise<Rounds> {
  for (const contender of contenders) await contender();
  const rounds: Rounds = [];
  for (let index = 0; index < repeats; index += 1) {
    const times: number[] = [];
    for (let turn = 0; turn < contenders.length; turn += 1) {
      const which = (index + turn) % contenders.length;
      times[which] = await timedMs(contenders[which] as () => Promise<unknown>);
    }
    rounds.push(times);
  }
  return rounds;
}

/** The median time of one contender over the rounds. */
export function medianOf(rounds: Rounds, which: number): number {
  return median(rounds.map((times) => times[which] ?? 0));
}

/** Contender `which` ÷ contender `baseline`, in each round. */
export function ratiosOf(rounds: Rounds, which: number, baseline: number): number[] {
  return rounds.map((times) => (times[which] ?? 0) / (times[baseline] ?? 1));
}

/** "1.05x (0.98–1.12x over 7 rounds)": the median of the per-round ratios and their range. */
export function ratioSummary(ratios: number[]): string {
  return `${median(ratios).toFixed(2)}x (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}x over ${ratios.length} round${ratios.length === 1 ? '' : 's'})`;
}
