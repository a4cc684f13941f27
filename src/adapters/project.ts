import path from 'node:path';
import { checkIntegrity } from '../core/schema/integrity.ts';
import { kpisFileSchema, type KpisFile } from '../core/schema/kpis.ts';
import { promiseSchema, type PromiseDoc } from '../core/schema/promise.ts';
import { validateSource } from '../core/schema/validate.ts';
import type { YamlSource } from '../core/yaml-source.ts';
import { exists, readYamlInput } from './files.ts';

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
  checkIntegrity(promise, kpis);
  return { root, contentDir: paths.contentDir, promise, kpis };
}
