import { parentPort, workerData } from 'node:worker_threads';
import { SourceScan } from '../../core/kpi/source-scan.ts';
import { readCsv } from './csv.ts';
import type { WorkerJob, WorkerMessage } from './parallel.ts';

/** Scans one slice of a CSV file with every KPI of its source, and sends back what it accumulated. */
const job = workerData as WorkerJob;
let scan: SourceScan | undefined;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const info = await readCsv(job.file, { delimiter: job.delimiter }, {
  header(columns) {
    scan = new SourceScan(job.kpis, job.shown, columns, { timeZone: job.timeZone });
    return scan.neededColumns;
  },
  row: (cells, line) => scan?.add(cells, line),
  malformed(line, message) {
    for (const acc of scan?.accumulators ?? []) acc.reject(line, undefined, message);
  },
  progress: (rows, bytes) => post({ type: 'progress', rows, bytes }),
}, job.range);
post({ type: 'done', info, states: scan?.accumulators.map((acc) => acc.snapshot()) ?? [] });
