#!/usr/bin/env node
// An installed pledge runs the JavaScript compiled into lib/ (scripts/build-lib.mjs, at `npm pack`).
// A checkout runs its TypeScript sources through tsx, so editing src/ needs no build step.
import { existsSync } from 'node:fs';

const fromSources = existsSync(new URL('../src/cli/main.ts', import.meta.url));
if (fromSources) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import(fromSources ? '../src/cli/main.ts' : '../lib/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
