// Compiles src/ to plain JavaScript in lib/ for the published package (`npm pack` runs this as prepack).
// tsc emits the modules and the JSON they import; the files read at run time by path (templates,
// word lists, the Astro worker and view plugin) are copied beside them.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lib = path.join(root, 'lib');
const ASSET = /\.(hbs|yml|mjs|json)$/;

rmSync(lib, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
const src = path.join(root, 'src');
for (const name of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
  if (name.startsWith(`site${path.sep}`) || !ASSET.test(name)) continue;
  cpSync(path.join(src, name), path.join(lib, name));
}
