import { watch } from 'node:fs';

/**
 * Calls `rebuild` after files under `dir` change, at most one run at a time: changes during a run
 * start exactly one more run after it. Editors write a file in several steps, hence the short delay.
 */
export function watchAndRebuild(dir: string, rebuild: () => Promise<void>, delayMs = 150): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;
  const start = async () => {
    if (running) { pending = true; return; }
    running = true;
    try { await rebuild(); } finally {
      running = false;
      if (pending) { pending = false; void start(); }
    }
  };
  const watcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void start(), delayMs);
  });
  return { close: () => { clearTimeout(timer); watcher.close(); } };
}
