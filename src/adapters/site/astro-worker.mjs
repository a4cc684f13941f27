// Astro builds in a child process. It starts loading Astro as soon as it starts, while pledge is
// still loading its own modules, and starts the one build of both sites as soon as Astro is loaded:
// Vite compiles the pages while pledge computes the data, and waits for the view models (sent by
// pledge once computed) only when it loads the view modules.
// A process, not a thread: Astro places its prerender files by the working directory, which must
// be the build's temporary folder (or hold it), and threads cannot have their own.
//
// Messages, each with the build's `id`: { id, settings, routes, siteSources, keep } starts a build
// (builds run one after another); { id, views } hands it its view models; { id, cancel: true } stops
// waiting for them (the build fails at once, or is skipped if it has not started). Without `keep`
// (`pledge build`) the process exits after its build; with it (`pledge dev`) it stays, Astro loaded,
// for the next one, which only renders the pages again from the bundle the first one left
// (warm-render.mjs).
import module from 'node:module';
import { performance } from 'node:perf_hooks';
import { rm } from 'node:fs/promises';
import { sitesViewPlugin } from './view-plugin.mjs';
import { keepingPrerenderer, liveViewsPlugin } from './warm-render.mjs';

const started = performance.now();
// As bin/pledge.mjs (and Astro's own CLI): compiled code kept between runs, not in CI.
if (!process.env.CI) module.enableCompileCache?.();
const astro = import('astro');
// Reported when the build awaits it, not as an unhandled rejection.
astro.catch(() => undefined);

// If pledge stops (Ctrl-C, a failed check), stop too rather than wait for views that never come.
process.once('disconnect', () => process.exit(1));

/**
 * `sync: false`: no `astro sync` before the build. It starts a second, temporary Vite server to sync
 * content collections and writes `.astro/` types; the sites have no collections (their data is the
 * view modules) and nothing reads the types of a build's temporary folder. An option of Astro's
 * builder that `build()` passes on but does not declare.
 */
const BUILD_OPTIONS = /** @type {Parameters<typeof import('astro').build>[1]} */ ({ sync: false });

/** @typedef {Record<'public' | 'internal', unknown>} Views */
/** @typedef {{ receive: (views: Views) => void, receivedAt: number, cancel: () => void, cancelled: boolean, views: Record<'public' | 'internal', Promise<unknown>> }} Pending */

/** The builds sent and not yet answered, by id: their views may arrive before they start. */
/** @type {Map<number, Pending>} */
const pending = new Map();
let queue = Promise.resolve();
/** A kept process's pages, bundled and loaded by its last full build (see warm-render.mjs). */
/** @type {import('./warm-render.mjs').WarmPages | undefined} */
let warm;

process.on('message', (message) => {
  const build = pending.get(message.id);
  if (message.views) build?.receive(message.views);
  else if (message.cancel) build?.cancel();
  else {
    pending.set(message.id, waitForViews());
    queue = queue.then(() => runBuild(message));
  }
});

/** @returns {Pending} */
function waitForViews() {
  /** @type {Pending} */
  const build = { receive: () => undefined, receivedAt: 0, cancel: () => undefined, cancelled: false, views: { public: Promise.resolve(), internal: Promise.resolve() } };
  /** @type {Promise<Views>} */
  const all = new Promise((resolve, reject) => {
    build.receive = (views) => {
      build.receivedAt = performance.now();
      resolve(views);
    };
    build.cancel = () => {
      build.cancelled = true;
      reject(new Error('The build was stopped before its pages had their data.'));
    };
  });
  build.views = { public: all.then((views) => views.public), internal: all.then((views) => views.internal) };
  // A cancelled build's views may never be awaited (it stopped earlier, or never started).
  for (const view of [all, build.views.public, build.views.internal]) view.catch(() => undefined);
  return build;
}

/** @param {{ id: number, keep: boolean, settings: import('astro').AstroInlineConfig, routes: Array<{ pattern: string, entrypoint: string }>, siteSources: string }} message */
async function runBuild({ id, keep, settings, routes, siteSources }) {
  const build = /** @type {Pending} */ (pending.get(id));
  const begun = performance.now();
  /** @type {Record<string, number>} */
  const timings = {};
  let reply;
  try {
    if (build.cancelled) throw new Error('The build was stopped before it started.');
    if (warm) {
      try {
        await warm.render(build.views, /** @type {string} */ (settings.outDir));
        timings['astro-render'] = Math.round(performance.now() - begun);
        timings['builder-cpu'] = builderCpu();
        return await answer(id, keep, { id, ok: true, timings });
      } catch (error) {
        if (build.cancelled) throw error;
        // Whatever went wrong, a full build of the same pages either does it right or says why.
        warm = undefined;
        await rm(/** @type {string} */ (settings.outDir), { recursive: true, force: true });
      }
    }
    const { build: astroBuild } = await astro;
    // From the process's start for a first build; for a kept process's later builds, only the wait.
    timings['astro-load'] = Math.round(performance.now() - (keep ? begun : started));
    const loaded = performance.now();
    // When the pages first ask for their data (Vite has compiled them): the wait from then until
    // the views arrive is the time the build spent waiting for pledge, not for Astro.
    let asked = 0;
    const views = /** @type {Pending['views']} */ ({});
    for (const kind of /** @type {const} */ (['public', 'internal'])) {
      Object.defineProperty(views, kind, { enumerable: true, get: () => { asked ||= performance.now(); return build.views[kind]; } });
    }
    const plugin = sitesViewPlugin(siteSources, views);
    // Kept: pages whose bundle does not hold the data, and the prerenderer that has loaded them.
    const keeper = keep ? keepingPrerenderer(build.views) : undefined;
    const pages = {
      name: 'pledge-sites',
      hooks: {
        'astro:config:setup': (/** @type {{ injectRoute: (route: { pattern: string, entrypoint: string }) => void }} */ { injectRoute }) => { for (const route of routes) injectRoute(route); },
        ...(keeper ? { 'astro:build:start': (/** @type {{ setPrerenderer: (wrap: unknown) => void }} */ { setPrerenderer }) => setPrerenderer(keeper.wrap) } : {}),
      },
    };
    // Kept (`pledge dev`), a build stopped by a blocking finding fails on purpose: not logged as an
    // error; a real failure's message still reaches pledge dev, which shows it in the terminal and page.
    const logLevel = keep ? 'silent' : settings.logLevel;
    await astroBuild({ ...settings, logLevel, integrations: [pages], vite: { ...settings.vite, plugins: keeper ? [liveViewsPlugin(), plugin] : [plugin] } }, BUILD_OPTIONS);
    timings['astro-build'] = Math.round(performance.now() - loaded);
    if (asked) {
      timings['astro-compile'] = Math.round(asked - loaded);
      timings['astro-waited'] = Math.round(Math.max(0, build.receivedAt - asked));
    }
    warm = await keeper?.keep(/** @type {string} */ (settings.outDir));
    timings['builder-cpu'] = builderCpu();
    reply = { id, ok: true, timings };
    // pledge stops this process with a signal, which would skip the write at exit.
    module.flushCompileCache?.();
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  await answer(id, keep, reply);
}

/** This process's CPU time so far, in milliseconds. */
function builderCpu() {
  const cpu = process.cpuUsage();
  return Math.round((cpu.user + cpu.system) / 1000);
}

/**
 * Done: a one-build process exits on its own (a clean exit, which writes what --cpu-prof and the
 * compile cache keep); a kept one waits for the next build.
 * @param {number} id @param {boolean} keep @param {object} reply
 */
async function answer(id, keep, reply) {
  pending.delete(id);
  await new Promise((resolve) => process.send?.(reply, () => (keep ? resolve(undefined) : process.exit(0))));
}
