#!/usr/bin/env node
// An installed pledge runs the JavaScript compiled into lib/ (scripts/build-lib.mjs, at `npm pack`).
// A checkout runs its TypeScript sources through tsx, so editing src/ needs no build step.
import { existsSync } from 'node:fs';
import module from 'node:module';

// V8's compiled code for pledge's modules, kept between runs, as Astro's own CLI does; not in CI,
// where the cache would be written and never read again.
if (!process.env.CI) module.enableCompileCache?.();
const fromSources = existsSync(new URL('../src/cli/main.ts', import.meta.url));
if (fromSources) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import(fromSources ? '../src/cli/main.ts' : '../lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
