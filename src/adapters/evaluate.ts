import { evaluateCommitments } from '../core/kpi/commitments.ts';
import type { KpiAccumulator } from '../core/kpi/accumulator.ts';
import type { Evaluation, KpiResult, RowIssue } from '../core/kpi/types.ts';
import { InputError, InputErrors } from '../core/input-error.ts';
import type { KpiDef } from '../core/schema/kpis.ts';
import type { YamlSource } from '../core/yaml-source.ts';
import { groupBySource, requireFiles, scanGroup } from './sources/files/index.ts';
import { EngineSources, runsInEngine } from './sources/index.ts';
import type { Project } from './project.ts';
import { scanThroughCache, type CachedStates, type FigureCache } from './figure-cache.ts';

export interface EvaluateOptions {
  /** Any bad row is an input error (exit 2) instead of being skipped and reported. */
  strict?: boolean;
  /** Called with rows read so far, for progress bars (bytesRead: of all files so far). */
  onProgress?: (rowsRead: number, file: string, bytesRead: number) => void;
  /** Called once before reading, with the total size of the data files, for progress bars. */
  onStart?: (totalBytes: number) => void;
  /** Where paths in messages are shown relative to (default: the current directory). */
  cwd?: string;
  /**
   * The project's figure cache (see figure-cache.ts): file KPIs whose data file and definition are
   * unchanged since it stored them are not read again. The figures are the same either way.
   */
  cache?: FigureCache | undefined;
}

/**
 * Computes every KPI and the status of every commitment. Data files are read once each (however many
 * KPIs use them), streaming; KPIs on a connection or a Parquet file run inside their engine, and only
 * aggregates come back. A missing file or column is an InputError at the KPI in kpis.yaml; bad rows are
 * counted and reported, or with `strict` become InputErrors.
 */
export async function evaluateProject(project: Project, options: EvaluateOptions = {}): Promise<Evaluation> {
  if (!project.kpis) return { dataDate: null, kpis: [], commitments: [] };
  const { source, doc } = project.kpis;
  const entries = doc.kpis.map((kpi, index) => ({ kpi, index }));
  const inEngines = entries.filter(({ kpi }) => runsInEngine(kpi));
  const groups = groupBySource(project.contentDir, doc.sources, entries.filter(({ kpi }) => !runsInEngine(kpi)), options.cwd);
  const cache = options.cache;
  // Looked up once each file is known to be inside the project; a file the cache answers for is not read.
  const cached: Array<CachedStates | undefined> = [];
  const mustRead: boolean[] = [];
  const sizes = await requireFiles(project.root, groups, source, async (i) => {
    const group = groups[i];
    cached[i] = group && await cache?.lookup(group);
    mustRead[i] = !group || group.kpis.some(({ kpi }) => !cached[i]?.states.has(kpi));
    return mustRead[i];
  });
  const engines = new EngineSources(project, options.cwd);
  try {
    options.onStart?.(sizes.reduce((total, size, i) => total + (mustRead[i] ? size : 0), 0));
    const computed = new Map<KpiDef, KpiAccumulator>();
    let [rowsBefore, bytesBefore] = [0, 0];
    for (const [i, group] of groups.entries()) {
      const progress = (rows: number, bytes: number) => options.onProgress?.(rowsBefore + rows, group.shown, bytesBefore + bytes);
      const { accumulators, read } = await scanThroughCache(group, cache, cached[i], (part) => scanGroup(part, sizes[i] ?? 0, source, progress));
      for (const acc of accumulators) computed.set(acc.kpi, acc);
      if (!read) continue;
      rowsBefore += accumulators[0]?.rowsRead ?? 0;
      bytesBefore += sizes[i] ?? 0;
    }
    await engines.count(inEngines);
    const accumulators = doc.kpis.map((kpi) => computed.get(kpi) ?? engines.accumulatorOf(kpi));
    const latest = Math.max(...accumulators.map((acc) => acc?.maxTime ?? -Infinity));
    await engines.finish(latest, inEngines);
    const results = accumulators.flatMap((acc) => (acc ? [acc.result(latest)] : []));
    if (options.strict) rejectBadRows(results, source);
    return {
      dataDate: Number.isFinite(latest) ? new Date(latest).toISOString() : null,
      kpis: results,
      commitments: evaluateCommitments(project.promise.doc.commitments, results),
    };
  } finally {
    await engines.close();
  }
}

/** `--strict`: every bad row becomes an error, at its line in the data file (once, however many KPIs read it). */
function rejectBadRows(results: readonly KpiResult[], kpisSource: YamlSource): void {
  const seen = new Set<string>();
  const fresh = (issue: RowIssue) => !seen.has(`${issue.file}:${issue.line}:${issue.message}`) && Boolean(seen.add(`${issue.file}:${issue.line}:${issue.message}`));
  const placeOf = (result: KpiResult, issue: RowIssue) => (issue.line === undefined
    ? kpisSource.locate(['kpis', results.indexOf(result), 'source']) // a database row has no line: point at the KPI's source
    : { file: issue.file, line: issue.line, column: 1 });
  const errors = results.flatMap((result) => result.badRows.examples.filter(fresh).map((issue) => new InputError(
    placeOf(result, issue),
    `Bad row for KPI "${result.kpi.id}": ${issue.message}${issue.column ? ` (column ${issue.column})` : ''}.`,
    result.badRows.count > result.badRows.examples.reduce((rows, listed) => rows + (listed.rows ?? 1), 0)
      ? `Fix the row (${result.badRows.count} bad rows in all), or run without --strict to skip bad rows.`
      : 'Fix the row, or run without --strict to skip bad rows.')));
  if (errors.length) throw new InputErrors(errors);
}
