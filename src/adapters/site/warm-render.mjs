// Under `pledge dev`, a save changes only the data the pages render, never their code (src/site/ is
// pledge's own). So the kept worker bundles the pages once, with view modules that read the current
// views at render time instead of holding them, keeps the bundle Astro loaded to prerender them, and
// after each later save only renders every page again with the new views: no Vite, no Rolldown.
// What this writes is checked against what Astro itself wrote on the first build (see keep()), and
// tests/site/dev-rebuild.test.ts checks it against a cold `pledge build`.
import { Buffer } from 'node:buffer';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { VIEW_MODULES } from './view-plugin.mjs';

/** @typedef {Record<'public' | 'internal', unknown>} Views */
/** @typedef {{ pathname: string, route: unknown }} StaticPath */
/**
 * Astro's prerenderer (`astro:build:start`'s setPrerenderer), as far as this file uses it.
 * @typedef {{ setup?: () => Promise<void>, getStaticPaths: () => Promise<StaticPath[]>,
 *   render: (request: Request, options: { routeData: unknown, collectMetadata?: boolean }) => Promise<Response | { response: Response }>,
 *   teardown?: () => Promise<void>, app?: { routeCache?: { clearAll(): void } } }} Prerenderer
 */

const STORE = Symbol.for('pledge.dev.views');
/** @type {{ current: Views | undefined }} */
const store = { current: undefined };
/** @type {Record<PropertyKey, unknown>} */ (/** @type {unknown} */ (globalThis))[STORE] = store;

/**
 * A Vite plugin, placed before sitesViewPlugin (which still checks who imports which view): each view
 * module is a stand-in for the site's current view, so the bundle does not depend on the data.
 */
export function liveViewsPlugin() {
  const kinds = /** @type {Array<keyof typeof VIEW_MODULES>} */ (Object.keys(VIEW_MODULES));
  return {
    name: 'pledge-live-views',
    /** @param {string} requested */
    load(requested) {
      const kind = kinds.find((name) => `\0${VIEW_MODULES[name]}` === requested);
      return kind ? liveModule(kind) : undefined;
    },
  };
}

/** @param {keyof typeof VIEW_MODULES} kind */
function liveModule(kind) {
  // Every read goes to the views of the build being rendered: a page reads its view in its
  // frontmatter, which runs for each render, so the same module serves every build.
  return `const store = globalThis[Symbol.for('pledge.dev.views')];
const view = () => store.current[${JSON.stringify(kind)}];
export default new Proxy({}, {
  get: (_, key) => Reflect.get(view(), key),
  has: (_, key) => Reflect.has(view(), key),
  ownKeys: () => Reflect.ownKeys(view()),
  getOwnPropertyDescriptor: (_, key) => {
    const found = Reflect.getOwnPropertyDescriptor(view(), key);
    return found && { ...found, configurable: true };
  },
});
`;
}

/** @param {Record<'public' | 'internal', Promise<unknown>>} views */
async function useViews(views) {
  const [publicView, internalView] = await Promise.all([views.public, views.internal]);
  // Through JSON, as a cold build's view modules hold them (view-plugin.mjs): the views arrive as
  // structured clones, which keep undefined keys, NaN and Dates that JSON drops or turns into text.
  store.current = { public: asJson(publicView), internal: asJson(internalView) };
}

/** @param {unknown} view */
const asJson = (view) => JSON.parse(JSON.stringify(view));

/**
 * The pages' bundle, loaded, as a build left it: renders every page again with new views.
 */
export class WarmPages {
  /** @param {Prerenderer} prerenderer @param {string} origin */
  constructor(prerenderer, origin) {
    this.prerenderer = prerenderer;
    this.origin = origin;
  }

  /**
   * Every page of both sites with `views`, written into `outDir` as Astro's build writes them.
   * @param {Record<'public' | 'internal', Promise<unknown>>} views
   * @param {string} outDir
   */
  async render(views, outDir) {
    await useViews(views);
    // Astro keeps each route's getStaticPaths() result; the pages of [id] routes come from the views.
    this.prerenderer.app?.routeCache?.clearAll();
    const paths = await this.prerenderer.getStaticPaths();
    for (const { pathname, route } of paths) {
      const rendered = await this.prerenderer.render(new globalThis.Request(requestUrl(pathname, this.origin)), { routeData: route, collectMetadata: false });
      const response = rendered instanceof globalThis.Response ? rendered : rendered.response;
      if (response.status !== 200) throw new Error(`Rendering ${pathname} answered ${response.status}.`);
      const file = outFile(outDir, pathname);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
    }
  }
}

/**
 * Wraps the prerenderer of a full build (`setPrerenderer`) to keep it, loaded, once the build ends,
 * and to see the requests Astro makes. `keep(outDir)` then returns the pages, or undefined if what
 * WarmPages would request and write is not exactly what this build did (later builds are then full).
 * @param {Record<'public' | 'internal', Promise<unknown>>} views
 */
export function keepingPrerenderer(views) {
  /** @type {Prerenderer | undefined} */
  let kept;
  /** @type {StaticPath[]} */
  let paths = [];
  /** @type {string[]} */
  const requested = [];
  return {
    /** @param {Prerenderer} prerenderer */
    wrap(prerenderer) {
      kept = prerenderer;
      return {
        ...prerenderer,
        name: 'pledge:kept',
        setup: async () => {
          await useViews(views);
          await prerenderer.setup?.();
        },
        getStaticPaths: async () => (paths = await prerenderer.getStaticPaths()),
        /** @param {Request} request @param {{ routeData: unknown, collectMetadata?: boolean }} options */
        render: (request, options) => {
          requested.push(request.url);
          return prerenderer.render(request, options);
        },
        // The loaded bundle stays for the next build; Astro's own teardown frees nothing it needs.
        teardown: async () => undefined,
      };
    },
    /** @param {string} outDir */
    async keep(outDir) {
      const origin = requested[0] && new URL(requested[0]).origin;
      // Without a route cache to clear, pages of [id] routes would keep their first props.
      if (!kept || !origin || !paths.length || typeof kept.app?.routeCache?.clearAll !== 'function') return undefined;
      const expected = paths.map(({ pathname }) => requestUrl(pathname, origin)).sort();
      const files = paths.map(({ pathname }) => path.relative(outDir, outFile(outDir, pathname))).sort();
      const written = (await readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile()).map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name))).sort();
      const same = (/** @type {string[]} */ a, /** @type {string[]} */ b) => a.length === b.length && a.every((item, index) => item === b[index]);
      return same(expected, [...requested].sort()) && same(files, written) ? new WarmPages(kept, origin) : undefined;
    },
  };
}

/** As Astro requests a page with `build.format: 'file'` and base '/'. @param {string} pathname @param {string} origin */
function requestUrl(pathname, origin) {
  return new URL(`/${pathname.replace(/^\/+|\/+$/g, '') || 'index'}.html`, origin).href;
}

/** As Astro writes a page with `build.format: 'file'`. @param {string} outDir @param {string} pathname */
function outFile(outDir, pathname) {
  return path.join(outDir, `${pathname.replace(/^\/+|\/+$/g, '') || 'index'}.html`);
}
