import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import { readCopy, type CopyText } from '../core/check/copy.ts';
import { InputError, placeOf } from '../core/input-error.ts';
import { sniffEncoding } from '../core/text-encoding.ts';
import { displayPath } from './files.ts';
import { insideProjectFolder } from './project-path.ts';

/** A page, an email or an ad is small; anything bigger is not copy (a data file or a build output). */
const MAX_COPY_BYTES = 5 * 1024 * 1024;
/** Never walked unless a pattern starts inside them: dependencies and hidden folders (.git) are no company copy. */
const SKIPPED = (name: string) => name === 'node_modules' || name.startsWith('.');

/** Why a `--scan` pattern cannot be used, or undefined: patterns are relative to the project and stay in it. */
export function badScanPattern(pattern: string): string | undefined {
  if (path.isAbsolute(pattern) || /^[a-z]:/i.test(pattern)) return `--scan "${pattern}" is an absolute path; patterns are relative to the project folder.`;
  if (pattern.split(/[/\\]/).includes('..')) return `--scan "${pattern}" leaves the project folder ("..").`;
  return undefined;
}

/**
 * The files under `root` that `pattern` matches (absolute paths, sorted). Every folder and link on the
 * way is held to the project path policy before it is entered or read, so a link out is refused, located.
 */
export async function expandScan(root: string, pattern: string, cwd: string): Promise<string[]> {
  const isMatch = picomatch(pattern, { dot: false });
  const base = picomatch.scan(pattern).base;
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = async (folder: string): Promise<void> => {
    const real = await insideProjectFolder(root, folder, placeOf(displayPath(folder, cwd)));
    if (real === undefined || seen.has(real) || !(await stat(real)).isDirectory()) return;
    seen.add(real);
    for (const entry of (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const file = path.join(folder, entry.name);
      const relative = path.relative(root, file).split(path.sep).join('/');
      if (entry.isDirectory() || (entry.isSymbolicLink() && await isFolder(root, file, cwd))) {
        if (!SKIPPED(entry.name)) await walk(file);
      } else if (isMatch(relative)) {
        await insideProjectFolder(root, file, placeOf(displayPath(file, cwd)));
        found.push(file);
      }
    }
  };
  const start = path.join(root, base);
  if ((await stat(start).catch(() => undefined))?.isFile()) {
    if (isMatch(base)) await insideProjectFolder(root, start, placeOf(displayPath(start, cwd)));
    return isMatch(base) ? [start] : [];
  }
  await walk(start);
  return found;
}

async function isFolder(root: string, link: string, cwd: string): Promise<boolean> {
  const real = await insideProjectFolder(root, link, placeOf(displayPath(link, cwd)));
  return real !== undefined && (await stat(real)).isDirectory();
}

/** One scanned file as copy: UTF-8 (a byte-order mark is fine) or a located input error. */
export async function readCopyFile(file: string, cwd: string): Promise<CopyText> {
  const shown = displayPath(file, cwd);
  const info = await stat(file);
  if (info.size > MAX_COPY_BYTES) {
    throw new InputError(placeOf(shown), `This file is ${(info.size / 1048576).toFixed(1)} MB, too large to be a page, an email or an ad.`,
      'Narrow the --scan pattern to the company\'s copy (for example site/**/*.html).');
  }
  return readCopy(shown, decodeCopy(await readFile(file), shown));
}

/** UTF-8 as sniffed (byte-order mark skipped); UTF-16 or bytes that are not UTF-8 are refused at their place. */
function decodeCopy(bytes: Uint8Array, shown: string): string {
  const { encoding, bom } = sniffEncoding(bytes);
  const fix = 'Save it as UTF-8, or convert it: iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8 (name its real encoding after -f).';
  if (encoding !== 'utf-8') throw new InputError(placeOf(shown), `This file is ${encoding.toUpperCase()}, but pledge reads copy as UTF-8.`, fix);
  const body = bytes.subarray(bom);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    // Where the first bad byte is: what the lenient decoder replaced first.
    const lenient = new TextDecoder('utf-8').decode(body);
    const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD'))).split('\n');
    throw new InputError(placeOf(shown, before.length, (before.at(-1)?.length ?? 0) + 1), 'This file is not UTF-8: the text here is in another encoding.', fix);
  }
}
