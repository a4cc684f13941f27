import path from 'node:path';
import { stat } from 'node:fs/promises';
import { InputError, InputErrors } from '../../core/input-error.ts';
import type { KpiAccumulator } from '../../core/kpi/accumulator.ts';
import { isSqlSource, sourceName, type KpiDef } from '../../core/schema/kpis.ts';
import { displayPath } from '../files.ts';
import type { Project } from '../project.ts';
import { openConnection, sourceErrorHint } from './connections.ts';
import { missingColumnErrors } from './missing-columns.ts';
import { quoteTable } from './sql/dialect.ts';
import type { FromSql } from './sql/compile.ts';
import { countKpi, type SqlKpi } from './sql/run.ts';
import { EngineError, type SqlEngine } from './types.ts';

/** A KPI computed inside an engine: a table or query on a connection, or a Parquet file (read through DuckDB). */
export function runsInEngine(kpi: KpiDef): boolean {
  return isSqlSource(kpi.source) || kpi.source.toLowerCase().endsWith('.parquet');
}

const PARQUET = '\u0000parquet';

/**
 * The KPIs that run inside DuckDB or PostgreSQL. `count` asks each engine how many rows each KPI read,
 * used and skipped and how far its data goes; once every KPI is counted the data date is known, and
 * `finish` fetches the aggregates per bucket. The accumulators then finish the figures like any other.
 */
export class EngineSources {
  private readonly engines = new Map<string, Promise<SqlEngine>>();
  private readonly kpis = new Map<KpiDef, SqlKpi>();
  private readonly project: Project;
  private readonly cwd: string | undefined;

  constructor(project: Project, cwd?: string) {
    this.project = project;
    this.cwd = cwd;
  }

  accumulatorOf(kpi: KpiDef): KpiAccumulator | undefined {
    return this.kpis.get(kpi)?.accumulator;
  }

  async count(entries: ReadonlyArray<{ kpi: KpiDef; index: number }>): Promise<void> {
    const errors: InputError[] = [];
    for (const { kpi, index } of entries) {
      const counted = await this.guard(kpi, index, () => this.countOne(kpi, index));
      const { source } = this.kpisFile();
      if (counted.accumulator.missing.length) errors.push(...missingColumnErrors(source, index, counted.accumulator, sourceName(kpi.source), counted.header));
      if (counted.missingKey) {
        errors.push(new InputError(source.locate(['kpis', index, 'source', 'key']),
          `KPI "${kpi.id}" declares the key "${counted.missingKey}", which ${sourceName(kpi.source)} does not have.`,
          `Fix the key, or remove it. Its columns are: ${counted.header.join(', ')}.`));
      }
      this.kpis.set(kpi, counted);
    }
    if (errors.length) throw new InputErrors(errors);
  }

  async finish(dataDate: number, entries: ReadonlyArray<{ kpi: KpiDef; index: number }>): Promise<void> {
    for (const { kpi, index } of entries) await this.guard(kpi, index, () => this.kpis.get(kpi)?.finish(dataDate) ?? Promise.resolve());
  }

  async close(): Promise<void> {
    const engines = await Promise.allSettled(this.engines.values());
    for (const engine of engines) if (engine.status === 'fulfilled') await engine.value.close().catch(() => undefined);
  }

  private async countOne(kpi: KpiDef, index: number): Promise<SqlKpi> {
    const source = kpi.source;
    if (isSqlSource(source)) {
      const engine = await this.engine(source.connection, index);
      const from: FromSql = () => (source.table ? `select * from ${quoteTable(source.table)}` : source.query ?? '');
      return countKpi(engine, kpi, from, sourceName(source), source.key);
    }
    const file = path.join(this.project.contentDir, source);
    const shown = displayPath(file, this.cwd);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      throw new InputErrors([new InputError(this.kpisFile().source.locate(['kpis', index, 'source']),
        `KPI "${kpi.id}" reads ${source}, but ${shown} ${info ? 'is a folder' : 'does not exist'}.`,
        'Put the data file there (paths are relative to content/), or fix the path in source.')]);
    }
    const key = this.kpisFile().doc.sources.find((s) => path.join(this.project.contentDir, s.file) === file)?.key;
    const from: FromSql = (param) => `select * from read_parquet(${param(file, 'text')})`;
    return countKpi(await this.engine(PARQUET, index), kpi, from, shown, key);
  }

  private engine(name: string, index: number): Promise<SqlEngine> {
    let engine = this.engines.get(name);
    if (!engine) {
      engine = name === PARQUET
        ? import('./duckdb/index.ts').then(({ openDuckdb }) => openDuckdb(undefined))
        : this.requireConnection(name, index).then(() => openConnection(this.project, name));
      this.engines.set(name, engine);
    }
    return engine;
  }

  private async requireConnection(name: string, index: number): Promise<void> {
    const known = Object.keys(this.project.connections?.doc.connections ?? {});
    if (known.includes(name)) return;
    throw new InputError(this.kpisFile().source.locate(['kpis', index, 'source', 'connection']),
      `There is no connection named "${name}"${this.project.connections ? ` in connections.yaml (it has: ${known.join(', ') || 'none'})` : ', and content/connections.yaml does not exist'}.`,
      'Declare it in content/connections.yaml, e.g. connections: { warehouse: { engine: postgres, url: env:PLEDGE_WAREHOUSE_URL } }.');
  }

  /** An engine's complaint about a KPI's table, column or query, as an InputError at the KPI's source. */
  private async guard<T>(kpi: KpiDef, index: number, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      const at = isSqlSource(kpi.source) ? ['kpis', index, 'source', kpi.source.table ? 'table' : 'query'] : ['kpis', index, 'source'];
      throw new InputError(this.kpisFile().source.locate(at),
        `KPI "${kpi.id}" reads ${sourceName(kpi.source)}: ${error.message}.`, sourceErrorHint(error));
    }
  }

  private kpisFile() {
    const kpis = this.project.kpis;
    if (!kpis) throw new Error('no kpis.yaml');
    return kpis;
  }
}
