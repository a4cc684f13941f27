import type { Dialect } from '../sql/dialect.ts';

/** PostgreSQL, and the engines that speak its SQL (Citus, Timescale, CockroachDB, Redshift for most of it). */
export const postgresDialect: Dialect = {
  name: 'postgres',
  param: (index, kind) => `$${index}::${kind === 'text' ? 'text' : 'double precision'}`,
  instant: (expr) => `(${expr})::timestamptz`,
  epochMs: (expr) => `floor(extract(epoch from ${expr}) * 1000)`,
  periodStart: (instant, period, zone) => `date_trunc('${period}', ${instant} at time zone ${zone})`,
  number: (expr) => `(${expr})::double precision`,
  text: (expr) => `(${expr})::text`,
  countIf: (condition) => `count(*) filter (where ${condition})`,
  percentile: (fraction, expr) => `percentile_cont(${fraction}) within group (order by ${expr})`,
};
