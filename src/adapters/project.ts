import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedRecord } from '../core/check/define-rule.ts';
import { InputError } from '../core/input-error.ts';
import { recordFileSchema } from '../core/record/record.ts';
import { parseNote, validateNotes, type Note } from '../core/report/notes.ts';
import { validateVersions } from '../core/schema/versions.ts';
import { kpisFileSchema, type KpisFile } from '../core/schema/kpis.ts';
import { promiseSchema, type PromiseDoc } from '../core/schema/promise.ts';
import { validateSource } from '../core/schema/validate.ts';
import type { YamlSource } from '../core/yaml-source.ts';
import { displayPath, exists, readTextInput, readYamlInput } from './files.ts';

export interface Loaded<T> {
  source: YamlSource;
  doc: T;
}

/** The user's inputs, read and validated. Paths are absolute; `display` ones are for messages. */
export interface Project {
  root: string;
  contentDir: string;
  promise: Loaded<PromiseDoc>;
  kpis: Loaded<KpisFile> | undefined;
  /** content/notes/*.md: public notes on periods, validated against the promise. */
  notes: Note[];
  /** content/record/*.json: the published record of closed periods. */
  record: LoadedRecord[];
}

export function contentPaths(root: string) {
  const contentDir = path.join(root, 'content');
  return {
    contentDir,
    promise: path.join(contentDir, 'promise.yaml'),
    kpis: path.join(contentDir, 'kpis.yaml'),
    rules: path.join(contentDir, 'rules.yaml'),
    templates: path.join(contentDir, 'templates'),
    data: path.join(contentDir, 'data'),
    reports: path.join(contentDir, 'reports'),
    notes: path.join(contentDir, 'notes'),
    record: path.join(contentDir, 'record'),
  };
}

export async function loadProject(root: string, cwd = process.cwd()): Promise<Project> {
  const paths = contentPaths(root);
  const promiseSource = await readYamlInput(paths.promise, cwd);
  const promise = { source: promiseSource, doc: validateSource(promiseSource, promiseSchema) };
  let kpis: Loaded<KpisFile> | undefined;
  if (await exists(paths.kpis)) {
    const source = await readYamlInput(paths.kpis, cwd);
    kpis = { source, doc: validateSource(source, kpisFileSchema) };
  }
  validateVersions(promise.doc, promise.source, kpis?.doc);
  const notes = await Promise.all((await filesIn(paths.notes, '.md')).map(async (file) => parseNote(await readTextInput(file, cwd), displayPath(file, cwd))));
  validateNotes(notes, promise.doc, kpis?.doc);
  const record = await Promise.all((await filesIn(paths.record, '.json')).map((file) => loadRecord(file, cwd)));
  return { root, contentDir: paths.contentDir, promise, kpis, notes, record };
}

/** The files of a content folder with this extension, sorted; none when the folder does not exist. */
async function filesIn(dir: string, extension: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith(extension) && !name.startsWith('.')).sort().map((name) => path.join(dir, name));
}

/** One record file; it is named for its commitment, so two files can never hold the same one. */
async function loadRecord(file: string, cwd: string): Promise<LoadedRecord> {
  const source = await readYamlInput(file, cwd);
  const doc = validateSource(source, recordFileSchema);
  const expected = `${doc.commitment}.json`;
  if (path.basename(file) !== expected) {
    throw new InputError(source.locate(['commitment']), `This record is for commitment "${doc.commitment}" but the file is named ${path.basename(file)}.`,
      `Rename it ${expected}: pledge record names each file for its commitment.`);
  }
  return { source, doc };
}
