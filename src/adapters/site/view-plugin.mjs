// Plain JavaScript, so the Astro build workers and astro.config.mjs can load it without a TypeScript loader.

/**
 * One module id per site, typed in src/site/env.d.ts: a public page that imported the internal view
 * would fail the type check, and the build too, since the public build serves only its own id.
 */
export const VIEW_MODULES = /** @type {const} */ ({
  public: 'virtual:pledge/public-view',
  internal: 'virtual:pledge/internal-view',
});

/**
 * The site's data as a virtual module: each build is handed only its own view model, so the
 * public build never has the internal data in memory, on disk or in its module graph.
 * @param {keyof typeof VIEW_MODULES} kind
 * @param {unknown} view
 */
export function viewPlugin(kind, view) {
  const id = VIEW_MODULES[kind];
  const resolved = `\0${id}`;
  return {
    name: 'pledge-view',
    /** @param {string} requested */
    resolveId: (requested) => (requested === id ? resolved : undefined),
    /** @param {string} requested */
    load: (requested) => (requested === resolved ? `export default ${JSON.stringify(view)};` : undefined),
  };
}
