// One Astro build in a child process. It starts loading Astro as soon as it starts, while pledge is
// still reading and computing the data, then builds when it is sent its settings and view model.
// A process, not a thread: Astro places its prerender files by the working directory, and each
// build needs its own (the build's temporary folder), which threads cannot have.
import { viewPlugin } from './view-plugin.mjs';

const astro = import('astro');
// Reported when the build awaits it, not as an unhandled rejection.
astro.catch(() => undefined);

// If pledge stops (Ctrl-C, a failed check), stop too rather than wait for a view that never comes.
process.once('disconnect', () => process.exit(1));

process.once('message', async ({ settings, view }) => {
  let reply;
  try {
    const { build } = await astro;
    await build({ ...settings, vite: { ...settings.vite, plugins: [viewPlugin(view)] } });
    reply = { ok: true };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  process.send?.(reply, () => process.exit(0));
});
