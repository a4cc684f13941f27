import { copyFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, TMP_PREFIX } from '../../src/adapters/site/build.ts';
import { KeptSiteBuilder } from '../../src/adapters/site/kept-builder.ts';
import { copyExample, editFile, FIXED_EPOCH, readAll, removeDir } from './helpers.ts';

const SLOW = 400_000;
const env = { ...process.env, SOURCE_DATE_EPOCH: FIXED_EPOCH };

/** One save, made the same way in both projects. */
type Edit = (root: string) => Promise<void>;

const content = (root: string, ...parts: string[]) => path.join(root, 'content', ...parts);

const EDITS: Array<[string, Edit]> = [
  ['the company renamed in promise.yaml', (root) => editFile(content(root, 'promise.yaml'), (text) => text.replace('company: Kestrel Kitchen', 'company: Kestrel Kitchenware'))],
  // Read by the KPI pages from their getStaticPaths() props, which Astro keeps between renders.
  ['a KPI renamed in kpis.yaml', (root) => editFile(content(root, 'kpis.yaml'), (text) => text.replace('name: Net Promoter Score', 'name: Net promoter score (NPS)'))],
  ['a report added (a new page)', (root) => copyFile(content(root, 'reports', '2026-10-monthly.md'), content(root, 'reports', '2026-11-extra.md'))],
  ['a report edited', (root) => editFile(content(root, 'reports', '2026-11-extra.md'), (text) => text.replace('# Monthly promise report: the latest month', '# An extra report'))],
  ['a period note edited', (root) => editFile(content(root, 'notes', '2026-02-on-time-delivery.md'), (text) => text.replace('one order in six', 'one order in five'))],
  ['the language changed (every label, date and number)', (root) => editFile(content(root, 'promise.yaml'), (text) => text.replace('language: en', 'language: pt'))],
  ['a report removed (a page fewer)', (root) => rm(content(root, 'reports', '2026-02-carrier-strike.md'))],
];

/**
 * After the first build, `pledge dev` renders the pages again from the bundle it kept, with the new
 * views, rather than running Astro's whole build (warm-render.mjs): what it writes must still be,
 * byte for byte, what a cold `pledge build` of the edited project writes, pages added and removed too.
 */
describe('pledge dev rebuilds after a save', () => {
  let warmRoot: string;
  let coldRoot: string;
  let kept: KeptSiteBuilder;

  beforeAll(async () => {
    [warmRoot, coldRoot] = await Promise.all([copyExample(), copyExample()]);
    kept = await KeptSiteBuilder.start(warmRoot, TMP_PREFIX);
    const first = await buildProject({ root: warmRoot, env, keptBuilder: kept });
    expect(first.status).toBe('built');
    expect(first.timings['astro-build']).toBeGreaterThan(0);
  }, SLOW);
  afterAll(async () => {
    kept?.close();
    await Promise.all([removeDir(warmRoot), removeDir(coldRoot)]);
  });

  it.each(EDITS)('%s: only the pages rendered again, and the same files as a cold build', async (_name, edit) => {
    await Promise.all([edit(warmRoot), edit(coldRoot)]);
    const warm = await buildProject({ root: warmRoot, env, keptBuilder: kept });
    expect(warm.status).toBe('built');
    // The kept bundle rendered the pages: no Astro build ran.
    expect(warm.timings['astro-render']).toBeGreaterThan(0);
    expect(warm.timings['astro-build']).toBeUndefined();
    expect((await buildProject({ root: coldRoot, env })).status).toBe('built');
    const [warmFiles, coldFiles] = await Promise.all([readAll(path.join(warmRoot, 'dist')), readAll(path.join(coldRoot, 'dist'))]);
    expect([...warmFiles.keys()]).toEqual([...coldFiles.keys()]);
    for (const [file, bytes] of coldFiles) expect(warmFiles.get(file)?.equals(bytes), file).toBe(true);
  }, SLOW);

  it('shows the new data: the renamed company and KPI, the added report', async () => {
    const files = await readAll(path.join(warmRoot, 'dist'));
    expect(files.get('public/index.html')?.toString('utf8')).toContain('Kestrel Kitchenware');
    expect(files.get('internal/kpi/nps.html')?.toString('utf8')).toContain('Net promoter score (NPS)');
    expect(files.get('internal/reports/2026-11-extra.html')?.toString('utf8')).toContain('An extra report');
    expect(files.has('internal/reports/2026-02-carrier-strike.html')).toBe(false);
  });
});
