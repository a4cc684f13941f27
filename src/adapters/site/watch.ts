import { readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** How long the files must stay quiet before a run: one save by an editor is a few writes and renames within a few milliseconds. */
export const QUIET_MS = 30;

/**
 * Calls `rebuild` after files under `dir` change, at most one run at a time: changes during a run
 * start exactly one more run after it, and `superseded()` tells the run that such changes came (its
 * result is about to be replaced, so a failure it met half-way through a save need not be shown).
 *
 * One watcher per folder, not one recursive watcher: Node's recursive watcher on Linux loses a file
 * once an editor has saved it by writing a new file and renaming it over the old one (vim, sed -i,
 * "safe write"), so every save after the first would go unseen. A folder's own watcher sees the rename.
 */
export function watchAndRebuild(dir: string, rebuild: (superseded: () => boolean) => Promise<void>, quietMs = QUIET_MS): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;
  const start = async () => {
    if (running) { pending = true; return; }
    running = true;
    try { await rebuild(() => pending || timer !== undefined); } finally {
      running = false;
      if (pending) { pending = false; void start(); }
    }
  };
  const watchers = new Map<string, FSWatcher>();
  const changed = () => {
    // A folder made or renamed since: watched from now on.
    watchFolders(dir, watchers, changed);
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void start();
    }, quietMs);
  };
  watchFolders(dir, watchers, changed);
  return {
    close: () => {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** Watches `dir` and every folder under it not yet watched; forgets the ones that are gone. */
function watchFolders(dir: string, watchers: Map<string, FSWatcher>, changed: () => void): void {
  const folders = new Set([dir]);
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) folders.add(path.join(entry.parentPath, entry.name));
    }
  } catch {
    // The folder is being changed right now: the event that follows looks again.
  }
  for (const [folder, watcher] of watchers) {
    if (!folders.has(folder)) { watcher.close(); watchers.delete(folder); }
  }
  for (const folder of folders) {
    if (watchers.has(folder)) continue;
    try {
      const watcher = watch(folder, changed);
      // Removed while watched: the next look forgets it.
      watcher.on('error', () => { watcher.close(); watchers.delete(folder); });
      watchers.set(folder, watcher);
    } catch {
      // Gone between the listing and the watch.
    }
  }
}
