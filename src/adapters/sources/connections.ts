import { InputError } from '../../core/input-error.ts';
import { ENV_REFERENCE, type Connection } from '../../core/schema/connections.ts';
import type { DataPath } from '../../core/yaml-source.ts';
import type { Project } from '../project.ts';
import { EngineError, type SqlEngine } from './types.ts';

/** Opens one connection from connections.yaml, reading its secret from the environment. */
export async function openConnection(project: Project, name: string, env: NodeJS.ProcessEnv = process.env): Promise<SqlEngine> {
  const loaded = project.connections;
  const connection = loaded?.doc.connections[name];
  if (!loaded || !connection) throw new Error(`unknown connection ${name}`); // checked by the caller, with its place
  const at = (key: string): DataPath => ['connections', name, key];
  try {
    if (connection.engine === 'duckdb') {
      const { openDuckdbFile } = await import('./duckdb/file.ts');
      return await openDuckdbFile(project, connection.path);
    }
    const { openPostgres } = await import('./postgres/index.ts');
    return await openPostgres(resolveUrl(project, name, connection, env), connection.timeout);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    throw new InputError(loaded.source.locate(at(connection.engine === 'duckdb' ? 'path' : 'url')),
      `Connection "${name}" (${connection.engine}): ${error.message}.`, connectionHint(error, connection));
  }
}

function resolveUrl(project: Project, name: string, connection: Extract<Connection, { engine: 'postgres' }>, env: NodeJS.ProcessEnv): string {
  const variable = ENV_REFERENCE.exec(connection.url)?.[1];
  if (!variable) return connection.url;
  const value = env[variable]?.trim();
  if (value) return value;
  throw new InputError(project.connections?.source.locate(['connections', name, 'url']) ?? { file: 'content/connections.yaml', line: 1, column: 1 },
    `Connection "${name}" reads its URL from the environment variable ${variable}, which is not set.`,
    `Set it where pledge runs (export ${variable}=postgres://user:password@host:5432/database, or a CI secret); never write the URL in a file.`);
}

function connectionHint(error: EngineError, connection: Connection): string {
  const where = connection.engine === 'duckdb' ? 'the path' : connection.url.startsWith('env:') ? `the URL in ${connection.url.slice(4)}` : 'the URL';
  switch (error.kind) {
    case 'auth': return `Check the user name and password in ${where}.`;
    case 'timeout': return 'Check the network and the server, or raise timeout: (seconds) in connections.yaml.';
    default: return `Check that the server or file is there and that ${where} names it.`;
  }
}

/** Where a KPI's source went wrong in the database (unknown table or column, a failing query). */
export function sourceErrorHint(error: EngineError): string {
  switch (error.kind) {
    case 'table': return 'Check the table name (schema.table is allowed) and that this user may read it.';
    case 'column': return 'Check the column names in kpis.yaml against the table.';
    case 'timeout': return 'Add an index on the timestamp column, narrow the query, or raise timeout: in connections.yaml.';
    default: return 'Fix the query: it runs as written, inside a read-only transaction.';
  }
}
