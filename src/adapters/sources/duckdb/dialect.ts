import type { Dialect } from '../sql/dialect.ts';

/** DuckDB: PostgreSQL-like, with try_cast (a bad value becomes NULL, a bad row, instead of failing the query). */
export const duckdbDialect: Dialect = {
  name: 'duckdb',
  param: (index, kind) => `$${index}::${kind === 'text' ? 'VARCHAR' : 'DOUBLE'}`,
  instant: (expr) => `try_cast(${expr} as timestamptz)`,
  epochMs: (expr) => `epoch_ms(${expr})`,
  periodStart: (instant, period, zone) => `date_trunc('${period}', ${instant} at time zone ${zone})`,
  number: (expr) => `try_cast(${expr} as double)`,
  text: (expr) => `cast(${expr} as varchar)`,
  countIf: (condition) => `count(*) filter (where ${condition})`,
  percentile: (fraction, expr) => `percentile_cont(${fraction}) within group (order by ${expr})`,
};
