import { availableParallelism, cpus, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AccumulatorState } from '../../core/kpi/accumulator.ts';
import type { DecimalSeparator } from '../../core/kpi/formulas.ts';
import { SourceScan } from '../../core/kpi/source-scan.ts';
import type { KpiDef } from '../../core/schema/kpis.ts';
import type { DateFormat } from '../../core/kpi/time.ts';
import { readCsv, type CsvRange, type CsvReadInfo } from './csv.ts';

/**
 * Files at least this big are split between threads by default, when a core is idle. A second thread
 * adds a fixed 0.2–0.27 s of CPU time (the worker's start and its own warm-up before V8 has optimised
 * the scan), so two threads only win once one thread's time is well above that. Measured on the idle
 * 2-core development machine (load average 1–1.6, 2026-12-02, wall time, `npm run bench -- --only kpi`
 * and the same child by hand), 2 threads ÷ 1: 1.37 at 16 MB, 1.58 at 33 MB, 1.13 at 66 MB, 1.06 at
 * 131 MB, 0.89–1.03 at 262 MB, 0.73–0.83 at 525 MB. Hence 256 MiB (268 MB), where they are about even.
 */
export const PARALLEL_MIN_BYTES = 256 * 1024 * 1024;
/**
 * At most this many threads by default, whatever the core count: each extra thread is a whole V8 heap
 * (about 60 MB), and the memory target (300 MB on any file size) must hold on a many-core machine too.
 */
export const DEFAULT_MAX_THREADS = 2;
/** Threads take slices of about this size from a shared queue, so a thread that runs slower takes fewer. */
const SLICE_BYTES = 4 * 1024 * 1024;
const MIN_SLICE_BYTES = 64 * 1024;

/** What a worker thread is started with: the file and KPIs; slices arrive as messages. */
export interface WorkerSetup {
  file: string;
  shown: string;
  delimiter: string;
  kpis: KpiDef[];
  timeZone: string | undefined;
  decimal?: DecimalSeparator | undefined;
  dateFormat?: DateFormat | undefined;
  header: string[];
}

export interface WorkerJob extends Omit<WorkerSetup, 'header'> {
  range: CsvRange;
}

export type WorkerRequest = { index: number; range: CsvRange };
export type WorkerMessage = { index: number } & SliceResult;

interface SliceResult { info: CsvReadInfo; states: AccumulatorState[] }

/**
 * How many threads scan a CSV file of `size` bytes: PLEDGE_WORKERS when set (at most one per core, any
 * file size; 1 turns threads off), else 2 for a file of PARALLEL_MIN_BYTES or more on a machine with 2
 * cores or more, when the other cores are idle enough (`idle`: idle cores besides this one). The CPU
 * time a second thread adds only pays when it runs on a core of its own: with the cores busy, two
 * threads took 1.06–2.29 times as long as one at every file size measured (docs/kpis.md).
 */
export function workerCount(env: NodeJS.ProcessEnv = process.env, size = 0, cores = availableParallelism(), idle = spareCores()): number {
  const asked = Number(env.PLEDGE_WORKERS);
  if (Number.isInteger(asked) && asked >= 1) chosen = Math.min(asked, cores);
  else chosen = size < PARALLEL_MIN_BYTES || cores < 2 || idle < MIN_IDLE_CORES ? 1 : Math.min(cores, DEFAULT_MAX_THREADS);
  // The worker's code is looked up now, while the caller reads the header, not after.
  if (chosen > 1) void workerSource();
  return chosen;
}

let chosen: number | undefined;

/** The thread count workerCount chose last in this process (the benchmark reports what the default did). */
export const lastWorkerCount = (): number | undefined => chosen;

/** How idle the other cores must be (in cores) for a second thread to run on one of its own. */
const MIN_IDLE_CORES = 0.5;

interface CpuTimes { idle: number; total: number }

function cpuTimes(): CpuTimes {
  let [idle, total] = [0, 0];
  for (const cpu of cpus()) {
    const { user, nice, sys, idle: free, irq } = cpu.times;
    idle += free;
    total += user + nice + sys + free + irq;
  }
  return { idle, total };
}

/** The CPU counters when this module loaded, then at each thread count chosen: the next is measured from there. */
let mark = cpuTimes();

function spareCores(): number {
  const now = cpuTimes();
  const idle = idleCores(mark, now);
  mark = now;
  return idle;
}

/**
 * Idle cores besides the one this process runs on: what the CPU counters say between two moments (for
 * a command: from this module's loading to the scan, while the project loads, a fraction of a second),
 * but no more than the 1-minute load average leaves (cores − load: it counts this command's own last
 * runs too, about 1 for a command run again and again). The counters alone follow a burst: at load 9
 * on 2 cores they once saw a core idle, and two threads then took longer. The average alone kept a
 * second thread off on an idle machine (cores − 1 − load: the benchmark's runs, one after the other,
 * keep it above 1 on 2 cores); it alone decides when the window is too short to tell (under 40 ms a
 * core: the counters tick every 10 ms).
 */
export function idleCores(since: CpuTimes, now: CpuTimes, cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  const total = now.total - since.total;
  if (total < 40 * cores) return cores - 1 - load;
  // This process keeps one core busy meanwhile (loading the project): the rest of the idle time is spare.
  return Math.min(cores - 1, cores - load, ((now.idle - since.idle) / total) * cores);
}

/** Scans one slice of a CSV file with every KPI of its source (on whichever thread calls it). */
export async function scanSlice(job: WorkerJob): Promise<SliceResult> {
  let scan: SourceScan | undefined;
  const info = await readCsv(job.file, { delimiter: job.delimiter }, {
    header(columns) {
      scan = new SourceScan(job.kpis, job.shown, columns, { timeZone: job.timeZone, decimal: job.decimal, dateFormat: job.dateFormat });
      return scan.neededColumns;
    },
    timeColumns: () => scan?.timeColumns() ?? { columns: [], naive: false, into: new Float64Array(0) },
    row: (cells, line) => scan?.add(cells, line),
    malformed: (line, message, says) => scan?.malformed(line, message, says),
  }, job.range);
  return { info, states: scan?.accumulators.map((acc) => acc.snapshot()) ?? [] };
}

/** Byte ranges of about SLICE_BYTES (smaller for a small file, so every thread gets some); the last runs to the end. */
export function sliceRanges(size: number, threads: number, header: string[], sliceBytes = SLICE_BYTES): CsvRange[] {
  const step = Math.max(MIN_SLICE_BYTES, Math.min(sliceBytes, Math.ceil(size / (threads * 4))));
  const count = Math.max(1, Math.ceil(size / step));
  return Array.from({ length: count }, (_, k) => ({
    start: k * step, end: k === count - 1 ? Infinity : (k + 1) * step, ...(k > 0 ? { header } : {}),
  }));
}

/**
 * True when this module runs from lib/ (the published package), not from the TypeScript sources. A
 * function: this module is also inside the worker bundle, where import.meta.url is unset.
 */
const compiled = (): boolean => import.meta.url?.endsWith('.js') ?? false;

/**
 * The bundled worker code (see worker-bundle.ts), undefined when running from lib/ or without esbuild.
 * Imported here, not above: commands that never start a worker need not load node:crypto.
 */
function workerSource(): Promise<string | undefined> {
  if (compiled()) return Promise.resolve(undefined);
  return import('./worker-bundle.ts').then(({ workerCode }) => workerCode(), () => undefined);
}

/** Starts a worker thread, running the plain-JavaScript bundle when there is one. */
async function startWorker(setup: WorkerSetup): Promise<Worker> {
  // The installed package is compiled JavaScript already (lib/): its worker module runs as it is.
  if (compiled()) return new Worker(new URL('./scan-worker.js', import.meta.url), { workerData: setup, execArgv: [] });
  const code = await workerSource();
  // execArgv: [] keeps the parent's `--import tsx` out of the worker.
  return code
    ? new Worker(code, { eval: true, workerData: setup, execArgv: [] })
    : new Worker(new URL('./scan-worker.ts', import.meta.url), { workerData: setup, execArgv: [] });
}

/**
 * A worker thread (started already) that scans the slices `next` hands it, one at a time, until there
 * are none left; it is ended when it is out of slices or anything fails.
 */
async function runWorker(worker: Worker, next: () => WorkerRequest | undefined, done: (index: number, result: SliceResult) => void): Promise<void> {
  let finished = false;
  return new Promise<void>((resolve, reject) => {
    const send = (request = next()) => {
      if (request) return worker.postMessage(request);
      finished = true;
      resolve();
    };
    send();
    worker.on('message', (message: WorkerMessage) => {
      done(message.index, message);
      send();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (finished ? undefined : reject(new Error(`CSV scan worker exited with code ${code}`))));
  }).finally(() => {
    finished = true;
    void worker.terminate();
  });
}

/**
 * Scans a CSV file on `workers` threads (the calling one and workers − 1 worker threads) and merges what
 * they computed. The file is cut into slices that the threads take in turn; each slice starts at the
 * first record after its start byte and runs to the first record at or after the next slice's start.
 * When the two disagree (a slice began inside a quoted field with a newline), that slice is read again
 * from where the one before stopped. Line numbers are made absolute. Undefined when a worker fails (the
 * caller then reads the file in one pass).
 */
export async function scanCsvInParallel(job: WorkerSetup & { size: number; workers: number; sliceBytes?: number },
  progress: (rows: number, bytes: number) => void = () => {}): Promise<SourceScan | undefined> {
  const setup: WorkerSetup = { file: job.file, shown: job.shown, delimiter: job.delimiter, kpis: job.kpis, timeZone: job.timeZone, decimal: job.decimal, dateFormat: job.dateFormat, header: job.header };
  const ranges = sliceRanges(job.size, job.workers, job.header, job.sliceBytes);
  const results: SliceResult[] = [];
  let [taken, rows, bytes] = [0, 0, 0];
  const next = (): WorkerRequest | undefined => (taken < ranges.length ? { index: taken, range: ranges[taken++] as CsvRange } : undefined);
  const done = (index: number, result: SliceResult) => {
    results[index] = result;
    rows += result.states[0]?.rowsRead ?? 0;
    bytes += Math.min(ranges[index]?.end ?? 0, job.size) - (ranges[index]?.start ?? 0);
    progress(rows, bytes);
  };
  // Every worker is started before this thread reads a slice: starting one awaits files (its bundle,
  // checked against the sources), and each of those awaits would wait behind a slice of the scan here,
  // which held a worker back by 0.3 to 0.6 s on a 131 MB file. A thread boots in parallel, on its own core.
  const starts = await Promise.allSettled(Array.from({ length: job.workers - 1 }, () => startWorker(setup)));
  const started = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
  if (started.length < starts.length) {
    for (const worker of started) void worker.terminate();
    return undefined;
  }
  const workers = started.map((worker) => runWorker(worker, next, done));
  const mine = async (): Promise<void> => {
    for (let request = next(); request; request = next()) done(request.index, await scanSlice({ ...setup, range: request.range }));
  };
  // A worker that fails (a Node without type stripping): stop handing out slices, and the caller reads
  // the file in one pass.
  const ok = await Promise.all([...workers, mine()]).then(() => true, () => {
    taken = ranges.length;
    return false;
  });
  if (!ok) return undefined;
  return merge(setup, ranges, results);
}

/** Adds the slices up in file order, reading again any slice that did not start where the one before stopped. */
async function merge(setup: WorkerSetup, ranges: readonly CsvRange[], results: SliceResult[]): Promise<SourceScan> {
  const scan = new SourceScan(setup.kpis, setup.shown, setup.header, { timeZone: setup.timeZone, decimal: setup.decimal, dateFormat: setup.dateFormat });
  let lineOffset = 0;
  let stoppedAt = 0;
  for (const [k, range] of ranges.entries()) {
    let result = results[k] as SliceResult;
    if (k > 0 && result.info.firstRecordAt !== stoppedAt) {
      result = await scanSlice({ ...setup, range: { ...range, start: stoppedAt, exact: true } });
    }
    result.states.forEach((state, i) => scan.accumulators[i]?.absorb(state, lineOffset));
    lineOffset += result.info.line - 1;
    stoppedAt = result.info.stoppedAt;
  }
  return scan;
}
