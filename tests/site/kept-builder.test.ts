import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, TMP_PREFIX } from '../../src/adapters/site/build.ts';
import { KeptSiteBuilder } from '../../src/adapters/site/kept-builder.ts';
import { CANARIES, plantCanaries } from './canaries.ts';
import { copyExample, editFile, FIXED_EPOCH, readAll, removeDir } from './helpers.ts';

const SLOW = 400_000;
const env = { ...process.env, SOURCE_DATE_EPOCH: FIXED_EPOCH };

/**
 * `pledge dev`'s warm builder: one Astro process kept between builds, each build the same one build
 * of both sites as `pledge build`, with fresh views each time.
 */
describe('the kept site builder (pledge dev)', () => {
  let root: string;
  let kept: KeptSiteBuilder;
  let cold: Map<string, Buffer>;
  const dist = () => readAll(path.join(root, 'dist'));

  beforeAll(async () => {
    root = await copyExample();
    await plantCanaries(root);
    expect((await buildProject({ root, env })).status).toBe('built');
    cold = await dist();
    kept = await KeptSiteBuilder.start(root, TMP_PREFIX);
  }, SLOW);
  afterAll(async () => {
    kept?.close();
    await removeDir(root);
  });

  it('writes byte for byte what a cold build writes, build after build', async () => {
    for (let build = 0; build < 2; build += 1) {
      expect((await buildProject({ root, env, keptBuilder: kept })).status).toBe('built');
      expect(await dist()).toEqual(cold);
    }
  }, SLOW);

  it('after a blocked build and a broken input, builds the next save from its own views, with nothing internal in dist/public', async () => {
    const promise = path.join(root, 'content', 'promise.yaml');
    const good = await readFile(promise, 'utf8');
    // Blocked by a finding: the worker's build is stopped while it waits for its views.
    await editFile(promise, (text) => text.replace('kpi: on_time_delivery', 'kpi: no_such_kpi'));
    expect((await buildProject({ root, env, keptBuilder: kept })).status).toBe('blocked');
    // An input error before any view exists.
    await editFile(promise, (text) => text.replace('company: Kestrel Kitchen', 'company: [Kestrel Kitchen'));
    await expect(buildProject({ root, env, keptBuilder: kept })).rejects.toThrow(/not valid YAML/);
    expect(await dist()).toEqual(cold);
    await editFile(promise, () => good.replace('company: Kestrel Kitchen', 'company: Kestrel Kitchenware'));
    expect((await buildProject({ root, env, keptBuilder: kept })).status).toBe('built');
    const after = await dist();
    expect(after.get('public/index.html')?.toString('utf8')).toContain('Kestrel Kitchenware makes one promise');
    expect(after.get('internal/index.html')?.toString('utf8')).toContain('Kestrel Kitchenware');
    for (const [file, bytes] of after) {
      if (!file.startsWith('public/')) continue;
      for (const canary of CANARIES) expect(bytes.includes(canary), `${canary} in ${file}`).toBe(false);
    }
  }, SLOW);

  it('leaves nothing of its builds behind, and removes its folder when closed', async () => {
    expect((await readdir(kept.workDir)).sort()).toEqual(['fonts', 'node_modules']);
    expect((await readdir(root)).filter((name) => name.startsWith(TMP_PREFIX))).toEqual([path.basename(kept.workDir)]);
    kept.close();
    expect((await readdir(root)).filter((name) => name.startsWith(TMP_PREFIX))).toEqual([]);
  }, SLOW);
});
