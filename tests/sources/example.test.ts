import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMessages } from '../../src/adapters/check-project.ts';
import { evaluateProject } from '../../src/adapters/evaluate.ts';
import { renderRowText } from '../../src/core/check/messages.ts';
import { loadProject } from '../../src/adapters/project.ts';
import { buildWarehouseExample } from '../../scripts/build-warehouse-example.ts';
import type { Evaluation } from '../../src/core/kpi/types.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const target = mkdtempSync(path.join(tmpdir(), 'pledge-warehouse-'));
afterAll(() => rmSync(target, { recursive: true, force: true }));

/**
 * The figures to compare. The 95 % interval of a response_time median or percentile is left out: it is two
 * order statistics of the durations, which the file engine keeps per duration, while DuckDB returns only the
 * exact percentile, so its buckets carry ci95 null there (tests/sources/equivalence.test.ts says the same).
 */
const figures = (evaluation: Evaluation, id: string) => {
  const result = evaluation.kpis.find((k) => k.kpi.id === id);
  const percentile = result?.kpi.formula === 'response_time' && (result.kpi.statistic ?? 'median') !== 'mean';
  const buckets = <B extends { ci95?: unknown }>(list: B[] | undefined) => (percentile ? list?.map(({ ci95: _ci95, ...b }) => b) : list);
  return {
    buckets: buckets(result?.buckets), segments: result?.segments.map((s) => ({ ...s, buckets: buckets(s.buckets) })),
    rowsRead: result?.rowsRead, rowsUsed: result?.rowsUsed, bad: result?.badRows.count,
  };
};

describe('examples/warehouse', () => {
  it('the example company from a generated DuckDB file gives the CSV figures, but for the one short CSV row a table cannot hold', async () => {
    await buildWarehouseExample(target, path.join(repo, 'content'));
    const fromFiles = await evaluateProject(await loadProject(repo, repo));
    const connections = path.join(repo, 'examples/warehouse/content/connections.yaml');
    await copyFile(connections, path.join(target, 'content/connections.yaml'));
    const fromDuckdb = await evaluateProject(await loadProject(target, target));
    expect(fromDuckdb.dataDate).toBe(fromFiles.dataDate);
    for (const id of ['first_response_time', 'csat', 'nps', 'tickets_within_sla', 'churn']) expect(figures(fromDuckdb, id), id).toEqual(figures(fromFiles, id));
    // orders.csv line 2951 has 6 of 9 fields: skipped by the file engine, null-padded into the table.
    expect([figures(fromFiles, 'on_time_delivery').rowsUsed, figures(fromDuckdb, 'on_time_delivery').rowsUsed]).toEqual([3585, 3586]);
    expect(fromDuckdb.kpis.find((k) => k.kpi.id === 'on_time_delivery')?.badRows.examples.map((issue) => [issue.rows, issue.message])).toEqual([
      [1, 'delivered_at is not a date-time (e.g. order_id "K-0000137")'],
      [1, 'order_id appears more than once (duplicate rows) (e.g. order_id "K-0001401")'],
    ]);
    // The same reasons as cases of rows.says: word for word the English message, and in every other language.
    const messages = await loadMessages();
    const says = (language: string) => fromDuckdb.kpis.flatMap((k) => k.badRows.examples).map((issue) => {
      if (!issue.says) throw new Error(`no rows.says case for "${issue.message}"`);
      return renderRowText(messages[language]!, 'says', issue.says);
    });
    expect(says('en')).toEqual(fromDuckdb.kpis.flatMap((k) => k.badRows.examples).map((issue) => issue.message));
    expect(says('pt').slice(0, 2)).toEqual([
      'a coluna delivered_at não tem uma data e hora (por exemplo, order_id "K-0000137")',
      'order_id aparece mais de uma vez (linhas repetidas) (por exemplo, order_id "K-0001401")',
    ]);
  });
});
