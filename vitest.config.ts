import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Browser and build suites share dist/ fixtures and one Chromium; keep files from racing each other.
    fileParallelism: true,
    pool: 'forks',
  },
});
