import { fork } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig } from 'astro';

/** The package's own folder: the Astro sources ship in src/site/ inside it. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SITE_SOURCES = path.join(PACKAGE_ROOT, 'src', 'site');

export type SiteKind = 'public' | 'internal';

/**
 * One static site: its own pages folder (src/site/public or src/site/internal), styles inlined,
 * no scripts, flat `.html` files so relative links work wherever it is deployed. Plain data, so it
 * can be sent to a worker; the worker adds the plugin that hands the site its view model.
 */
export function astroSettings(kind: SiteKind, outDir: string, workDir: string): AstroInlineConfig {
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
      logLevel: 'error',
      build: { sourcemap: false },
      server: { fs: { allow: [PACKAGE_ROOT, workDir] } },
    },
  };
}

export interface SiteBuilder {
  /** Builds the site from its view model; resolves when the pages are written. */
  build(view: unknown): Promise<void>;
  stop(): void;
}

/**
 * Starts a process that loads Astro at once, so loading it overlaps reading the data, and the two
 * sites build side by side on a multi-core machine. Each process only ever receives its own site's view.
 * `workDir` must exist: it is the process's working directory, which Astro's output must sit inside.
 */
export function startSiteBuilder(kind: SiteKind, outDir: string, workDir: string): SiteBuilder {
  const child = fork(fileURLToPath(new URL('./astro-worker.mjs', import.meta.url)), [], {
    cwd: workDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const done = new Promise<void>((resolve, reject) => {
    child.once('message', (reply: { ok: boolean; message?: string }) =>
      (reply.ok ? resolve() : reject(new Error(`The ${kind} site did not build: ${reply.message ?? 'unknown error'}`))));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`The ${kind} site builder stopped early (exit code ${code}).`)));
  });
  done.catch(() => undefined);
  return {
    build(view) {
      child.send({ settings: astroSettings(kind, outDir, path.join(workDir, `${kind}-work`)), view });
      return done;
    },
    stop: () => { if (child.exitCode === null) child.kill(); },
  };
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
