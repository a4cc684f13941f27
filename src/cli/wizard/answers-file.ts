import path from 'node:path';
import { displayPath, readYamlInput } from '../../adapters/files.ts';
import { requireInsideProject } from '../../adapters/project-path.ts';
import { contentPaths } from '../../adapters/project.ts';
import { writePromiseFile } from '../../adapters/scaffold.ts';
import { promiseYaml } from '../../core/draft/serialize.ts';
import { promiseSchema, type PromiseDoc } from '../../core/schema/promise.ts';
import { validateSource } from '../../core/schema/validate.ts';

/**
 * `pledge draft --answers FILE`: the answers are promise.yaml's own fields, in YAML or JSON (JSON is
 * YAML). Invalid answers throw located input errors before anything is written; valid ones replace
 * content/promise.yaml (the previous one kept as promise.yaml.bak). Returns the backup path, if any.
 */
export async function draftFromAnswersFile(answersFile: string, root: string, cwd: string): Promise<string | undefined> {
  const source = await readYamlInput(path.resolve(cwd, answersFile), cwd);
  const doc = validateSource(source, promiseSchema);
  const promise = contentPaths(root).promise;
  // A promise.yaml that links out is not backed up: the backup would copy the outside file into the project.
  await requireInsideProject(root, promise, displayPath(promise, cwd));
  return writePromiseFile(promise, promiseYaml(withoutEmptyDefaults(doc)));
}

/** The schema fills empty lists for optional keys; the written file leaves them out, as a person would. */
function withoutEmptyDefaults(doc: PromiseDoc): Record<string, unknown> {
  const data: Record<string, unknown> = { ...doc };
  for (const key of ['unique_assets', 'touchpoints'] as const) {
    if (doc[key].length === 0) delete data[key];
  }
  return data;
}
