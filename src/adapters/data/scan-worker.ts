import { parentPort, workerData } from 'node:worker_threads';
import { scanSlice, type WorkerJob, type WorkerMessage } from './parallel.ts';

/** Scans one slice of a CSV file with every KPI of its source, and sends back what it accumulated. */
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
const { info, scan } = await scanSlice(workerData as WorkerJob, (rows, bytes) => post({ type: 'progress', rows, bytes }));
post({ type: 'done', info, states: scan?.accumulators.map((acc) => acc.snapshot()) ?? [] });
