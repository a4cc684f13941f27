// Builds lib/, the plain JavaScript of the published package (`npm pack` runs this as prepack), so an
// installed pledge needs neither tsx nor esbuild at run time.
//
// The CLI is bundled (esbuild) rather than compiled file by file: Node spends most of a short command
// resolving and loading modules, and `pledge check` alone needs about 550 of them (its own and its
// dependencies'). The bundle is lib/main.js plus one chunk per lazily imported part (each command, the
// report pipeline...), all in lib/ itself; the CSV worker thread is its own bundle at the path parallel.ts
// starts it from; `pledge check` is also lib/check.cjs, on its own (see below). Heavy dependencies of
// build, dev and pdf only (Astro, puppeteer, DuckDB, pg, the chart libraries) stay ordinary imports of
// node_modules, loaded only by the commands that need them.
//
// Files that pledge reads at run time by path (templates, word lists, finding texts, the Astro worker
// and its view plugin) are copied to lib/ at the place they have under src/, and each bundled module
// sees `import.meta.url` as that place (see `sourcePlaces`), so `new URL('../core/...', import.meta.url)`
// finds them. The built-in word lists and finding texts are also written as JSON beside their YAML,
// already parsed: check-project.ts reads those first.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { libIsFresh, sourcesState, STAMP } from '../bin/fresh-lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = path.join(root, 'src');
const final = path.join(root, 'lib');

// `prepare` runs this on every `npm install` and `npm pack`: a lib/ bundled from the sources as they are
// is kept (bin/pledge.mjs may be running it), unless --force (`prepublishOnly`). An install without the
// sources or the bundler (a Docker layer of package.json alone, `--omit=dev`) leaves lib/ unbuilt, and a
// checkout then runs its sources.
const force = process.argv.includes('--force');
if (!force && libIsFresh(root)) process.exit(0);
const asPrepare = process.env.npm_lifecycle_event === 'prepare';
const imported = await Promise.all([import('esbuild'), import('handlebars'), import('yaml')]).catch((error) => {
  if (!asPrepare || force) throw error;
  return undefined;
});
if (!imported || !existsSync(path.join(src, 'cli', 'main.ts'))) {
  console.warn('pledge: lib/ not built (no sources or no esbuild here); bin/pledge.mjs runs the sources.');
  process.exit(0);
}
const [esbuild, { default: Handlebars }, { parseDocument }] = imported;
// Built beside lib/ and swapped in whole: a pledge running lib/ never sees it half-made. Every place the
// bundle records is relative to its own folder, so the folder's name does not matter.
const lib = path.join(root, `lib.partial-${process.pid}`);
const ASSET = /\.(hbs|yml|mjs)$/;

/**
 * Dependencies left outside the bundle: native or large, needing their own files at run time (Astro,
 * Vite, puppeteer, the fonts), and used only by build, dev, pdf or a database source. The rest (zod,
 * yaml, handlebars, the markdown parser...) is what check loads, and goes into the bundle; so do the
 * chart and HTML libraries `pledge build` loads (Observable Plot, linkedom, rehype), about 300 modules
 * that cost a build 0.15 s of CPU to load one by one, in chunks that only build, dev and pdf import.
 */
const EXTERNAL = [
  'astro', 'vite', 'puppeteer-core', '@duckdb/node-api', 'pg', 'echarts',
  '@clack/prompts', 'cli-progress', '@fontsource/*',
  // Only reached from the TypeScript sources (worker-bundle.ts, bin/pledge.mjs), never from lib/.
  'esbuild', 'tsx',
];

/** Bundled into the chunks of build, dev and pdf, but left out of lib/check.cjs, which has no chunks. */
const BUILD_ONLY = ['@observablehq/plot', 'linkedom', 'rehype-sanitize', 'rehype-stringify', 'remark-rehype'];

/**
 * Each src/ module, wherever the bundle puts it, sees `import.meta.url` as the URL its own compiled file
 * would have (lib/<its path>.js), written relative to the output file so the package can be moved.
 */
function sourcePlaces(outdir, base = 'import.meta.url') {
  return {
    name: 'source-places',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(src + path.sep)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        if (/import\.meta\.(dirname|filename)/.test(text)) {
          throw new Error(`${path.relative(root, args.path)}: use new URL(..., import.meta.url), which the bundle rewrites, not import.meta.dirname or filename`);
        }
        const place = path.join(lib, path.relative(src, args.path)).replace(/\.ts$/, '.js');
        const relative = path.relative(outdir, place).split(path.sep).join('/');
        const url = `new URL(${JSON.stringify(relative.startsWith('.') ? relative : `./${relative}`)}, ${base}).href`;
        return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/**
 * src/adapters/builtin-templates.ts, empty in the sources, written here with every built-in template
 * precompiled: handlebars' parser and code generator then never run for them, and the compiled functions
 * are in the bundle's code cache. Options as compose.ts compiles with (COMPILE_OPTIONS).
 */
function precompiledTemplates() {
  const file = path.join(src, 'adapters', 'builtin-templates.ts');
  const dir = path.join(src, 'core', 'compose', 'templates');
  return {
    name: 'precompiled-templates',
    setup(build) {
      build.onLoad({ filter: /builtin-templates\.ts$/ }, (args) => {
        if (args.path !== file) return undefined;
        const entries = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.hbs')).sort().map((name) => {
          const text = readFileSync(path.join(dir, name), 'utf8');
          const spec = Handlebars.precompile(text, { noEscape: true, strict: false });
          return `  ${JSON.stringify(name.slice(0, -'.hbs'.length).split(path.sep).join('/'))}: { text: ${JSON.stringify(text)}, spec: ${spec} },`;
        });
        return { contents: `export const PRECOMPILED = {\n${entries.join('\n')}\n};\n`, loader: 'js' };
      });
    },
  };
}

/** Bundled CommonJS (handlebars) may call require() for Node's own modules: give ESM chunks one. */
const REQUIRE_BANNER = "import { createRequire as __pledgeCreateRequire } from 'node:module'; const require = __pledgeCreateRequire(import.meta.url);";

async function bundle(entryPoints, outdir, options = {}) {
  await esbuild.build({
    entryPoints, outdir, bundle: true, format: 'esm', platform: 'node', target: 'node22',
    external: EXTERNAL, plugins: [precompiledTemplates(), sourcePlaces(outdir)], banner: { js: REQUIRE_BANNER },
    logLevel: 'warning', ...options,
  });
}

const state = sourcesState(root);
rmSync(lib, { recursive: true, force: true });
await bundle({ main: path.join(src, 'cli', 'main.ts') }, lib, { splitting: true, chunkNames: 'chunk-[hash]' });
// `pledge check` also as one classic script, lib/check.cjs, that bin/pledge.mjs runs through node:vm. An
// ES module's V8 code cache (Node's compile cache) is made as the module is compiled, so it holds only the
// top-level code: each run compiled every function it called again. A script's cache can be made after it
// has run, with every function the check compiled; that was a fifth of the check's time. The CommonJS
// format has no import.meta: each module's place is worked out from the script's own file name instead.
await esbuild.build({
  entryPoints: { check: path.join(src, 'cli', 'check-main.ts') }, outdir: lib, outExtension: { '.js': '.cjs' },
  bundle: true, format: 'cjs', platform: 'node', target: 'node22', external: [...EXTERNAL, ...BUILD_ONLY],
  plugins: [precompiledTemplates(), sourcePlaces(lib, '__pledgeUrl')], define: { 'import.meta.url': '__pledgeUrl' },
  banner: { js: "const __pledgeUrl = require('node:url').pathToFileURL(__filename).href;" }, logLevel: 'warning',
});
await bundle([path.join(src, 'adapters', 'data', 'scan-worker.ts')], path.join(lib, 'adapters', 'data'));

for (const name of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
  if (name.startsWith(`site${path.sep}`) || !ASSET.test(name)) continue;
  const to = path.join(lib, name);
  mkdirSync(path.dirname(to), { recursive: true });
  cpSync(path.join(src, name), to);
  if (name.endsWith('.yml')) {
    // Parsed here once rather than on every run (a word list or finding texts are pledge's own, so valid).
    const doc = parseDocument(readFileSync(path.join(src, name), 'utf8'), { uniqueKeys: true });
    if (doc.errors.length) throw new Error(`${name}: ${doc.errors[0].message}`);
    writeFileSync(to.replace(/\.yml$/, '.json'), JSON.stringify(doc.toJS()));
  }
}
// Last: lib/ is whole, and stamped with the sources' state only if no source changed while it was made.
if (sourcesState(root) === state) writeFileSync(path.join(lib, STAMP), state);
const old = `${final}.old-${process.pid}`;
if (existsSync(final)) renameSync(final, old);
renameSync(lib, final);
rmSync(old, { recursive: true, force: true });
