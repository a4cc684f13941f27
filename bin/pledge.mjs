#!/usr/bin/env node
// An installed pledge runs the JavaScript bundled into lib/ (scripts/build-lib.mjs, at `npm pack`).
// So does a checkout while lib/ is as new as its sources (fresh-lib.mjs; `npm install` builds it);
// otherwise, or with PLEDGE_FROM_SOURCES=1, it runs its TypeScript sources through tsx, so editing
// src/ needs no build step.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fromSources = existsSync(new URL('../src/cli/main.ts', import.meta.url))
  && (process.env.PLEDGE_FROM_SOURCES === '1' || !(await import('./fresh-lib.mjs')).libIsFresh(fileURLToPath(new URL('..', import.meta.url))));
const checkBundle = fileURLToPath(new URL('../lib/check.cjs', import.meta.url));
const argv = process.argv.slice(2);
if (fromSources) {
  // V8's compiled code for pledge's modules, kept between runs, as Astro's own CLI does; not in CI,
  // where the cache would be written and never read again.
  if (!process.env.CI) module.enableCompileCache?.();
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../src/cli/main.ts');
  process.exitCode = await main(argv);
} else if (argv[0] === 'check' && existsSync(checkBundle)) {
  process.exitCode = await runCheckBundle(argv.slice(1));
} else {
  // V8 keeps the compiled code of lib/ between runs (README, Performance): much of a short command's
  // time is otherwise spent compiling it again. Per user, outside the package (which may be read-only);
  // NODE_COMPILE_CACHE names another folder, NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache?.(cacheDir());
  const { main } = await import('../lib/main.js');
  process.exitCode = await main(argv);
}

/**
 * `pledge check` from lib/check.cjs, one classic script, with a V8 code cache made after the check has run
 * (build-lib.mjs says why): so the cache holds every function the check compiled, not only the top level.
 * The cache file is named by a hash of the script, so a new pledge never reads an old pledge's code.
 */
async function runCheckBundle(args) {
  const [{ createHash }, { default: vm }] = await Promise.all([import('node:crypto'), import('node:vm')]);
  // Hashed as read: hashing the decoded text would cost ten times more.
  const bytes = readFileSync(checkBundle);
  const dir = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheDir();
  const cacheFile = dir && path.join(dir, `check-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.v8`);
  let cachedData;
  try {
    cachedData = cacheFile ? readFileSync(cacheFile) : undefined;
  } catch {
    // None yet: this run makes it.
  }
  const script = new vm.Script(module.wrap(bytes.toString('utf8')), {
    filename: checkBundle, cachedData, importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, module.createRequire(checkBundle), bundle, checkBundle, path.dirname(checkBundle));
  const code = await bundle.exports.main(args);
  if (cacheFile && (!cachedData || script.cachedDataRejected)) saveCache(cacheFile, script.createCachedData());
  return code;
}

/** Written whole under another name, then renamed: two checks at once never leave half a cache. */
function saveCache(file, data) {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written (read-only home) only makes the next check slower.
  }
}

function cacheDir() {
  if (process.env.NODE_COMPILE_CACHE) return process.env.NODE_COMPILE_CACHE;
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) || path.join(os.homedir(), '.cache');
  return path.join(base, 'pledge-kit', 'compile-cache');
}
