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
  /** Builds one site from its view model; builds run one after another; resolves when its pages are written. */
  build(kind: SiteKind, view: unknown, outDir: string): Promise<void>;
  stop(): void;
}

/**
 * Starts a process that loads Astro at once, so that loading it overlaps loading pledge's modules and
 * computing the KPIs. Each build it runs gets only its own site's settings and view model.
 * `workDir` must exist: it is the process's working directory, which Astro's output must sit inside.
 */
export function startSiteBuilder(workDir: string): SiteBuilder {
  const child = fork(fileURLToPath(new URL('./astro-worker.mjs', import.meta.url)), [], {
    cwd: workDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    execArgv: [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: Array<{ kind: SiteKind; resolve: () => void; reject: (error: Error) => void }> = [];
  child.on('message', (reply: { ok: boolean; message?: string }) => {
    const next = waiting.shift();
    if (reply.ok) next?.resolve();
    else next?.reject(new Error(`The ${next.kind} site did not build: ${reply.message ?? 'unknown error'}`));
  });
  const failAll = (error: Error) => { for (const next of waiting.splice(0)) next.reject(error); };
  child.on('error', failAll);
  child.on('exit', (code) => failAll(new Error(`The site builder stopped early (exit code ${code}).`)));
  return {
    build(kind, view, outDir) {
      const done = new Promise<void>((resolve, reject) => { waiting.push({ kind, resolve, reject }); });
      child.send({ kind, settings: astroSettings(kind, outDir, path.join(workDir, `${kind}-work`)), view });
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
