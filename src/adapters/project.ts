import path from 'node:path';
import { connectionsFileSchema, type ConnectionsFile } from '../core/schema/connections.ts';
import type { LoadedRecord } from '../core/check/define-rule.ts';
import { InputError } from '../core/input-error.ts';
import { recordFileSchema } from '../core/record/record.ts';
import { parseNote, validateNotes, type Note } from '../core/report/notes.ts';
import { validateVersions } from '../core/schema/versions.ts';
import { checkIntegrity } from '../core/schema/integrity.ts';
import { kpisFileSchema, type KpisFile } from '../core/schema/kpis.ts';
import { promiseSchema, type PromiseDoc } from '../core/schema/promise.ts';
import { validateSource } from '../core/schema/validate.ts';
import type { YamlSource } from '../core/yaml-source.ts';
import { displayPath, exists, readJsonInput, readTextInput, readYamlInput } from './files.ts';
import { projectFiles } from './project-path.ts';

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
  /** content/connections.yaml: the databases KPIs may read (optional). */
  connections?: Loaded<ConnectionsFile>;
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
    connections: path.join(contentDir, 'connections.yaml'),
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
  const promiseSource = await readYamlInput(paths.promise, cwd, root);
  const promise = { source: promiseSource, doc: validateSource(promiseSource, promiseSchema) };
  let kpis: Loaded<KpisFile> | undefined;
  if (await exists(paths.kpis)) {
    const source = await readYamlInput(paths.kpis, cwd, root);
    kpis = { source, doc: validateSource(source, kpisFileSchema) };
  }
  let connections: Loaded<ConnectionsFile> | undefined;
  if (await exists(paths.connections)) {
    const source = await readYamlInput(paths.connections, cwd, root);
    connections = { source, doc: validateSource(source, connectionsFileSchema) };
  }
  validateVersions(promise.doc, promise.source, kpis?.doc);
  const shown = (file: string) => displayPath(file, cwd);
  const noteFiles = await contentFiles(root, paths.notes, '.md', shown);
  const notes = await Promise.all(noteFiles.map(async (file) => parseNote(await readTextInput(file, cwd, root), shown(file))));
  validateNotes(notes, promise.doc, kpis?.doc);
  const recordFiles = await contentFiles(root, paths.record, '.json', shown);
  const record = await Promise.all(recordFiles.map((file) => loadRecord(file, cwd, root)));
  checkIntegrity(promise, kpis);
  return { root, contentDir: paths.contentDir, promise, kpis, notes, record, ...(connections ? { connections } : {}) };
}

/** The files of a content folder with this extension, through the path policy; none when the folder does not exist. */
async function contentFiles(root: string, dir: string, extension: string, shown: (file: string) => string): Promise<string[]> {
  if (!(await exists(dir))) return [];
  const names = await projectFiles(root, dir, { extension, recursive: false, shown });
  return names.filter((name) => !name.startsWith('.')).map((name) => path.join(dir, name));
}

/** One record file; it is named for its commitment, so two files can never hold the same one. */
async function loadRecord(file: string, cwd: string, root: string): Promise<LoadedRecord> {
  const source = await readJsonInput(file, cwd, root);
  const doc = validateSource(source, recordFileSchema);
  const expected = `${doc.commitment}.json`;
  if (path.basename(file) !== expected) {
    throw new InputError(source.locate(['commitment']), `This record is for commitment "${doc.commitment}" but the file is named ${path.basename(file)}.`,
      `Rename it ${expected}: pledge record names each file for its commitment.`);
  }
  return { source, doc };
}
