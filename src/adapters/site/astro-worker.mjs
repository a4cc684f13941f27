// Astro builds in a child process. It starts loading Astro as soon as it starts, while pledge is
// still loading its own modules and computing the data, then builds each site it is sent, one at a
// time, each from only its own settings and view model.
// A process, not a thread: Astro places its prerender files by the working directory, which must
// be the build's temporary folder, and threads cannot have their own.
import { viewPlugin } from './view-plugin.mjs';

const astro = import('astro');
// Reported when a build awaits it, not as an unhandled rejection.
astro.catch(() => undefined);

// If pledge stops (Ctrl-C, a failed check), stop too rather than wait for a view that never comes.
process.once('disconnect', () => process.exit(1));

let queue = Promise.resolve();
process.on('message', ({ kind, settings, view }) => {
  queue = queue.then(async () => {
    let reply;
    try {
      const { build } = await astro;
      await build({ ...settings, vite: { ...settings.vite, plugins: [viewPlugin(kind, view)] } });
      reply = { ok: true };
    } catch (error) {
      reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    process.send?.(reply);
  });
});
