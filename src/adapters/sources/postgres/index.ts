import pg from 'pg';
import { EngineError, type SqlEngine, type SqlValue } from '../types.ts';
import { postgresDialect } from './dialect.ts';

/** Counts and sums come back as text (int8, numeric) and are turned into numbers by the caller. */
interface PgError { code?: string; message?: string }

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * PostgreSQL over the network, with `pg`. Every statement runs read-only, in UTC, and is cancelled
 * after `timeoutSeconds`. Messages name the host and port, never the URL (it may carry a password).
 */
export async function openPostgres(url: string, timeoutSeconds: number): Promise<SqlEngine> {
  const where = placeOf(url);
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: timeoutSeconds * 1000,
    query_timeout: timeoutSeconds * 1000 + 5000,
    application_name: 'pledge',
    options: '-c default_transaction_read_only=on -c TimeZone=UTC',
  });
  client.on('error', () => undefined); // a dropped connection surfaces as the failing query's error
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw connectError(error as PgError, where, timeoutSeconds);
  }
  const run = async (sql: string, params: readonly (string | number)[]) => {
    try {
      return await client.query({ text: sql, values: [...params] });
    } catch (error) {
      throw queryError(error as PgError, timeoutSeconds);
    }
  };
  return {
    dialect: postgresDialect,
    query: async (sql, params) => (await run(sql, params)).rows as Record<string, SqlValue>[],
    columns: async (sql, params) => (await run(sql, params)).fields.map((field) => field.name),
    close: () => client.end(),
  };
}

/** `host:port/database`, without user or password. */
function placeOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the server';
  }
}

function connectError(error: PgError, where: string, timeoutSeconds: number): EngineError {
  const code = error.code ?? '';
  if (code === 'ECONNREFUSED') return new EngineError('connect', `the connection to ${where} was refused (is the server running, on that host and port?)`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new EngineError('connect', `the host of ${where} was not found`);
  if (code === '28P01' || code === '28000') return new EngineError('auth', `the server at ${where} refused the user name or password`);
  if (code === '3D000') return new EngineError('connect', `the database of ${where} does not exist`);
  if (/timeout/i.test(error.message ?? '') || code === 'ETIMEDOUT') return new EngineError('timeout', `no answer from ${where} within ${CONNECT_TIMEOUT_MS / 1000} s`);
  return queryError(error, timeoutSeconds, `could not connect to ${where}`);
}

function queryError(error: PgError, timeoutSeconds: number, prefix = 'the query failed'): EngineError {
  const message = (error.message ?? String(error)).split('\n')[0] ?? '';
  if (error.code === '42P01') return new EngineError('table', message);
  if (error.code === '42703') return new EngineError('column', message);
  if (error.code === '57014' || /timeout/i.test(message)) return new EngineError('timeout', `the query ran longer than ${timeoutSeconds} s and was cancelled`);
  return new EngineError('query', `${prefix}: ${message}`);
}
