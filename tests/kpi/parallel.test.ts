import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvHeader } from '../../src/adapters/data/csv.ts';
import { readTable } from '../../src/adapters/data/index.ts';
import { scanCsvInParallel, workerCount } from '../../src/adapters/data/parallel.ts';
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
    malformed() {},
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

  it('falls back (undefined) when a slice starts inside a quoted field with newlines', async () => {
    // One huge quoted comment spanning the middle of the file: the second slice starts inside it.
    const text = readFileSync(example, 'utf8').split('\n');
    const header = `${text[0]},note`;
    const rows = text.slice(1, 200).filter(Boolean).map((line, i) => `${line},${i === 100 ? `"${'line\n'.repeat(20_000)}"` : 'x'}`);
    const file = path.join(dir, 'quoted.csv');
    writeFileSync(file, [header, ...rows].join('\n'));
    expect(await parallel(file, 2)).toBeUndefined();
  }, 60_000);

  it('is opt-in: one thread unless PLEDGE_WORKERS asks for more', () => {
    expect(workerCount({})).toBe(1);
    expect(workerCount({ PLEDGE_WORKERS: 'lots' })).toBe(1);
    expect(workerCount({ PLEDGE_WORKERS: '1' })).toBe(1);
  });
});
