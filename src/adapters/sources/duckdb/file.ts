import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { Project } from '../../project.ts';
import { EngineError, type SqlEngine } from '../types.ts';
import { openDuckdb } from './index.ts';

/** A DuckDB database file inside the project (paths are relative to content/, like data files). */
export async function openDuckdbFile(project: Project, relative: string): Promise<SqlEngine> {
  const file = path.join(project.contentDir, relative);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new EngineError('connect', `${relative} ${info ? 'is a folder' : 'does not exist'} (paths are relative to content/)`);
  return openDuckdb(file);
}
