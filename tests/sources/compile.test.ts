import { describe, expect, it } from 'vitest';
import { duckdbDialect } from '../../src/adapters/sources/duckdb/dialect.ts';
import { postgresDialect } from '../../src/adapters/sources/postgres/dialect.ts';
import { KpiSql } from '../../src/adapters/sources/sql/compile.ts';
import { quoteTable } from '../../src/adapters/sources/sql/dialect.ts';
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
