import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** How long the files must stay quiet before a run: one save by an editor is a few writes and renames within a few milliseconds. */
export const QUIET_MS = 30;

/**
 * Files editors write beside the one being edited, which are not content: vim's swap files (written
 * while the user types) and its `4913` probe, `name~` backups, emacs's `.#name` locks and `#name#`
 * autosaves. With a 30 ms quiet time each would start a rebuild mid-edit; the save itself is seen under
 * the file's own name.
 */
const EDITOR_SIDE_FILE = /^(?:\..*\.sw[a-px]|4913|.*~|\.#.*|#.*#)$/;

/** Whether a watcher event names an editor's side file (a nameless event is never ignored). */
export function isEditorSideFile(name: string | null | undefined): boolean {
  return typeof name === 'string' && EDITOR_SIDE_FILE.test(path.basename(name));
}

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
  const watchers = new Map<string, Watched>();
  const changed = (event: string, name?: string | null) => {
    if (isEditorSideFile(name)) return;
    // A folder made, removed or renamed (all 'rename' events): watched from now on, or no longer.
    if (event === 'rename') watchFolders(dir, watchers, changed);
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
      for (const { watcher } of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** A folder's watcher, and which folder it watches (its inode): one made again under the same name is another. */
interface Watched { watcher: FSWatcher; ino: number }

/**
 * Watches `dir` and every folder under it not yet watched; forgets the ones that are gone, and the ones
 * another folder has replaced (`rm -r reports && mv new reports`), whose watcher would hear nothing more.
 */
function watchFolders(dir: string, watchers: Map<string, Watched>, changed: (event: string, name?: string | null) => void): void {
  const folders = new Map<string, number>();
  const note = (folder: string) => {
    try {
      folders.set(folder, statSync(folder).ino);
    } catch {
      // Gone since the listing.
    }
  };
  note(dir);
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isDirectory()) note(path.join(entry.parentPath, entry.name));
    }
  } catch {
    // The folder is being changed right now: the event that follows looks again.
  }
  for (const [folder, { watcher, ino }] of watchers) {
    if (folders.get(folder) !== ino) { watcher.close(); watchers.delete(folder); }
  }
  for (const [folder, ino] of folders) {
    if (watchers.has(folder)) continue;
    try {
      const watcher = watch(folder, changed);
      // Removed while watched: forgotten (unless a newer watcher of that name has taken its place).
      watcher.on('error', () => {
        watcher.close();
        if (watchers.get(folder)?.watcher === watcher) watchers.delete(folder);
      });
      watchers.set(folder, { watcher, ino });
    } catch {
      // Gone between the listing and the watch.
    }
  }
}
