import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const root = process.cwd();
const out = '/tmp/h11s/libp';
const plugin = { name: 'meta', setup(b) { b.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
  let text = await readFile(args.path, 'utf8');
  const rel = path.relative(path.join(root,'src'), args.path).replace(/\.ts$/, '.js');
  const url = pathToFileURL(path.join(root, 'lib', rel)).href;
  text = text.replaceAll('import.meta.url', JSON.stringify(url)).replaceAll('import.meta.dirname', JSON.stringify(path.dirname(path.join(root,'lib',rel))));
  return { contents: text, loader: 'ts' };
}); } };
const r = await esbuild.build({ entryPoints: ['src/cli/main.ts'], bundle: true, splitting: true, format: 'esm', platform: 'node', outdir: out, plugins:[plugin], metafile: true,
  external: ['astro', 'vite', 'puppeteer-core', '@duckdb/node-api', 'pg', 'esbuild', 'linkedom', 'echarts', '@observablehq/plot', 'tsx'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }, logLevel: 'warning' });
console.log(Object.keys(r.metafile.outputs).length, 'outputs');
for (const [k,v] of Object.entries(r.metafile.outputs)) if (v.bytes > 50000) console.log(k, v.bytes);
