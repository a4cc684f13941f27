import path from 'node:path';
import { stat } from 'node:fs/promises';
import { evaluateCommitments } from '../core/kpi/commitments.ts';
import { SourceScan } from '../core/kpi/source-scan.ts';
import type { Evaluation, KpiResult, RowIssue } from '../core/kpi/types.ts';
import { InputError, InputErrors, placeOf } from '../core/input-error.ts';
import { QUOTE_MAX, quoteData } from '../core/quote-data.ts';
import type { DataSource, KpiDef } from '../core/schema/kpis.ts';
import type { YamlSource } from '../core/yaml-source.ts';
import { readCsvHeader } from './data/csv.ts';
import { unreadableDataError } from './data/encoding.ts';
import { formatOf, readTable } from './data/index.ts';
import { scanCsvInParallel, workerCount } from './data/parallel.ts';
import { HeaderTooLong } from './data/types.ts';
import { displayPath } from './files.ts';
import type { Project } from './project.ts';

export interface EvaluateOptions {
  /** Any bad row is an input error (exit 2) instead of being skipped and reported. */
  strict?: boolean;
  /** Called with rows read so far, for progress bars (bytesRead: of all files so far). */
  onProgress?: (rowsRead: number, file: string, bytesRead: number) => void;
  /** Called once before reading, with the total size of the data files, for progress bars. */
  onStart?: (totalBytes: number) => void;
  /** Where paths in messages are shown relative to (default: the current directory). */
  cwd?: string;
}

/** KPIs reading one data file, with their positions in kpis.yaml. */
interface SourceGroup {
  file: string;
  shown: string;
  config: DataSource | undefined;
  kpis: { kpi: KpiDef; index: number }[];
}

/**
 * Reads every data file once (however many KPIs use it), streaming, and computes every KPI and the
 * status of every commitment. A missing file or column is an InputError at the KPI in kpis.yaml; bad
 * rows are counted and reported, or with `strict` become InputErrors.
 */
export async function evaluateProject(project: Project, options: EvaluateOptions = {}): Promise<Evaluation> {
  if (!project.kpis) return { dataDate: null, kpis: [], commitments: [] };
  const { source, doc } = project.kpis;
  const groups = groupBySource(project, options.cwd);
  const sizes = await requireFiles(groups, source);
  options.onStart?.(sizes.reduce((a, b) => a + b, 0));
  const scans = new Map<KpiDef, SourceScan>();
  let [rowsBefore, bytesBefore] = [0, 0];
  for (const [i, group] of groups.entries()) {
    const progress = (rows: number, bytes: number) => options.onProgress?.(rowsBefore + rows, group.shown, bytesBefore + bytes);
    const scan = await scanGroup(group, sizes[i] ?? 0, source, progress);
    for (const acc of scan.accumulators) scans.set(acc.kpi, scan);
    rowsBefore += scan.accumulators[0]?.rowsRead ?? 0;
    bytesBefore += sizes[i] ?? 0;
  }
  const accumulators = doc.kpis.map((kpi) => scans.get(kpi)?.accumulators.find((acc) => acc.kpi === kpi));
  const latest = Math.max(...accumulators.map((acc) => acc?.maxTime ?? -Infinity));
  const results = accumulators.flatMap((acc) => (acc ? [acc.result(latest)] : []));
  if (options.strict) rejectBadRows(results);
  return {
    dataDate: Number.isFinite(latest) ? new Date(latest).toISOString() : null,
    kpis: results,
    commitments: evaluateCommitments(project.promise.doc.commitments, results),
  };
}

function groupBySource(project: Project, cwd = process.cwd()): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  const doc = project.kpis?.doc;
  doc?.kpis.forEach((kpi, index) => {
    const file = path.join(project.contentDir, kpi.source);
    let group = groups.get(file);
    if (!group) {
      const config = doc.sources.find((s) => path.join(project.contentDir, s.file) === file);
      group = { file, shown: displayPath(file, cwd), config, kpis: [] };
      groups.set(file, group);
    }
    group.kpis.push({ kpi, index });
  });
  return [...groups.values()];
}

/** The size of every data file; an InputError at each KPI whose file is missing, and at each file in an encoding the readers would misread. */
async function requireFiles(groups: readonly SourceGroup[], source: YamlSource): Promise<number[]> {
  const errors: InputError[] = [];
  const sizes: number[] = [];
  for (const group of groups) {
    const info = await stat(group.file).catch(() => undefined);
    sizes.push(info?.size ?? 0);
    if (info?.isFile()) {
      const unreadable = await unreadableDataError(group.file, group.shown, formatOf(group.file));
      if (unreadable) errors.push(unreadable);
      continue;
    }
    for (const { kpi, index } of group.kpis) {
      errors.push(new InputError(source.locate(['kpis', index, 'source']),
        `KPI "${kpi.id}" reads ${kpi.source}, but ${group.shown} ${info ? 'is a folder' : 'does not exist'}.`,
        'Put the data file there (paths are relative to content/), or fix the path in source.'));
    }
  }
  if (errors.length) throw new InputErrors(errors);
  return sizes;
}

/** Reads one data file for all its KPIs; a header line over the length limit is an InputError at the file. */
async function scanGroup(group: SourceGroup, size: number, source: YamlSource, progress: (rows: number, bytes: number) => void): Promise<SourceScan> {
  try {
    return await scanLargeCsv(group, size, source, progress) ?? await scanSource(group, source, progress);
  } catch (error) {
    if (!(error instanceof HeaderTooLong)) throw error;
    throw new InputError(placeOf(group.shown, error.line),
      `The header line of ${group.shown} is longer than ${error.limit} bytes, the most pledge reads in one line.`,
      'Check that this is the data file, with one record a line; if its header really is that long, raise PLEDGE_MAX_LINE_BYTES (bytes).');
  }
}

async function scanSource(group: SourceGroup, source: YamlSource, progress: (rows: number, bytes: number) => void): Promise<SourceScan> {
  let scan: SourceScan | undefined;
  const kpis = group.kpis.map((entry) => entry.kpi);
  const options = { timeZone: group.config?.timezone, key: group.config?.key, decimal: group.config?.decimal, dateFormat: group.config?.date_format };
  await readTable(group.file, { delimiter: group.config?.delimiter }, {
    header(columns) {
      scan = new SourceScan(kpis, group.shown, columns, options);
      return scan.hasMissingColumns ? false : scan.neededColumns;
    },
    row: (cells, line) => scan?.add(cells, line),
    malformed: (line, message) => scan?.malformed(line, message),
    progress,
  });
  if (!scan) scan = new SourceScan(kpis, group.shown, []);
  if (scan.hasMissingColumns) throw missingColumnErrors(group, scan, source);
  return scan;
}

/**
 * A large CSV file without a key column is split between threads (see data/parallel.ts).
 * Undefined when it should be read in one pass instead (small, keyed, one core, or slices that disagree).
 */
async function scanLargeCsv(group: SourceGroup, size: number, source: YamlSource, progress: (rows: number, bytes: number) => void): Promise<SourceScan | undefined> {
  const workers = workerCount(process.env, size);
  if (formatOf(group.file) !== 'csv' || workers < 2 || group.config?.key) return undefined;
  const { header, delimiter } = await readCsvHeader(group.file, { delimiter: group.config?.delimiter });
  const kpis = group.kpis.map((entry) => entry.kpi);
  const check = new SourceScan(kpis, group.shown, header);
  if (check.hasMissingColumns) throw missingColumnErrors(group, check, source);
  return scanCsvInParallel({ file: group.file, shown: group.shown, delimiter, kpis, timeZone: group.config?.timezone, decimal: group.config?.decimal, dateFormat: group.config?.date_format, header, size, workers }, progress);
}

function missingColumnErrors(group: SourceGroup, scan: SourceScan, source: YamlSource): InputErrors {
  const header = scan.header.length ? `Its columns are: ${columnList(scan.header)}.` : 'The file has no header line.';
  return new InputErrors(scan.accumulators.flatMap((acc, i) => {
    const index = group.kpis[i]?.index ?? 0;
    return acc.missing.map((missing) => new InputError(source.locate(['kpis', index, ...missing.path]),
      `KPI "${acc.kpi.id}" needs the column "${missing.column}", which ${group.shown} does not have.`,
      `Fix the column name in kpis.yaml or add the column to the file. ${header}`));
  }));
}

/** The first columns of a header, a name of more than QUOTE_MAX characters clipped, so the message stays short. */
function columnList(header: readonly string[], most = 20): string {
  const names = header.slice(0, most).map((name) => (name.length > QUOTE_MAX ? quoteData(name) : name));
  return header.length > most ? `${names.join(', ')} and ${header.length - most} more` : names.join(', ');
}

/** `--strict`: every bad row becomes an error, at its line in the data file (once, however many KPIs read it). */
function rejectBadRows(results: readonly KpiResult[]): void {
  const seen = new Set<string>();
  const fresh = (issue: RowIssue) => !seen.has(`${issue.file}:${issue.line}:${issue.message}`) && Boolean(seen.add(`${issue.file}:${issue.line}:${issue.message}`));
  const errors = results.flatMap((result) => result.badRows.examples.filter(fresh).map((issue) => new InputError(
    { file: issue.file, line: issue.line, column: 1 },
    `Bad row for KPI "${result.kpi.id}": ${issue.message}${issue.column ? ` (column ${issue.column})` : ''}.`,
    result.badRows.count > result.badRows.examples.length
      ? `Fix the row (${result.badRows.count} bad rows in all), or run without --strict to skip bad rows.`
      : 'Fix the row, or run without --strict to skip bad rows.')));
  if (errors.length) throw new InputErrors(errors);
}
