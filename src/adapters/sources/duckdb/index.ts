import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { SqlParam } from '../sql/compile.ts';
import { EngineError, type SqlEngine, type SqlValue } from '../types.ts';
import { duckdbDialect } from './dialect.ts';

/**
 * DuckDB, embedded: a database file opened read-only (a query cannot change it, nor reach other files),
 * or an in-memory database for reading Parquet files.
 */
export async function openDuckdb(file: string | undefined): Promise<SqlEngine> {
  const options: Record<string, string> = file ? { access_mode: 'READ_ONLY', enable_external_access: 'false' } : {};
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file ?? ':memory:', { ...options, threads: '2' });
  } catch (error) {
    throw new EngineError('connect', `DuckDB could not open the database file: ${firstLine(error)}`);
  }
  const connection = await instance.connect();
  // A setting, not a creation option: the time zone needs the ICU extension, loaded with the instance.
  await connection.run("set TimeZone = 'UTC'");
  return {
    dialect: duckdbDialect,
    query: (sql, params) => run(connection, sql, params, (reader) => reader.getRowObjectsJS() as Record<string, SqlValue>[]),
    columns: (sql, params) => run(connection, sql, params, (reader) => reader.columnNames()),
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

type Reader = Awaited<ReturnType<DuckDBConnection['runAndReadAll']>>;

async function run<T>(connection: DuckDBConnection, sql: string, params: readonly SqlParam[], read: (reader: Reader) => T): Promise<T> {
  try {
    return read(await connection.runAndReadAll(sql, params as DuckDBValue[]));
  } catch (error) {
    throw engineError(error);
  }
}

function engineError(error: unknown): EngineError {
  const message = firstLine(error);
  if (/^Catalog Error: Table.*does not exist/i.test(message)) return new EngineError('table', message.replace(/^Catalog Error: /, ''));
  if (/^Binder Error: Referenced column/i.test(message)) return new EngineError('column', message.replace(/^Binder Error: /, ''));
  if (/^IO Error/i.test(message)) return new EngineError('connect', message);
  return new EngineError('query', message);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() ?? '';
}
