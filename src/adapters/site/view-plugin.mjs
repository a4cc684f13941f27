// Plain JavaScript, so the Astro build worker and astro.config.mjs can load it without a TypeScript loader.
import path from 'node:path';

/**
 * One module id per site, typed in src/site/env.d.ts: a public page that imported the internal view
 * would fail the type check, and the build too (see sitesViewPlugin).
 */
export const VIEW_MODULES = /** @type {const} */ ({
  public: 'virtual:pledge/public-view',
  internal: 'virtual:pledge/internal-view',
});

/**
 * One site's data as a virtual module, for building that site alone (astro.config.mjs, by hand).
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
    load: (requested) => (requested === resolved ? viewModule(view) : undefined),
  };
}

/**
 * Both sites' data for the one build of both sites (`pledge build`). Each view module may be imported
 * only from its own site's folder (`<siteSources>/public/` or `<siteSources>/internal/`): a public page
 * or a shared component that asked for the internal view fails the build. `views` are awaited when
 * the module is first loaded, so Vite can start compiling the pages while pledge still computes them.
 * @param {string} siteSources
 * @param {Record<keyof typeof VIEW_MODULES, Promise<unknown>>} views
 */
export function sitesViewPlugin(siteSources, views) {
  /** @type {Array<[keyof typeof VIEW_MODULES, string]>} */
  const kinds = [['public', VIEW_MODULES.public], ['internal', VIEW_MODULES.internal]];
  return {
    name: 'pledge-views',
    /** @param {string} requested @param {string | undefined} importer */
    resolveId(requested, importer) {
      const kind = kinds.find(([, id]) => id === requested)?.[0];
      if (!kind) return undefined;
      const folder = path.join(siteSources, kind) + path.sep;
      if (!importer?.split('?')[0]?.startsWith(folder)) {
        throw new Error(`${importer ?? 'An entry'} imports ${requested}; only the pages under ${folder} may.`);
      }
      return `\0${requested}`;
    },
    /** @param {string} requested */
    async load(requested) {
      const kind = kinds.find(([, id]) => `\0${id}` === requested)?.[0];
      return kind ? viewModule(await views[kind]) : undefined;
    },
  };
}

/** @param {unknown} view */
function viewModule(view) {
  return `export default ${JSON.stringify(view)};`;
}
