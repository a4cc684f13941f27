import { rmSync } from 'node:fs';
import { constants } from 'node:os';

/** Undoes one thing pledge started (a browser, a temporary folder); must be synchronous, see below. */
export type Cleanup = () => void;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
type HandledSignal = (typeof SIGNALS)[number];

const cleanups: Cleanup[] = [];

/**
 * Runs on Ctrl-C, `kill` and a closed terminal while anything is registered: every cleanup, newest
 * first (the browser dies before the folder it writes in is removed), then exits the way a process
 * killed by that signal does (130 for SIGINT, 143 for SIGTERM). Node's default would exit at once,
 * leaving the browser and the temporary build behind; puppeteer's own handlers only start an
 * asynchronous close and let the build go on.
 */
function onSignal(signal: HandledSignal): void {
  runCleanups();
  process.exit(128 + constants.signals[signal]);
}

/** Also on any other exit (process.exit, an uncaught error), which can only run synchronous code. */
function runCleanups(): void {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try { cleanup(); } catch { /* one failed cleanup must not stop the others */ }
  }
}

/**
 * Registers a cleanup for as long as the work runs; call the returned function when the work has
 * undone itself normally. Signal handlers are installed only while something is registered, so a
 * library user's process keeps its own behaviour otherwise.
 */
export function onInterrupt(cleanup: Cleanup): () => void {
  if (cleanups.length === 0) {
    for (const signal of SIGNALS) process.on(signal, onSignal);
    process.on('exit', runCleanups);
  }
  cleanups.push(cleanup);
  return () => {
    const index = cleanups.indexOf(cleanup);
    if (index >= 0) cleanups.splice(index, 1);
    if (cleanups.length === 0) {
      for (const signal of SIGNALS) process.off(signal, onSignal);
      process.off('exit', runCleanups);
    }
  };
}

/** A cleanup that removes a folder, retrying while a just-killed process lets go of its files. */
export function removeFolder(dir: string): Cleanup {
  return () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/** A cleanup that kills a process and everything in its process group (a browser's helpers). */
export function killProcessGroup(pid: number | undefined): Cleanup {
  return () => {
    if (pid === undefined) return;
    try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone, or not a group leader */ }
    try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  };
}
