import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError, InputErrors, type Place } from '../core/input-error.ts';
import { validateSource } from '../core/schema/validate.ts';
import { DEFAULT_SITE_CONFIG, siteConfigSchema, type SiteConfig, type SiteImages } from '../core/site/config.ts';
import { IMAGE_KINDS, sniffImage, type ImageKind } from '../core/site/images.ts';
import { displayPath, exists, readYamlInput } from './files.ts';
import { insideProject } from './project-path.ts';
import { contentPaths } from './project.ts';

/** A logo or favicon is a small picture; anything bigger is the wrong file, and would slow every page. */
export const MAX_IMAGE_BYTES = 512 * 1024;

const ALLOWED: Record<'logo' | 'favicon', readonly ImageKind[]> = {
  logo: ['svg', 'png', 'webp', 'jpeg'],
  favicon: ['svg', 'png', 'ico', 'webp'],
};

/** content/site.yaml, with its logo and favicon read and checked: what the build publishes. */
export interface LoadedSite {
  config: SiteConfig;
  images: SiteImages;
  /** Each image's bytes, under the name the pages link it by (`logo-<hash>.svg`), for the sites' folders. */
  files: Array<{ role: 'logo' | 'favicon'; name: string; bytes: Uint8Array }>;
}

/**
 * content/site.yaml, validated (a wrong key or type, a brand colour that fails WCAG AA, a logo that is
 * missing, outside the project or not a safe image: each a located input error); the defaults without it.
 */
export async function loadSiteConfig(root: string, cwd?: string): Promise<LoadedSite> {
  const file = path.join(contentPaths(root).contentDir, 'site.yaml');
  if (!(await exists(file))) return { config: DEFAULT_SITE_CONFIG, images: {}, files: [] };
  const source = await readYamlInput(file, cwd, root);
  const config = validateSource(source, siteConfigSchema);
  const loaded: LoadedSite = { config, images: {}, files: [] };
  const errors: InputError[] = [];
  for (const role of ['logo', 'favicon'] as const) {
    const written = config.brand?.[role];
    if (written === undefined) continue;
    try {
      const image = await readImage(root, written, role, source.locate(['brand', role]), cwd);
      loaded.images[role] = { file: image.name, mediaType: IMAGE_KINDS[image.kind].mediaType };
      loaded.files.push({ role, name: image.name, bytes: image.bytes });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length) throw new InputErrors(errors);
  return loaded;
}

/**
 * One image of site.yaml: inside content/ (links followed, see project-path.ts), a file of at most
 * MAX_IMAGE_BYTES, of a kind allowed for its role by its first bytes and named for that kind, and for
 * an SVG, nothing but drawing. Published as `<role>-<first 12 hex of its SHA-256>.<ext>`: a new logo
 * gets a new address (no stale cache), the same bytes the same name (a reproducible dist/).
 */
async function readImage(root: string, written: string, role: 'logo' | 'favicon', at: Place, cwd?: string) {
  const file = path.resolve(contentPaths(root).contentDir, written);
  const real = await insideProject(root, file, at);
  const shown = displayPath(file, cwd);
  const fail = (message: string, hint: string) => new InputError(at, `brand.${role}: ${message}`, hint);
  const info = real === undefined ? undefined : await stat(real);
  if (!real || !info) throw fail(`${shown} does not exist.`, 'Put the image in content/ and write its path relative to content/, e.g. brand/logo.svg.');
  if (!info.isFile()) throw fail(`${shown} is a folder, not an image.`, 'Write the path of the image file itself.');
  if (info.size > MAX_IMAGE_BYTES) {
    throw fail(`${shown} is ${Math.ceil(info.size / 1024)} KB, more than the ${MAX_IMAGE_BYTES / 1024} KB a ${role} may be.`, 'Export it smaller (an SVG, or a PNG of a few hundred pixels).');
  }
  const bytes = new Uint8Array(await readFile(real));
  const kind = sniffImage(bytes);
  const allowed = ALLOWED[role].map((k) => IMAGE_KINDS[k].names[0]).join(', ');
  if (!kind || !ALLOWED[role].includes(kind)) {
    throw fail(`${shown} is ${kind ? IMAGE_KINDS[kind].called : 'not an image pledge can read'}, and a ${role} must be ${allowed}.`, `Save the ${role} as ${allowed}.`);
  }
  const extension = path.extname(file).slice(1).toLowerCase();
  if (!(IMAGE_KINDS[kind].names as readonly string[]).includes(extension)) {
    throw fail(`${shown} is ${IMAGE_KINDS[kind].called}, but its name ends in ".${extension}".`, `Rename it to end in .${IMAGE_KINDS[kind].extension}, so browsers are told what it is.`);
  }
  const problem = kind === 'svg' ? (await import('../core/site/svg.ts')).svgProblem(bytes) : undefined;
  if (problem) {
    throw fail(`${shown} ${problem}, so it is not published: an SVG opened at its own address runs on the site.`, 'Export it again as a plain drawing (no scripts, event handlers, embedded HTML or outside links), or use a PNG.');
  }
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
  return { kind, bytes, name: `${role}-${hash}.${IMAGE_KINDS[kind].extension}` };
}
