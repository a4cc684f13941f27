import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VIEW_MODULES, viewPlugin } from '../../src/adapters/site/view-plugin.mjs';
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
