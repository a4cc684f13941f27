// Plain JavaScript, so the Astro build workers and astro.config.mjs can load it without a TypeScript loader.

export const VIEW_MODULE = 'virtual:pledge/view';

/**
 * The site's data as a virtual module: each build is handed only its own view model, so the
 * public build never has the internal data in memory, on disk or in its module graph.
 * @param {unknown} view
 */
export function viewPlugin(view) {
  const resolved = `\0${VIEW_MODULE}`;
  return {
    name: 'pledge-view',
    /** @param {string} id */
    resolveId: (id) => (id === VIEW_MODULE ? resolved : undefined),
    /** @param {string} id */
    load: (id) => (id === resolved ? `export default ${JSON.stringify(view)};` : undefined),
  };
}
