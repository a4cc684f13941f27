import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(REPO, 'tests', 'artifacts');
export const FIXED_EPOCH = '1793491200';

/** A throwaway copy of the example project (content/ only), so tests never touch the repo's dist/. */
export async function copyExample(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'pledge-site-'));
  await cp(path.join(REPO, 'content'), path.join(root, 'content'), { recursive: true });
  return root;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Every file under dir, relative, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Each file's bytes, for byte-for-byte comparison and leak searches. */
export async function readAll(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const file of await listFiles(dir)) files.set(file, await readFile(path.join(dir, file)));
  return files;
}

/**
 * Drops the copy's published record (content/record/): for tests that add rows to a closed month, which
 * would otherwise be a record-changed error that stops the build. tests/record covers the record itself.
 */
export async function forgetRecord(root: string): Promise<void> {
  await rm(path.join(root, 'content', 'record'), { recursive: true, force: true });
}

/** Appends raw CSV lines to a data file of the project. */
export async function appendCsv(root: string, file: string, lines: string[]): Promise<void> {
  const full = path.join(root, 'content', 'data', file);
  const text = await readFile(full, 'utf8');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(full, `${text.endsWith('\n') ? text : `${text}\n`}${lines.join('\n')}\n`);
}

export async function editFile(file: string, edit: (text: string) => string): Promise<void> {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, edit(await readFile(file, 'utf8')));
}
