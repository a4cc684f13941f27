import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_SVG } from '../site/brand-fixtures.ts';
import { readAll } from '../site/helpers.ts';
import { pledge, sandbox, SECRET, type Sandbox } from './helpers.ts';

// The logo and favicon of site.yaml are copied into dist/public/, so they are a way out of the
// project (symlinks: tests/security/symlinks.test.ts) and a way onto the site's origin (an SVG).

let box: Sandbox;
beforeEach(async () => { box = await sandbox(); });
afterEach(async () => { await box.remove(); });

const content = (...parts: string[]) => path.join(box.root, 'content', ...parts);

describe('site.yaml images that try to leave the project', () => {
  it.each(['../../outside/secret.csv', 'brand/../../../outside/secret.csv'])('a path with ../ (%s) is refused, located, and the file is never read', async (written) => {
    await writeFile(content('site.yaml'), `brand:\n  logo: ${written}\n`);
    const run = await pledge(box.root, 'check');
    expect(run.err).toBe(`content/site.yaml:2:9  ${path.join(box.outside, 'secret.csv')} is outside the project's content folder. Put the file inside content/.\n`);
    expect(run.code).toBe(2);
    expect(run.out + run.err).not.toContain(SECRET);
  });
});

describe('a hostile SVG logo', () => {
  it('stops check and build with exit 2; the previous dist/ is left as it was and nothing of the SVG is published', async () => {
    expect((await pledge(box.root, 'build')).code).toBe(0);
    const before = await readAll(path.join(box.root, 'dist'));
    await mkdir(content('brand'));
    await writeFile(content('brand', 'logo.svg'), HOSTILE_SVG);
    await writeFile(content('site.yaml'), 'brand:\n  logo: brand/logo.svg\n');
    const line = 'content/site.yaml:2:9  brand.logo: content/brand/logo.svg contains a <script>, so it is not published: an SVG opened at its own address runs on the site. Export it again as a plain drawing (no scripts, event handlers, embedded HTML or outside links), or use a PNG.\n';
    for (const command of ['check', 'build']) {
      const run = await pledge(box.root, command);
      expect([run.code, run.err]).toEqual([2, line]);
    }
    const after = await readAll(path.join(box.root, 'dist'));
    expect(after).toEqual(before);
    for (const bytes of after.values()) expect(bytes.toString('latin1')).not.toContain('__xss');
    expect(await readFile(content('brand', 'logo.svg'), 'utf8')).toBe(HOSTILE_SVG);
  }, 120_000);
});
