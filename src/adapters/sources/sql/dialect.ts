import type { Period } from '../../../core/schema/text.ts';

/** What a parameter holds, so a dialect can type its placeholder. */
export type ParamKind = 'text' | 'number';

/**
 * What differs between SQL engines, and nothing else: the compiler (compile.ts) writes every KPI's SQL
 * once, in terms of these. A new engine with PostgreSQL-like SQL is one file implementing this (see
 * docs/sources.md for what BigQuery, Snowflake or ClickHouse would put here).
 */
export interface Dialect {
  name: string;
  /** The n-th (1-based) parameter placeholder. */
  param(index: number, kind: ParamKind): string;
  /** A value as an instant (timestamp with time zone); NULL when it is empty or not one. */
  instant(expr: string): string;
  /** Milliseconds since 1970-01-01 of an instant, or of a wall-clock timestamp read as UTC; whole ms, as a number. */
  epochMs(expr: string): string;
  /** The wall-clock start (in the zone given by `zone`, a placeholder) of the ISO week, month or quarter holding an instant. */
  periodStart(instant: string, period: Period, zone: string): string;
  /** A value as a double; NULL when it is empty or not a number. */
  number(expr: string): string;
  /** A value as text (for filters, segments, keys and customers, which compare as text). */
  text(expr: string): string;
  /** The number of rows of the group meeting a condition (`count(*) filter (where …)` in standard SQL). */
  countIf(condition: string): string;
  /** The exact percentile, linear interpolation between order statistics (type 7), of `expr` in the group. */
  percentile(fraction: string, expr: string): string;
}

/** Quotes an identifier the standard way: `"name"`, with `"` doubled, so a name is never read as SQL. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A table name, `schema.table` allowed: each part quoted. */
export function quoteTable(name: string): string {
  return name.split('.').map(quoteIdentifier).join('.');
}
