import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AccumulatorState } from '../../core/kpi/accumulator.ts';
import { SourceScan } from '../../core/kpi/source-scan.ts';
import type { KpiDef } from '../../core/schema/kpis.ts';
import type { CsvRange, CsvReadInfo } from './csv.ts';

/** Below this size a single pass is as fast as starting workers. */
export const PARALLEL_MIN_BYTES = 48 * 1024 * 1024;

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
 * How many threads scan a large CSV: PLEDGE_WORKERS (at most one per core), 1 by default. Opt-in,
 * because each worker is a whole V8 heap (peak memory about doubles with 2) and on a busy machine
 * (CI runners, shared hosts) the extra threads gain nothing: measure with `npm run bench`.
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.PLEDGE_WORKERS);
  return Number.isInteger(asked) && asked >= 1 ? Math.min(asked, availableParallelism()) : 1;
}

function runWorker(job: WorkerJob, progress: (rows: number, bytes: number) => void): Promise<{ info: CsvReadInfo; states: AccumulatorState[] }> {
  return new Promise((resolve, reject) => {
    // Workers load the TypeScript worker with Node's own type stripping (no tsx): it starts several
    // times faster, which matters when each worker only gets a second or two of work.
    const worker = new Worker(new URL('./scan-worker.ts', import.meta.url), { workerData: job, execArgv: [] });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress(message.rows, message.bytes);
      else resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`CSV scan worker exited with code ${code}`))));
  });
}

/**
 * Scans a large CSV file in slices, one worker thread each, and merges what they computed. Each slice
 * starts at the first record after its start byte and runs to the first record at or after the next
 * slice's start; when the two disagree (a slice began inside a quoted field with a newline), the
 * answer is undefined and the caller reads the file in one pass instead. Line numbers are made absolute.
 */
export async function scanCsvInParallel(job: Omit<WorkerJob, 'range'> & { header: string[]; size: number; workers: number },
  progress: (rows: number, bytes: number) => void = () => {}): Promise<SourceScan | undefined> {
  const cuts = Array.from({ length: job.workers + 1 }, (_, k) => (k === job.workers ? Infinity : Math.floor((job.size * k) / job.workers)));
  const done = { rows: [] as number[], bytes: [] as number[] };
  const results = await Promise.all(cuts.slice(0, -1).map((start, k) => runWorker({
    file: job.file, shown: job.shown, delimiter: job.delimiter, kpis: job.kpis, timeZone: job.timeZone,
    range: { start, end: cuts[k + 1] ?? Infinity, ...(k > 0 ? { header: job.header } : {}) },
  }, (rows, bytes) => {
    [done.rows[k], done.bytes[k]] = [rows, bytes];
    progress(done.rows.reduce((a, b) => a + (b ?? 0), 0), done.bytes.reduce((a, b) => a + (b ?? 0), 0));
  }))).catch(() => undefined);
  // A worker that cannot start (a Node without type stripping) or fails: read the file in one pass.
  if (!results) return undefined;
  for (let k = 1; k < results.length; k++) {
    if (results[k - 1]?.info.stoppedAt !== results[k]?.info.firstRecordAt) return undefined;
  }
  const scan = new SourceScan(job.kpis, job.shown, job.header, { timeZone: job.timeZone });
  let lineOffset = 0;
  for (const result of results) {
    result.states.forEach((state, i) => scan.accumulators[i]?.absorb(state, lineOffset));
    lineOffset += result.info.line - 1;
  }
  return scan;
}
