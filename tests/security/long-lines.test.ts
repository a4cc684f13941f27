import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readTable } from '../../src/adapters/data/index.ts';
import type { Cell } from '../../src/core/kpi/formulas.ts';

/**
 * A data file with an enormous line (the wrong file, a binary, an export gone wrong) must give one short
 * message in bounded memory: never a message quoting the line, never the line held whole.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(repo, 'tests/fixtures/kpi-small');
const root = mkdtempSync(path.join(tmpdir(), 'pledge-long-lines-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const data = (file: string) => path.join(root, 'content/data', file);

beforeEach(() => {
  rmSync(path.join(root, 'content'), { recursive: true, force: true });
  cpSync(fixture, root, { recursive: true });
});

async function pledgeKpi(args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const options = { cwd: root, env: { ...process.env, CI: '1', PLEDGE_MAX_LINE_BYTES: '', ...env }, maxBuffer: 64 * 1024 * 1024 };
  return promisify(execFile)(process.execPath, [path.join(repo, 'bin/pledge.mjs'), 'kpi', ...args], options)
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

/** Inserts `line` as line `at` (1-based) of a data file. */
function insertLine(file: string, at: number, line: string): void {
  const lines = readFileSync(data(file), 'utf8').split('\n');
  lines.splice(at - 1, 0, line);
  writeFileSync(data(file), lines.join('\n'));
}

const SKIPPED = '1 row skipped: this record is longer than 1048576 bytes, the most pledge reads in one line (PLEDGE_MAX_LINE_BYTES), so it was skipped to its line end.'
  + ' Re-export the file: it is not valid CSV or JSON from this line on.';
const DUPLICATE = 'Remove the repeated rows from the export, or drop key: from the source if repeats are real.';
/**
 * The longest line a test accepts: a path, a message and its fix (skipped rows are grouped by reason, one line each
 * with what to do; the date-time fix, listing the date_format choices, is the longest at about 250 characters),
 * with at most ~80 characters of data.
 */
const SHORT = 500;

describe('a line over the length limit', () => {
  it('is one short error when a data file has no line break at all, exit 2', async () => {
    writeFileSync(data('orders.csv'), 'x'.repeat(5_000_000));
    const { code, stdout, stderr } = await pledgeKpi();
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe('content/data/orders.csv:1:1  The header line of content/data/orders.csv is longer than 1048576 bytes, the most pledge reads in one line. '
      + 'Check that this is the data file, with one record a line; if its header really is that long, raise PLEDGE_MAX_LINE_BYTES (bytes).\n');
  });

  it('is one short bad row per KPI at its line, CSV (a quoted field with newlines) and NDJSON; the other rows and their lines are as before', async () => {
    const before = await pledgeKpi();
    insertLine('orders.csv', 4, `B1,2026-01-20T18:00:00Z,"${'x\n'.repeat(10)}${'y'.repeat(3_000_000)}"`);
    insertLine('surveys.ndjson', 2, `{"answered_at": "${'z'.repeat(2_000_000)}", "score": 5}`);
    const { code, stdout, stderr } = await pledgeKpi();
    expect(code).toBe(0);
    // The same figures; only the counts of rows read and skipped have one more each.
    expect(stdout).toBe(before.stdout
      .replaceAll('7 of 8 rows used from data/orders.csv. 1 bad row skipped.', '7 of 9 rows used from data/orders.csv. 2 bad rows skipped.')
      .replace('4 of 5 rows used from data/surveys.ndjson. 1 bad row skipped.', '4 of 6 rows used from data/surveys.ndjson. 2 bad rows skipped.'));
    // The duplicate A5 was on line 7: one line more before it, and the 10 newlines of the long record.
    expect(stderr).toBe([
      `content/data/orders.csv:4  on_time  ${SKIPPED}`,
      `content/data/orders.csv:18  on_time  1 row skipped: order_id "A5" appears again (a duplicate row) (column order_id). ${DUPLICATE}`,
      `content/data/orders.csv:4  orders  ${SKIPPED}`,
      `content/data/orders.csv:18  orders  1 row skipped: order_id "A5" appears again (a duplicate row) (column order_id). ${DUPLICATE}`,
      `content/data/surveys.ndjson:2  csat  ${SKIPPED}`,
      'content/data/surveys.ndjson:5  csat  1 row skipped: "9" is not a score from 1 to 5 (column score).'
        + ' Write whole-number scores in column score in the formula\'s range, or filter out the rows that are not answers (filter: in kpis.yaml).',
      '',
    ].join('\n'));
  });

  it('is an error at its line under --strict, exit 2, every message short', async () => {
    insertLine('orders.csv', 4, `B1,2026-01-20T18:00:00Z,${'y'.repeat(3_000_000)}`);
    const { code, stdout, stderr } = await pledgeKpi(['--strict']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/^content\/data\/orders\.csv:4:1 {2}Bad row for KPI "on_time": this record is longer than 1048576 bytes/);
    for (const line of stderr.trim().split('\n')) expect(line.length).toBeLessThan(SHORT);
  });

  it('can be raised with PLEDGE_MAX_LINE_BYTES; the long value is then quoted with 40 characters at most', async () => {
    insertLine('orders.csv', 4, `B1,2026-01-20T18:00:00Z,${'y'.repeat(3_000_000)}`);
    const { code, stderr } = await pledgeKpi([], { PLEDGE_MAX_LINE_BYTES: '4000000' });
    expect(code).toBe(0);
    expect(stderr).toContain(`content/data/orders.csv:4  on_time  1 row skipped: "${'y'.repeat(40)}…" (3000000 characters) is not a date-time (expected ISO 8601`);
    for (const line of stderr.trim().split('\n')) expect(line.length).toBeLessThan(SHORT);
  });

  it('is one bad row in a JSON array too, and the elements after it are read', async () => {
    const file = data('records.json');
    writeFileSync(file, `[{"id": 1},\n{"id": "${'w'.repeat(10_000)}"},\n{"id": 3}]`);
    const rows: Cell[][] = [];
    const malformed: [number, string][] = [];
    await readTable(file, { maxLineBytes: 2048 }, {
      header: () => true,
      row: (cells) => rows.push([...cells]),
      malformed: (line, message) => malformed.push([line, message]),
    });
    expect(rows).toEqual([[1], [3]]);
    expect(malformed).toEqual([[2, 'this record is longer than 2048 bytes, the most pledge reads in one line (PLEDGE_MAX_LINE_BYTES), so it was skipped to its line end']]);
  });
});

describe('data quoted in messages', () => {
  it('quotes at most 80 characters of a duplicate key', async () => {
    const key = `K${'9'.repeat(5000)}`;
    writeFileSync(data('orders.csv'), `order_id,promised_at,delivered_at\n${key},2026-01-10T18:00:00Z,2026-01-10T09:00:00Z\n${key},2026-01-10T18:00:00Z,2026-01-10T09:00:00Z\n`);
    const { code, stderr } = await pledgeKpi();
    expect(code).toBe(0);
    expect(stderr).toContain(`content/data/orders.csv:3  on_time  1 row skipped: order_id "K${'9'.repeat(79)}…" (5001 characters) appears again (a duplicate row) (column order_id). ${DUPLICATE}`);
    for (const line of stderr.trim().split('\n')) expect(line.length).toBeLessThan(SHORT);
  });

  it('clips a long column name in the list of columns of a missing-column error', async () => {
    writeFileSync(data('surveys.ndjson'), `{"answered_at": "2026-01-05T10:00:00Z", "${'c'.repeat(100_000)}": 5}\n`);
    const { code, stderr } = await pledgeKpi();
    expect(code).toBe(2);
    expect(stderr).toBe('content/kpis.yaml:22:23  KPI "csat" needs the column "score", which content/data/surveys.ndjson does not have. '
      + `Fix the column name in kpis.yaml or add the column to the file. Its columns are: answered_at, "${'c'.repeat(80)}…" (100000 characters).\n`);
  });
});
