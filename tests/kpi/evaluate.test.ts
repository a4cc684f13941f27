import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateProject } from '../../src/adapters/evaluate.ts';
import { loadProject } from '../../src/adapters/project.ts';
import { formatInputError, inputErrorsOf } from '../../src/core/input-error.ts';
import { series } from './helpers.ts';

const fixture = path.resolve(import.meta.dirname, '../fixtures/kpi-small');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A copy of the small fixture, with edits to its kpis.yaml. */
function project(edit: (kpis: string) => string = (text) => text): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pledge-evaluate-'));
  temps.push(root);
  cpSync(fixture, root, { recursive: true });
  const file = path.join(root, 'content/kpis.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return root;
}

async function evaluate(root: string, strict = false) {
  return evaluateProject(await loadProject(root, root), { strict, cwd: root });
}

async function errorsOf(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  return inputErrorsOf(error)?.map(formatInputError) ?? [`no input error: ${String(error)}`];
}

describe('evaluateProject', () => {
  it('computes every KPI from CSV and NDJSON, and each commitment (worked out by hand)', async () => {
    const evaluation = await evaluate(project());
    expect(evaluation.dataDate).toBe('2026-03-02T10:00:00.000Z');
    expect(evaluation.kpis.map((k) => [k.kpi.id, series(k)])).toEqual([
      // Jan: A1 on time, A2 late. Feb: A3 (exactly on time), A4, A6 on time, A5 late; the second A5 is a duplicate.
      ['on_time', ['2026-01=50(2)', '2026-02=75(4)', '2026-03=0(1)']],
      ['orders', ['2026-01=2(2)', '2026-02=4(4)', '2026-03=1(1)']],
      // Jan: 5 and 2. Feb: 4 (the 9 is out of range). Mar: 4.
      ['csat', ['2026-01=50(2)', '2026-02=100(1)', '2026-03=100(1)']],
    ]);
    // toMatchObject: each period also carries the targets in force (tested in tests/kpi/versions.test.ts).
    expect(evaluation.commitments).toMatchObject([
      {
        commitmentId: 'on-time', kpiId: 'on_time', streak: { kept: 1, of: 2 },
        history: [{ period: '2026-01', value: 50, status: 'broken' }, { period: '2026-02', value: 75, status: 'at-risk' }],
        latest: { period: '2026-02', value: 75, status: 'at-risk' },
      },
      {
        commitmentId: 'happy', kpiId: 'csat', streak: { kept: 1, of: 2 },
        history: [{ period: '2026-01', value: 50, status: 'broken' }, { period: '2026-02', value: 100, status: 'kept' }],
        latest: { period: '2026-02', value: 100, status: 'kept' },
      },
    ]);
    const duplicate = { file: 'content/data/orders.csv', line: 7, column: 'order_id', reason: 'duplicate-key', message: 'order_id "A5" appears again (a duplicate row)',
      says: { case: 'duplicate-key', params: { column: 'order_id', key: '"A5"' } } } as const;
    const score = { file: 'content/data/surveys.ndjson', line: 4, column: 'score', reason: 'not-a-score', message: '"9" is not a score from 1 to 5', value: '9',
      says: { case: 'not-a-score', params: { value: '"9"', min: 1, max: 5 } } } as const;
    const duplicateFix = 'Remove the repeated rows from the export, or drop key: from the source if repeats are real.';
    const scoreFix = "Write whole-number scores in column score in the formula's range, or filter out the rows that are not answers (filter: in kpis.yaml).";
    expect(evaluation.kpis.map((k) => k.badRows)).toEqual([
      { count: 1, examples: [duplicate], byReason: [{ reason: 'duplicate-key', column: 'order_id', count: 1, examples: [duplicate], fix: duplicateFix, fixSays: { case: 'duplicate-key', params: {} } }] },
      { count: 1, examples: [duplicate], byReason: [{ reason: 'duplicate-key', column: 'order_id', count: 1, examples: [duplicate], fix: duplicateFix, fixSays: { case: 'duplicate-key', params: {} } }] },
      { count: 1, examples: [score], byReason: [{ reason: 'not-a-score', column: 'score', count: 1, examples: [score], fix: scoreFix, fixSays: { case: 'not-a-score', params: { column: 'score' } } }] },
    ]);
  });

  it('reads each data file once, however many KPIs use it, and reports progress', async () => {
    const root = project();
    const files: string[] = [];
    let [total, rows] = [0, 0];
    await evaluateProject(await loadProject(root, root), {
      cwd: root,
      onStart: (bytes) => void (total = bytes),
      onProgress(rowsRead, file) {
        rows = rowsRead;
        if (files.at(-1) !== file) files.push(file);
      },
    });
    // 8 order rows (read once for both order KPIs) and 5 survey answers
    expect(rows).toBe(13);
    // orders.csv feeds two KPIs but is read in one pass: each file shows up in one run of progress calls.
    expect(files).toEqual(['content/data/orders.csv', 'content/data/surveys.ndjson']);
    expect(total).toBe(statSync(path.join(root, 'content/data/orders.csv')).size + statSync(path.join(root, 'content/data/surveys.ndjson')).size);
  });

  it('with strict, turns every bad row into an input error at its line, once per row', async () => {
    expect(await errorsOf(evaluate(project(), true))).toEqual([
      'content/data/orders.csv:7:1  Bad row for KPI "on_time": order_id "A5" appears again (a duplicate row) (column order_id). Fix the row, or run without --strict to skip bad rows.',
      'content/data/surveys.ndjson:4:1  Bad row for KPI "csat": "9" is not a score from 1 to 5 (column score). Fix the row, or run without --strict to skip bad rows.',
    ]);
  });

  it('names the KPI and its place in kpis.yaml when a data file is missing', async () => {
    const root = project((text) => text.replace('source: data/surveys.ndjson', 'source: data/survey.ndjson'));
    expect(await errorsOf(evaluate(root))).toEqual([
      'content/kpis.yaml:21:13  KPI "csat" reads data/survey.ndjson, but content/data/survey.ndjson does not exist. Put the data file there (paths are relative to content/), or fix the path in source.',
    ]);
  });

  it('names the KPI, the column and its place in kpis.yaml when a column is missing', async () => {
    const root = project((text) => text.replace('done: delivered_at', 'done: delivered'));
    expect(await errorsOf(evaluate(root))).toEqual([
      'content/kpis.yaml:6:22  KPI "on_time" needs the column "delivered", which content/data/orders.csv does not have. Fix the column name in kpis.yaml or add the column to the file. Its columns are: order_id, promised_at, delivered_at.',
    ]);
  });
});
