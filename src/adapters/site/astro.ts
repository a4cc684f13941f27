import { mkdir, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig } from 'astro';

/** The package's own folder: the Astro sources ship in src/site/ inside it. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SITE_SOURCES = path.join(PACKAGE_ROOT, 'src', 'site');

export type SiteKind = 'public' | 'internal';

export const VIEW_MODULE = 'virtual:pledge/view';

/**
 * The site's data as a virtual module: each build is handed only its own view model, so the
 * public build never has the internal data in memory, on disk or in its module graph.
 */
export function viewPlugin(view: unknown) {
  const resolved = `\0${VIEW_MODULE}`;
  return {
    name: 'pledge-view',
    resolveId: (id: string) => (id === VIEW_MODULE ? resolved : undefined),
    load: (id: string) => (id === resolved ? `export default ${JSON.stringify(view)};` : undefined),
  };
}

/**
 * One static site: its own pages folder (src/site/public or src/site/internal), styles inlined,
 * no scripts, flat `.html` files so relative links work wherever it is deployed.
 */
export function astroConfig(kind: SiteKind, view: unknown, outDir: string, workDir: string): AstroInlineConfig {
  return {
    configFile: false,
    root: workDir,
    srcDir: path.join(SITE_SOURCES, kind),
    publicDir: path.join(SITE_SOURCES, kind, 'static'),
    outDir,
    cacheDir: path.join(workDir, 'cache'),
    logLevel: 'error',
    compressHTML: true,
    devToolbar: { enabled: false },
    build: { format: 'file', inlineStylesheets: 'always', assets: '_assets' },
    vite: {
      plugins: [viewPlugin(view)],
      logLevel: 'error',
      build: { sourcemap: false },
      server: { fs: { allow: [PACKAGE_ROOT, workDir] } },
    },
  };
}

let astroModule: Promise<typeof import('astro')> | undefined;

/** Starts loading Astro once; failures surface when a build awaits it, never as an unhandled rejection. */
export function preloadAstro(): Promise<typeof import('astro')> {
  astroModule ??= import('astro');
  astroModule.catch(() => undefined);
  return astroModule;
}

/** Builds one site. Astro is loaded on first use, so commands that never build stay fast. */
export async function buildAstroSite(kind: SiteKind, view: unknown, outDir: string, workDir: string): Promise<void> {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const { build } = await preloadAstro();
  await build(astroConfig(kind, view, outDir, workDir));
}

/**
 * Astro resolves its runtime from the build root, and runs prerender chunks from the output folder,
 * both in a temporary folder inside the user's project: a link there to the node_modules that holds
 * astro (pledge's own, or a hoisted one) lets both find their packages.
 */
export async function linkNodeModules(workDir: string): Promise<void> {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  const nodeModules = path.dirname(path.dirname(astroPackage));
  await mkdir(workDir, { recursive: true });
  await symlink(nodeModules, path.join(workDir, 'node_modules'), 'junction');
}
