import { copyFile, readFile, rename, unlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError, placeOf } from '../core/input-error.ts';
import type { Cell } from '../core/kpi/formulas.ts';
import { profileColumns, proposeKpis, type ColumnProfile, type Proposal } from '../core/kpi/infer.ts';
import { addKpiToYaml, type SourceEntry } from '../core/kpi/kpis-yaml.ts';
import { measuredPeriods, RECENT_PERIODS } from '../core/kpi/targets.ts';
import type { Bucket, KpiResult } from '../core/kpi/types.ts';
import { kpisFileSchema, type KpiDef, type KpisFile } from '../core/schema/kpis.ts';
import { validateSource } from '../core/schema/validate.ts';
import { parseYaml, type DataPath, type YamlSource } from '../core/yaml-source.ts';
import { readTable } from './data/index.ts';
import { evaluateProject } from './evaluate.ts';
import { displayPath, exists } from './files.ts';
import { contentPaths, type Project } from './project.ts';
import { insideProject } from './project-path.ts';

/**
 * Defining a KPI from the user's own data file, for `pledge kpi add` and the wizard: find (or copy in)
 * the file, read its header and a sample with the engine's own reader, preview the last periods with
 * the engine itself, and add the KPI to kpis.yaml as the user wrote it.
 */

/** Rows read to tell what each column holds. */
export const SAMPLE_ROWS = 500;

export interface DataFile {
  /** Absolute path. */
  file: string;
  /** As kpis.yaml writes it: relative to content/, with `/`. */
  source: string;
  /** As messages show it. */
  shown: string;
  /** Set when the file was copied into content/data/ from elsewhere. */
  copiedFrom?: string;
  /** True when that copy is new (so a failed `kpi add` removes it again). */
  created?: boolean;
}

/**
 * The data file `written` (relative to `cwd`) names. Inside content/ it is used where it is (links must
 * stay inside, the project's policy); elsewhere it is refused, or with `copy` copied into content/data/
 * (never over a different file of the same name).
 */
export async function locateDataFile(root: string, written: string, cwd: string, copy: boolean): Promise<DataFile> {
  const paths = contentPaths(root);
  const absolute = path.resolve(cwd, written);
  const at = placeOf(written);
  const inContent = !path.relative(paths.contentDir, absolute).startsWith('..') && !path.isAbsolute(path.relative(paths.contentDir, absolute));
  if (inContent) {
    if (await insideProject(root, absolute, at) === undefined) {
      throw new InputError(at, 'There is no such file.', `Put your data file in ${displayPath(paths.data, cwd)}/ and give its path, e.g. --file content/data/repairs.csv.`);
    }
    return { file: absolute, source: path.relative(paths.contentDir, absolute).split(path.sep).join('/'), shown: displayPath(absolute, cwd) };
  }
  if (!copy) {
    throw new InputError(at, `${absolute} is outside the project's content folder, and pledge reads data only from there.`,
      `Add --copy to copy it into ${displayPath(paths.data, cwd)}/, or move it there yourself.`);
  }
  if (!await exists(absolute)) throw new InputError(at, 'There is no such file.', 'Check the path (it is read relative to the current folder).');
  const target = path.join(paths.data, path.basename(absolute));
  await insideProject(root, target, placeOf(displayPath(target, cwd)));
  if (await exists(target)) {
    const [a, b] = await Promise.all([readFile(absolute), readFile(target)]);
    if (!a.equals(b)) {
      throw new InputError(placeOf(displayPath(target, cwd)), `A different file named ${path.basename(absolute)} is already in content/data/.`,
        'Rename one of them, or give the path of the one in content/data/ without --copy.');
    }
  }
  const created = !await exists(target);
  if (created) {
    await mkdir(paths.data, { recursive: true });
    await copyFile(absolute, target);
  }
  return { file: target, source: `data/${path.basename(absolute)}`, shown: displayPath(target, cwd), copiedFrom: written, created };
}

export interface DataSample {
  header: string[];
  profiles: ColumnProfile[];
  proposals: Proposal[];
}

class EnoughRows extends Error {}

/** The header and the first SAMPLE_ROWS rows, read as the KPI engine reads the file; then what they look like. */
export async function sampleDataFile(data: DataFile, delimiter?: string): Promise<DataSample> {
  let header: string[] = [];
  const rows: Cell[][] = [];
  try {
    await readTable(data.file, delimiter ? { delimiter } : {}, {
      header(columns) {
        header = [...columns];
        return true;
      },
      row(cells) {
        rows.push([...cells]);
        if (rows.length >= SAMPLE_ROWS) throw new EnoughRows();
      },
      malformed() {},
    });
  } catch (error) {
    if (!(error instanceof EnoughRows)) throw error;
  }
  if (header.length === 0) throw new InputError(placeOf(data.shown), 'This file has no header line.', 'Its first line must name the columns, e.g. repair_id,promised_at,returned_at.');
  const profiles = profileColumns(header, rows);
  return { header, profiles, proposals: proposeKpis(profiles) };
}

/** A column a KPI names that the file does not have: exit 2, naming the columns it does have. */
export function requireColumns(data: DataFile, header: readonly string[], columns: readonly string[]): void {
  const missing = [...new Set(columns)].filter((column) => !header.includes(column));
  if (missing.length === 0) return;
  throw new InputError(placeOf(data.shown), `${missing.length === 1 ? 'There is no column' : 'There are no columns'} ${missing.map((c) => `"${c}"`).join(', ')} in this file.`,
    `Its columns are: ${header.join(', ')}.`);
}

export interface KpiDraft {
  /** kpis.yaml with the KPI added, not yet written. */
  text: string;
  kpi: KpiDef;
  /** The last complete periods, computed by the engine from the user's file (oldest first). */
  recent: Bucket[];
  result: KpiResult;
}

/**
 * kpis.yaml with `kpi` added, validated by the same schema as `pledge check`, and the KPI computed by
 * the engine alone (the project's other KPIs, their files and promise.yaml's commitments play no part).
 */
export async function draftKpi(root: string, cwd: string, kpi: Record<string, unknown>, source?: SourceEntry): Promise<KpiDraft> {
  const paths = contentPaths(root);
  const shown = displayPath(paths.kpis, cwd);
  const before = await exists(paths.kpis) ? await readFile(paths.kpis, 'utf8') : '# How the promise is measured. Paths are relative to content/.\nkpis:\n';
  const text = addKpiToYaml(before, shown, kpi, source);
  const parsed = parseYaml(text, shown);
  const doc = validateSource(parsed, kpisFileSchema);
  const index = doc.kpis.findIndex((k) => k.id === kpi.id);
  const def = doc.kpis[index] as KpiDef;
  const evaluation = await evaluateProject(previewProject(root, parsed, doc, index), { cwd });
  const result = evaluation.kpis[0] as KpiResult;
  return { text, kpi: def, recent: measuredPeriods(result).slice(-RECENT_PERIODS), result };
}

/** A project of this one KPI, whose messages still point at its place in the new kpis.yaml. */
function previewProject(root: string, parsed: YamlSource, doc: KpisFile, index: number): Project {
  const source: YamlSource = { ...parsed, locate: (at: DataPath) => parsed.locate(at[0] === 'kpis' && at[1] === 0 ? ['kpis', index, ...at.slice(2)] : at) };
  const promise = { source: parseYaml('{}', 'promise.yaml'), doc: { commitments: [] } as unknown as Project['promise']['doc'] };
  return { root, contentDir: contentPaths(root).contentDir, promise, kpis: { source, doc: { ...doc, kpis: [doc.kpis[index] as KpiDef] } }, notes: [], record: [] };
}

/** Undoes a new copy into content/data/ (after a failed add: nothing of it stays). */
export async function forgetCopy(data: DataFile | undefined): Promise<void> {
  if (data?.created) await unlink(data.file).catch(() => undefined);
}

/** Writes kpis.yaml in one step (a temporary file renamed over it), so a failure leaves the old one. */
export async function writeKpisFile(root: string, text: string): Promise<void> {
  const file = contentPaths(root).kpis;
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  try {
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
