import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AccumulatorState } from '../../core/kpi/accumulator.ts';
import { SourceScan } from '../../core/kpi/source-scan.ts';
import type { KpiDef } from '../../core/schema/kpis.ts';
import { readCsv, type CsvRange, type CsvReadInfo } from './csv.ts';

/** Files at least this big are split between threads by default (below it, one thread is as fast). */
export const PARALLEL_MIN_BYTES = 24 * 1024 * 1024;
/**
 * At most this many threads by default, whatever the core count: each extra thread is a whole V8 heap
 * (about 60 MB), and the memory target (300 MB on any file size) must hold on a many-core machine too.
 */
export const DEFAULT_MAX_THREADS = 2;

export interface WorkerJob {
  file: string;
  shown: string;
  delimiter: string;
  kpis: KpiDef[];
  timeZone: string | undefined;
  range: CsvRange;
}

export type WorkerMessage =
  | { type: 'progress'; rows: number; bytes: number }
  | { type: 'done'; info: CsvReadInfo; states: AccumulatorState[] };

/**
 * How many threads scan a CSV file of `size` bytes: PLEDGE_WORKERS when set (at most one per core, any
 * file size; 1 turns threads off), else 2 for a file of 24 MB or more on a machine with 2 cores or more.
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env, size = 0, cores = availableParallelism()): number {
  const asked = Number(env.PLEDGE_WORKERS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, cores);
  return size >= PARALLEL_MIN_BYTES ? Math.min(cores, DEFAULT_MAX_THREADS) : 1;
}

/** Scans one slice of a CSV file with every KPI of its source (on whichever thread calls it). */
export async function scanSlice(job: WorkerJob, progress: (rows: number, bytes: number) => void): Promise<{ info: CsvReadInfo; scan: SourceScan | undefined }> {
  let scan: SourceScan | undefined;
  const info = await readCsv(job.file, { delimiter: job.delimiter }, {
    header(columns) {
      scan = new SourceScan(job.kpis, job.shown, columns, { timeZone: job.timeZone });
      return scan.neededColumns;
    },
    row: (cells, line) => scan?.add(cells, line),
    malformed(line, message) {
      for (const acc of scan?.accumulators ?? []) acc.reject(line, undefined, message);
    },
    progress,
  }, job.range);
  return { info, scan };
}

interface SliceResult { info: CsvReadInfo; states: AccumulatorState[] }

function startWorker(job: WorkerJob, progress: (rows: number, bytes: number) => void): { worker: Worker; done: Promise<SliceResult> } {
  // Workers load the TypeScript worker with Node's own type stripping (no tsx): it starts several
  // times faster, which matters when each worker only gets a second or two of work.
  const worker = new Worker(new URL('./scan-worker.ts', import.meta.url), { workerData: job, execArgv: [] });
  const done = new Promise<SliceResult>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress(message.rows, message.bytes);
      else resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`CSV scan worker exited with code ${code}`))));
  });
  return { worker, done };
}

/**
 * Scans a CSV file in `workers` slices and merges what they computed: the calling thread reads the first
 * slice while worker threads read the others (so one thread fewer is started, and none sits idle). Each
 * slice starts at the first record after its start byte and runs to the first record at or after the
 * next slice's start; when the two disagree (a slice began inside a quoted field with a newline), the
 * answer is undefined and the caller reads the file in one pass instead. Line numbers are made absolute.
 */
export async function scanCsvInParallel(job: Omit<WorkerJob, 'range'> & { header: string[]; size: number; workers: number },
  progress: (rows: number, bytes: number) => void = () => {}): Promise<SourceScan | undefined> {
  const cuts = Array.from({ length: job.workers + 1 }, (_, k) => (k === job.workers ? Infinity : Math.floor((job.size * k) / job.workers)));
  const done = { rows: [] as number[], bytes: [] as number[] };
  const sliceJob = (k: number): WorkerJob => ({
    file: job.file, shown: job.shown, delimiter: job.delimiter, kpis: job.kpis, timeZone: job.timeZone,
    range: { start: cuts[k] ?? 0, end: cuts[k + 1] ?? Infinity, ...(k > 0 ? { header: job.header } : {}) },
  });
  const report = (k: number) => (rows: number, bytes: number) => {
    [done.rows[k], done.bytes[k]] = [rows, bytes];
    progress(done.rows.reduce((a, b) => a + (b ?? 0), 0), done.bytes.reduce((a, b) => a + (b ?? 0), 0));
  };
  const workers = cuts.slice(2).map((_, i) => startWorker(sliceJob(i + 1), report(i + 1)));
  const stopAll = () => Promise.all(workers.map(({ worker }) => worker.terminate()));
  const [first, rest] = await Promise.all([scanSlice(sliceJob(0), report(0)), Promise.all(workers.map((w) => w.done))])
    .catch(() => [undefined, undefined] as const);
  // A worker that cannot start (a Node without type stripping) or fails: read the file in one pass.
  if (!first?.scan || !rest) return void (await stopAll());
  const infos = [first.info, ...rest.map((result) => result.info)];
  if (infos.some((info, k) => k > 0 && infos[k - 1]?.stoppedAt !== info.firstRecordAt)) return undefined;
  const scan = first.scan;
  let lineOffset = first.info.line - 1;
  for (const result of rest) {
    result.states.forEach((state, i) => scan.accumulators[i]?.absorb(state, lineOffset));
    lineOffset += result.info.line - 1;
  }
  return scan;
}
