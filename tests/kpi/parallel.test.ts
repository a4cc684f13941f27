import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readCsvHeader } from '../../src/adapters/data/csv.ts';
import { readTable } from '../../src/adapters/data/index.ts';
import { idleCores, lastWorkerCount, scanCsvInParallel, sliceRanges, workerCount } from '../../src/adapters/data/parallel.ts';
import { workerCode } from '../../src/adapters/data/worker-bundle.ts';
import { SourceScan } from '../../src/core/kpi/source-scan.ts';
import { kpi } from './helpers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'pledge-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = path.resolve(import.meta.dirname, '../../content/data/orders.csv');

const kpis = [
  kpi({ id: 'on_time', formula: 'on_time_rate', columns: { done: 'delivered_at', promised: 'promised_at' }, timestamp: 'promised_at', segment_by: ['region'] }),
  kpi({ id: 'repeat', formula: 'repeat_purchase_rate', columns: { customer: 'customer_id' }, timestamp: 'ordered_at', period: 'quarter' }),
  kpi({ id: 'basket', formula: 'mean', columns: { value: 'total_gbp' }, timestamp: 'ordered_at', period: 'week' }),
];

async function serial(file: string) {
  let scan: SourceScan | undefined;
  await readTable(file, {}, {
    header(columns) {
      scan = new SourceScan(kpis, 'orders.csv', columns);
      return scan.neededColumns;
    },
    row: (cells, line) => scan?.add(cells, line),
    malformed: (line, message, says) => scan?.malformed(line, message, says),
  });
  return scan?.accumulators.map((acc) => acc.result(Date.parse('2026-11-05T00:00:00Z')));
}

async function parallel(file: string, workers: number) {
  const { header, delimiter } = await readCsvHeader(file, {});
  const scan = await scanCsvInParallel({ file, shown: 'orders.csv', delimiter, kpis, timeZone: undefined, header, size: statSync(file).size, workers });
  return scan?.accumulators.map((acc) => acc.result(Date.parse('2026-11-05T00:00:00Z')));
}

/** Sums of decimals added in another order differ in the last bit: compare figures to 9 decimals. */
const rounded = (value: unknown) => JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(9)) : v))) as unknown;

describe('parallel CSV scan', () => {
  it('gives exactly the single-pass figures, bad rows and line numbers, with 3 workers', async () => {
    const expected = await serial(example);
    expect(expected?.[0]?.badRows.count).toBe(2);
    expect(rounded(await parallel(example, 3))).toEqual(rounded(expected));
  }, 60_000);

  it('reads again a slice that starts inside a quoted field with newlines: the single-pass figures and lines', async () => {
    // One huge quoted comment spanning the middle of the file: the second slice starts inside it.
    const text = readFileSync(example, 'utf8').split('\n');
    const header = `${text[0]},note`;
    const rows = text.slice(1, 200).filter(Boolean).map((line, i) => `${line},${i === 100 ? `"${'line\n'.repeat(20_000)}"` : 'x'}`);
    const file = path.join(dir, 'quoted.csv');
    writeFileSync(file, [header, ...rows].join('\n'));
    const expected = await serial(file);
    expect(expected?.[0]?.rowsRead).toBe(199);
    expect(rounded(await parallel(file, 2))).toEqual(rounded(expected));
  }, 60_000);

  it('gives the single-pass figures and bad-row lines with quoted newlines across many slice starts', async () => {
    // Every third row has a two-line quoted note, CRLF line ends, and every 500th row a bad date: with
    // 64 KB slices, many slices start inside a note and are read again from where the one before stopped.
    const [head = '', ...body] = readFileSync(example, 'utf8').split('\n').filter(Boolean);
    const promisedColumn = head.split(',').indexOf('promised_at');
    const rows = body.map((line, i) => {
      const row = i % 500 === 499 ? line.split(',').map((cell, c) => (c === promisedColumn ? 'not a date' : cell)).join(',') : line;
      return `${row},${i % 3 === 0 ? `"said ""late""\r\nthen ${i}"` : 'plain'}`;
    });
    const file = path.join(dir, 'notes.csv');
    writeFileSync(file, `${[`${head},note`, ...rows].join('\r\n')}\r\n`);
    const expected = await serial(file);
    expect(expected?.[0]?.badRows.count).toBeGreaterThan(2);
    const lines = expected?.[0]?.badRows.examples.map((issue) => issue.line) ?? [];
    expect(lines.length).toBeGreaterThan(2);
    // Each row before a bad one adds one line per note: the line numbers count the newlines inside quotes.
    expect(lines.some((line) => (line ?? 0) > body.length)).toBe(true);
    expect(rounded(await parallel(file, 2))).toEqual(rounded(expected));
  }, 60_000);

  it('gives the single-pass figures and lines with lines over the length limit, one of them quoted with newlines', async () => {
    // Two 3 MB records (over the 1 MiB limit): many 64 KB slices start inside them and give up.
    const [head = '', ...body] = readFileSync(example, 'utf8').split('\n').filter(Boolean);
    const long = (i: number) => `${body[i]},${i === 40 ? `"${'a\n'.repeat(5)}${'b'.repeat(3_000_000)}"` : 'c'.repeat(3_000_000)}`;
    const rows = body.map((line, i) => (i === 40 || i === 900 ? long(i) : `${line},x`));
    const file = path.join(dir, 'long.csv');
    writeFileSync(file, `${[`${head},note`, ...rows].join('\n')}\n`);
    const expected = await serial(file);
    const tooLong = expected?.[0]?.badRows.examples.filter((issue) => issue.message.startsWith('this record is longer than'));
    expect(tooLong?.map((issue) => issue.line)).toEqual([42, 907]);
    const { header, delimiter } = await readCsvHeader(file, {});
    const scan = await scanCsvInParallel({ file, shown: 'orders.csv', delimiter, kpis, timeZone: undefined, header, size: statSync(file).size, workers: 2, sliceBytes: 64 * 1024 });
    expect(rounded(scan?.accumulators.map((acc) => acc.result(Date.parse('2026-11-05T00:00:00Z'))))).toEqual(rounded(expected));
  }, 60_000);

  it('runs workers from one self-contained JavaScript bundle (it may require Node built-ins only)', async () => {
    const code = await workerCode(path.join(dir, 'cache', 'scan-worker.json'));
    const required = [...(code ?? '').matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(code).toContain('parentPort');
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((name) => !name?.startsWith('node:'))).toEqual([]);
  }, 60_000);

  it('reuses the cached bundle while its source files are unchanged, and rebuilds it when the record does not match', async () => {
    const cacheFile = path.join(dir, 'cache2', 'scan-worker.json');
    const built = await workerCode(cacheFile);
    const entry = JSON.parse(readFileSync(cacheFile, 'utf8')) as { inputs: string[]; hash: string; code: string };
    expect(entry.code).toBe(built);
    expect(entry.inputs).toContain(path.resolve(import.meta.dirname, '../../src/adapters/data/csv.ts'));
    // A fresh module instance (no in-memory memo) reads the cache: a marked copy with the right hash is used...
    writeFileSync(cacheFile, JSON.stringify({ ...entry, code: `${entry.code}\n// cached` }));
    const fresh = async () => {
      vi.resetModules();
      return (await import('../../src/adapters/data/worker-bundle.ts')).workerCode(cacheFile);
    };
    expect(await fresh()).toBe(`${entry.code}\n// cached`);
    // ...but not once the hash no longer matches what the files hold: then it is bundled again.
    writeFileSync(cacheFile, JSON.stringify({ ...entry, hash: 'stale', code: 'stale' }));
    expect(await fresh()).toBe(built);
  }, 60_000);

  it('uses 2 threads by default on a file of 256 MiB or more when there are 2 cores or more and half of one is idle; PLEDGE_WORKERS decides when set', () => {
    const big = 256 * 1024 * 1024;
    const idle = 0.9;
    expect(workerCount({}, big - 1, 2, idle)).toBe(1);
    expect(workerCount({}, big, 2, idle)).toBe(2);
    expect(lastWorkerCount()).toBe(2);
    expect(workerCount({}, big, 1, idle)).toBe(1);
    expect(workerCount({}, big, 16, 15)).toBe(2);
    // The other cores busy: a second thread only adds its cost.
    expect(workerCount({}, big, 2, 0.5)).toBe(2);
    expect(workerCount({}, big, 2, 0.4)).toBe(1);
    expect(workerCount({}, big, 16, 0)).toBe(1);
    expect(workerCount({ PLEDGE_WORKERS: 'lots' }, big, 2, idle)).toBe(2);
    expect(workerCount({ PLEDGE_WORKERS: '1' }, big, 2, idle)).toBe(1);
    expect(lastWorkerCount()).toBe(1);
    expect(workerCount({ PLEDGE_WORKERS: '4' }, 1000, 16, 0)).toBe(4);
    expect(workerCount({ PLEDGE_WORKERS: '4' }, 1000, 2, 0)).toBe(2);
  });

  it('counts idle cores besides its own from the CPU counters, no more than the load average leaves, or from that alone over a window too short to tell', () => {
    const at = (idle: number, total: number) => ({ idle, total });
    // 2 cores for 100 ms: 200 ms of CPU time, of which 90 idle is 0.9 of a core.
    expect(idleCores(at(1000, 5000), at(1090, 5200), 2, 0.2)).toBeCloseTo(0.9);
    // Both cores idle (this process waited on the disk): at most the other one counts.
    expect(idleCores(at(1000, 5000), at(1200, 5200), 2, 0.2)).toBe(1);
    expect(idleCores(at(1000, 5000), at(1000, 5200), 2, 0)).toBe(0);
    // A benchmark's own runs keep the load average near 1: still a second thread.
    expect(idleCores(at(1000, 5000), at(1090, 5200), 2, 1.2)).toBeCloseTo(0.8);
    // A quiet moment on a busy machine: the load average says no.
    expect(idleCores(at(1000, 5000), at(1090, 5200), 2, 9)).toBeLessThan(0.5);
    // 30 ms on 2 cores: the load average decides (2 − 1 − 0.3 idle).
    expect(idleCores(at(1000, 5000), at(1060, 5060), 2, 0.3)).toBeCloseTo(0.7);
  });

  it('cuts a file into slices of at most 4 MB, at least 64 KB, about 4 per thread for a small file', () => {
    const header = ['a'];
    expect(sliceRanges(100 * 1024 * 1024, 2, header).length).toBe(25);
    expect(sliceRanges(1024 * 1024, 2, header).map((range) => range.start)).toEqual([0, 131_072, 262_144, 393_216, 524_288, 655_360, 786_432, 917_504]);
    const small = sliceRanges(1000, 2, header);
    expect(small).toEqual([{ start: 0, end: Infinity }]);
  });
});
