import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser and build suites share dist/ fixtures and one Chromium; keep files from racing each other.
    fileParallelism: true,
    pool: 'forks',
    // One test file per core, not vitest's default of one fewer: most files wait on child processes
    // (the CLI, Chromium, Astro, PostgreSQL), and on the 2-core CI machine the suite took 930 s with one
    // worker and 545 s with two (same commit, same machine).
    maxWorkers: availableParallelism(),
  },
});
