import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, placeOf } from '../core/input-error.ts';
import { decodeText } from '../core/text-encoding.ts';
import { parseJsonSource, parseYaml, type YamlSource } from '../core/yaml-source.ts';
import { requireInsideProject } from './project-path.ts';

/** Config files are small; anything bigger is a mistake (a data file in the wrong place). */
const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

/** The path to show the user: relative to where they ran pledge. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') ? relative.split(path.sep).join('/') : file;
}

/**
 * A small text input (YAML settings, a template, a report). With `root`, it is a file of that project
 * and must stay inside it (see project-path.ts); without, a file pledge ships or the user named.
 */
export async function readTextInput(file: string, cwd?: string, root?: string): Promise<string> {
  const shown = displayPath(file, cwd);
  if (root !== undefined) await requireInsideProject(root, file, shown);
  const info = await stat(file).catch(() => undefined);
  if (!info) {
    throw new InputError(placeOf(shown), 'This file does not exist.', 'Create it, or run `pledge init` to start from the example.');
  }
  if (!info.isFile()) throw new InputError(placeOf(shown), 'This is a folder, not a file.', 'Point pledge at the file itself.');
  if (info.size > MAX_CONFIG_BYTES) {
    throw new InputError(placeOf(shown), `This file is ${(info.size / 1048576).toFixed(1)} MB, too large for a settings file.`,
      'Keep promise.yaml and kpis.yaml small; raw data belongs in content/data/.');
  }
  // UTF-8 with or without a byte-order mark, or UTF-16 (Windows editors save it), all read the same.
  return decodeText(await readFile(file));
}

export async function readYamlInput(file: string, cwd?: string, root?: string): Promise<YamlSource> {
  return parseYaml(await readTextInput(file, cwd, root), displayPath(file, cwd));
}

/** A JSON input file, read with JSON.parse (see parseJsonSource). */
export async function readJsonInput(file: string, cwd?: string, root?: string): Promise<YamlSource> {
  return parseJsonSource(await readTextInput(file, cwd, root), displayPath(file, cwd));
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}
