import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroInlineConfig } from 'astro';

/** The package's own folder: the Astro sources ship in src/site/ inside it. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SITE_SOURCES = path.join(PACKAGE_ROOT, 'src', 'site');

export type SiteKind = 'public' | 'internal';
export const SITE_KINDS: readonly SiteKind[] = ['public', 'internal'];

/** A page of one site, as the one build of both sites serves it: under `/<kind>/`. */
export interface SiteRoute {
  pattern: string;
  entrypoint: string;
}

/**
 * Every page of both sites: `src/site/<kind>/pages/x/y.astro` becomes the route `/<kind>/x/y`, so the
 * one build writes `<outDir>/<kind>/x/y.html`, the same file a build of that site alone writes as
 * `x/y.html` (an `index.astro` stays `index`, which `build.format: 'file'` would otherwise fold into
 * its folder's name).
 */
export function siteRoutes(siteSources = SITE_SOURCES): SiteRoute[] {
  return SITE_KINDS.flatMap((kind) => {
    const pages = path.join(siteSources, kind, 'pages');
    return readdirSync(pages, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.astro')).sort()
      .map((file) => ({ pattern: `/${kind}/${file.slice(0, -'.astro'.length).split(path.sep).join('/')}`, entrypoint: path.join(pages, file) }));
  });
}

/**
 * Both static sites in one Astro build, each page under its site's folder of `outDir`: styles
 * inlined, no scripts, flat `.html` files so relative links work wherever a site is deployed. Plain
 * data, so it can be sent to the worker; the worker adds the routes (an integration) and the plugin
 * that hands each site its view model. No srcDir pages of its own (src/site/pages does not exist):
 * the pages are the routes from siteRoutes().
 */
export function astroSettings(outDir: string, workDir: string): AstroInlineConfig {
  return {
    configFile: false,
    root: workDir,
    srcDir: SITE_SOURCES,
    // Nothing copied as is: each site's pages carry everything they need (fonts are added afterwards).
    publicDir: path.join(workDir, 'no-static-files'),
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

export type SiteViews = Record<SiteKind, unknown>;

export interface SiteBuilder {
  /** Hands the build the view models, which it awaits once it has compiled the pages. */
  provide(views: SiteViews): void;
  /** Resolves when every page of both sites is written into the builder's outDir, with the builder's own step times. */
  readonly done: Promise<Record<string, number>>;
  /** Stops the build if it has not ended; resolves once it has, so that its folder can be removed. */
  stop(): Promise<void>;
}

interface WorkerReply {
  id: number;
  ok: boolean;
  message?: string;
  timings?: Record<string, number>;
}

/**
 * The process that runs Astro (astro-worker.mjs): it loads Astro as soon as it starts and runs the
 * builds it is sent one after another. `cwd` must exist: Astro's output must sit inside it.
 */
export class SiteWorker {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, { resolve: (timings: Record<string, number>) => void; reject: (error: Error) => void }>();
  private builds = 0;

  /** `keep`: stay, Astro loaded, for further builds (`pledge dev`); without it the process exits after one. */
  constructor(cwd: string, private readonly keep: boolean) {
    this.child = fork(fileURLToPath(new URL('./astro-worker.mjs', import.meta.url)), [], {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      execArgv: [],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (reply: WorkerReply) => {
      const build = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      if (reply.ok) build?.resolve(reply.timings ?? {});
      else build?.reject(new Error(`The sites did not build: ${reply.message ?? 'unknown error'}`));
    });
    const failAll = (error: Error) => {
      for (const build of this.waiting.values()) build.reject(error);
      this.waiting.clear();
    };
    this.child.on('error', failAll);
    // 'close', not 'exit': after the channel's last message, which may arrive after the exit itself.
    this.child.on('close', (code) => failAll(new Error(`The site builder stopped early (exit code ${code}).`)));
  }

  /**
   * Starts one Astro build of both sites: `workDir` (the worker's folder or one inside it) is its
   * root, `outDir` where it writes `<kind>/` for each site. Vite compiles the pages at once; they wait
   * for their data (provide()) only when Vite loads the view modules.
   */
  build(workDir: string, outDir: string): SiteBuilder {
    const id = ++this.builds;
    let answered = false;
    const done = new Promise<Record<string, number>>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
    }).finally(() => { answered = true; });
    // A build stopped on purpose (a blocking finding) is never awaited.
    done.catch(() => undefined);
    if (!this.send({ id, keep: this.keep, settings: astroSettings(outDir, workDir), routes: siteRoutes(), siteSources: SITE_SOURCES })) {
      // A kept worker that died since: nothing would ever answer (pledge dev then starts a fresh one).
      this.waiting.get(id)?.reject(new Error('The site builder is no longer running.'));
      this.waiting.delete(id);
    }
    return {
      provide: (views) => { this.send({ id, views }); },
      done,
      // A one-build process answers and exits by itself; a kept one stays for the next build, and
      // its stopped build may still write into its folder until it has answered.
      stop: () => {
        if (!answered) {
          if (this.keep) this.send({ id, cancel: true });
          else this.kill();
        }
        return done.then(() => undefined, () => undefined);
      },
    };
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }

  /** False when the worker is gone: it has already failed the builds it had (see 'close'). */
  private send(message: object): boolean {
    if (!this.child.connected) return false;
    this.child.send(message);
    return true;
  }
}

/**
 * Starts a process that loads Astro and builds both sites once, so that loading Astro and Vite
 * compiling the pages overlap pledge loading its own modules and computing the KPIs: the pages wait
 * for their data (provide()) only when Vite loads the view modules. `workDir` must exist: it is the
 * process's working directory, which Astro's output must sit inside.
 */
export function startSiteBuilder(workDir: string, outDir: string): SiteBuilder {
  return new SiteWorker(workDir, false).build(workDir, outDir);
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
