import type { Dialect } from '../sql/dialect.ts';

/** PostgreSQL, and the engines that speak its SQL (Citus, Timescale, CockroachDB, Redshift for most of it). */
export const postgresDialect: Dialect = {
  name: 'postgres',
  param: (index, kind) => `$${index}::${kind === 'text' ? 'text' : 'double precision'}`,
  instant: (expr) => `(${expr})::timestamptz`,
  // date_part is double precision (extract is numeric since PostgreSQL 14: several times slower per row);
  // + 0.0005 keeps whole milliseconds whole despite the double's rounding (a microsecond part still floors).
  epochMs: (expr) => `floor(date_part('epoch', ${expr}) * 1000 + 0.0005)`,
  periodStart: (instant, period, zone) => `date_trunc('${period}', ${instant} at time zone ${zone})`,
  number: (expr) => `(${expr})::double precision`,
  text: (expr) => `(${expr})::text`,
  countIf: (condition) => `count(*) filter (where ${condition})`,
  percentile: (fraction, expr) => `percentile_cont(${fraction}) within group (order by ${expr})`,
};
