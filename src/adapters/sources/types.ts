import type { Dialect } from './sql/dialect.ts';
import type { SqlParam } from './sql/compile.ts';

/** A value as an engine returns it (numbers may come as bigint or numeric text). */
export type SqlValue = string | number | bigint | boolean | null | Date | undefined;

/**
 * What every database engine provides (one folder each: duckdb/, postgres/): its dialect, a read-only
 * query with parameters, and the names of a query's columns. Errors are thrown as `EngineError`.
 */
export interface SqlEngine {
  readonly dialect: Dialect;
  query(sql: string, params: readonly SqlParam[]): Promise<Record<string, SqlValue>[]>;
  columns(sql: string, params: readonly SqlParam[]): Promise<string[]>;
  close(): Promise<void>;
}

/** Why an engine failed, in words safe to show (never a URL or a password). */
export type EngineErrorKind = 'connect' | 'auth' | 'timeout' | 'table' | 'column' | 'query';

export class EngineError extends Error {
  readonly kind: EngineErrorKind;

  constructor(kind: EngineErrorKind, message: string) {
    super(message);
    this.name = 'EngineError';
    this.kind = kind;
  }
}

/** A count or sum as a number: engines return bigint (DuckDB) or numeric text (PostgreSQL). */
export function numberOf(value: SqlValue): number {
  if (value === null || value === undefined) return NaN;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return Number(value);
}
