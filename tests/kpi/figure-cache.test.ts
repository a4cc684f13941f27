import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateProject } from '../../src/adapters/evaluate.ts';
import { CACHE_DIR, FigureCache } from '../../src/adapters/figure-cache.ts';
import { loadProject } from '../../src/adapters/project.ts';
import type { Evaluation } from '../../src/core/kpi/types.ts';
import { series } from './helpers.ts';
import { traceOpens } from './read-trace.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/kpi-small');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const DATA = ['orders.csv', 'surveys.ndjson'];
const HOUR_AGO = Date.now() / 1000 - 3600;

/** A copy of the small fixture whose data files were last written an hour ago. */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pledge-cache-'));
  temps.push(root);
  cpSync(fixture, root, { recursive: true });
  for (const name of DATA) age(root, name);
  return root;
}

function age(root: string, name: string, seconds = 0): void {
  utimesSync(dataFile(root, name), HOUR_AGO - seconds, HOUR_AGO - seconds);
}

const dataFile = (root: string, name: string) => path.join(root, 'content', 'data', name);

/** Evaluates the project through its cache (a fresh view of it, as each build has) and lists the data files opened. */
async function evaluate(root: string, cache: FigureCache | undefined = FigureCache.of(root, {})): Promise<{ evaluation: Evaluation; read: string[] }> {
  const project = await loadProject(root, root);
  const trace = traceOpens();
  try {
    const evaluation = await evaluateProject(project, { cwd: root, cache });
    return { evaluation, read: [...new Set(trace.opened.filter((file) => file.startsWith(path.join(root, 'content', 'data'))).map((file) => path.basename(file)))].sort() };
  } finally {
    trace.stop();
  }
}

const csat = (evaluation: Evaluation) => series(evaluation.kpis.find((k) => k.kpi.id === 'csat') ?? { buckets: [] });

describe('the figure cache', () => {
  it('a second evaluation reads no data file, and its figures are the same to the byte', async () => {
    const root = project();
    const cold = await evaluate(root);
    expect(cold.read).toEqual(DATA);
    const warm = await evaluate(root);
    expect(warm.read).toEqual([]);
    const uncached = await evaluate(root, undefined);
    expect(JSON.stringify(warm.evaluation)).toBe(JSON.stringify(uncached.evaluation));
    expect(JSON.stringify(cold.evaluation)).toBe(JSON.stringify(uncached.evaluation));
    // The figures worked out by hand in evaluate.test.ts, bad rows and their lines included.
    expect(csat(warm.evaluation)).toEqual(['2026-01=50(2)', '2026-02=100(1)', '2026-03=100(1)']);
    expect(warm.evaluation.kpis.map((k) => [k.kpi.id, k.rowsRead, k.badRows.count, k.badRows.examples.map((e) => e.line)]))
      .toEqual([['on_time', 8, 1, [7]], ['orders', 8, 1, [7]], ['csat', 5, 1, [4]]]);
    const files = await readdir(path.join(root, CACHE_DIR, 'figures'));
    expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(2);
    expect(files.filter((f) => !f.endsWith('.bin'))).toEqual([]);
  });

  it('one changed row (same size, another time) is read again and changes the figure; the other file is not read', async () => {
    const root = project();
    await evaluate(root);
    const file = dataFile(root, 'surveys.ndjson');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"score": 2}', '"score": 4}'));
    age(root, 'surveys.ndjson', 60);
    const after = await evaluate(root);
    expect(after.read).toEqual(['surveys.ndjson']);
    // January: 5 and now 4, both satisfied.
    expect(csat(after.evaluation)).toEqual(['2026-01=100(2)', '2026-02=100(1)', '2026-03=100(1)']);
    expect(JSON.stringify(after.evaluation)).toBe(JSON.stringify((await evaluate(root, undefined)).evaluation));
    expect((await evaluate(root)).read).toEqual([]);
  });

  it('a file touched but unchanged is hashed, not parsed, and its figures stay', async () => {
    const root = project();
    const before = await evaluate(root);
    age(root, 'orders.csv', 120);
    const touched = await evaluate(root);
    expect(JSON.stringify(touched.evaluation)).toBe(JSON.stringify(before.evaluation));
    // The new time is remembered: the next build does not even hash it.
    expect((await evaluate(root)).read).toEqual([]);
  });

  it('a changed KPI definition is computed again; a KPI whose definition did not change comes from the cache', async () => {
    const root = project();
    await evaluate(root);
    const kpis = path.join(root, 'content', 'kpis.yaml');
    writeFileSync(kpis, readFileSync(kpis, 'utf8').replace('    method: Orders promised in the month.', '    method: Orders promised in the month.\n    filter: { column: order_id, not: A7 }'));
    const after = await evaluate(root);
    expect(after.read).toEqual(['orders.csv']);
    expect(series(after.evaluation.kpis[1] ?? { buckets: [] })).toEqual(['2026-01=2(2)', '2026-02=4(4)']);
    expect(JSON.stringify(after.evaluation)).toBe(JSON.stringify((await evaluate(root, undefined)).evaluation));
    // Prose is not part of a KPI's figures: a new name, method or sample noun reads nothing.
    writeFileSync(kpis, readFileSync(kpis, 'utf8').replace('name: Satisfaction', 'name: Customer satisfaction'));
    expect((await evaluate(root)).read).toEqual([]);
    writeFileSync(kpis, readFileSync(kpis, 'utf8').replace('name: Customer satisfaction', 'name: Customer satisfaction\n    sample_noun: answers'));
    const renamed = await evaluate(root);
    expect(renamed.read).toEqual([]);
    expect(renamed.evaluation.kpis.map((k) => k.kpi.sample_noun)).toContain('answers');
  });

  it('a file written just now is not stored, since its time could not tell a second write apart', async () => {
    const root = project();
    const file = dataFile(root, 'surveys.ndjson');
    writeFileSync(file, readFileSync(file));
    await evaluate(root);
    expect((await evaluate(root)).read).toEqual(['surveys.ndjson']);
  });

  it.each([
    ['garbage', () => Buffer.from('not a cache file')],
    ['truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length - 10)],
    ['one flipped byte', (bytes: Buffer) => Buffer.from(bytes.map((b, i) => (i === bytes.length - 5 ? b ^ 0xff : b)))],
    ['empty', () => Buffer.alloc(0)],
  ])('a corrupt cache file (%s) is ignored and rewritten: the figures are still right', async (_name, corrupt) => {
    const root = project();
    const { evaluation } = await evaluate(root);
    const files = await FigureCache.of(root, {})?.files() ?? [];
    expect(files).toHaveLength(2);
    for (const file of files) writeFileSync(file, corrupt(readFileSync(file)));
    const after = await evaluate(root);
    expect(after.read).toEqual(DATA);
    expect(JSON.stringify(after.evaluation)).toBe(JSON.stringify(evaluation));
    expect((await evaluate(root)).read).toEqual([]);
  });

  it('lives in a folder this repository does not commit (pledge init writes the same line for new projects)', () => {
    const ignored = readFileSync(path.resolve(import.meta.dirname, '../../.gitignore'), 'utf8').split('\n');
    expect(ignored).toContain(`${CACHE_DIR}/`);
  });

  it('read-only (pledge check writes no file): uses what a build stored, stores nothing', async () => {
    const root = project();
    const readOnly = () => FigureCache.of(root, {}, { writes: false });
    expect((await evaluate(root, readOnly())).read).toEqual(DATA);
    await expect(readdir(path.join(root, CACHE_DIR))).rejects.toThrow();
    await evaluate(root);
    expect((await evaluate(root, readOnly())).read).toEqual([]);
    const stored = await FigureCache.of(root, {})?.files() ?? [];
    const bytes = stored.map((file) => readFileSync(file));
    age(root, 'orders.csv', 120);
    expect((await evaluate(root, readOnly())).read).toEqual(['orders.csv']);
    expect(stored.map((file) => readFileSync(file))).toEqual(bytes);
  });

  it('PLEDGE_CACHE=off turns it off', () => {
    expect(FigureCache.of('/x', { PLEDGE_CACHE: 'off' })).toBeUndefined();
    expect(FigureCache.of('/x', { PLEDGE_CACHE: '0' })).toBeUndefined();
    expect(FigureCache.of('/x', {})?.dir).toBe(path.join('/x', CACHE_DIR, 'figures'));
  });
});
