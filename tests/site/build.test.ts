import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../src/adapters/site/build.ts';
import { CANARIES, plantCanaries } from './canaries.ts';
import { copyExample, editFile, FIXED_EPOCH, listFiles, readAll, removeDir, REPO } from './helpers.ts';

const run = promisify(execFile);
const BUILD_TIMEOUT = 240_000;
const env = { ...process.env, SOURCE_DATE_EPOCH: FIXED_EPOCH };

describe('pledge build of the example with canaries planted in every internal field', () => {
  let root: string;
  let publicFiles: Map<string, Buffer>;

  beforeAll(async () => {
    root = await copyExample();
    await plantCanaries(root);
    await writeFile(path.join(root, 'content', 'reports', 'no-heading.md'), 'Just a note, with no # heading.\n');
    const result = await buildProject({ root, env });
    expect(result.status).toBe('built');
    publicFiles = await readAll(path.join(root, 'dist', 'public'));
  }, BUILD_TIMEOUT);
  afterAll(() => removeDir(root));

  it('writes the public page, its open data and its fonts, and nothing else, to dist/public', () => {
    const files = [...publicFiles.keys()];
    expect(files.filter((file) => !file.startsWith('_fonts/'))).toEqual(['index.html', 'pledge.json']);
    const fonts = files.filter((file) => file.startsWith('_fonts/'));
    expect(fonts).toContain('_fonts/LICENSE.txt');
    expect(fonts).toContain('_fonts/noto-sans-latin-400-normal.woff2');
    expect(fonts.filter((file) => !/^_fonts\/noto-[a-z-]+-(latin|latin-ext|\d+)-[47]00-normal\.woff2$/.test(file))).toEqual(['_fonts/LICENSE.txt']);
  });

  it('gives the public page a title and a description for shared links', () => {
    const page = publicFiles.get('index.html')!.toString('utf8');
    expect(page).toContain('<meta property="og:title" content="Kestrel Kitchen · Our promise">');
    expect(page).toMatch(/<meta property="og:description" content="For home cooks, Kestrel Kitchen makes one promise: [^"]+">/);
  });

  it('has not one byte of any canary anywhere in dist/public', () => {
    for (const [file, bytes] of publicFiles) {
      for (const canary of CANARIES) expect(bytes.includes(canary), `${canary} in ${file}`).toBe(false);
    }
  });

  it('keeps the internal values in the internal site and dist/pledge.json, where they belong', async () => {
    const overview = await readFile(path.join(root, 'dist', 'internal', 'kpis.html'), 'utf8');
    expect(overview).toContain('CANARY-INTERNAL-KPI-NAME');
    const report = await readFile(path.join(root, 'dist', 'internal', 'reports', 'canary.html'), 'utf8');
    expect(report).toContain('CANARY-REPORT-NARRATIVE');
    const full = await readFile(path.join(root, 'dist', 'pledge.json'), 'utf8');
    expect(full).toContain('97.37');
  });

  it('shows a report\'s title once: its own # heading, else the file name from the layout', async () => {
    const headings = async (name: string) => {
      const html = await readFile(path.join(root, 'dist', 'internal', 'reports', `${name}.html`), 'utf8');
      return { h1: [...html.matchAll(/<h1[^>]*>([^<]*)<\/h1>/g)].map((m) => m[1]), title: /<title>([^<]*)<\/title>/.exec(html)?.[1] };
    };
    expect(await headings('canary')).toEqual({ h1: ['Canary'], title: 'Canary · Kestrel Kitchen (Internal)' });
    expect(await headings('no-heading')).toEqual({ h1: ['no-heading'], title: 'no-heading · Kestrel Kitchen (Internal)' });
  });

  it('publishes the public KPIs only, at-risk shown as kept', async () => {
    const subset = JSON.parse(await readFile(path.join(root, 'dist', 'public', 'pledge.json'), 'utf8')) as {
      commitments: Array<{ kpi: { id: string }; history: Array<{ status: string }> }>;
    };
    expect(subset.commitments.map((c) => c.kpi.id)).toEqual(['on_time_delivery', 'first_response_time', 'csat']);
    const statuses = new Set(subset.commitments.flatMap((c) => c.history.map((h) => h.status)));
    expect(statuses.has('at-risk')).toBe(false);
  });
});

describe('pledge build, reproducible and atomic', () => {
  let root: string;
  beforeAll(async () => { root = await copyExample(); });
  afterAll(() => removeDir(root));

  it('builds byte-identical output twice from the same inputs with SOURCE_DATE_EPOCH', async () => {
    await buildProject({ root, env });
    const first = await readAll(path.join(root, 'dist'));
    await buildProject({ root, env });
    const second = await readAll(path.join(root, 'dist'));
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, bytes] of first) expect(second.get(file)?.equals(bytes), file).toBe(true);
    expect(first.size).toBeGreaterThan(10);
  }, BUILD_TIMEOUT);

  it('keeps the previous dist/ intact and exits 2 with one located line when promise.yaml is malformed', async () => {
    const before = await readAll(path.join(root, 'dist'));
    expect(before.size).toBeGreaterThan(0);
    await editFile(path.join(root, 'content', 'promise.yaml'), (text) => text.replace('company: Kestrel Kitchen', 'company: [Kestrel Kitchen'));
    const failed = await run(process.execPath, [path.join(REPO, 'bin', 'pledge.mjs'), 'build', '--root', root], { cwd: root, env })
      .then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error);
    expect(failed.code).toBe(2);
    const lines = failed.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/promise\.yaml:\d+:\d+ {2}This is not valid YAML/);
    const after = await readAll(path.join(root, 'dist'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), file).toBe(true);
    expect((await listFiles(root)).filter((f) => f.startsWith('.pledge-tmp'))).toEqual([]);
  }, BUILD_TIMEOUT);

  it('keeps the previous dist/ when a report embeds an unknown KPI, naming the report line', async () => {
    await editFile(path.join(root, 'content', 'promise.yaml'), (text) => text.replace('company: [Kestrel Kitchen', 'company: Kestrel Kitchen'));
    const before = await readAll(path.join(root, 'dist'));
    await writeFile(path.join(root, 'content', 'reports', 'typo.md'), '# Typo\n\nOn time: :kpi[on_time_delivry]\n');
    const failed = await run(process.execPath, [path.join(REPO, 'bin', 'pledge.mjs'), 'build'], { cwd: root, env })
      .then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error);
    expect(failed.code).toBe(2);
    expect(failed.stderr.trim().split('\n')).toEqual([
      'content/reports/typo.md:3:10  The report embeds KPI "on_time_delivry", which kpis.yaml does not define. '
      + 'Use one of: on_time_delivery, first_response_time, csat, nps, tickets_within_sla, churn, repeat_purchase.',
    ]);
    const after = await readAll(path.join(root, 'dist'));
    for (const [file, bytes] of before) expect(after.get(file)?.equals(bytes), file).toBe(true);
    expect((await listFiles(root)).filter((f) => f.startsWith('.pledge-tmp'))).toEqual([]);
  }, BUILD_TIMEOUT);
});

describe('pledge build stopped by an error finding', () => {
  let root: string;
  beforeAll(async () => { root = await copyExample(); });
  afterAll(() => removeDir(root));

  it('shows the findings, exits 1 and writes no dist/', async () => {
    await editFile(path.join(root, 'content', 'promise.yaml'), (text) => text.replace(
      '    target: { comparison: ">=", value: 90, unit: "%" }\n', ''));
    const failed = await run(process.execPath, [path.join(REPO, 'bin', 'pledge.mjs'), 'build'], { cwd: root, env: { ...env, PLEDGE_TIMINGS: '1' } })
      .then(() => ({ code: 0, stderr: '' }), (error: { code: number; stderr: string }) => error);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/content\/promise\.yaml:\d+:\d+ {2}error {4}not-measurable/);
    expect(failed.stderr).toContain('The build stopped because of the errors above; dist/ was left as it was.');
    // PLEDGE_TIMINGS=1: the steps it went through, and none after the check that stopped it.
    expect(failed.stderr).toMatch(/^pledge build timings \(ms\): modules \d+, load \d+, evaluate \d+, check \d+\n/m);
    expect((await listFiles(root)).some((f) => f.startsWith('dist') || f.startsWith('.pledge-tmp'))).toBe(false);
  }, BUILD_TIMEOUT);
});
