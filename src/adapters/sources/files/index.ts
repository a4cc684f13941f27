import path from 'node:path';
import { stat } from 'node:fs/promises';
import { InputError, InputErrors, placeOf } from '../../../core/input-error.ts';
import { SourceScan } from '../../../core/kpi/source-scan.ts';
import type { DataSource, KpiDef } from '../../../core/schema/kpis.ts';
import type { YamlSource } from '../../../core/yaml-source.ts';
import { readCsvHeader } from '../../data/csv.ts';
import { unreadableDataError } from '../../data/encoding.ts';
import { formatOf, readTable } from '../../data/index.ts';
import { scanCsvInParallel, workerCount } from '../../data/parallel.ts';
import { HeaderTooLong } from '../../data/types.ts';
import { displayPath } from '../../files.ts';
import { insideProject } from '../../project-path.ts';
import { missingColumnErrors as columnErrors } from '../missing-columns.ts';

/**
 * The file engine, the embedded default: CSV, JSON and NDJSON files read streaming in this process
 * (large CSV files split between threads), each file once however many KPIs read it.
 */

/** KPIs reading one data file, with their positions in kpis.yaml. */
export interface SourceGroup {
  file: string;
  shown: string;
  config: DataSource | undefined;
  kpis: { kpi: KpiDef; index: number }[];
}

export type Progress = (rows: number, bytes: number) => void;

/** Reads one file for all its KPIs; a header line over the length limit is an InputError at the file. */
export async function scanGroup(group: SourceGroup, size: number, source: YamlSource, progress: Progress): Promise<SourceScan> {
  try {
    return await scanLargeCsv(group, size, source, progress) ?? await scanSource(group, source, progress);
  } catch (error) {
    if (!(error instanceof HeaderTooLong)) throw error;
    throw new InputError(placeOf(group.shown, error.line),
      `The header line of ${group.shown} is longer than ${error.limit} bytes, the most pledge reads in one line.`,
      'Check that this is the data file, with one record a line; if its header really is that long, raise PLEDGE_MAX_LINE_BYTES (bytes).');
  }
}

/** Groups file KPIs (entries: a KPI and its index in kpis.yaml) by the file they read. */
export function groupBySource(contentDir: string, sources: readonly DataSource[], entries: ReadonlyArray<{ kpi: KpiDef; index: number }>, cwd = process.cwd()): SourceGroup[] {
  const groups = new Map<string, SourceGroup>();
  entries.forEach(({ kpi, index }) => {
    if (typeof kpi.source !== 'string') return;
    const file = path.join(contentDir, kpi.source);
    let group = groups.get(file);
    if (!group) {
      const config = sources.find((s) => path.join(contentDir, s.file) === file);
      group = { file, shown: displayPath(file, cwd), config, kpis: [] };
      groups.set(file, group);
    }
    group.kpis.push({ kpi, index });
  });
  return [...groups.values()];
}

/**
 * The size of every data file; an InputError at each KPI whose file is missing or leads out of the project,
 * and at each file to be read (`willRead`, by the group's index) in an encoding the readers would misread.
 */
export async function requireFiles(root: string, groups: readonly SourceGroup[], source: YamlSource, willRead: (index: number) => Promise<boolean> = async () => true): Promise<number[]> {
  const errors: InputError[] = [];
  const sizes: number[] = [];
  for (const [index, group] of groups.entries()) {
    const first = group.kpis[0];
    if (first) await insideProject(root, group.file, source.locate(['kpis', first.index, 'source']));
    const info = await stat(group.file).catch(() => undefined);
    sizes.push(info?.size ?? 0);
    if (info?.isFile()) {
      // A file the figure cache answers for was read, and passed this, when its figures were stored.
      if (!(await willRead(index))) continue;
      const unreadable = await unreadableDataError(group.file, group.shown, formatOf(group.file));
      if (unreadable) errors.push(unreadable);
      continue;
    }
    for (const { kpi, index } of group.kpis) {
      errors.push(new InputError(source.locate(['kpis', index, 'source']),
        `KPI "${kpi.id}" reads ${String(kpi.source)}, but ${group.shown} ${info ? 'is a folder' : 'does not exist'}.`,
        'Put the data file there (paths are relative to content/), or fix the path in source.'));
    }
  }
  if (errors.length) throw new InputErrors(errors);
  return sizes;
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
    timeColumns: () => scan?.timeColumns() ?? { columns: [], naive: false, into: new Float64Array(0) },
    row: (cells, line) => scan?.add(cells, line),
    malformed: (line, message, says) => scan?.malformed(line, message, says),
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
  return new InputErrors(scan.accumulators.flatMap((acc, i) => columnErrors(source, group.kpis[i]?.index ?? 0, acc, group.shown, scan.header)));
}
