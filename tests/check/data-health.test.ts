import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const roots: string[] = [];
afterAll(() => { for (const root of roots) rmSync(root, { recursive: true, force: true }); });

/**
 * A copy of tests/fixtures/data-health: one monthly on-time KPI over data/orders.csv, whose dates are
 * written 03/01/2026 18:00 (as UK and Portuguese spreadsheets export them); data/orders-iso.csv holds
 * the same rows in ISO 8601.
 */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pledge-health-'));
  roots.push(root);
  cpSync(path.join(repo, 'tests/fixtures/data-health'), root, { recursive: true });
  return root;
}

async function pledge(root: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const options = { cwd: root, env: { ...process.env, CI: '1', ...env } };
  return promisify(execFile)(process.execPath, [path.join(repo, 'bin/pledge.mjs'), ...args], options)
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

const kpisFile = (root: string) => path.join(root, 'content/kpis.yaml');
const declare = (root: string, format: string) =>
  writeFileSync(kpisFile(root), `${readFileSync(kpisFile(root), 'utf8')}sources:\n  - file: data/orders.csv\n    date_format: ${format}\n`);

describe('data in another date format', () => {
  it('is rejected by data-unreadable (exit 1), naming the reason and both date_formats it fits, never guessing', async () => {
    const { code, stdout, stderr } = await pledge(project(), ['check']);
    expect(code).toBe(1);
    expect(stdout).toContain('content/data/orders.csv:2:1  error    data-unreadable  KPI "on_time" could not read 8 of its 8 rows (100 %, more than the 5 % allowed). '
      + 'The commonest reason, in 8 rows (column promised_at) from lines 2, 3, 4: "03/01/2026 18:00" is not a date-time (expected ISO 8601, e.g. 2026-03-01T14:05:00Z).\n'
      + '    The values in promised_at fit DD/MM/YYYY and MM/DD/YYYY, and pledge will not guess which: declare the one your export writes in kpis.yaml, '
      + 'sources: [{ file: data/orders.csv, date_format: DD/MM/YYYY }] or sources: [{ file: data/orders.csv, date_format: MM/DD/YYYY }].');
    expect(stdout).toContain('warning  no-data  Commitment "on-time" has no complete month with data: KPI "on_time" found no usable row in data/orders.csv.');
    expect(stdout).not.toContain('No findings');
    // One line for the eight rows, not eight identical lines.
    expect(stderr.trim().split('\n')).toEqual([
      'content/data/orders.csv:2  on_time  8 rows skipped (lines 2, 3, 4, …): "03/01/2026 18:00" is not a date-time (expected ISO 8601, e.g. 2026-03-01T14:05:00Z) (column promised_at). '
      + 'The values in promised_at fit DD/MM/YYYY and MM/DD/YYYY, and pledge will not guess which: declare the one your export writes in kpis.yaml, '
      + 'sources: [{ file: data/orders.csv, date_format: DD/MM/YYYY }] or sources: [{ file: data/orders.csv, date_format: MM/DD/YYYY }].',
    ]);
  });

  it('names the one format a day above 12 allows', async () => {
    const root = project();
    const file = path.join(root, 'content/data/orders.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [lines[0], ...lines.slice(4)].join('\n'));
    const { stdout } = await pledge(root, ['check']);
    expect(stdout).toContain('The values in promised_at look like DD/MM/YYYY: declare it in kpis.yaml, sources: [{ file: data/orders.csv, date_format: DD/MM/YYYY }].');
  });

  it('is read exactly like the ISO file once date_format is declared: same figures, exit 0', async () => {
    const uk = project();
    declare(uk, 'DD/MM/YYYY');
    const iso = project();
    cpSync(path.join(iso, 'content/data/orders-iso.csv'), path.join(iso, 'content/data/orders.csv'));
    const [ukKpis, isoKpis] = await Promise.all([pledge(uk, ['kpi', '--format', 'csv']), pledge(iso, ['kpi', '--format', 'csv'])]);
    // By hand: January 3 of 4 on time (A2 late) = 75 %; February 2 of 3 (A6 late) = 66.67 %; March in progress.
    expect(ukKpis.stdout.split('\n').slice(1, 4).map((line) => line.split(',').slice(0, 7).join(','))).toEqual([
      'on_time,2026-01,,2026-01-01T00:00:00.000Z,2026-02-01T00:00:00.000Z,4,75',
      'on_time,2026-02,,2026-02-01T00:00:00.000Z,2026-03-01T00:00:00.000Z,3,66.66666666666666',
      'on_time,2026-03,,2026-03-01T00:00:00.000Z,2026-04-01T00:00:00.000Z,1,100',
    ]);
    expect(ukKpis.stdout).toBe(isoKpis.stdout);
    expect(ukKpis.stderr).toBe('');
    const check = await pledge(uk, ['check'], { SOURCE_DATE_EPOCH: String(Date.parse('2026-03-10T00:00:00Z') / 1000) });
    expect(check.code).toBe(0);
    expect(check.stdout).not.toMatch(/data-unreadable|no-data/);
  });

  it('reads month-first dates the other way round under MM/DD/YYYY', async () => {
    const root = project();
    declare(root, 'MM/DD/YYYY');
    const { stdout } = await pledge(root, ['kpi', '--format', 'json']);
    // 03/01/2026 is 1 March as month-first; 20/01/2026 has no month 20, so that row is skipped.
    const evaluation = JSON.parse(stdout) as { kpis: { buckets: { period: string }[]; badRows: { count: number } }[] };
    expect(evaluation.kpis[0]?.buckets[0]?.period).toBe('2026-02');
    expect(evaluation.kpis[0]?.badRows.count).toBeGreaterThan(0);
  });
});

describe('data-stale', () => {
  it('warns when the data ends more than a month before SOURCE_DATE_EPOCH, and not before', async () => {
    const root = project();
    declare(root, 'DD/MM/YYYY');
    // The latest row: delivered 2026-03-02 10:00. A month later is 2026-04-02 10:00.
    const late = await pledge(root, ['check'], { SOURCE_DATE_EPOCH: String(Date.parse('2026-04-03T00:00:00Z') / 1000) });
    expect(late.code).toBe(0);
    expect(late.stdout).toContain('content/kpis.yaml:5:13  warning  data-stale  KPI "on_time" has no row after 2026-03-02: 31 days before the build date (2026-04-03), more than a month.\n'
      + '    Export fresh data to data/orders.csv before you build, so the latest figure is about the latest month; set SOURCE_DATE_EPOCH to build as of an earlier date.');
    const fresh = await pledge(root, ['check'], { SOURCE_DATE_EPOCH: String(Date.parse('2026-04-02T00:00:00Z') / 1000) });
    expect(fresh.stdout).not.toContain('data-stale');
  });
});

describe('pledge build with unreadable data', () => {
  it('is blocked (exit 1), and leaves the previous dist/ as it was', async () => {
    const root = project();
    mkdirSync(path.join(root, 'dist/public'), { recursive: true });
    writeFileSync(path.join(root, 'dist/public/index.html'), 'the previous build');
    const { code, stderr } = await pledge(root, ['build']);
    expect(code).toBe(1);
    expect(stderr).toContain('error    data-unreadable  KPI "on_time" could not read 8 of its 8 rows');
    expect(stderr).toContain('dist/ was left as it was');
    expect(readFileSync(path.join(root, 'dist/public/index.html'), 'utf8')).toBe('the previous build');
  });
});
