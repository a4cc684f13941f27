import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { exists } from './files.ts';

/** The package's own root: the example content ships in its content/ folder. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Sample data larger than this is thinned to every n-th row, so a new project stays small. */
const MAX_SAMPLE_BYTES = 512 * 1024;
const MAX_SAMPLE_ROWS = 3000;

export interface ScaffoldResult {
  /** Paths relative to the target folder, in the order written. */
  written: string[];
  /** Files that already existed and were left exactly as they were. */
  skipped: string[];
}

/** A file to create: its path in the new project and where its content comes from. */
interface PlannedFile {
  to: string;
  content: () => Promise<string | Buffer>;
}

/** The package's name on npm: a new project depends on it, and its editor schemas live in node_modules/<name>/. */
export const PACKAGE_NAME = 'pledge-kit';

export interface ScaffoldOptions {
  /** A starting promise to fill in (project-template/blank/) instead of the example company. */
  blank?: boolean;
  /** Where the example content comes from (the package's own by default). */
  source?: string;
}

/**
 * `pledge init`: a new project with the example content (or a blank promise), its package.json,
 * .gitignore and CI files. Never overwrites: every file that already exists is skipped and listed,
 * so running it twice is harmless.
 */
export async function scaffoldProject(target: string, options: ScaffoldOptions = {}): Promise<ScaffoldResult> {
  const result: ScaffoldResult = { written: [], skipped: [] };
  for (const file of await plan(target, options.source ?? PACKAGE_ROOT, options.blank ?? false)) {
    const destination = path.join(target, file.to);
    if (await exists(destination)) {
      result.skipped.push(file.to);
      continue;
    }
    await mkdir(path.dirname(destination), { recursive: true });
    // 'wx' fails if the file appeared since we looked: still never an overwrite.
    await writeFile(destination, await file.content(), { flag: 'wx' });
    result.written.push(file.to);
  }
  return result;
}

async function plan(target: string, source: string, blank: boolean): Promise<PlannedFile[]> {
  const template = path.join(PACKAGE_ROOT, 'project-template');
  const content = blank ? path.join(template, 'blank', 'content') : path.join(source, 'content');
  const copy = (from: string) => () => readFile(from);
  const copyYaml = (name: string) => async () => pointSchemaAtPackage(await readFile(path.join(content, name), 'utf8'));
  const files: PlannedFile[] = [
    { to: 'package.json', content: async () => packageJson(path.basename(path.resolve(target)), await pledgeVersion()) },
    { to: 'README.md', content: async () => README },
    // npm leaves any file called .gitignore out of a package, so the template's has no dot.
    { to: '.gitignore', content: copy(path.join(template, 'gitignore')) },
    { to: '.github/workflows/pledge.yml', content: copy(path.join(template, 'github', 'workflows', 'pledge.yml')) },
    { to: '.gitlab-ci.yml', content: copy(path.join(template, 'gitlab-ci.yml')) },
    { to: 'content/promise.yaml', content: copyYaml('promise.yaml') },
    { to: 'content/connections.yaml', content: async () => CONNECTIONS },
  ];
  for (const name of ['kpis.yaml', 'rules.yaml', 'site.yaml']) {
    if (await exists(path.join(content, name))) files.push({ to: `content/${name}`, content: copyYaml(name) });
  }
  // Every field of site.yaml, commented out, when the content brings none of its own.
  if (!files.some((file) => file.to === 'content/site.yaml')) {
    files.push({ to: 'content/site.yaml', content: async () => pointSchemaAtPackage(await readFile(path.join(template, 'site.yaml'), 'utf8')) });
  }
  // Not content/record/ (a new project has published nothing yet) nor content/notes/ (they explain the
  // example's months, and would name commitments a new promise does not have).
  for (const file of await listFiles(path.join(content, 'reports'))) {
    files.push({ to: `content/reports/${file}`, content: copy(path.join(content, 'reports', file)) });
  }
  for (const file of await listFiles(path.join(content, 'data'))) {
    files.push({ to: `content/data/${file}`, content: () => sampleData(path.join(content, 'data', file)) });
  }
  return files;
}

/**
 * In a project the JSON Schemas live in the installed package, not beside content/, so the editor's
 * `yaml-language-server` comment must point into node_modules for completion to work.
 */
export function pointSchemaAtPackage(yamlText: string): string {
  return yamlText.replace(
    /^(# yaml-language-server: \$schema=)\S*?(schemas\/[\w.-]+\.json)$/m,
    `$1../node_modules/${PACKAGE_NAME}/$2`,
  );
}

/**
 * The schema comment for a promise written into `file`: `../schemas/` only inside pledge's own
 * checkout (whose content/ sits beside schemas/), else the installed package's copy.
 */
async function schemaCommentFor(file: string, text: string): Promise<string> {
  const beside = path.join(path.dirname(path.dirname(path.resolve(file))), 'schemas', 'promise.schema.json');
  return await exists(beside) ? text : pointSchemaAtPackage(text);
}

async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
}

/**
 * A data file, or for a big line-based one (CSV, NDJSON) its header and an even spread of rows:
 * every period keeps some rows, so the example still computes every KPI.
 */
async function sampleData(file: string): Promise<string | Buffer> {
  const { size } = await stat(file);
  if (size <= MAX_SAMPLE_BYTES || !/\.(csv|tsv|ndjson|jsonl)$/i.test(file)) return readFile(file);
  const lines = await countLines(file);
  const every = Math.max(1, Math.ceil(lines / MAX_SAMPLE_ROWS));
  const csv = /\.(csv|tsv)$/i.test(file);
  const kept: string[] = [];
  let index = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if ((csv && index === 0) || index % every === 0) kept.push(line);
    index++;
  }
  return `${kept.join('\n')}\n`;
}

async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const _ of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) count++;
  return count;
}

function packageJson(name: string, version: string): string {
  const safeName = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'my-promise';
  return `${JSON.stringify({
    name: safeName,
    private: true,
    type: 'module',
    scripts: {
      check: 'pledge check', build: 'pledge build', pdf: 'pledge build --pdf', dev: 'pledge dev',
      draft: 'pledge draft', kpi: 'pledge kpi',
    },
    devDependencies: { [PACKAGE_NAME]: `^${version}` },
  }, null, 2)}\n`;
}

/** The new project depends on the release line of the pledge that made it, from the npm registry. */
async function pledgeVersion(): Promise<string> {
  const { version } = JSON.parse(await readFile(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
  return version;
}

/** The connection option, documented where it is used: no connection yet, two examples to uncomment. */
const CONNECTIONS = `# yaml-language-server: $schema=../node_modules/${PACKAGE_NAME}/schemas/connections.schema.json
# Databases a KPI may read instead of a data file; the KPI is computed inside the database and only
# per-period aggregates come back. In kpis.yaml: source: { connection: warehouse, table: orders }
# (or query: "select ..."); a Parquet file (source: data/orders.parquet) needs no connection.
connections: {}
#  warehouse: { engine: postgres, url: env:PLEDGE_WAREHOUSE_URL }   # the URL, password included, comes from the environment only
#  local: { engine: duckdb, path: data/shop.duckdb }                  # a DuckDB file inside the project (relative to content/)
`;

const README = `# Our customer promise

Made with [pledge](https://www.npmjs.com/package/pledge-kit): a customer promise we can prove.

- \`content/promise.yaml\`: the promise. Edit it with \`npx pledge draft\` (a guided wizard) or by hand.
- \`content/kpis.yaml\`: how each commitment is measured.
- \`content/data/\`: the data the figures come from (this starter has a small sample).
- \`content/site.yaml\`: the site's address, description, brand colour, logo and favicon (all optional,
  each field shown commented out).
- \`content/connections.yaml\`: optional databases (PostgreSQL, DuckDB) a KPI may read instead of a file;
  the KPI is then computed inside the database. Secrets only through \`env:NAME\`, never in a file.

Commands:

    npx pledge draft     # write or edit the promise, with the checks at every step
    npx pledge check     # check the promise and the data
    npx pledge build     # the public commitment page and the internal reports, in dist/
    npx pledge dev       # the same sites on a local server, rebuilt as you edit

\`npm run check\`, \`npm run build\`, \`npm run pdf\` and \`npm run dev\` do the same. CI files for GitHub
(\`.github/workflows/pledge.yml\`) and GitLab (\`.gitlab-ci.yml\`) check every change and publish the
public page; see https://www.npmjs.com/package/pledge-kit (docs/ci.md) for turning Pages on.
`;

/**
 * Writes promise.yaml safely: the previous file is copied to promise.yaml.bak first, and the new
 * text goes to a temporary file renamed over the old one, so an interrupted write never leaves a
 * half-written promise. Returns the backup's path, or undefined when there was no previous file.
 */
export async function writePromiseFile(file: string, text: string): Promise<string | undefined> {
  await mkdir(path.dirname(file), { recursive: true });
  text = await schemaCommentFor(file, text);
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, text, { flag: 'w' });
  try {
    let backup: string | undefined;
    if (await exists(file)) {
      backup = `${file}.bak`;
      await copyFile(file, backup);
    }
    await rename(temporary, file);
    return backup;
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
