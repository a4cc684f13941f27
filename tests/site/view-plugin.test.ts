import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteRoutes } from '../../src/adapters/site/astro.ts';
import { sitesViewPlugin, VIEW_MODULES, viewPlugin } from '../../src/adapters/site/view-plugin.mjs';
import { REPO } from './helpers.ts';

const SITE = path.join(REPO, 'src', 'site');

/** Every .astro file of one site, relative to src/site. */
function pagesOf(kind: 'public' | 'internal'): string[] {
  return readdirSync(path.join(SITE, kind), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.astro')).map((file) => path.join(kind, file)).sort();
}

const viewImports = (file: string) => [...readFileSync(path.join(SITE, file), 'utf8').matchAll(/from '(virtual:[^']+)'/g)].map((match) => match[1]);

describe('the view modules the pages import', () => {
  it('serves each site only its own module id', () => {
    const publicPlugin = viewPlugin('public', { company: 'K' });
    expect(publicPlugin.resolveId(VIEW_MODULES.public)).toBe('\0virtual:pledge/public-view');
    expect(publicPlugin.resolveId(VIEW_MODULES.internal)).toBeUndefined();
    expect(publicPlugin.load('\0virtual:pledge/public-view')).toBe('export default {"company":"K"};');
    expect(viewPlugin('internal', {}).resolveId(VIEW_MODULES.public)).toBeUndefined();
  });

  it('in the one build of both sites, serves each view only to its own site\'s files, once its data has come', async () => {
    let provide: (view: unknown) => void = () => undefined;
    const internalView = new Promise((resolve) => { provide = resolve; });
    const plugin = sitesViewPlugin(SITE, { public: Promise.resolve({ company: 'K' }), internal: internalView });
    const publicPage = path.join(SITE, 'public', 'pages', 'index.astro');
    const internalPage = path.join(SITE, 'internal', 'pages', 'kpi', '[id].astro');
    expect(plugin.resolveId(VIEW_MODULES.public, publicPage)).toBe('\0virtual:pledge/public-view');
    expect(plugin.resolveId(VIEW_MODULES.internal, `${internalPage}?astro&type=script`)).toBe('\0virtual:pledge/internal-view');
    expect(plugin.resolveId('./other.ts', publicPage)).toBeUndefined();
    // A public page, a shared component, and a look-alike folder next to the internal one all fail the build.
    expect(() => plugin.resolveId(VIEW_MODULES.internal, publicPage)).toThrow(`${publicPage} imports virtual:pledge/internal-view; only the pages under ${path.join(SITE, 'internal')}/ may.`);
    expect(() => plugin.resolveId(VIEW_MODULES.public, path.join(SITE, 'shared', 'Page.astro'))).toThrow('only the pages under');
    expect(() => plugin.resolveId(VIEW_MODULES.internal, path.join(SITE, 'internal-copy', 'x.astro'))).toThrow('only the pages under');
    expect(() => plugin.resolveId(VIEW_MODULES.public, undefined)).toThrow('An entry imports virtual:pledge/public-view');
    await expect(plugin.load('\0virtual:pledge/public-view')).resolves.toBe('export default {"company":"K"};');
    const loading = plugin.load('\0virtual:pledge/internal-view');
    provide({ kpis: [] });
    await expect(loading).resolves.toBe('export default {"kpis":[]};');
    await expect(plugin.load('/some/file.ts')).resolves.toBeUndefined();
  });

  it('routes every page of both sites under its site\'s folder, keeping index pages as index.html', () => {
    const routes = siteRoutes(SITE).map((route) => [route.pattern, path.relative(SITE, route.entrypoint)]);
    expect(routes).toContainEqual(['/public/index', path.join('public', 'pages', 'index.astro')]);
    expect(routes).toContainEqual(['/internal/index', path.join('internal', 'pages', 'index.astro')]);
    expect(routes).toContainEqual(['/internal/kpi/[id]', path.join('internal', 'pages', 'kpi', '[id].astro')]);
    expect(routes.length).toBe(pagesOf('public').filter((file) => file.includes(`${path.sep}pages${path.sep}`)).length
      + pagesOf('internal').filter((file) => file.includes(`${path.sep}pages${path.sep}`)).length);
    expect(routes.every(([pattern, file]) => pattern?.startsWith(`/${file?.split(path.sep)[0]}/`))).toBe(true);
  });

  it('has each site import only its own view, which src/site/env.d.ts types from src/core/site', () => {
    const declared = readFileSync(path.join(SITE, 'env.d.ts'), 'utf8');
    expect(declared).toContain(`declare module '${VIEW_MODULES.public}' {\n  const view: import('../core/site/public-view.ts').PublicPageView;`);
    expect(declared).toContain(`declare module '${VIEW_MODULES.internal}' {\n  const view: import('../core/site/internal-view.ts').InternalSiteView;`);
    for (const kind of ['public', 'internal'] as const) {
      const importing = pagesOf(kind).filter((file) => viewImports(file).length);
      expect(importing.length, kind).toBeGreaterThan(0);
      for (const file of importing) expect(viewImports(file), file).toEqual([VIEW_MODULES[kind]]);
    }
  });

  it('npm test type-checks the .astro pages and lints src/site', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.test).toBe('npm run typecheck && npm run typecheck:site && npm run lint && vitest run');
    expect(scripts['typecheck:site']).toContain('astro check --tsconfig src/site/tsconfig.json');
    const eslintConfig = readFileSync(path.join(REPO, 'eslint.config.js'), 'utf8');
    expect(eslintConfig).not.toContain("'src/site/**'");
  });
});
