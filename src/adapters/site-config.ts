import path from 'node:path';
import { validateSource } from '../core/schema/validate.ts';
import { DEFAULT_SITE_CONFIG, siteConfigSchema, type SiteConfig } from '../core/site/config.ts';
import { exists, readYamlInput } from './files.ts';
import { contentPaths } from './project.ts';

/** content/site.yaml, validated (a wrong key or type is a located input error); the defaults without it. */
export async function loadSiteConfig(root: string, cwd?: string): Promise<SiteConfig> {
  const file = path.join(contentPaths(root).contentDir, 'site.yaml');
  if (!(await exists(file))) return DEFAULT_SITE_CONFIG;
  return validateSource(await readYamlInput(file, cwd, root), siteConfigSchema);
}
