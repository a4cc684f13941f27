// Whether lib/ (scripts/build-lib.mjs) was bundled from the sources as they are now. A checkout runs
// lib/ when it is, as an installed pledge does: loading about a thousand modules through tsx made a
// checkout's build half as slow again as an installed one's. Any change under src/ (a file edited,
// added or removed, which changes its folder), to the bundler or to the installed dependencies (some
// are bundled) makes lib/ stale until it is built again (`npm install` does, as `prepare`), and the
// checkout runs its sources meanwhile.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The file build-lib.mjs writes last, holding the sources' state it bundled. */
export const STAMP = '.sources-state';

/** When anything under src/ or BESIDE_SOURCES last changed, and how many entries src/ has. */
export function sourcesState(root) {
  const src = path.join(root, 'src');
  let newest = Math.max(changedAt(src), ...BESIDE_SOURCES.map((file) => changedAt(path.join(root, file))));
  let entries = 0;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    entries += 1;
    newest = Math.max(newest, changedAt(path.join(entry.parentPath, entry.name)));
  }
  return `${newest} ${entries}`;
}

/** What the bundle also depends on: the bundler, the settings esbuild reads, the installed dependencies. */
const BESIDE_SOURCES = ['scripts/build-lib.mjs', 'package.json', 'tsconfig.json', 'package-lock.json', 'node_modules/.package-lock.json'];

/**
 * When a file last changed, as the later of its modification and status-change times: copies that keep
 * modification times (cp -p, rsync -a, tar) cannot set the second. 0 for a file that is not there.
 */
function changedAt(file) {
  try {
    const stats = statSync(file);
    return Math.max(stats.mtimeMs, stats.ctimeMs);
  } catch {
    return 0;
  }
}

export function libIsFresh(root) {
  try {
    return readFileSync(path.join(root, 'lib', STAMP), 'utf8') === sourcesState(root);
  } catch {
    return false;
  }
}
