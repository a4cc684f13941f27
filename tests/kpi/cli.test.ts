import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(repo, 'tests/fixtures/kpi-small');
const root = mkdtempSync(path.join(tmpdir(), 'pledge-kpi-cli-'));
cpSync(fixture, root, { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs `pledge kpi` in a child process, as a user would, in the fixture copy. */
async function pledgeKpi(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, CI: '1' };
  return promisify(execFile)(process.execPath, [path.join(repo, 'bin/pledge.mjs'), 'kpi', ...args], { cwd: root, env })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

describe('pledge kpi', () => {
  it('prints every KPI by month and the commitments table, and lists bad rows on stderr', async () => {
    const { code, stdout, stderr } = await pledgeKpi();
    expect(code).toBe(0);
    expect(stdout).toContain([
      'On-time delivery (on_time): on_time_rate by month, higher is better, public.',
      '  period   value  n  on-time  note',
      '  2026-01  50%    2  broken',
      '  2026-02  75%    4  at-risk',
      '  2026-03  0%     1           in progress',
    ].join('\n'));
    expect(stdout).toContain('on-time     on_time  >= 75%  >= 90%    2026-02  75%     at-risk  1 of 2');
    expect(stderr).toBe([
      'content/data/orders.csv:7  on_time  1 row skipped: order_id "A5" appears again (a duplicate row) (column order_id). Remove the repeated rows from the export, or drop key: from the source if repeats are real.',
      'content/data/orders.csv:7  orders  1 row skipped: order_id "A5" appears again (a duplicate row) (column order_id). Remove the repeated rows from the export, or drop key: from the source if repeats are real.',
      'content/data/surveys.ndjson:4  csat  1 row skipped: "9" is not a score from 1 to 5 (column score). Write whole-number scores in column score in the formula\'s range, or filter out the rows that are not answers (filter: in kpis.yaml).',
      '',
    ].join('\n'));
  });

  it('prints the evaluation as JSON', async () => {
    const { code, stdout } = await pledgeKpi('--format', 'json');
    expect(code).toBe(0);
    const evaluation = JSON.parse(stdout) as { dataDate: string; commitments: { commitmentId: string; latest: { status: string } }[] };
    expect(evaluation.dataDate).toBe('2026-03-02T10:00:00.000Z');
    expect(evaluation.commitments.map((c) => [c.commitmentId, c.latest.status])).toEqual([['on-time', 'at-risk'], ['happy', 'kept']]);
  });

  it('prints CSV, one line per KPI, segment and period', async () => {
    const { stdout } = await pledgeKpi('--format', 'csv', '--root', '.');
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'kpi,period,segment,start,end,n,value,complete',
      'on_time,2026-01,,2026-01-01T00:00:00.000Z,2026-02-01T00:00:00.000Z,2,50,true',
      'on_time,2026-02,,2026-02-01T00:00:00.000Z,2026-03-01T00:00:00.000Z,4,75,true',
    ]);
  });

  it('exits 2 with one line per bad row under --strict', async () => {
    const { code, stdout, stderr } = await pledgeKpi('--strict');
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.trim().split('\n')).toHaveLength(2);
    expect(stderr).toMatch(/^content\/data\/orders\.csv:7:1 {2}Bad row for KPI "on_time"/);
  });

  it('exits 2 on an unknown format and on a missing column', async () => {
    expect((await pledgeKpi('--format', 'xml')).code).toBe(2);
    const kpis = path.join(root, 'content/kpis.yaml');
    const original = readFileSync(kpis, 'utf8');
    writeFileSync(kpis, original.replace('score: score', 'score: rating'));
    try {
      const { code, stderr } = await pledgeKpi();
      expect(code).toBe(2);
      expect(stderr).toBe('content/kpis.yaml:22:23  KPI "csat" needs the column "rating", which content/data/surveys.ndjson does not have. '
        + 'Fix the column name in kpis.yaml or add the column to the file. Its columns are: answered_at, score.\n');
    } finally {
      writeFileSync(kpis, original);
    }
  });
});
