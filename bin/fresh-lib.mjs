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

/** The newest modification time under src/, of the bundler and of the lock files, and how many entries src/ has. */
export function sourcesState(root) {
  const src = path.join(root, 'src');
  let newest = Math.max(statSync(src).mtimeMs, statSync(path.join(root, 'scripts', 'build-lib.mjs')).mtimeMs,
    ...['package-lock.json', path.join('node_modules', '.package-lock.json')].map((file) => mtimeOr0(path.join(root, file))));
  let entries = 0;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    entries += 1;
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return `${newest} ${entries}`;
}

function mtimeOr0(file) {
  try {
    return statSync(file).mtimeMs;
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
