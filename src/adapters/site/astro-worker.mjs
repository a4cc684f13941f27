// Astro builds in a child process. It starts loading Astro as soon as it starts, while pledge is
// still loading its own modules, and starts the one build of both sites as soon as Astro is loaded:
// Vite compiles the pages while pledge computes the data, and waits for the view models (sent by
// pledge once computed) only when it loads the view modules.
// A process, not a thread: Astro places its prerender files by the working directory, which must
// be the build's temporary folder, and threads cannot have their own.
import module from 'node:module';
import { performance } from 'node:perf_hooks';
import { sitesViewPlugin } from './view-plugin.mjs';

const started = performance.now();
// As bin/pledge.mjs (and Astro's own CLI): compiled code kept between runs, not in CI.
if (!process.env.CI) module.enableCompileCache?.();
const astro = import('astro');
// Reported when the build awaits it, not as an unhandled rejection.
astro.catch(() => undefined);

// If pledge stops (Ctrl-C, a failed check), stop too rather than wait for views that never come.
process.once('disconnect', () => process.exit(1));

/** @type {(views: Record<'public' | 'internal', unknown>) => void} */
let receiveViews = () => undefined;
/** @type {Promise<Record<'public' | 'internal', unknown>>} */
const views = new Promise((resolve) => { receiveViews = resolve; });

process.on('message', (message) => {
  if (message.views) receiveViews(message.views);
  else void build(message);
});

/** @param {{ settings: import('astro').AstroInlineConfig, routes: Array<{ pattern: string, entrypoint: string }>, siteSources: string }} message */
async function build({ settings, routes, siteSources }) {
  /** @type {Record<string, number>} */
  const timings = {};
  let reply;
  try {
    const { build: astroBuild } = await astro;
    timings['astro-load'] = Math.round(performance.now() - started);
    const plugin = sitesViewPlugin(siteSources, {
      public: views.then((all) => all.public),
      internal: views.then((all) => all.internal),
    });
    const pages = {
      name: 'pledge-sites',
      hooks: { 'astro:config:setup': (/** @type {{ injectRoute: (route: { pattern: string, entrypoint: string }) => void }} */ { injectRoute }) => { for (const route of routes) injectRoute(route); } },
    };
    await astroBuild({ ...settings, integrations: [pages], vite: { ...settings.vite, plugins: [plugin] } });
    timings['astro-build'] = Math.round(performance.now() - started) - timings['astro-load'];
    const cpu = process.cpuUsage();
    timings['builder-cpu'] = Math.round((cpu.user + cpu.system) / 1000);
    reply = { ok: true, timings };
    // pledge stops this process with a signal, which would skip the write at exit.
    module.flushCompileCache?.();
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  // Done: exit on its own (a clean exit, which writes what --cpu-prof and the compile cache keep).
  process.send?.(reply, () => process.exit(0));
}
