import { describe, expect, it } from 'vitest';
import { duckdbDialect } from '../../src/adapters/sources/duckdb/dialect.ts';
import { postgresDialect } from '../../src/adapters/sources/postgres/dialect.ts';
import { KpiSql } from '../../src/adapters/sources/sql/compile.ts';
import { quoteTable } from '../../src/adapters/sources/sql/dialect.ts';
import { describeProblem, problemMeanings } from '../../src/adapters/sources/sql/run.ts';
import { loadMessages } from '../../src/adapters/check-project.ts';
import { renderRowText } from '../../src/core/check/messages.ts';
import { DB_ROW_SAYS } from '../../src/core/kpi/row-reasons.ts';
import { FORMULAS, type KpiDef } from '../../src/core/schema/kpis.ts';
import { kpi } from '../kpi/helpers.ts';

const HOSTILE = 'x"; drop table orders; --';

describe('the SQL compiler', () => {
  for (const dialect of [postgresDialect, duckdbDialect]) {
    it(`${dialect.name}: names from kpis.yaml are quoted, values are parameters, never pasted`, () => {
      const def = kpi({
        formula: 'csat', columns: { score: HOSTILE }, timestamp: `${HOSTILE}at`, segment_by: [`${HOSTILE}seg`], timezone: 'Europe/London',
        filter: { column: `${HOSTILE}f`, equals: "a' or '1'='1" },
      });
      const sql = new KpiSql(def, () => `select * from ${quoteTable(HOSTILE)}`, dialect, `${HOSTILE}key`);
      for (const query of [sql.counts(), sql.examples(), sql.buckets(Date.parse('2026-03-01T00:00:00Z'))]) {
        const text = query?.sql ?? '';
        // Every occurrence of the hostile text sits inside a quoted identifier, its quote doubled.
        expect(text.split('x""; drop table orders; --').length - 1).toBe(text.split('drop table').length - 1);
        expect(text).not.toContain("a' or");
        expect(text).not.toContain('Europe/London');
      }
      expect(sql.counts().params).toEqual(["a' or '1'='1"]);
      expect(sql.buckets(1_772_323_200_000).params).toEqual(['Europe/London', "a' or '1'='1"]);
    });
  }

  it('a schema-qualified table quotes each part', () => {
    expect(quoteTable('analytics.orders')).toBe('"analytics"."orders"');
  });
});

describe('a database\'s reasons for skipped rows', () => {
  it('are cases of rows.says that English words exactly as the SQL checks do, and every other language translates', async () => {
    const messages = await loadMessages();
    const columns = { score: 'score', done: 'done', promised: 'promised', start: 'opened', end: 'closed', customer: 'who', value: 'total', numerator: 'a', denominator: 'b' };
    const cases = new Set<string>();
    for (const formula of FORMULAS) {
      const def: KpiDef = kpi({ formula, columns, ...(formula === 'within_sla_rate' ? { sla: 24 } : {}) });
      const meanings = problemMeanings(new KpiSql(def, () => 'select 1', postgresDialect, 'order_id'), def, 'order_id');
      for (const [code, meaning] of meanings) {
        for (const problem of [describeProblem(meaning, code, [], 'order_id'), describeProblem(meaning, code, ['A1', 'A2'], 'order_id')]) {
          cases.add(problem.says!.case);
          expect(renderRowText(messages.en!, 'says', problem.says!), `${formula} ${code}`).toBe(problem.message);
          expect(renderRowText(messages.pt!, 'says', problem.says!), `${formula} ${code}`).not.toBe(problem.message);
        }
      }
    }
    expect(describeProblem(problemMeanings(new KpiSql(kpi({ formula: 'count' }), () => 'select 1', postgresDialect), kpi({ formula: 'count' })).get('duplicate'), 'duplicate', [])).toEqual({ column: '', message: 'duplicate' });
    for (const only of DB_ROW_SAYS) expect(cases, only).toContain(only);
  });
});
