import { parentPort, workerData } from 'node:worker_threads';
import { scanSlice, type WorkerMessage, type WorkerRequest, type WorkerSetup } from './parallel.ts';

/** Scans the slices of a CSV file it is sent, one at a time, and sends back what each accumulated. */
const setup = workerData as WorkerSetup;
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
parentPort?.on('message', async ({ index, range }: WorkerRequest) => {
  post({ index, ...await scanSlice({ ...setup, range }) });
});
