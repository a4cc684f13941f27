// Astro settings for running the sites by hand (`PLEDGE_SITE=internal PLEDGE_VIEW=view.json npx astro build`).
// `pledge build` does not read this file: it passes the same settings inline (src/adapters/site/astro.ts)
// with each site's view model, computed from your content/, as a virtual module.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';

const site = process.env.PLEDGE_SITE === 'internal' ? 'internal' : 'public';
const viewFile = process.env.PLEDGE_VIEW;

export default defineConfig({
  srcDir: `./src/site/${site}`,
  publicDir: `./src/site/${site}/static`,
  outDir: `./dist/${site}`,
  compressHTML: true,
  devToolbar: { enabled: false },
  build: { format: 'file', inlineStylesheets: 'always', assets: '_assets' },
  vite: {
    plugins: [{
      name: 'pledge-view',
      resolveId: (id) => (id === 'virtual:pledge/view' ? '\0virtual:pledge/view' : undefined),
      load: (id) => (id === '\0virtual:pledge/view'
        ? `export default ${viewFile ? readFileSync(viewFile, 'utf8') : '{}'};`
        : undefined),
    }],
  },
});
