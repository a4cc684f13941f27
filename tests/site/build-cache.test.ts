import { readdir, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/adapters/site/build.ts';
import { CACHE_DIR } from '../../src/adapters/figure-cache.ts';
import { traceOpens } from '../kpi/read-trace.ts';
import { copyExample, FIXED_EPOCH, readAll, removeDir } from './helpers.ts';

const SLOW = 300_000;
const env = { ...process.env, SOURCE_DATE_EPOCH: FIXED_EPOCH };

/** The whole dist/ as one comparable value: each file's path and bytes. */
async function distOf(root: string): Promise<Map<string, Buffer>> {
  return readAll(path.join(root, 'dist'));
}

describe('pledge build with the figure cache', () => {
  let root: string;
  let dataDir: string;
  beforeAll(async () => {
    root = await copyExample();
    dataDir = path.join(root, 'content', 'data');
    // Written an hour ago, as a data file usually is: one written just now is not cached (see figure-cache.ts).
    const anHourAgo = Date.now() / 1000 - 3600;
    for (const name of await readdir(dataDir)) await utimes(path.join(dataDir, name), anHourAgo, anHourAgo);
  });
  afterAll(() => removeDir(root));

  it('a second build reads no data file, and dist/ is byte-identical with the cache cold, warm and off', async () => {
    expect((await buildProject({ root, env, cache: false })).status).toBe('built');
    const uncached = await distOf(root);
    await expect(readdir(path.join(root, CACHE_DIR))).rejects.toThrow();

    expect((await buildProject({ root, env, cache: true })).status).toBe('built');
    const cold = await distOf(root);
    expect((await readdir(path.join(root, CACHE_DIR, 'figures'))).length).toBe((await readdir(dataDir)).length);

    const trace = traceOpens();
    try {
      expect((await buildProject({ root, env, cache: true })).status).toBe('built');
    } finally {
      trace.stop();
    }
    const warm = await distOf(root);
    expect(trace.opened.filter((file) => file.startsWith(dataDir))).toEqual([]);
    // The trace does see the build's other inputs: it would see a data file too.
    expect(trace.opened.some((file) => file.endsWith(path.join('content', 'promise.yaml')))).toBe(true);

    expect([...cold.keys()]).toEqual([...uncached.keys()]);
    expect([...warm.keys()]).toEqual([...uncached.keys()]);
    for (const [file, bytes] of uncached) {
      expect([file, cold.get(file)?.equals(bytes)]).toEqual([file, true]);
      expect([file, warm.get(file)?.equals(bytes)]).toEqual([file, true]);
    }
    expect([...warm.keys()].filter((file) => file.includes('pledge-cache'))).toEqual([]);
  }, SLOW);
});
