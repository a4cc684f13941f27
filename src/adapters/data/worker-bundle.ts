import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CSV scan worker as one plain-JavaScript file. Worker threads load TypeScript through Node's type
 * stripping, which first compiles a WebAssembly transpiler: about 80 ms more per worker on an idle
 * machine, several times that on a busy one, when a worker only gets a second or two of work. esbuild
 * bundles it instead (in its own process), and the bundle is kept with the hash of the files it came
 * from, so later runs only read it back.
 */
// Functions, not constants: this module is part of the bundle too, where import.meta.url is unset.
const entryFile = () => fileURLToPath(new URL('./scan-worker.ts', import.meta.url));
const packageRoot = () => fileURLToPath(new URL('../../../', import.meta.url));
const defaultCache = () => path.join(packageRoot(), 'node_modules', '.cache', 'pledge', 'scan-worker.json');

interface CachedBundle { inputs: string[]; hash: string; code: string }

const memo = new Map<string, Promise<string | undefined>>();

/** The bundled worker (undefined when esbuild is unavailable: the caller then starts the TypeScript file). */
export function workerCode(cacheFile = defaultCache()): Promise<string | undefined> {
  let code = memo.get(cacheFile);
  if (!code) {
    code = cached(cacheFile).then((hit) => hit ?? bundle(cacheFile)).catch(() => undefined);
    memo.set(cacheFile, code);
  }
  return code;
}

/** Each input's path and content: a bundle is reused only while none of them changed. */
async function hashOf(inputs: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(`${input}\0`).update(await readFile(input)).update('\0');
  return hash.digest('hex');
}

async function cached(cacheFile: string): Promise<string | undefined> {
  const entry = await readFile(cacheFile, 'utf8').then((text) => JSON.parse(text) as CachedBundle, () => undefined);
  if (!entry || !Array.isArray(entry.inputs) || typeof entry.code !== 'string') return undefined;
  // A cache copied or hard-linked from another checkout names that checkout's files: not this code.
  if (!entry.inputs.includes(entryFile())) return undefined;
  const hash = await hashOf(entry.inputs).catch(() => undefined);
  return hash === entry.hash ? entry.code : undefined;
}

async function bundle(cacheFile: string): Promise<string | undefined> {
  const esbuild = await import('esbuild');
  const root = packageRoot();
  const result = await esbuild.build({
    entryPoints: [entryFile()], absWorkingDir: root, bundle: true, write: false, metafile: true,
    platform: 'node', format: 'cjs', logLevel: 'silent', external: ['esbuild'],
  });
  const code = result.outputFiles[0]?.text;
  if (code === undefined) return undefined;
  const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(root, input)).sort();
  const record: CachedBundle = { inputs, hash: await hashOf(inputs), code };
  // Written aside then renamed, so a concurrent run never reads half a file; a read-only install just rebuilds.
  const temporary = `${cacheFile}.${process.pid}`;
  await mkdir(path.dirname(cacheFile), { recursive: true })
    .then(() => writeFile(temporary, JSON.stringify(record)))
    .then(() => rename(temporary, cacheFile))
    .catch(() => undefined);
  return code;
}
