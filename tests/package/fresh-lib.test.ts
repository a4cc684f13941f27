import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as freshness from '../../bin/fresh-lib.mjs';
let root: string;

/** A checkout's shape: sources, the bundler, and lib/ stamped as built from them. */
async function builtCheckout(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pledge-fresh-lib-'));
  await mkdir(path.join(dir, 'src', 'cli'), { recursive: true });
  await mkdir(path.join(dir, 'scripts'));
  await mkdir(path.join(dir, 'lib'));
  await writeFile(path.join(dir, 'src', 'cli', 'main.ts'), 'export {};\n');
  await writeFile(path.join(dir, 'src', 'cli', 'check.ts'), 'export {};\n');
  await writeFile(path.join(dir, 'scripts', 'build-lib.mjs'), '\n');
  await writeFile(path.join(dir, 'lib', freshness.STAMP), freshness.sourcesState(dir));
  return dir;
}

const later = new Date(Date.now() + 60_000);

describe('a checkout runs lib/ only while it was bundled from the sources as they are', () => {
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is fresh as built', async () => {
    root = await builtCheckout();
    expect(freshness.libIsFresh(root)).toBe(true);
  });

  it.each([
    ['a source edited', (dir: string) => utimes(path.join(dir, 'src', 'cli', 'check.ts'), later, later)],
    ['a source added', (dir: string) => writeFile(path.join(dir, 'src', 'cli', 'new.ts'), 'export {};\n')],
    ['a source removed', (dir: string) => rm(path.join(dir, 'src', 'cli', 'check.ts'))],
    ['the bundler edited', (dir: string) => utimes(path.join(dir, 'scripts', 'build-lib.mjs'), later, later)],
    ['the dependencies installed anew', async (dir: string) => {
      await mkdir(path.join(dir, 'node_modules'));
      await writeFile(path.join(dir, 'node_modules', '.package-lock.json'), '{}\n');
      // File times may be as coarse as the kernel's tick: this one is later whatever the file system.
      await utimes(path.join(dir, 'node_modules', '.package-lock.json'), later, later);
    }],
    ['a source replaced by a copy that keeps an older modification time (cp -p, rsync -a)', async (dir: string) => {
      // Past the coarsest tick a file time may have, so the change time is surely later than the stamp's.
      await new Promise((resolve) => setTimeout(resolve, 20));
      await writeFile(path.join(dir, 'src', 'cli', 'check.ts'), 'export const edited = true;\n');
      await utimes(path.join(dir, 'src', 'cli', 'check.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    }],
    ['no stamp (a build cut off before its end)', (dir: string) => rm(path.join(dir, 'lib', freshness.STAMP))],
  ])('is stale after %s', async (_what, change) => {
    root = await builtCheckout();
    await change(root);
    expect(freshness.libIsFresh(root)).toBe(false);
  });
});

describe('a checkout, run from lib/ and from its sources', () => {
  it('checks the example alike both ways (CI runs lib/, a developer editing src/ runs the sources)', async () => {
    const { execFile } = await import('node:child_process');
    const bin = path.resolve('bin/pledge.mjs');
    const check = (env: NodeJS.ProcessEnv) => new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, [bin, 'check', '--format', 'json'], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
        (_error, stdout) => resolve({ code: child.exitCode, stdout }));
    });
    const sources = await check({ PLEDGE_FROM_SOURCES: '1' });
    expect(sources.stdout).toContain('"findings"');
    expect(await check({})).toEqual(sources);
  }, 60_000);
});
