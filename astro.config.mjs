// Astro settings for running the sites by hand (`PLEDGE_SITE=internal PLEDGE_VIEW=view.json npx astro build`).
// `pledge build` does not read this file: it passes the same settings inline (src/adapters/site/astro.ts)
// with each site's view model, computed from your content/, as a virtual module.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import { viewPlugin } from './src/adapters/site/view-plugin.mjs';

const site = process.env.PLEDGE_SITE === 'internal' ? 'internal' : 'public';
const viewFile = process.env.PLEDGE_VIEW;

export default defineConfig({
  srcDir: `./src/site/${site}`,
  publicDir: `./src/site/${site}/static`,
  outDir: `./dist/${site}`,
  compressHTML: true,
  devToolbar: { enabled: false },
  build: { format: 'file', inlineStylesheets: 'always', assets: '_assets' },
  vite: { plugins: [viewPlugin(site, viewFile ? JSON.parse(readFileSync(viewFile, 'utf8')) : {})] },
});
