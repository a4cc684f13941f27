#!/usr/bin/env node
// An installed pledge runs the JavaScript bundled into lib/ (scripts/build-lib.mjs, at `npm pack`).
// A checkout runs its TypeScript sources through tsx, so editing src/ needs no build step.
import { existsSync } from 'node:fs';
import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

const fromSources = existsSync(new URL('../src/cli/main.ts', import.meta.url));
if (fromSources) {
  // V8's compiled code for pledge's modules, kept between runs, as Astro's own CLI does; not in CI,
  // where the cache would be written and never read again.
  if (!process.env.CI) module.enableCompileCache?.();
  const { register } = await import('tsx/esm/api');
  register();
} else {
  // V8 keeps the compiled code of lib/ between runs (README, Performance): much of a short command's
  // time is otherwise spent compiling it again. Per user, outside the package (which may be read-only);
  // NODE_COMPILE_CACHE names another folder, NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache?.(process.env.NODE_COMPILE_CACHE ?? compileCacheDir());
}
const { main } = await import(fromSources ? '../src/cli/main.ts' : '../lib/main.js');
process.exitCode = await main(process.argv.slice(2));

function compileCacheDir() {
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) || path.join(os.homedir(), '.cache');
  return path.join(base, 'pledge-kit', 'compile-cache');
}
