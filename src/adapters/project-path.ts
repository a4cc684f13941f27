import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, placeOf, type Place } from '../core/input-error.ts';

/**
 * The path policy, in one place: every input pledge reads from a project (promise.yaml, kpis.yaml,
 * rules.yaml, site.yaml, data files, templates, reports, notes) goes through `insideProject` first.
 * A path counts by where it really leads, links followed: it must stay inside content/, and content/
 * itself inside the project folder. Links that stay inside are fine. A refused file is never opened,
 * so no message can quote it.
 */

/** The folder every input must stay in: content/ of `root`, as it really is on disk. */
async function boundaryOf(root: string, at: Place): Promise<string> {
  const contentDir = path.join(root, 'content');
  const [realRoot, realContent] = await Promise.all([realOrUndefined(root, at), realOrUndefined(contentDir, at)]);
  if (!realRoot || !realContent) return contentDir;
  if (!contains(realRoot, realContent)) {
    throw new InputError(at, `The content folder is a link to ${realContent}, outside the project.`,
      'Make content/ a real folder of the project (pledge reads no input from outside it).');
  }
  return realContent;
}

/**
 * The real path of `file` (absolute, under `root`/content/), or undefined when it does not exist
 * (callers say so in their own words). Throws an InputError at `at` when the path really leads out.
 */
export async function insideProject(root: string, file: string, at: Place): Promise<string | undefined> {
  const boundary = await boundaryOf(root, at);
  const written = path.resolve(file);
  if (!contains(path.resolve(root, 'content'), written)) {
    throw new InputError(at, `${written} is outside the project's content folder.`, 'Put the file inside content/.');
  }
  const real = await realOrUndefined(written, at);
  if (real === undefined || contains(boundary, real)) return real;
  throw new InputError(at, `This path leads outside the project: it is a link to ${real}.`,
    'pledge reads only files inside content/ (links are fine when they stay inside). Copy the file into the project instead of linking to it.');
}

/**
 * The real path of `file`, which must lie in the project folder itself (not only content/): the
 * company's other copy (`pledge check --scan 'site/**'`) sits beside content/. Links are followed and
 * must stay inside too; undefined when nothing is there.
 */
export async function insideProjectFolder(root: string, file: string, at: Place): Promise<string | undefined> {
  const boundary = await realOrUndefined(root, at) ?? path.resolve(root);
  const written = path.resolve(file);
  if (!contains(path.resolve(root), written)) {
    throw new InputError(at, `${written} is outside the project folder.`, 'Scan only files inside the project (patterns are relative to it).');
  }
  const real = await realOrUndefined(written, at);
  if (real === undefined || contains(boundary, real)) return real;
  throw new InputError(at, `This path leads outside the project: it is a link to ${real}.`,
    'pledge reads only files inside the project (links are fine when they stay inside). Copy the file into the project instead of linking to it.');
}

/** `insideProject` for a file that is itself the place to name (a template, a report, a settings file). */
export function requireInsideProject(root: string, file: string, shown: string): Promise<string | undefined> {
  return insideProject(root, file, placeOf(shown));
}

/**
 * The files under a folder of the project whose names end with `extension`, relative to it with `/`,
 * sorted; none when the folder does not exist. Each folder and link is checked before it is entered, so
 * a link out (even to `/`) is refused at once rather than walked. `shown` turns a path into what
 * messages print.
 */
export async function projectFiles(root: string, dir: string, options: { extension: string; recursive: boolean; shown: (file: string) => string }): Promise<string[]> {
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = async (folder: string, prefix: string): Promise<void> => {
    const real = await insideProject(root, folder, placeOf(options.shown(folder)));
    if (real === undefined || seen.has(real) || !(await stat(real)).isDirectory()) return;
    seen.add(real);
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(folder, entry.name);
      const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && await isLinkedFolder(root, file, options.shown));
      if (isDirectory) {
        if (options.recursive) await walk(file, `${prefix}${entry.name}/`);
      } else if (entry.name.endsWith(options.extension)) names.push(`${prefix}${entry.name}`);
    }
  };
  await walk(dir, '');
  return names;
}

/** A link to a folder inside the project; a link out is refused here, before anything under it is listed. */
async function isLinkedFolder(root: string, link: string, shown: (file: string) => string): Promise<boolean> {
  const real = await insideProject(root, link, placeOf(shown(link)));
  return real !== undefined && (await stat(real)).isDirectory();
}

function contains(folder: string, file: string): boolean {
  return file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : `${folder}${path.sep}`);
}

/** The real path, or undefined when nothing is there (a dangling link included). */
async function realOrUndefined(file: string, at?: Place): Promise<string | undefined> {
  try {
    return await realpath(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'ELOOP' && at) {
      throw new InputError(at, 'This path is a link that leads back to itself.', 'Replace the link with the file it should point to.');
    }
    throw error;
  }
}
